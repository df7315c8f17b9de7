import { useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { DeadlineBadge, EmptyState, useT } from '@safety/ui';
import { Alert, Button, Card, List, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SelfCheckPlanFieldsFragment } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { canRecord } from './labels.js';
import { SelfCheckPeriodCountDocument, SelfCheckPlanListDocument } from './operations.js';
import { type RunningPeriod, runningPeriod, shanghaiToday, weekOf } from './periods.js';

type Plan = SelfCheckPlanFieldsFragment;
type DueSpan = 'today' | 'week' | 'all';

/**
 * 今日/本周待查 (domain §5.8): the enterprise's plans in force with the period running today, the
 * checks done in it and its last day; the field worker records a check from here.
 */
export function DueChecks({ enterpriseId }: { enterpriseId?: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const today = shanghaiToday();
  const [span, setSpan] = useState<DueSpan>('week');
  const { data, loading, error } = useQuery(SelfCheckPlanListDocument, {
    variables: { first: 100, enterpriseId, active: true },
    fetchPolicy: 'cache-and-network',
  });
  const rows = useMemo(() => {
    const sunday = weekOf(today).end;
    return (data?.selfCheckPlans.nodes ?? [])
      .map((plan) => ({ plan, period: runningPeriod(plan.cadence, today, plan.shiftsPerDay) }))
      .filter((row): row is { plan: Plan; period: RunningPeriod } => row.period !== null)
      .filter(({ period }) => span === 'all' || period.end <= (span === 'today' ? today : sunday))
      .sort(
        (a, b) => a.period.end.localeCompare(b.period.end) || a.plan.name.localeCompare(b.plan.name, 'zh-CN'),
      );
  }, [data, today, span]);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading && !data) return <Skeleton active />;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Segmented<DueSpan>
        value={span}
        onChange={setSpan}
        options={(['today', 'week', 'all'] as const).map((value) => ({
          value,
          label: t(`selfCheck.window.${value}`),
        }))}
      />
      <List
        data-testid="due-checks"
        dataSource={rows}
        locale={{
          emptyText: (
            <EmptyState
              image="simple"
              title={t('selfCheck.dueEmpty')}
              description={t('selfCheck.dueEmptyHint')}
            />
          ),
        }}
        renderItem={({ plan, period }) => <DueCheck plan={plan} period={period} />}
      />
      <Typography.Text type="secondary">{t('selfCheck.preHolidayNote')}</Typography.Text>
    </Space>
  );
}

function DueCheck({ plan, period }: { plan: Plan; period: RunningPeriod }) {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const roles = useSession()?.account.roles ?? [];
  const count = useQuery(SelfCheckPeriodCountDocument, {
    variables: { planId: plan.id, from: period.start, to: period.end },
    fetchPolicy: 'cache-and-network',
  });
  const performed = count.data?.selfCheckRecords.totalCount;
  const met = performed !== undefined && performed >= period.required;
  return (
    <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
      <Card size="small" style={{ width: '100%' }} data-testid="due-check" data-plan-name={plan.name}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{plan.name}</Typography.Text>
            <Tag>{t(`selfCheck.kinds.${plan.kind}`)}</Tag>
            {performed === undefined ? null : met ? (
              <Tag color="success">{t('selfCheck.done')}</Tag>
            ) : (
              <Tag color="warning">{t('selfCheck.pending')}</Tag>
            )}
          </Space>
          <Space wrap size={[12, 4]}>
            <Typography.Text type="secondary">
              {period.start === period.end ? period.start : `${period.start} ~ ${period.end}`}
            </Typography.Text>
            <Typography.Text>
              {t('selfCheck.progress', { performed: performed ?? '…', required: period.required })}
            </Typography.Text>
            {met ? null : <DeadlineBadge deadline={period.end} />}
          </Space>
          {canRecord(roles, plan.responsibleRole) ? (
            <Button
              type={met ? 'default' : 'primary'}
              block
              onClick={() => navigate(`record/${plan.id}`)}
              aria-label={`${t('selfCheck.record')} ${plan.name}`}
            >
              {t('selfCheck.record')}
            </Button>
          ) : (
            <Typography.Text type="secondary">
              {t('selfCheck.responsible', { role: t(`selfCheck.roles.${plan.responsibleRole}`) })}
            </Typography.Text>
          )}
        </Space>
      </Card>
    </List.Item>
  );
}
