import { PlusOutlined } from '@ant-design/icons';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import { EmptyState, type ServerTableColumn, type ServerTableFilter, StatusTag, useT } from '@safety/ui';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectReviewListQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  DECISION_VARIANTS,
  DECISIONS,
  REVIEW_STATUS_VARIANTS,
  REVIEW_STATUSES,
  REVIEWER_ROLES,
} from './labels.js';
import { ProjectReviewListDocument } from './operations.js';
import { SubmitReviewModal } from './project-review-actions.js';
import { ProjectReviewDrawer } from './project-review-drawer.js';

type Row = ProjectReviewListQuery['projectReviews']['nodes'][number];

const FILTER_ARGS: FilterArgs = { status: 'status', decision: 'decision' };

/** 重大工程和项目安全风险评估与论证 (domain §5.10): every review in scope, the veto in red. */
export function ProjectReviewPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const reviewer = (session?.account.roles ?? []).some((role) => REVIEWER_ROLES.includes(role));
  const [submitting, setSubmitting] = useState(false);
  // The open review is in the URL (?review=<id>), so a link opens it.
  const [openId, setOpenIdState] = useState(() => new URLSearchParams(window.location.search).get('review'));
  const setOpenId = (id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('review', id);
    else url.searchParams.delete('review');
    window.history.replaceState(window.history.state, '', url);
    setOpenIdState(id);
  };
  const list = usePagedConnection(ProjectReviewListDocument, {
    connection: (data) => data.projectReviews,
    filterArgs: FILTER_ARGS,
  });

  const columns: ServerTableColumn<Row>[] = [
    {
      key: 'code',
      title: t('review.code'),
      hideable: false,
      render: (_: unknown, row: Row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {row.code}
        </Button>
      ),
    },
    { key: 'projectName', title: t('review.projectName') },
    {
      key: 'owner',
      title: t('review.owner'),
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.ownerEntity}</span>
          <Typography.Text type="secondary">{row.enterprise?.townshipName ?? ''}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'stage',
      title: t('review.stage'),
      render: (_: unknown, row: Row) => t(`review.stages.${row.stage}`),
    },
    {
      key: 'mandatory',
      title: t('review.mandatory'),
      render: (_: unknown, row: Row) =>
        row.mandatory ? <Tag color="purple">{t('review.mandatoryYes')}</Tag> : t('review.mandatoryNo'),
    },
    {
      key: 'status',
      title: t('review.statusLabel'),
      render: (_: unknown, row: Row) => (
        <StatusTag status={row.status} variants={REVIEW_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'decision',
      title: t('review.decisionLabel'),
      render: (_: unknown, row: Row) =>
        row.decision ? (
          <StatusTag status={row.decision} variants={DECISION_VARIANTS} ns={HAZARD_NAMESPACE} />
        ) : (
          '—'
        ),
    },
  ];

  const filters: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('review.statusLabel'),
      type: 'select',
      options: REVIEW_STATUSES.map((code) => ({ value: code, label: t(`review.status.${code}`) })),
    },
    {
      key: 'decision',
      label: t('review.decisionLabel'),
      type: 'select',
      options: DECISIONS.map((code) => ({ value: code, label: t(`review.decision.${code}`) })),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('review.title')}
        </Typography.Title>
        {reviewer ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)}>
            {t('review.submit')}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <PagedTable<Row>
        list={list}
        tableId="hazard.projectReviews"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState image="simple" title={t('review.emptyTitle')} description={t('review.emptyHint')} />
        }
      />
      {submitting ? (
        <SubmitReviewModal
          onClose={(id) => {
            setSubmitting(false);
            if (id) setOpenId(id);
          }}
        />
      ) : null}
      <ProjectReviewDrawer reviewId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
