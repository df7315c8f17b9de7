import { useMutation, useQuery } from '@apollo/client/react';
import {
  type FilterArgs,
  PagedTable,
  useFileTransport,
  usePagedConnection,
  useSession,
} from '@safety/client';
import {
  applyServerErrors,
  DeadlineBadge,
  EmptyState,
  FileUpload,
  formatShanghaiDateTime,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  type StatusVariants,
  type StoredFile,
  useT,
} from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { Link } from 'react-router';
import type {
  AlertListQuery,
  HazardCategory,
  HazardGrade,
  MonitoringAlertKind,
  MonitoringAlertLevel,
  MonitoringAlertStatus,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  AcknowledgeAlertDocument,
  AlertClockDocument,
  AlertListDocument,
  CloseAlertDocument,
  ConvertAlertDocument,
  DisposeAlertDocument,
} from './operations.js';

type AlertRow = AlertListQuery['monitoringAlerts']['nodes'][number];
type Operation = 'acknowledge' | 'dispose' | 'close' | 'convert';

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

/**
 * The service's now, asked every 30 s, so the acknowledgement countdown moves without a reload and
 * agrees with the escalation sweep (DEMO_TODAY pins the demo's clock; the browser's would not).
 */
function useServiceNow(): number | null {
  const { data } = useQuery(AlertClockDocument, { pollInterval: 30_000 });
  return data ? Date.parse(data.serviceClock.now) : null;
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
  const now = useServiceNow();
  const list = usePagedConnection(AlertListDocument, {
    connection: (data) => data.monitoringAlerts,
    filterArgs: FILTER_ARGS,
  });
  const [acting, setActing] = useState<{ alert: AlertRow; operation: Operation } | null>(null);

  const dueCell = (row: AlertRow) => {
    const pending = row.status === 'OPEN' || row.status === 'ESCALATED';
    const minutes = now === null ? null : Math.round((Date.parse(row.acknowledgeDueAt) - now) / 60_000);
    return (
      <Space orientation="vertical" size={0}>
        <Space size={4} wrap>
          <Typography.Text>{formatShanghaiDateTime(row.acknowledgeDueAt)}</Typography.Text>
          <DeadlineBadge deadline={row.acknowledgeDueAt} closed={!pending} />
        </Space>
        {pending && minutes !== null ? (
          <Typography.Text type={minutes < 0 ? 'danger' : 'warning'} data-testid="alert-minutes">
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
  // Online patrol (domain §5.13): a regulator turns an alert into a hazard once; then it links to it.
  const hazardCell = (row: AlertRow) =>
    row.hazardId ? (
      <Link to={`../hazards?hazard=${row.hazardId}`} relative="path" data-testid="alert-hazard-link">
        {row.hazard ? t('alert.convert.open', { code: row.hazard.code }) : t('alert.converted')}
      </Link>
    ) : regulator && row.status !== 'CLOSED' ? (
      <Button size="small" onClick={() => setActing({ alert: row, operation: 'convert' })}>
        {t('alert.convert.action')}
      </Button>
    ) : null;
  const actionCell = (row: AlertRow) => {
    const operation = offered(row.status, enterprise, regulator);
    const main = operation ? (
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
    return (
      <Space size={4} wrap>
        {main}
        {hazardCell(row)}
      </Space>
    );
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
      {acting?.operation === 'convert' ? (
        <ConvertAlertModal alert={acting.alert} onClose={() => setActing(null)} />
      ) : acting ? (
        <AlertActionModal {...acting} onClose={() => setActing(null)} />
      ) : null}
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

interface ConvertValues {
  title: string;
  description?: string;
  grade: HazardGrade;
  category?: HazardCategory;
  deadline?: string;
  photos?: StoredFile[];
}
const CATEGORIES: HazardCategory[] = ['UNSAFE_CONDITION', 'UNSAFE_ACT', 'MANAGEMENT_DEFECT'];

/** 转为隐患 (domain §5.13): the service records a MONITORING_ALERT hazard found when the alarm started. */
function ConvertAlertModal({ alert, onClose }: { alert: AlertRow; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<ConvertValues>();
  const [banner, setBanner] = useState<string[]>([]);
  const [convert, { loading }] = useMutation(ConvertAlertDocument, {
    refetchQueries: ['AlertList', 'HazardList'],
  });
  const clock = useQuery(AlertClockDocument);
  const submit = async () => {
    setBanner([]);
    const values = await form.validateFields();
    try {
      await convert({
        variables: {
          input: {
            alertId: alert.id,
            expectedVersion: alert.version,
            title: values.title,
            description: values.description || undefined,
            grade: values.grade,
            category: values.category,
            deadline: values.deadline || undefined,
            evidence: (values.photos ?? []).map((file) => ({ fileId: file.id, kind: 'BEFORE' as const })),
          },
        },
      });
      onClose();
    } catch (error) {
      // Field errors on their fields; CONFLICT (already converted, closed) and FORBIDDEN in the banner.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced);
    }
  };
  return (
    <Modal
      open
      title={`${t('alert.convert.action')} · ${alert.enterprise.name}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      {banner.length ? (
        <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('alert.convert.hint')}</Typography.Paragraph>
      <Form<ConvertValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: `${t(`alert.kinds.${alert.kind}`)}${t(`alert.levels.${alert.level}`)}${t('alert.convert.titleSuffix')}`,
          grade: 'GENERAL',
        }}
      >
        <Form.Item
          name="title"
          label={t('alert.convert.title')}
          rules={[{ required: true, min: 4, max: 100, message: t('alert.convert.titleRequired') }]}
        >
          <Input maxLength={100} aria-label={t('alert.convert.title')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('alert.convert.description')}
          extra={t('alert.convert.descriptionHint')}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="grade" label={t('alert.convert.grade')}>
          <Radio.Group
            optionType="button"
            options={(['GENERAL', 'MAJOR'] as const).map((value) => ({ value, label: t(`grade.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('alert.convert.category')}>
          <Select
            allowClear
            options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('alert.convert.deadline')}>
          <Input type="date" min={clock.data?.serviceClock.today} aria-label={t('alert.convert.deadline')} />
        </Form.Item>
        <Form.Item name="photos" label={t('report.photos')}>
          <FileUpload transport={transport} aria-label={t('report.photos')} maxCount={9} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
