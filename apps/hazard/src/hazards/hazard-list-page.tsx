import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { HazardListQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { HazardDrawer } from './hazard-drawer.js';
import { GRADE_VARIANTS, isFinished, STATUS_VARIANTS } from './labels.js';
import { HazardLedgerExportDocument, HazardListDocument, HazardTownshipsDocument } from './operations.js';

type HazardRow = HazardListQuery['hazards']['nodes'][number];

/** URL search param → query argument. */
const FILTER_ARGS: FilterArgs = {
  grade: 'grade',
  status: 'status',
  overdue: { arg: 'overdue', parse: (value) => value === 'true' },
  town: 'townshipCode',
  // Set by links from other pages (e.g. the major hazard sources board): one enterprise's hazards.
  enterprise: 'enterpriseId',
};

/** 隐患清单: hazards in the caller's data scope, newest first, with the enterprise from supervision. */
export function HazardListPage() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  // The open hazard is in the URL (?hazard=<id>, next to the table's filters), so a link or a
  // report's redirect opens it.
  const [openId, setOpenIdState] = useState(() => new URLSearchParams(window.location.search).get('hazard'));
  const setOpenId = (id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('hazard', id);
    else url.searchParams.delete('hazard');
    window.history.replaceState(window.history.state, '', url);
    setOpenIdState(id);
  };
  const list = usePagedConnection(HazardListDocument, {
    connection: (data) => data.hazards,
    filterArgs: FILTER_ARGS,
  });
  const towns = useQuery(HazardTownshipsDocument);
  const client = useApolloClient();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  /** 导出台账: the rows of the current filters as .xlsx, saved by the browser. */
  const exportLedger = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { data } = await client.query({
        query: HazardLedgerExportDocument,
        variables: list.filterVariables,
        fetchPolicy: 'network-only',
      });
      const file = data?.hazardLedgerExport;
      if (!file) return;
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      const link = Object.assign(document.createElement('a'), { href: url, download: file.filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ServerTableColumn<HazardRow>[] = [
    {
      key: 'code',
      title: t('hazard.code'),
      hideable: false,
      render: (_: unknown, row: HazardRow) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {row.code}
        </Button>
      ),
    },
    { key: 'title', title: t('hazard.title') },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      render: (_: unknown, row: HazardRow) => row.enterprise?.name ?? '—',
    },
    {
      key: 'township',
      title: t('hazard.township'),
      render: (_: unknown, row: HazardRow) => row.enterprise?.townshipName ?? '—',
    },
    {
      key: 'grade',
      title: t('hazard.grade'),
      render: (_: unknown, row: HazardRow) => (
        <StatusTag status={row.grade} variants={GRADE_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row: HazardRow) => (
        <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'deadline',
      title: t('hazard.deadline'),
      render: (_: unknown, row: HazardRow) =>
        row.deadline ? (
          <DeadlineBadge deadline={row.deadline} closed={isFinished(row.status)} />
        ) : (
          <Typography.Text type="secondary">{t('hazard.noDeadline')}</Typography.Text>
        ),
    },
  ];

  const enterpriseFilter = new URLSearchParams(window.location.search).get('enterprise');
  const filterDefs: ServerTableFilter[] = [
    {
      key: 'grade',
      label: t('hazard.grade'),
      type: 'select',
      options: Object.keys(GRADE_VARIANTS).map((code) => ({ value: code, label: t(`grade.${code}`) })),
    },
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: Object.keys(STATUS_VARIANTS).map((code) => ({ value: code, label: t(`status.${code}`) })),
    },
    {
      key: 'overdue',
      label: t('hazard.overdue'),
      type: 'select',
      options: [
        { value: 'true', label: t('hazard.overdueYes') },
        { value: 'false', label: t('hazard.overdueNo') },
      ],
    },
    {
      key: 'town',
      label: t('hazard.township'),
      type: 'select',
      options: (towns.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name })),
    },
    // Only offered when a link brought one: clearing it shows every enterprise again.
    ...(enterpriseFilter
      ? [
          {
            key: 'enterprise',
            label: t('hazard.enterprise'),
            type: 'select' as const,
            options: [
              {
                value: enterpriseFilter,
                label:
                  list.rows.find((row) => row.enterprise?.id === enterpriseFilter)?.enterprise?.name ??
                  t('hazard.oneEnterprise'),
              },
            ],
          },
        ]
      : []),
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('hazard.listTitle')}
        </Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLedger()}>
            {t('hazard.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('../report')}>
            {t('report.title')}
          </Button>
        </Space>
      </Space>
      {exportError ? (
        <Alert type="error" showIcon title={exportError} style={{ marginBottom: 16 }} closable />
      ) : null}
      <PagedTable<HazardRow>
        list={list}
        tableId="hazard.hazards"
        columns={columns}
        filters={filterDefs}
        empty={
          <EmptyState image="simple" title={t('hazard.emptyTitle')} description={t('hazard.emptyHint')} />
        }
      />
      <HazardDrawer hazardId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
