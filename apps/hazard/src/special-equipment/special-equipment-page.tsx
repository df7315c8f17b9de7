import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SpecialEquipmentFieldsFragment } from '../gql/graphql.js';
import { STATUS_VARIANTS } from '../hazards/labels.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { type EquipmentAction, EquipmentActionModal, RegisterEquipmentModal } from './equipment-forms.js';
import { EQUIPMENT_CATEGORIES, EQUIPMENT_KEEPER_ROLES, RESULT_VARIANTS, USE_VARIANTS } from './labels.js';
import { EquipmentEnterprisesDocument, SpecialEquipmentListDocument } from './operations.js';

type Row = SpecialEquipmentFieldsFragment;

/** URL search param → query argument. */
const FILTER_ARGS: FilterArgs = {
  overdue: { arg: 'overdue', parse: (value) => value === 'true' },
  category: 'category',
  sealed: { arg: 'sealed', parse: (value) => value === 'true' },
  enterprise: 'enterpriseId',
};

/**
 * 特种设备台账 (domain §5.5): the units in the caller's scope (市场监管 sees every unit), their next
 * inspection, and the SYSTEM_RULE hazard the overdue rule raised, linked to the hazard drawer.
 */
export function SpecialEquipmentPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const keeper = roles.some((role) => EQUIPMENT_KEEPER_ROLES.includes(role));
  const [registering, setRegistering] = useState(false);
  const [action, setAction] = useState<{ unit: Row; kind: EquipmentAction } | null>(null);
  const list = usePagedConnection(SpecialEquipmentListDocument, {
    connection: (data) => data.specialEquipment,
    filterArgs: FILTER_ARGS,
  });
  const enterprises = useQuery(EquipmentEnterprisesDocument);

  const columns: ServerTableColumn<Row>[] = [
    {
      key: 'registrationNo',
      title: t('equipment.registrationNo'),
      hideable: false,
      render: (_: unknown, row: Row) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {row.registrationNo}
        </Typography.Text>
      ),
    },
    { key: 'name', title: t('equipment.name') },
    {
      key: 'category',
      title: t('equipment.category'),
      render: (_: unknown, row: Row) => t(`equipment.categories.${row.category}`),
    },
    {
      key: 'enterprise',
      title: t('equipment.enterprise'),
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.holderName ?? '—'}</span>
          <Typography.Text type="secondary">{row.location ?? ''}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'lastInspection',
      title: t('equipment.lastInspection'),
      render: (_: unknown, row: Row) => (
        <Space size={4} wrap>
          <span>{row.lastInspectionAt ?? '—'}</span>
          {row.inspectionResult ? (
            <StatusTag status={row.inspectionResult} variants={RESULT_VARIANTS} ns={HAZARD_NAMESPACE} />
          ) : null}
        </Space>
      ),
    },
    {
      key: 'nextInspectionDue',
      title: t('equipment.nextDue'),
      render: (_: unknown, row: Row) =>
        row.nextInspectionDue ? (
          <Space orientation="vertical" size={0}>
            <span>{row.nextInspectionDue}</span>
            {/* Sealed units owe no inspection (domain §5.5), so their date is not counted down. */}
            <DeadlineBadge deadline={row.nextInspectionDue} closed={row.sealed} soonWithinDays={30} />
            {row.dueDefaulted ? (
              <Typography.Text type="secondary">{t('equipment.dueDefaulted')}</Typography.Text>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('equipment.noDue')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('equipment.status'),
      render: (_: unknown, row: Row) => (
        <Space size={4} wrap>
          <StatusTag
            status={row.sealed ? 'SEALED' : 'IN_USE'}
            variants={USE_VARIANTS}
            ns={HAZARD_NAMESPACE}
          />
          {row.inspectionOverdue ? <Tag color="error">{t('equipment.overdue')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'hazard',
      title: t('equipment.hazard'),
      render: (_: unknown, row: Row) =>
        row.overdueHazard ? (
          <Space size={4} wrap>
            <Link to={`../hazards?hazard=${row.overdueHazard.id}`} data-testid="equipment-hazard-link">
              {row.overdueHazard.code}
            </Link>
            <StatusTag status={row.overdueHazard.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
          </Space>
        ) : (
          '—'
        ),
    },
    ...(keeper
      ? [
          {
            key: 'actions',
            title: t('equipment.actions'),
            hideable: false,
            render: (_: unknown, row: Row) => (
              <Space size={0} wrap>
                {row.sealed ? null : (
                  <Button type="link" size="small" onClick={() => setAction({ unit: row, kind: 'inspect' })}>
                    {t('equipment.recordInspection')}
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  onClick={() => setAction({ unit: row, kind: row.sealed ? 'unseal' : 'seal' })}
                >
                  {row.sealed ? t('equipment.unseal') : t('equipment.seal')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const enterpriseOptions = new Map<string, string>();
  for (const e of enterprises.data?.enterprises.nodes ?? []) enterpriseOptions.set(e.id, e.name);
  for (const row of list.rows) if (row.holderName) enterpriseOptions.set(row.enterpriseId, row.holderName);
  const filters: ServerTableFilter[] = [
    {
      key: 'overdue',
      label: t('equipment.overdueFilter'),
      type: 'select',
      options: [
        { value: 'true', label: t('equipment.overdueYes') },
        { value: 'false', label: t('equipment.overdueNo') },
      ],
    },
    {
      key: 'category',
      label: t('equipment.category'),
      type: 'select',
      options: EQUIPMENT_CATEGORIES.map((code) => ({
        value: code,
        label: t(`equipment.categories.${code}`),
      })),
    },
    {
      key: 'sealed',
      label: t('equipment.status'),
      type: 'select',
      options: [
        { value: 'false', label: t('equipment.use.IN_USE') },
        { value: 'true', label: t('equipment.use.SEALED') },
      ],
    },
    {
      key: 'enterprise',
      label: t('equipment.enterprise'),
      type: 'select',
      options: [...enterpriseOptions].map(([value, label]) => ({ value, label })),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('equipment.title')}
        </Typography.Title>
        {keeper ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('equipment.register')}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('equipment.intro')}</Typography.Paragraph>
      <PagedTable<Row>
        list={list}
        tableId="hazard.specialEquipment"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState
            image="simple"
            title={t('equipment.emptyTitle')}
            description={t('equipment.emptyHint')}
          />
        }
      />
      {registering ? <RegisterEquipmentModal onClose={() => setRegistering(false)} /> : null}
      {action ? (
        <EquipmentActionModal unit={action.unit} action={action.kind} onClose={() => setAction(null)} />
      ) : null}
    </>
  );
}
