import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DepartmentPicker,
  DepartmentPickerOneDocument,
  type FilterArgs,
  PagedTable,
  usePagedConnection,
  useSession,
} from '@safety/client';
import {
  applyServerErrors,
  DeadlineBadge,
  EmptyState,
  formatShanghaiDateTime,
  RISK_LEVELS,
  RiskLevelTag,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  type StatusVariants,
  useT,
} from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type {
  BriefingDetailQuery,
  BriefingLevel,
  BriefingListQuery,
  BriefingRiskLevel,
  BriefingStatus,
  RiskItemFollowUp,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  BriefingDetailDocument,
  BriefingListDocument,
  CreateRiskBriefingDocument,
  HoldBriefingDocument,
  IssueBriefingDocument,
  MissedBriefingsDocument,
  UpdateRiskBriefingDocument,
} from './operations.js';

type BriefingRow = BriefingListQuery['briefings']['nodes'][number];
type Briefing = NonNullable<BriefingDetailQuery['briefing']>;

const FILTER_ARGS: FilterArgs = { level: 'level', status: 'status' };
const LEVELS: BriefingLevel[] = ['SACO_WEEKLY', 'DEPT_WEEKLY', 'TOWN_MONTHLY', 'CROSS_DEPT'];
const STATUSES: BriefingStatus[] = ['DRAFT', 'HELD', 'ISSUED'];
/** Domain §5.12: DRAFT → HELD → ISSUED. */
const STATUS_VARIANTS: StatusVariants<BriefingStatus> = {
  DRAFT: { colour: 'default', labelKey: 'briefing.statuses.DRAFT' },
  HELD: { colour: 'processing', labelKey: 'briefing.statuses.HELD' },
  ISSUED: { colour: 'success', labelKey: 'briefing.statuses.ISSUED' },
};
/** Who holds which briefing (the service's BRIEFING_ROLES). */
const WRITERS: Record<BriefingLevel, string[]> = {
  SACO_WEEKLY: ['SAC_OFFICE', 'COUNTY_LEADER'],
  CROSS_DEPT: ['SAC_OFFICE', 'COUNTY_LEADER'],
  DEPT_WEEKLY: ['SAC_OFFICE', 'EMB_STAFF', 'INDUSTRY_REGULATOR'],
  TOWN_MONTHLY: ['SAC_OFFICE', 'TOWNSHIP_OFFICER'],
};
const DOMAINS = [
  'ROAD',
  'CONSTRUCTION',
  'MINE',
  'HAZCHEM',
  'CROWD',
  'FIRE',
  'SPECIAL_EQUIPMENT',
  'NEW_SECTOR',
  'NATURAL_DISASTER',
  'PUBLIC_SECURITY_OTHER',
];
const DAY_MS = 86_400_000;

/** Today in Asia/Shanghai as `YYYY-MM-DD`, shifted by whole days. */
const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * DAY_MS).toISOString().slice(0, 10);
/** Monday–Sunday of the ISO week of a local day (a weekly briefing covers one, domain §5.12). */
function weekOf(day: string): { from: string; to: string } {
  const date = new Date(`${day}T00:00:00Z`);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
  return {
    from: monday.toISOString().slice(0, 10),
    to: new Date(monday.getTime() + 6 * DAY_MS).toISOString().slice(0, 10),
  };
}

function OrgName({ id }: { id: string }) {
  const { data } = useQuery(DepartmentPickerOneDocument, { variables: { id } });
  return <>{data?.orgUnit?.name ?? '—'}</>;
}

