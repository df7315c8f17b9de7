import { useQuery } from '@apollo/client/react';
import { PagedTable, usePagedConnection } from '@safety/client';
import { EmptyState, type ServerTableColumn, type ServerTableFilter, useT } from '@safety/ui';
import { Button, Typography } from 'antd';
import { useState } from 'react';
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

/** URL search param → query argument (the URL keys stay short and readable). */
const FILTER_ARGS = {
  search: 'search',
  town: 'townshipCode',
  industry: 'industryCode',
  class: 'supervisionClass',
  status: 'operatingStatus',
} as const satisfies Record<string, keyof EnterpriseListQueryVariables>;

/** 企业名录: the registry of enterprises in the caller's data scope, filtered by URL, paged by cursor. */
export function EnterpriseListPage() {
  const t = useT(SUPERVISION_NAMESPACE);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedConnection(EnterpriseListDocument, {
    connection: (data) => data.enterprises,
    filterArgs: FILTER_ARGS,
  });
  const towns = useQuery(TownshipsDocument);

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
      <PagedTable<EnterpriseRow>
        list={list}
        tableId="supervision.enterprises"
        columns={columns}
        filters={filterDefs}
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
