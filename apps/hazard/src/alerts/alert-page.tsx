import { useMutation } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  formatShanghaiDateTime,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  type StatusVariants,
  useT,
} from '@safety/ui';
import { Alert, Button, Card, Grid, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import type {
  AlertListQuery,
  MonitoringAlertKind,
  MonitoringAlertLevel,
  MonitoringAlertStatus,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  AcknowledgeAlertDocument,
  AlertListDocument,
  CloseAlertDocument,
  DisposeAlertDocument,
} from './operations.js';

type AlertRow = AlertListQuery['monitoringAlerts']['nodes'][number];
type Operation = 'acknowledge' | 'dispose' | 'close';

const FILTER_ARGS: FilterArgs = { status: 'status', level: 'level', kind: 'kind' };
const STATUSES: MonitoringAlertStatus[] = ['OPEN', 'ESCALATED', 'ACKNOWLEDGED', 'DISPOSED', 'CLOSED'];
const LEVELS: MonitoringAlertLevel[] = ['L1', 'L2', 'L3', 'L4'];
const KINDS: MonitoringAlertKind[] = [
  'GAS_CONCENTRATION',
  'TANK_LEVEL',
  'TEMPERATURE',
  'PRESSURE',
  'VIDEO_AI',
  'MINE_MONITORING',
  'TAILINGS_MONITORING',
  'ELEVATOR_IOT',
  'OTHER',
];
/** Domain §5.13: OPEN → ACKNOWLEDGED → DISPOSED → CLOSED; OPEN → ESCALATED when not acknowledged in time. */
const STATUS_VARIANTS: StatusVariants<MonitoringAlertStatus> = {
  OPEN: { colour: 'warning', labelKey: 'alert.statuses.OPEN' },
  ESCALATED: { colour: 'error', labelKey: 'alert.statuses.ESCALATED' },
  ACKNOWLEDGED: { colour: 'processing', labelKey: 'alert.statuses.ACKNOWLEDGED' },
  DISPOSED: { colour: 'cyan', labelKey: 'alert.statuses.DISPOSED' },
  CLOSED: { colour: 'success', labelKey: 'alert.statuses.CLOSED' },
};
/** 一级 is the highest: red, orange, yellow, blue as the national warning colours. */
const LEVEL_COLOURS: Record<MonitoringAlertLevel, string> = {
  L1: 'red',
  L2: 'orange',
  L3: 'gold',
  L4: 'blue',
};
const ENTERPRISE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];
const REGULATOR_ROLES = [
  'COUNTY_LEADER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'EMB_ENFORCER',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
  'STATIONED_SUPERVISOR',
];

/** The service's ALERT_TRANSITIONS: which operation a status offers to which side. */
function offered(status: MonitoringAlertStatus, enterprise: boolean, regulator: boolean): Operation | null {
  if (status === 'OPEN' && enterprise) return 'acknowledge';
  // [D] an escalated alert is still acknowledged late, by the enterprise or the regulator that took it up.
  if (status === 'ESCALATED' && (enterprise || regulator)) return 'acknowledge';
  if (status === 'ACKNOWLEDGED' && (enterprise || regulator)) return 'dispose';
  if (status === 'DISPOSED' && (enterprise || regulator)) return 'close';
  return null;
}

/** Re-renders every 30 s, so the acknowledgement countdown moves without a reload. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 监测预警 (domain §5.13, "线上巡查"): alerts in scope, newest first, with the acknowledgement deadline
 * (30 min [D]); the enterprise acknowledges, disposes and closes; escalated ones are highlighted for the
 * regulator, who may acknowledge them late.
 */
