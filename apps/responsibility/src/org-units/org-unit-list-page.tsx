import { type FilterArgs, PagedTable, usePagedConnection } from '@safety/client';
import {
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  type StatusVariants,
  useT,
} from '@safety/ui';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import type { OrgUnitListQuery, SupervisoryRole } from '../gql/graphql.js';
import { ORG_UNIT_TYPES, RESPONSIBILITY_NAMESPACE } from '../i18n/resources.js';
import { OfficialsDrawer } from './officials-drawer.js';
import { OrgUnitListDocument } from './operations.js';

type OrgUnitRow = OrgUnitListQuery['orgUnits']['nodes'][number];

/** 综合监管 / 行业监管 (variants as data). */
const ROLE_VARIANTS: StatusVariants<SupervisoryRole> = {
  COMPREHENSIVE: { colour: 'purple', labelKey: 'role.COMPREHENSIVE' },
  INDUSTRY: { colour: 'geekblue', labelKey: 'role.INDUSTRY' },
  NONE: { colour: 'default', labelKey: 'role.NONE' },
};

const FILTER_ARGS: FilterArgs = { search: 'search', type: 'type' };

/** 组织机构: the county's org units (党委、政府、部门、镇、村) and, in a drawer, their officials. */
export function OrgUnitListPage() {
  const t = useT(RESPONSIBILITY_NAMESPACE);
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const list = usePagedConnection(OrgUnitListDocument, {
    connection: (data) => data.orgUnits,
    filterArgs: FILTER_ARGS,
  });

  const columns: ServerTableColumn<OrgUnitRow>[] = [
    {
      key: 'name',
      title: t('orgUnit.name'),
      hideable: false,
      render: (_: unknown, row: OrgUnitRow) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen({ id: row.id, name: row.name })}>
          {row.name}
        </Button>
      ),
    },
    { key: 'code', title: t('orgUnit.code'), defaultHidden: true },
    {
      key: 'type',
      title: t('orgUnit.type'),
      render: (_: unknown, row: OrgUnitRow) => t(`type.${row.type}`),
    },
    {
      key: 'supervisoryRole',
      title: t('orgUnit.supervisoryRole'),
      render: (_: unknown, row: OrgUnitRow) => (
        <StatusTag status={row.supervisoryRole} variants={ROLE_VARIANTS} ns={RESPONSIBILITY_NAMESPACE} />
      ),
    },
    {
      key: 'isSafetyCommitteeMember',
      title: t('orgUnit.committeeMember'),
      render: (_: unknown, row: OrgUnitRow) =>
        row.isSafetyCommitteeMember ? t('orgUnit.yes') : t('orgUnit.no'),
    },
    {
      key: 'parent',
      title: t('orgUnit.parent'),
      render: (_: unknown, row: OrgUnitRow) => row.parent?.name ?? '—',
    },
    {
      key: 'division',
      title: t('orgUnit.division'),
      render: (_: unknown, row: OrgUnitRow) => row.division?.name ?? '—',
    },
  ];

  const filterDefs: ServerTableFilter[] = [
    { key: 'search', label: t('orgUnit.search'), type: 'text' },
    {
      key: 'type',
      label: t('orgUnit.type'),
      type: 'select',
      options: ORG_UNIT_TYPES.map((code) => ({ value: code, label: t(`type.${code}`) })),
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('orgUnit.listTitle')}
      </Typography.Title>
      <PagedTable<OrgUnitRow>
        list={list}
        tableId="responsibility.orgUnits"
        columns={columns}
        filters={filterDefs}
        empty={
          <EmptyState image="simple" title={t('orgUnit.emptyTitle')} description={t('orgUnit.emptyHint')} />
        }
      />
      <OfficialsDrawer orgUnit={open} onClose={() => setOpen(null)} />
    </>
  );
}
