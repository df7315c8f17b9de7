import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DepartmentPicker,
  type FilterArgs,
  PagedTable,
  TownPicker,
  usePagedConnection,
  useSession,
} from '@safety/client';
import {
  applyServerErrors,
  Chart,
  type ChartOption,
  EmptyState,
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
  Modal,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { CampaignDetailQuery, CampaignListQuery, CampaignStatus, IndustryCode } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { CampaignTargetList } from './campaign-targets.js';
import {
  ActivateCampaignDocument,
  CampaignDetailDocument,
  CampaignListDocument,
  CampaignTargetsDocument,
  CloseCampaignDocument,
  CreateCampaignDocument,
  StartCampaignSummaryDocument,
} from './operations.js';

type CampaignRow = CampaignListQuery['campaigns']['nodes'][number];
type Campaign = NonNullable<CampaignDetailQuery['campaign']>;

const FILTER_ARGS: FilterArgs = { status: 'status', domain: 'domain' };
/** Domain §3.2 safety domains plus the cross-cutting focus of §5.11 (the service's CAMPAIGN_DOMAINS). */
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
  'CROSS_CUTTING',
] as const;
const INDUSTRIES: IndustryCode[] = [
  'COAL_MINE',
  'NON_COAL_MINE',
  'HAZCHEM_PRODUCTION',
  'HAZCHEM_STORAGE_TRADE',
  'FUEL_STATION',
  'HAZCHEM_TRADE_NO_STORAGE',
  'FIREWORKS',
  'METALLURGY',
  'INDUSTRY_TRADE',
  'CONSTRUCTION',
  'URBAN_GAS',
  'ROAD_TRANSPORT',
  'CROWDED_PLACE',
  'TOURISM',
  'LOGISTICS',
  'NEW_ENERGY',
  'AGRI_MACHINERY',
  'WATER_WORKS',
  'CIVIL_EXPLOSIVES',
  'OTHER',
];
const STATUSES: CampaignStatus[] = ['PLANNED', 'ACTIVE', 'SUMMARISING', 'CLOSED'];
/** Domain §5.11: PLANNED → ACTIVE → SUMMARISING → CLOSED. */
const STATUS_VARIANTS: StatusVariants<CampaignStatus> = {
  PLANNED: { colour: 'default', labelKey: 'campaign.statuses.PLANNED' },
  ACTIVE: { colour: 'processing', labelKey: 'campaign.statuses.ACTIVE' },
  SUMMARISING: { colour: 'warning', labelKey: 'campaign.statuses.SUMMARISING' },
  CLOSED: { colour: 'success', labelKey: 'campaign.statuses.CLOSED' },
};
/** The service's CAMPAIGN_MANAGER_ROLES: who plans, launches and closes campaigns. */
const MANAGER_ROLES = ['COUNTY_LEADER', 'SAC_OFFICE', 'EMB_STAFF', 'INDUSTRY_REGULATOR', 'TOWNSHIP_OFFICER'];

const percent = (covered: number, targeted: number) =>
  targeted ? Math.round((covered / targeted) * 100) : 0;