/** 风险研判 (domain §5.12): briefings with their auto digest; the SAC office holds and issues the weekly one. */
export function BriefingPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const canHoldWeekly = roles.some((role) => WRITERS.SACO_WEEKLY.includes(role));
  const list = usePagedConnection(BriefingListDocument, {
    connection: (data) => data.briefings,
    filterArgs: FILTER_ARGS,
  });
  // The last twelve weeks: missed SAC office briefings are shown, not hidden (§4.5 cadence).
  const missed = useQuery(MissedBriefingsDocument, {
    variables: { level: 'SACO_WEEKLY', from: shanghaiDay(-84), to: shanghaiDay() },
  });
  // The open briefing is in the URL (?briefing=<id>), so a link opens it.
  const [openId, setOpenIdState] = useState(() =>
    new URLSearchParams(window.location.search).get('briefing'),
  );
  const setOpenId = (id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('briefing', id);
    else url.searchParams.delete('briefing');
    window.history.replaceState(window.history.state, '', url);
    setOpenIdState(id);
  };
  const [createError, setCreateError] = useState<string | null>(null);
  const [create, creating] = useMutation(CreateRiskBriefingDocument, {
    refetchQueries: ['BriefingList', 'MissedBriefings'],
  });

  const openThisWeek = async () => {
    setCreateError(null);
    const week = weekOf(shanghaiDay());
    try {
      const { data } = await create({
        variables: { input: { level: 'SACO_WEEKLY', periodFrom: week.from, periodTo: week.to } },
      });
      if (data) setOpenId(data.createRiskBriefing.id);
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: ServerTableColumn<BriefingRow>[] = [
    {
      key: 'period',
      title: t('briefing.period'),
      render: (_: unknown, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {`${row.periodFrom} – ${row.periodTo}`}
        </Button>
      ),
    },
    {
      key: 'level',
      title: t('briefing.level'),
      render: (_: unknown, row) => t(`briefing.levels.${row.level}`),
    },
    { key: 'org', title: t('briefing.org'), render: (_: unknown, row) => <OrgName id={row.orgId} /> },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'digest',
      title: t('briefing.digestShortTitle'),
      render: (_: unknown, row) =>
        t('briefing.digestShort', {
          fresh: row.autoDigest.newHazards,
          overdue: row.autoDigest.overdueHazards,
          major: row.autoDigest.openMajorHazards,
        }),
    },
    { key: 'items', title: t('briefing.riskItems'), render: (_: unknown, row) => row.riskItems.length },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'level',
      label: t('briefing.level'),
      type: 'select',
      options: LEVELS.map((value) => ({ value, label: t(`briefing.levels.${value}`) })),
    },
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: STATUSES.map((value) => ({ value, label: t(`briefing.statuses.${value}`) })),
    },
  ];
  const missedWeeks = missed.data?.missedRiskBriefings ?? [];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('briefing.title')}
        </Typography.Title>
        {canHoldWeekly ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={creating.loading}
            onClick={() => void openThisWeek()}
          >
            {t('briefing.openThisWeek')}
          </Button>
        ) : null}
      </Space>
      {createError ? (
        <Alert type="error" showIcon title={createError} style={{ marginBottom: 12 }} closable />
      ) : null}
      {missed.error ? (
        <Alert type="warning" showIcon title={missed.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      {missedWeeks.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="briefing-missed"
          title={t('briefing.missed', { count: missedWeeks.length })}
          description={
            <Space wrap size={4}>
              {missedWeeks.map((week) => (
                <Tag color="orange" key={`${week.orgId}-${week.periodFrom}`}>
                  {`${week.periodFrom} – ${week.periodTo}`}
                </Tag>
              ))}
            </Space>
          }
        />
      ) : null}
      <PagedTable<BriefingRow>
        list={list}
        tableId="hazard.briefings"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState
            image="simple"
            title={t('briefing.empty')}
            action={
              canHoldWeekly
                ? { label: t('briefing.openThisWeek'), onClick: () => void openThisWeek() }
                : undefined
            }
          />
        }
      />
      <BriefingDrawer briefingId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function BriefingDrawer({ briefingId, onClose }: { briefingId: string | null; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const { data, loading, error } = useQuery(BriefingDetailDocument, {
    variables: { id: briefingId ?? '' },
    skip: !briefingId,
  });
  const briefing = data?.briefing;
  const canWrite = briefing
    ? (session?.account.roles ?? []).some((role) => WRITERS[briefing.level].includes(role))
    : false;
  const digest = briefing?.autoDigest;
  return (
    <Drawer
      open={briefingId !== null}
      onClose={onClose}
      size="large"
      title={
        briefing
          ? `${t(`briefing.levels.${briefing.level}`)} ${briefing.periodFrom} – ${briefing.periodTo}`
          : t('briefing.detail')
      }
      destroyOnHidden
      data-testid="briefing-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !briefing ? <Skeleton active /> : null}
      {!loading && !error && !briefing ? <EmptyState title={t('briefing.notFound')} /> : null}
      {briefing && digest ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {canWrite ? <BriefingActions briefing={briefing} /> : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('hazard.status')}>
              <StatusTag status={briefing.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
            </Descriptions.Item>
            <Descriptions.Item label={t('briefing.org')}>
              <OrgName id={briefing.orgId} />
            </Descriptions.Item>
            <Descriptions.Item label={t('briefing.heldAt')}>
              {briefing.heldAt ? formatShanghaiDateTime(briefing.heldAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('briefing.issuedAt')}>
              {briefing.issuedAt ? formatShanghaiDateTime(briefing.issuedAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('briefing.participants')}>
              {briefing.participants
                .map((p) => `${p.name}${p.position ? `（${p.position}）` : ''}`)
                .join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card
            size="small"
            title={t('briefing.digest')}
            extra={
              <Typography.Text type="secondary">
                {t('briefing.generatedAt', { at: formatShanghaiDateTime(digest.generatedAt) })}
              </Typography.Text>
            }
            data-testid="briefing-digest"
          >
            <Row gutter={[12, 12]}>
              {(
                [
                  'newHazards',
                  'newMajorHazards',
                  'overdueHazards',
                  'openMajorHazards',
                  'openListings',
                ] as const
              ).map((key) => (
                <Col xs={12} sm={8} key={key}>
                  <Statistic title={t(`briefing.digestFields.${key}`)} value={digest[key]} />
                </Col>
              ))}
            </Row>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('briefing.highlights')}
            </Typography.Title>
            {digest.highlights.length === 0 ? (
              <Typography.Text type="secondary">{t('briefing.none')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={digest.highlights}
                renderItem={(h) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={h.reason === 'OVERDUE' ? 'red' : 'volcano'}>
                        {t(`briefing.highlightReasons.${h.reason}`, { defaultValue: h.reason })}
                      </Tag>
                      <Typography.Text>{`${h.code} ${h.title}`}</Typography.Text>
                      {h.deadline ? <DeadlineBadge deadline={h.deadline} /> : null}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {(
              [
                ['keyPeriods', digest.keyPeriods.map((k) => `${k.name}（${k.from} – ${k.to}）`)],
                ['monitoringAlerts', digest.monitoringAlerts],
                ['accidents', digest.accidents],
                ['warnings', digest.warnings],
              ] as const
            ).map(([key, lines]) => (
              <div key={key}>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t(`briefing.digestFields.${key}`)}
                </Typography.Title>
                {lines.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{t('briefing.none')}</Typography.Text>
                )}
              </div>
            ))}
          </Card>
          <Card size="small" title={t('briefing.riskItems')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={briefing.riskItems}
              locale={{ emptyText: <EmptyState image="simple" title={t('briefing.noRiskItems')} /> }}
              scroll={{ x: true }}
              columns={[
                {
                  key: 'level',
                  title: t('briefing.itemLevel'),
                  render: (_, item) => <RiskLevelTag level={item.level} />,
                },
                {
                  key: 'domain',
                  title: t('campaign.domain'),
                  render: (_, item) => t(`campaign.domains.${item.domain}`, { defaultValue: item.domain }),
                },
                { key: 'description', title: t('briefing.itemDescription'), dataIndex: 'description' },
                { key: 'measures', title: t('briefing.itemMeasures'), dataIndex: 'measures' },
                {
                  key: 'org',
                  title: t('briefing.responsibleOrg'),
                  render: (_, item) => <OrgName id={item.responsibleOrgId} />,
                },
                {
                  key: 'due',
                  title: t('briefing.due'),
                  render: (_, item) => (
                    <Space size={4} wrap>
                      {item.due}
                      <DeadlineBadge deadline={item.due} />
                    </Space>
                  ),
                },
                {
                  key: 'followUp',
                  title: t('briefing.followUp'),
                  render: (_, item) =>
                    `${t(`briefing.followUps.${item.followUp}`)}${item.noticeNo ? ` ${item.noticeNo}` : ''}`,
                },
              ]}
            />
          </Card>
        </Space>
      ) : null}
    </Drawer>
  );
}

interface ItemValues {
  domain: string;
  description: string;
  level: BriefingRiskLevel;
  measures: string;
  responsibleOrgId?: string;
  due: string;
  followUp: RiskItemFollowUp;
}

/** Add a risk item, hold, issue: DRAFT → HELD → ISSUED (domain §5.12); the server decides. */
function BriefingActions({ briefing }: { briefing: Briefing }) {
  const t = useT(HAZARD_NAMESPACE);
  const refetchQueries = ['BriefingDetail', 'BriefingList', 'MissedBriefings'];
  const [update, updating] = useMutation(UpdateRiskBriefingDocument, { refetchQueries });
  const [hold, holding] = useMutation(HoldBriefingDocument, { refetchQueries });
  const [issue, issuing] = useMutation(IssueBriefingDocument, { refetchQueries });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [form] = Form.useForm<ItemValues>();
  const base = { briefingId: briefing.id, expectedVersion: briefing.version };
  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const addItem = async () => {
    const values = await form.validateFields();
    const existing = briefing.riskItems.map((item) => ({
      domain: item.domain,
      description: item.description,
      level: item.level,
      measures: item.measures,
      responsibleOrgId: item.responsibleOrgId,
      due: item.due,
      followUp: item.followUp,
      enterpriseIds: item.enterpriseIds,
    }));
    try {
      await update({
        variables: {
          input: {
            ...base,
            riskItems: [...existing, { ...values, responsibleOrgId: values.responsibleOrgId ?? '' }],
          },
        },
      });
      setAdding(false);
      form.resetFields();
    } catch (error) {
      // The new item is the last of the list the service validates.
      const unplaced = applyServerErrors(form, error, { prefix: ['riskItems', existing.length] });
      if (unplaced.length) setMessage(unplaced.join('；'));
    }
  };
  if (briefing.status === 'ISSUED') return null;
  return (
    <>
      {message ? <Alert type="error" showIcon title={message} closable /> : null}
      <Space wrap data-testid="briefing-actions">
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('briefing.addItem')}
        </Button>
        {briefing.status === 'DRAFT' ? (
          <Button
            type="primary"
            loading={holding.loading}
            onClick={() => void run(() => hold({ variables: { input: base } }))}
          >
            {t('briefing.hold')}
          </Button>
        ) : null}
        {briefing.status === 'HELD' ? (
          <Button
            type="primary"
            loading={issuing.loading}
            onClick={() => void run(() => issue({ variables: { input: base } }))}
          >
            {t('briefing.issue')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={adding}
        title={t('briefing.addItem')}
        okText={t('action.ok')}
        cancelText={t('action.cancel')}
        confirmLoading={updating.loading}
        onOk={() => void addItem()}
        onCancel={() => setAdding(false)}
        forceRender
      >
        <Form<ItemValues>
          form={form}
          layout="vertical"
          initialValues={{ level: 'HIGH', followUp: 'NONE', domain: 'HAZCHEM', due: shanghaiDay(7) }}
        >
          <Form.Item name="domain" label={t('campaign.domain')}>
            <Select options={DOMAINS.map((value) => ({ value, label: t(`campaign.domains.${value}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('briefing.itemLevel')}>
            <Select
              options={RISK_LEVELS.map((value) => ({ value, label: <RiskLevelTag level={value} /> }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('briefing.itemDescription')}
            rules={[{ required: true, message: t('briefing.required') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="measures"
            label={t('briefing.itemMeasures')}
            rules={[{ required: true, message: t('briefing.required') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="responsibleOrgId"
            label={t('briefing.responsibleOrg')}
            rules={[{ required: true, message: t('briefing.required') }]}
          >
            <DepartmentPicker aria-label={t('briefing.responsibleOrg')} />
          </Form.Item>
          <Form.Item
            name="due"
            label={t('briefing.due')}
            rules={[{ required: true, message: t('briefing.required') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="followUp" label={t('briefing.followUp')}>
            <Select
              options={(['NONE', 'TASK', 'WARNING_NOTICE'] as const).map((value) => ({
                value,
                label: t(`briefing.followUps.${value}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