export function AlertPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const enterprise = roles.some((role) => ENTERPRISE_ROLES.includes(role));
  const regulator = roles.some((role) => REGULATOR_ROLES.includes(role));
  const now = useNow();
  const list = usePagedConnection(AlertListDocument, {
    connection: (data) => data.monitoringAlerts,
    filterArgs: FILTER_ARGS,
  });
  const [acting, setActing] = useState<{ alert: AlertRow; operation: Operation } | null>(null);

  const dueCell = (row: AlertRow) => {
    const pending = row.status === 'OPEN' || row.status === 'ESCALATED';
    const minutes = Math.round((Date.parse(row.acknowledgeDueAt) - now) / 60_000);
    return (
      <Space orientation="vertical" size={0}>
        <Space size={4} wrap>
          <Typography.Text>{formatShanghaiDateTime(row.acknowledgeDueAt)}</Typography.Text>
          <DeadlineBadge deadline={row.acknowledgeDueAt} closed={!pending} />
        </Space>
        {pending ? (
          <Typography.Text type={minutes < 0 ? 'danger' : 'warning'}>
            {minutes < 0 ? t('alert.lateBy', { minutes: -minutes }) : t('alert.minutesLeft', { minutes })}
          </Typography.Text>
        ) : row.acknowledgedAt ? (
          <Typography.Text type="secondary">
            {t('alert.acknowledgedAt', { at: formatShanghaiDateTime(row.acknowledgedAt) })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  };
  const actionCell = (row: AlertRow) => {
    const operation = offered(row.status, enterprise, regulator);
    return operation ? (
      <Button
        size="small"
        type={operation === 'acknowledge' ? 'primary' : 'default'}
        danger={row.status === 'ESCALATED'}
        onClick={() => setActing({ alert: row, operation })}
      >
        {t(`alert.actions.${operation}`)}
      </Button>
    ) : row.handling ? (
      <Typography.Text type="secondary">{row.handling}</Typography.Text>
    ) : null;
  };

  const columns: ServerTableColumn<AlertRow>[] = [
    {
      key: 'level',
      title: t('alert.level'),
      render: (_: unknown, row) => (
        <Tag color={LEVEL_COLOURS[row.level]}>{t(`alert.levels.${row.level}`)}</Tag>
      ),
    },
    {
      key: 'kind',
      title: t('alert.kind'),
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{t(`alert.kinds.${row.kind}`)}</Typography.Text>
          <Typography.Text type="secondary">
            {[row.reading, row.message].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{row.enterprise.name}</Typography.Text>
          <Typography.Text type="secondary">{`${row.enterprise.townshipName} · ${row.sourceSystem} · ${row.sensorRef}`}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'startedAt',
      title: t('alert.startedAt'),
      render: (_: unknown, row) => formatShanghaiDateTime(row.startedAt),
    },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
          {row.hazardId ? <Tag>{t('alert.converted')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'ackDue', title: t('alert.acknowledgeDue'), render: (_: unknown, row) => dueCell(row) },
    {
      key: 'actions',
      title: t('listing.actions'),
      hideable: false,
      render: (_: unknown, row) => actionCell(row),
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: STATUSES.map((value) => ({ value, label: t(`alert.statuses.${value}`) })),
    },
    {
      key: 'level',
      label: t('alert.level'),
      type: 'select',
      options: LEVELS.map((value) => ({ value, label: t(`alert.levels.${value}`) })),
    },
    {
      key: 'kind',
      label: t('alert.kind'),
      type: 'select',
      options: KINDS.map((value) => ({ value, label: t(`alert.kinds.${value}`) })),
    },
  ];
  const escalated = list.rows.filter((row) => row.status === 'ESCALATED').length;
  // On a phone (the enterprise acknowledging in the field) the rows are cards, not a wide table.
  const phone = Grid.useBreakpoint().md === false;

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('alert.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('alert.rule')}</Typography.Paragraph>
      {escalated ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('alert.escalatedOnPage', { count: escalated })}
        />
      ) : null}
      {/* Escalated rows are highlighted: the enterprise missed the 30-minute acknowledgement. */}
      <style>{'.hazard-alerts td[data-escalated="true"] { background: #fff1f0; }'}</style>
      {phone ? (
        <List
          data-testid="alert-cards"
          loading={list.loading}
          dataSource={list.rows}
          locale={{
            emptyText: (
              <EmptyState image="simple" title={t('alert.empty')} description={t('alert.emptyHint')} />
            ),
          }}
          renderItem={(row) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%', background: row.status === 'ESCALATED' ? '#fff1f0' : undefined }}
                title={
                  <Space size={4} wrap>
                    <Tag color={LEVEL_COLOURS[row.level]}>{t(`alert.levels.${row.level}`)}</Tag>
                    {t(`alert.kinds.${row.kind}`)}
                  </Space>
                }
                extra={<StatusTag status={row.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />}
              >
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text>{[row.reading, row.message].filter(Boolean).join(' · ')}</Typography.Text>
                  <Typography.Text type="secondary">{`${row.enterprise.name} · ${row.sensorRef}`}</Typography.Text>
                  <Typography.Text type="secondary">{`${t('alert.startedAt')} ${formatShanghaiDateTime(row.startedAt)}`}</Typography.Text>
                  {dueCell(row)}
                  {actionCell(row)}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : null}
      {phone && (list.pageInfo.hasNextPage || list.pageInfo.hasPreviousPage) ? (
        <Space style={{ marginTop: 8 }}>
          <Button disabled={!list.pageInfo.hasPreviousPage} onClick={list.onPrev}>
            {t('alert.previous')}
          </Button>
          <Button disabled={!list.pageInfo.hasNextPage} onClick={list.onNext}>
            {t('alert.next')}
          </Button>
        </Space>
      ) : null}
      <div
        className="hazard-alerts"
        data-testid="alert-table"
        style={phone ? { display: 'none' } : undefined}
      >
        <PagedTable<AlertRow>
          list={list}
          tableId="hazard.alerts"
          columns={columns.map((column) => ({
            ...column,
            onCell: (row: AlertRow) =>
              ({
                'data-escalated': row.status === 'ESCALATED' ? 'true' : undefined,
              }) as HTMLAttributes<HTMLElement>,
          }))}
          filters={filters}
          empty={<EmptyState image="simple" title={t('alert.empty')} description={t('alert.emptyHint')} />}
        />
      </div>
      {acting ? <AlertActionModal {...acting} onClose={() => setActing(null)} /> : null}
    </>
  );
}

function AlertActionModal({
  alert,
  operation,
  onClose,
}: {
  alert: AlertRow;
  operation: Operation;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const refetchQueries = ['AlertList'];
  const [acknowledge, a] = useMutation(AcknowledgeAlertDocument, { refetchQueries });
  const [dispose, d] = useMutation(DisposeAlertDocument, { refetchQueries });
  const [close, c] = useMutation(CloseAlertDocument, { refetchQueries });
  const [handling, setHandling] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const base = { alertId: alert.id, expectedVersion: alert.version };
  const submit = async () => {
    setMessage(null);
    try {
      if (operation === 'acknowledge') await acknowledge({ variables: { input: base } });
      if (operation === 'dispose') await dispose({ variables: { input: { ...base, handling } } });
      if (operation === 'close') await close({ variables: { input: base } });
      onClose();
    } catch (error) {
      // FORBIDDEN / CONFLICT (someone else acted first) are shown as the server words them.
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal
      open
      title={`${t(`alert.actions.${operation}`)} · ${alert.enterprise.name}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={a.loading || d.loading || c.loading}
      okButtonProps={{ disabled: operation === 'dispose' && !handling.trim() }}
    >
      {message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph>
        {`${t(`alert.kinds.${alert.kind}`)} · ${t(`alert.levels.${alert.level}`)} · ${alert.sensorRef}${
          alert.reading ? ` · ${alert.reading}` : ''
        }`}
      </Typography.Paragraph>
      {operation === 'acknowledge' ? (
        <Typography.Paragraph>{t('alert.acknowledgeHint')}</Typography.Paragraph>
      ) : null}
      {operation === 'dispose' ? (
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={handling}
          onChange={(e) => setHandling(e.target.value)}
          aria-label={t('alert.handling')}
          placeholder={t('alert.handlingHint')}
        />
      ) : null}
    </Modal>
  );
}