/** 专项整治 (domain §5.11): campaigns with their progress; planning and launching for the managers. */
export function CampaignPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const canManage = (session?.account.roles ?? []).some((role) => MANAGER_ROLES.includes(role));
  const list = usePagedConnection(CampaignListDocument, {
    connection: (data) => data.campaigns,
    filterArgs: FILTER_ARGS,
  });
  // The open campaign is in the URL (?campaign=<id>), so a link opens it.
  const [openId, setOpenIdState] = useState(() =>
    new URLSearchParams(window.location.search).get('campaign'),
  );
  const setOpenId = (id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('campaign', id);
    else url.searchParams.delete('campaign');
    window.history.replaceState(window.history.state, '', url);
    setOpenIdState(id);
  };
  const [creating, setCreating] = useState(false);

  const columns: ServerTableColumn<CampaignRow>[] = [
    { key: 'code', title: t('campaign.code'), render: (_: unknown, row) => row.code },
    {
      key: 'title',
      title: t('campaign.titleLabel'),
      render: (_: unknown, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(row.id)}
        >
          {row.title}
        </Button>
      ),
    },
    {
      key: 'domain',
      title: t('campaign.domain'),
      render: (_: unknown, row) => t(`campaign.domains.${row.domain}`),
    },
    {
      key: 'period',
      title: t('campaign.period'),
      render: (_: unknown, row) => `${row.periodFrom} – ${row.periodTo}`,
    },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <StatusTag status={row.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'coverage',
      title: t('campaign.coverage'),
      render: (_: unknown, row) => (
        <Progress
          size="small"
          style={{ minWidth: 120 }}
          percent={percent(row.progress.enterprisesCovered, row.progress.enterprisesTargeted)}
          format={() => `${row.progress.enterprisesCovered}/${row.progress.enterprisesTargeted}`}
        />
      ),
    },
    {
      key: 'hazards',
      title: t('campaign.hazards'),
      render: (_: unknown, row) =>
        t('campaign.hazardsShort', {
          found: row.progress.hazardsFound,
          major: row.progress.majorHazards,
          closed: row.progress.hazardsClosed,
          overdue: row.progress.hazardsOverdue,
        }),
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: STATUSES.map((value) => ({ value, label: t(`campaign.statuses.${value}`) })),
    },
    {
      key: 'domain',
      label: t('campaign.domain'),
      type: 'select',
      options: DOMAINS.map((value) => ({ value, label: t(`campaign.domains.${value}`) })),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('campaign.title')}
        </Typography.Title>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('campaign.create')}
          </Button>
        ) : null}
      </Space>
      <PagedTable<CampaignRow>
        list={list}
        tableId="hazard.campaigns"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState
            image="simple"
            title={t('campaign.empty')}
            action={canManage ? { label: t('campaign.create'), onClick: () => setCreating(true) } : undefined}
          />
        }
      />
      <CampaignDrawer campaignId={openId} canManage={canManage} onClose={() => setOpenId(null)} />
      {creating ? (
        <CreateCampaignModal
          onClose={(id) => {
            setCreating(false);
            if (id) setOpenId(id);
          }}
        />
      ) : null}
    </>
  );
}

/** Progress over the weekly snapshots (domain §5.11 [D]: one per week while ACTIVE). */
function snapshotOption(campaign: Campaign, t: (key: string) => string): ChartOption {
  const weeks = campaign.snapshots.map((s) => s.weekStart);
  const series = (
    [
      ['enterprisesCovered', 'campaign.metrics.enterprisesCovered'],
      ['hazardsFound', 'campaign.metrics.hazardsFound'],
      ['hazardsClosed', 'campaign.metrics.hazardsClosed'],
      ['hazardsOverdue', 'campaign.metrics.hazardsOverdue'],
    ] as const
  ).map(([key, label]) => ({
    type: 'line' as const,
    name: t(label),
    smooth: true,
    data: campaign.snapshots.map((s) => s.metrics[key]),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  } as ChartOption;
}

/** Coverage by town or by industry: checked and not yet checked targets, stacked. */
function breakdownOption(
  rows: Array<{ key: string; checked: number; open: number }>,
  t: (key: string) => string,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 110, right: 16, top: 36, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.key) },
    series: [
      {
        type: 'bar',
        stack: 'all',
        name: t('campaign.checked'),
        data: rows.map((r) => r.checked),
        color: '#389e0d',
      },
      {
        type: 'bar',
        stack: 'all',
        name: t('campaign.notChecked'),
        data: rows.map((r) => r.open),
        color: '#d9d9d9',
      },
    ],
  } as ChartOption;
}

