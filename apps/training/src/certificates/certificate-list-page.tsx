import { type FilterArgs, PagedTable, usePagedConnection } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  type StatusVariants,
  useT,
} from '@safety/ui';
import { Typography } from 'antd';
import type { CertificateListQuery, CertificateStatus } from '../gql/graphql.js';
import { CERTIFICATE_CATEGORIES, TRAINING_NAMESPACE } from '../i18n/resources.js';
import { CertificateListDocument } from './operations.js';

type CertificateRow = CertificateListQuery['certificates']['nodes'][number];

/** Domain §7.5, as of today (variants as data). */
const STATUS_VARIANTS: StatusVariants<CertificateStatus> = {
  VALID: { colour: 'success', labelKey: 'status.VALID' },
  REVIEW_WINDOW: { colour: 'warning', labelKey: 'status.REVIEW_WINDOW' },
  REVIEW_OVERDUE: { colour: 'error', labelKey: 'status.REVIEW_OVERDUE' },
  EXPIRED: { colour: 'default', labelKey: 'status.EXPIRED' },
  REVIEW_FAILED: { colour: 'error', labelKey: 'status.REVIEW_FAILED' },
  SUSPENDED: { colour: 'warning', labelKey: 'status.SUSPENDED' },
  REVOKED: { colour: 'default', labelKey: 'status.REVOKED' },
};

/** No review is due on a certificate that no longer counts (shown as —, not as 已完成). */
const isFinished = (status: CertificateStatus) =>
  status === 'EXPIRED' || status === 'REVOKED' || status === 'REVIEW_FAILED';

const FILTER_ARGS: FilterArgs = { status: 'status', category: 'category' };

/** 持证管理: certificates in the caller's data scope, soonest expiring first. */
export function CertificateListPage() {
  const t = useT(TRAINING_NAMESPACE);
  const list = usePagedConnection(CertificateListDocument, {
    connection: (data) => data.certificates,
    filterArgs: FILTER_ARGS,
  });

  const columns: ServerTableColumn<CertificateRow>[] = [
    { key: 'holderName', title: t('certificate.holderName'), hideable: false },
    { key: 'idNumberMasked', title: t('certificate.idNumber') },
    {
      key: 'category',
      title: t('certificate.category'),
      render: (_: unknown, row: CertificateRow) => t(`category.${row.category}`),
    },
    {
      key: 'operationType',
      title: t('certificate.operationType'),
      render: (_: unknown, row: CertificateRow) => row.operationType ?? t('certificate.none'),
    },
    { key: 'number', title: t('certificate.number'), defaultHidden: true },
    { key: 'validTo', title: t('certificate.validTo') },
    {
      key: 'nextReviewDue',
      title: t('certificate.nextReviewDue'),
      render: (_: unknown, row: CertificateRow) =>
        row.nextReviewDue && !isFinished(row.status) ? (
          <DeadlineBadge deadline={row.nextReviewDue} soonWithinDays={60} />
        ) : (
          t('certificate.none')
        ),
    },
    {
      key: 'status',
      title: t('certificate.status'),
      render: (_: unknown, row: CertificateRow) => (
        <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={TRAINING_NAMESPACE} />
      ),
    },
    {
      key: 'enterprise',
      title: t('certificate.enterprise'),
      render: (_: unknown, row: CertificateRow) => row.enterprise.name,
    },
  ];

  const filterDefs: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('certificate.status'),
      type: 'select',
      options: Object.keys(STATUS_VARIANTS).map((code) => ({ value: code, label: t(`status.${code}`) })),
    },
    {
      key: 'category',
      label: t('certificate.category'),
      type: 'select',
      options: CERTIFICATE_CATEGORIES.map((code) => ({ value: code, label: t(`category.${code}`) })),
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('certificate.listTitle')}
      </Typography.Title>
      <PagedTable<CertificateRow>
        list={list}
        tableId="training.certificates"
        columns={columns}
        filters={filterDefs}
        empty={
          <EmptyState
            image="simple"
            title={t('certificate.emptyTitle')}
            description={t('certificate.emptyHint')}
          />
        }
      />
    </>
  );
}
