import { useQuery } from '@apollo/client/react';
import {
  EmptyState,
  type FilterValues,
  ServerTable,
  type ServerTableColumn,
  type ServerTableFilter,
  useT,
} from '@safety/ui';
import { Alert, Button, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { EnterpriseListQuery, EnterpriseListQueryVariables } from '../gql/graphql.js';
import {
  INDUSTRY_CODES,
  OPERATING_STATUSES,
  SUPERVISION_CLASSES,
  SUPERVISION_NAMESPACE,
} from '../i18n/resources.js';
import { EnterpriseDrawer } from './enterprise-drawer.js';
import { OperatingStatusTag, SupervisionClassTag } from './labels.js';
import { EnterpriseListDocument, TownshipsDocument } from './operations.js';

type EnterpriseRow = EnterpriseListQuery['enterprises']['nodes'][number];

const PAGE_SIZE = 20;
/** URL search param → query argument (the URL keys stay short and readable). */
const FILTER_ARGS = {
  search: 'search',
  town: 'townshipCode',
  industry: 'industryCode',
  class: 'supervisionClass',
  status: 'operatingStatus',
} as const satisfies Record<string, keyof EnterpriseListQueryVariables>;

function toVariables(values: FilterValues): Omit<EnterpriseListQueryVariables, 'first' | 'after'> {
  return Object.fromEntries(
    Object.entries(FILTER_ARGS).flatMap(([key, arg]) => (values[key] ? [[arg, values[key]]] : [])),
  );
}

function filtersFromUrl(): FilterValues {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(
    Object.keys(FILTER_ARGS).flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
}

/** 企业名录: the registry of enterprises in the caller's data scope, filtered by URL, paged by cursor. */
export function EnterpriseListPage() {
  const t = useT(SUPERVISION_NAMESPACE);
  const [filters, setFilters] = useState<FilterValues>(filtersFromUrl);
  const [page, setPage] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const variables = useMemo(() => ({ first: PAGE_SIZE, ...toVariables(filters) }), [filters]);
  // The cache appends pages (cursorConnection in @safety/client); the table shows one slice of them.
  const { data, previousData, loading, error, fetchMore } = useQuery(EnterpriseListDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const towns = useQuery(TownshipsDocument);
  const connection = (data ?? previousData)?.enterprises;
  const loaded = connection?.nodes ?? [];
  const rows = loaded.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const hasNext = loaded.length > (page + 1) * PAGE_SIZE || (connection?.pageInfo.hasNextPage ?? false);

  const onFiltersChange = useCallback((values: FilterValues) => {
    setPage(0);
    setFilters((current) => (JSON.stringify(current) === JSON.stringify(values) ? current : values));
  }, []);

  const onNext = async () => {
    const needed = (page + 2) * PAGE_SIZE;
    if (loaded.length < needed && connection?.pageInfo.hasNextPage) {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    }
    setPage((p) => p + 1);
  };

  const columns: ServerTableColumn<EnterpriseRow>[] = [
    {
      key: 'name',
      title: t('enterprise.name'),
      hideable: false,
      render: (_: unknown, row: EnterpriseRow) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {row.name}
        </Button>
      ),
    },
    { key: 'townshipName', title: t('enterprise.township') },
    {
      key: 'industryCode',
      title: t('enterprise.industry'),
      render: (_: unknown, row: EnterpriseRow) => t(`industry.${row.industryCode}`),
    },
    {
      key: 'supervisionClass',
      title: t('enterprise.supervisionClass'),
      render: (_: unknown, row: EnterpriseRow) => (
        <SupervisionClassTag value={row.supervisionClass} label={t(`class.${row.supervisionClass}`)} />
      ),
    },
    {
      key: 'operatingStatus',
      title: t('enterprise.operatingStatus'),
      render: (_: unknown, row: EnterpriseRow) => (
        <OperatingStatusTag value={row.operatingStatus} label={t(`status.${row.operatingStatus}`)} />
      ),
    },
    { key: 'employeeCount', title: t('enterprise.employeeCount'), align: 'right', defaultHidden: true },
  ];

  const filterDefs: ServerTableFilter[] = [
    { key: 'search', label: t('enterprise.search'), type: 'text' },
    {
      key: 'town',
      label: t('enterprise.township'),
      type: 'select',
      options: (towns.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name })),
    },
    {
      key: 'industry',
      label: t('enterprise.industry'),
      type: 'select',
      options: INDUSTRY_CODES.map((code) => ({ value: code, label: t(`industry.${code}`) })),
    },
    {
      key: 'class',
      label: t('enterprise.supervisionClass'),
      type: 'select',
      options: SUPERVISION_CLASSES.map((code) => ({ value: code, label: t(`class.${code}`) })),
    },
    {
      key: 'status',
      label: t('enterprise.operatingStatus'),
      type: 'select',
      options: OPERATING_STATUSES.map((code) => ({ value: code, label: t(`status.${code}`) })),
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('enterprise.listTitle')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <ServerTable<EnterpriseRow>
        tableId="supervision.enterprises"
        columns={columns}
        nodes={rows}
        rowKey="id"
        pageInfo={{ hasNextPage: hasNext, hasPreviousPage: page > 0 }}
        totalCount={connection?.totalCount ?? 0}
        loading={loading}
        onNext={() => void onNext()}
        onPrev={() => setPage((p) => Math.max(0, p - 1))}
        filters={filterDefs}
        onFiltersChange={onFiltersChange}
        empty={
          <EmptyState
            image="simple"
            title={t('enterprise.emptyTitle')}
            description={t('enterprise.emptyHint')}
          />
        }
      />
      <EnterpriseDrawer enterpriseId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