function CampaignDrawer({
  campaignId,
  canManage,
  onClose,
}: {
  campaignId: string | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error } = useQuery(CampaignDetailDocument, {
    variables: { id: campaignId ?? '' },
    skip: !campaignId,
  });
  const targets = useQuery(CampaignTargetsDocument, {
    variables: { campaignId: campaignId ?? '' },
    skip: !campaignId,
  });
  const [by, setBy] = useState<'town' | 'industry'>('town');
  const campaign = data?.campaign;
  const breakdown = useMemo(() => {
    const groups = new Map<string, { key: string; checked: number; open: number }>();
    for (const target of targets.data?.campaignTargets.nodes ?? []) {
      const key =
        by === 'town'
          ? target.enterprise.townshipName
          : t(`campaign.industries.${target.enterprise.industryCode}`);
      const group = groups.get(key) ?? { key, checked: 0, open: 0 };
      if (target.checkedAt) group.checked += 1;
      else group.open += 1;
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => a.checked + a.open - (b.checked + b.open));
  }, [targets.data, by, t]);

  return (
    <Drawer
      open={campaignId !== null}
      onClose={onClose}
      size="large"
      title={campaign ? `${campaign.code} ${campaign.title}` : t('campaign.detail')}
      destroyOnHidden
      data-testid="campaign-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !campaign ? <Skeleton active /> : null}
      {!loading && !error && !campaign ? <EmptyState title={t('campaign.notFound')} /> : null}
      {campaign ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {canManage ? <CampaignActions campaign={campaign} /> : null}
          <Row gutter={[12, 12]} data-testid="campaign-metrics">
            {(
              [
                ['enterprisesTargeted', campaign.progress.enterprisesTargeted],
                ['enterprisesCovered', campaign.progress.enterprisesCovered],
                ['hazardsFound', campaign.progress.hazardsFound],
                ['majorHazards', campaign.progress.majorHazards],
                ['hazardsClosed', campaign.progress.hazardsClosed],
                ['hazardsOverdue', campaign.progress.hazardsOverdue],
                ['penalties', campaign.progress.penalties ?? '—'],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} sm={8} key={key}>
                <Card size="small">
                  <Statistic title={t(`campaign.metrics.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
            <Col xs={12} sm={8}>
              <Card size="small">
                <Statistic
                  title={t('campaign.coverage')}
                  value={campaign.progress.coverageRate ?? '—'}
                  suffix="%"
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('campaign.weeklyProgress')}>
            {campaign.snapshots.length ? (
              <Chart
                option={snapshotOption(campaign, t)}
                height={280}
                notMerge
                ariaLabel={t('campaign.weeklyChart', { title: campaign.title })}
              />
            ) : (
              <EmptyState image="simple" title={t('campaign.noSnapshots')} />
            )}
          </Card>
          <Card
            size="small"
            title={t('campaign.byGroup')}
            extra={
              <Select
                size="small"
                value={by}
                onChange={setBy}
                aria-label={t('campaign.byGroup')}
                options={[
                  { value: 'town', label: t('campaign.byTown') },
                  { value: 'industry', label: t('campaign.byIndustry') },
                ]}
              />
            }
          >
            {targets.error ? <Alert type="error" showIcon title={targets.error.message} /> : null}
            {targets.loading ? <Skeleton active /> : null}
            {!targets.loading && breakdown.length === 0 ? (
              <EmptyState image="simple" title={t('campaign.noTargets')} />
            ) : null}
            {breakdown.length ? (
              <Chart
                option={breakdownOption(breakdown, t)}
                height={Math.max(160, breakdown.length * 28 + 60)}
                notMerge
                ariaLabel={t(by === 'town' ? 'campaign.byTownChart' : 'campaign.byIndustryChart')}
              />
            ) : null}
          </Card>
          <CampaignTargetList campaignId={campaign.id} status={campaign.status} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('hazard.status')}>
              <StatusTag status={campaign.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.kind')}>
              {t(`campaign.kinds.${campaign.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.domain')}>
              {t(`campaign.domains.${campaign.domain}`)}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('campaign.period')}
            >{`${campaign.periodFrom} – ${campaign.periodTo}`}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.subFocus')}>
              {campaign.subFocus.join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.targets')}>
              {[
                ...campaign.targetIndustryCodes.map((code) => t(`campaign.industries.${code}`)),
                campaign.targetTownshipCodes.length
                  ? t('campaign.townCount', { count: campaign.targetTownshipCodes.length })
                  : t('campaign.wholeCounty'),
              ].join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.goals')}>{campaign.goals}</Descriptions.Item>
            {campaign.checklist.length ? (
              <Descriptions.Item label={t('campaign.checklist')}>
                {campaign.checklist.map((c) => `${c.item}${c.basis ? `（${c.basis}）` : ''}`).join('；')}
              </Descriptions.Item>
            ) : null}
            {campaign.summary ? (
              <Descriptions.Item label={t('campaign.summary')}>{campaign.summary}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Space>
      ) : null}
    </Drawer>
  );
}

/** The next step of the campaign's lifecycle for the managers; the server decides and may refuse. */
function CampaignActions({ campaign }: { campaign: Campaign }) {
  const t = useT(HAZARD_NAMESPACE);
  const refetchQueries = ['CampaignDetail', 'CampaignList'];
  const [activate, a] = useMutation(ActivateCampaignDocument, { refetchQueries });
  const [summarise, s] = useMutation(StartCampaignSummaryDocument, { refetchQueries });
  const [close, c] = useMutation(CloseCampaignDocument, { refetchQueries });
  const [summary, setSummary] = useState('');
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const base = { campaignId: campaign.id, expectedVersion: campaign.version };
  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
      setClosing(false);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      {message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>
        {campaign.status === 'PLANNED' ? (
          <Button
            type="primary"
            loading={a.loading}
            onClick={() => void run(() => activate({ variables: { input: base } }))}
          >
            {t('campaign.activate')}
          </Button>
        ) : null}
        {campaign.status === 'ACTIVE' ? (
          <Button
            loading={s.loading}
            onClick={() => void run(() => summarise({ variables: { input: base } }))}
          >
            {t('campaign.startSummary')}
          </Button>
        ) : null}
        {campaign.status === 'SUMMARISING' ? (
          <Button type="primary" onClick={() => setClosing(true)}>
            {t('campaign.close')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={closing}
        title={t('campaign.close')}
        okText={t('action.ok')}
        cancelText={t('action.cancel')}
        confirmLoading={c.loading}
        okButtonProps={{ disabled: !summary.trim() }}
        onOk={() => void run(() => close({ variables: { input: { ...base, summary } } }))}
        onCancel={() => setClosing(false)}
      >
        <Typography.Paragraph>{t('campaign.summaryHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-label={t('campaign.summary')}
        />
      </Modal>
    </>
  );
}

interface CreateValues {
  title: string;
  domain: string;
  subFocus?: string[];
  leadOrgId?: string;
  periodFrom: string;
  periodTo: string;
  industryCodes?: string[];
  townshipCodes?: string[];
  goals: string;
}

/** 制定专项整治方案: PLANNED with its targets computed now by the service. */
function CreateCampaignModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const [form] = Form.useForm<CreateValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateCampaignDocument, { refetchQueries: ['CampaignList'] });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const inAQuarter = new Date(Date.now() + 8 * 3_600_000 + 90 * 86_400_000).toISOString().slice(0, 10);

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      const { data } = await create({
        variables: {
          input: {
            title: values.title,
            domain: values.domain,
            subFocus: values.subFocus ?? [],
            leadOrgId: values.leadOrgId ?? '',
            periodFrom: values.periodFrom,
            periodTo: values.periodTo,
            targetFilter: {
              industryCodes: values.industryCodes ?? [],
              townshipCodes: values.townshipCodes ?? [],
            },
            goals: values.goals,
          },
        },
      });
      onClose(data?.createCampaign.id);
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={t('campaign.create')}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={loading}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{
          domain: 'CROSS_CUTTING',
          periodFrom: today,
          periodTo: inAQuarter,
          leadOrgId: session?.account.scope.orgUnitId ?? undefined,
        }}
      >
        <Form.Item
          name="title"
          label={t('campaign.titleLabel')}
          rules={[{ required: true, message: t('campaign.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="domain" label={t('campaign.domain')}>
          <Select options={DOMAINS.map((value) => ({ value, label: t(`campaign.domains.${value}`) }))} />
        </Form.Item>
        <Form.Item name="subFocus" label={t('campaign.subFocus')} extra={t('campaign.subFocusHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item
          name="leadOrgId"
          label={t('campaign.leadOrg')}
          rules={[{ required: true, message: t('campaign.leadOrgRequired') }]}
        >
          <DepartmentPicker aria-label={t('campaign.leadOrg')} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="periodFrom"
            label={t('campaign.periodFrom')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="periodTo"
            label={t('campaign.periodTo')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="industryCodes"
          label={t('campaign.targetIndustries')}
          extra={t('campaign.targetHint')}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={INDUSTRIES.map((value) => ({ value, label: t(`campaign.industries.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="townshipCodes" label={t('campaign.targetTowns')}>
          <TownPicker multiple aria-label={t('campaign.targetTowns')} />
        </Form.Item>
        <Form.Item
          name="goals"
          label={t('campaign.goals')}
          rules={[{ required: true, message: t('campaign.goalsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
