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
import type { EmergencyPlanListQuery, EmergencyPlanStatus } from '../gql/graphql.js';
import { EMERGENCY_NAMESPACE, PLAN_TYPES } from '../i18n/resources.js';
import { PlanListDocument } from './operations.js';

type PlanRow = EmergencyPlanListQuery['emergencyPlans']['nodes'][number];

/** Domain §8.2 (variants as data). */
const STATUS_VARIANTS: StatusVariants<EmergencyPlanStatus> = {
  DRAFTING: { colour: 'default', labelKey: 'status.DRAFTING' },
  FILED: { colour: 'success', labelKey: 'status.FILED' },
  REVISION_REQUIRED: { colour: 'warning', labelKey: 'status.REVISION_REQUIRED' },
  SUPERSEDED: { colour: 'default', labelKey: 'status.SUPERSEDED' },
};

const FILTER_ARGS: FilterArgs = {
  status: 'status',
  planType: 'planType',
  overdueEvaluation: { arg: 'overdueEvaluation', parse: (value) => value === 'true' },
};

/** 应急预案: plans in the caller's data scope, newest code first, with their evaluation deadline. */
export function PlanListPage() {
  const t = useT(EMERGENCY_NAMESPACE);
  const list = usePagedConnection(PlanListDocument, {
    connection: (data) => data.emergencyPlans,
    filterArgs: FILTER_ARGS,
  });

  const columns: ServerTableColumn<PlanRow>[] = [
    { key: 'code', title: t('plan.code'), hideable: false },
    { key: 'title', title: t('plan.title') },
    {
      key: 'enterprise',
      title: t('plan.enterprise'),
      render: (_: unknown, row: PlanRow) => row.enterprise.name,
    },
    {
      key: 'planType',
      title: t('plan.planType'),
      render: (_: unknown, row: PlanRow) => t(`planType.${row.planType}`),
    },
    {
      key: 'status',
      title: t('plan.status'),
      render: (_: unknown, row: PlanRow) => (
        <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={EMERGENCY_NAMESPACE} />
      ),
    },
    {
      key: 'filedAt',
      title: t('plan.filedAt'),
      render: (_: unknown, row: PlanRow) => row.filedAt ?? t('plan.none'),
    },
    { key: 'lastEvaluatedAt', title: t('plan.lastEvaluatedAt'), defaultHidden: true },
    {
      key: 'nextEvaluationDue',
      title: t('plan.nextEvaluationDue'),
      render: (_: unknown, row: PlanRow) =>
        // Only plans in force are evaluated (FILED); a superseded plan's date is history.
        row.nextEvaluationDue && row.status !== 'SUPERSEDED' ? (
          <DeadlineBadge deadline={row.nextEvaluationDue} soonWithinDays={30} />
        ) : (
          t('plan.none')
        ),
    },
  ];

  const filterDefs: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('plan.status'),
      type: 'select',
      options: Object.keys(STATUS_VARIANTS).map((code) => ({ value: code, label: t(`status.${code}`) })),
    },
    {
      key: 'planType',
      label: t('plan.planType'),
      type: 'select',
      options: PLAN_TYPES.map((code) => ({ value: code, label: t(`planType.${code}`) })),
    },
    {
      key: 'overdueEvaluation',
      label: t('plan.overdueEvaluation'),
      type: 'select',
      options: [
        { value: 'true', label: t('plan.overdueYes') },
        { value: 'false', label: t('plan.overdueNo') },
      ],
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('plan.listTitle')}
      </Typography.Title>
      <PagedTable<PlanRow>
        list={list}
        tableId="emergency.plans"
        columns={columns}
        filters={filterDefs}
        empty={<EmptyState image="simple" title={t('plan.emptyTitle')} description={t('plan.emptyHint')} />}
      />
    </>
  );
}
