import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  applyServerErrors,
  EmptyState,
  formatShanghaiDateTime,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type {
  MissedSelfCheckListQuery,
  SelfCheckKind,
  SelfCheckPlanListQuery,
  SelfCheckRecordListQuery,
} from '../gql/graphql.js';
import { STATUS_VARIANTS } from '../hazards/labels.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { canRecord, DEFAULT_CADENCE, isManagement, RESPONSIBLE_ROLES, SELF_CHECK_KINDS } from './labels.js';
import {
  CreateSelfCheckPlanDocument,
  MissedSelfCheckCountsDocument,
  MissedSelfCheckListDocument,
  RetireSelfCheckPlanDocument,
  SelfCheckPlanListDocument,
  SelfCheckRecordListDocument,
} from './operations.js';
import { shanghaiToday } from './periods.js';

type PlanRow = SelfCheckPlanListQuery['selfCheckPlans']['nodes'][number];
type RecordRow = SelfCheckRecordListQuery['selfCheckRecords']['nodes'][number];
type MissedRow = MissedSelfCheckListQuery['missedSelfChecks']['nodes'][number];
/** The DatePicker's value (a dayjs object; only `format` is used here). */
type Dayjs = { format(pattern: string): string };

const kindFilter = (t: (key: string) => string): ServerTableFilter => ({
  key: 'kind',
  label: t('selfCheck.kind'),
  type: 'select',
  options: SELF_CHECK_KINDS.map((value) => ({ value, label: t(`selfCheck.kinds.${value}`) })),
});

// ---------------------------------------------------------------------------------------------
// Plans

const PLAN_FILTERS: FilterArgs = {
  kind: 'kind',
  active: { arg: 'active', parse: (value) => value === 'true' },
};

/** 自查计划 (domain §5.8): the plans in scope; the enterprise's management creates and retires them. */
export function SelfCheckPlans({ enterpriseId }: { enterpriseId?: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const roles = useSession()?.account.roles ?? [];
  const manager = isManagement(roles) && Boolean(enterpriseId);
  const [creating, setCreating] = useState(false);
  const [retiring, setRetiring] = useState<PlanRow | null>(null);
  const list = usePagedConnection(SelfCheckPlanListDocument, {
    connection: (data) => data.selfCheckPlans,
    filterArgs: PLAN_FILTERS,
  });
  const today = shanghaiToday();
  const columns: ServerTableColumn<PlanRow>[] = [
    { key: 'name', title: t('selfCheck.planName'), render: (_: unknown, row) => row.name },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      defaultHidden: Boolean(enterpriseId),
      render: (_: unknown, row) => row.enterprise.name,
    },
    {
      key: 'kind',
      title: t('selfCheck.kind'),
      render: (_: unknown, row) => t(`selfCheck.kinds.${row.kind}`),
    },
    {
      key: 'cadence',
      title: t('selfCheck.cadence'),
      render: (_: unknown, row) =>
        row.kind === 'PATROL' && row.shiftsPerDay > 1
          ? `${t(`selfCheck.cadences.${row.cadence}`)} × ${row.shiftsPerDay}`
          : t(`selfCheck.cadences.${row.cadence}`),
    },
    {
      key: 'role',
      title: t('selfCheck.responsibleRole'),
      render: (_: unknown, row) => t(`selfCheck.roles.${row.responsibleRole}`),
    },
    { key: 'items', title: t('selfCheck.itemCount'), render: (_: unknown, row) => row.checklist.length },
    {
      key: 'life',
      title: t('selfCheck.inForce'),
      render: (_: unknown, row) =>
        row.endsOn && row.endsOn < today ? (
          <Tag>{t('selfCheck.retiredOn', { date: row.endsOn })}</Tag>
        ) : (
          <Space size={4}>
            {row.startsOn}
            {row.endsOn ? <Tag color="warning">{t('selfCheck.endsOn', { date: row.endsOn })}</Tag> : null}
          </Space>
        ),
    },
    {
      key: 'actions',
      title: t('listing.actions'),
      hideable: false,
      render: (_: unknown, row) => {
        const active = !row.endsOn || row.endsOn >= today;
        return (
          <Space size={4}>
            {active && canRecord(roles, row.responsibleRole) ? (
              <Button size="small" type="primary" onClick={() => navigate(`record/${row.id}`)}>
                {t('selfCheck.record')}
              </Button>
            ) : null}
            {active && !row.endsOn && isManagement(roles) ? (
              <Button size="small" danger icon={<StopOutlined />} onClick={() => setRetiring(row)}>
                {t('selfCheck.retire')}
              </Button>
            ) : null}
          </Space>
        );
      },
    },
  ];
  return (
    <>
      {manager ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setCreating(true)}
        >
          {t('selfCheck.createPlan')}
        </Button>
      ) : null}
      <PagedTable<PlanRow>
        list={list}
        tableId="hazard.selfCheckPlans"
        columns={columns}
        filters={[
          kindFilter(t),
          {
            key: 'active',
            label: t('selfCheck.inForce'),
            type: 'select',
            options: [
              { value: 'true', label: t('selfCheck.activeYes') },
              { value: 'false', label: t('selfCheck.activeNo') },
            ],
          },
        ]}
        empty={
          <EmptyState
            image="simple"
            title={t('selfCheck.plansEmpty')}
            description={manager ? t('selfCheck.plansEmptyHint') : undefined}
          />
        }
      />
      {creating && enterpriseId ? (
        <CreatePlanModal enterpriseId={enterpriseId} onClose={() => setCreating(false)} />
      ) : null}
      {retiring ? <RetirePlanModal plan={retiring} onClose={() => setRetiring(null)} /> : null}
    </>
  );
}

interface PlanValues {
  name: string;
  kind: SelfCheckKind;
  shiftsPerDay?: number;
  responsibleRole: string;
  startsOn?: Dayjs;
  checklist: Array<{ text: string }>;
}

function CreatePlanModal({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<PlanValues>();
  const kind = Form.useWatch('kind', form);
  const [banner, setBanner] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateSelfCheckPlanDocument, {
    refetchQueries: ['SelfCheckPlanList'],
  });
  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      await create({
        variables: {
          input: {
            enterpriseId,
            name: values.name,
            kind: values.kind,
            shiftsPerDay: values.kind === 'PATROL' ? values.shiftsPerDay : undefined,
            responsibleRole: values.responsibleRole,
            startsOn: values.startsOn?.format('YYYY-MM-DD'),
            // Codes are stable within the plan: C1, C2, … in the order given.
            checklist: values.checklist
              .filter((item) => item.text?.trim())
              .map((item, index) => ({ code: `C${index + 1}`, text: item.text.trim() })),
          },
        },
      });
      onClose();
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };
  return (
    <Modal
      open
      title={t('selfCheck.createPlan')}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'TEAM_WEEKLY',
          responsibleRole: 'ENT_SAFETY_MANAGER',
          shiftsPerDay: 1,
          checklist: [{ text: '' }],
        }}
      >
        <Form.Item
          name="name"
          label={t('selfCheck.planName')}
          rules={[{ required: true, whitespace: true, message: t('selfCheck.planNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('selfCheck.kind')}
          extra={
            kind
              ? t('selfCheck.defaultCadence', { cadence: t(`selfCheck.cadences.${DEFAULT_CADENCE[kind]}`) })
              : null
          }
        >
          <Select
            options={SELF_CHECK_KINDS.map((value) => ({ value, label: t(`selfCheck.kinds.${value}`) }))}
          />
        </Form.Item>
        {kind === 'PATROL' ? (
          <Form.Item name="shiftsPerDay" label={t('selfCheck.shiftsPerDay')}>
            <InputNumber min={1} max={6} />
          </Form.Item>
        ) : null}
        <Form.Item name="responsibleRole" label={t('selfCheck.responsibleRole')}>
          <Select
            options={RESPONSIBLE_ROLES.map((value) => ({ value, label: t(`selfCheck.roles.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="startsOn" label={t('selfCheck.startsOn')} extra={t('selfCheck.startsOnHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('selfCheck.checklist')} required>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Space key={field.key} style={{ width: '100%' }} align="start">
                    <Typography.Text style={{ lineHeight: '32px' }}>{`C${index + 1}`}</Typography.Text>
                    <Form.Item
                      name={[field.name, 'text']}
                      rules={[{ required: true, whitespace: true, message: t('selfCheck.itemRequired') }]}
                      style={{ marginBottom: 0, minWidth: 300 }}
                    >
                      <Input maxLength={200} aria-label={`${t('selfCheck.checklist')} C${index + 1}`} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button onClick={() => remove(field.name)}>{t('selfCheck.removeItem')}</Button>
                    ) : null}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  {t('selfCheck.addItem')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RetirePlanModal({ plan, onClose }: { plan: PlanRow; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<{ endsOn?: Dayjs }>();
  const [banner, setBanner] = useState<string | null>(null);
  const [retire, { loading }] = useMutation(RetireSelfCheckPlanDocument);
  const submit = async () => {
    setBanner(null);
    const { endsOn } = await form.validateFields();
    try {
      await retire({
        variables: {
          input: { planId: plan.id, expectedVersion: plan.version, endsOn: endsOn?.format('YYYY-MM-DD') },
        },
      });
      onClose();
    } catch (error) {
      // CONFLICT (changed or already retired) has no field: the banner.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };
  return (
    <Modal
      open
      title={`${t('selfCheck.retire')} · ${plan.name}`}
      okText={t('selfCheck.retire')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="endsOn" label={t('selfCheck.endsOnLabel')} extra={t('selfCheck.endsOnHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// Records

const RECORD_FILTERS: FilterArgs = {
  withHazards: { arg: 'withHazards', parse: (value) => value === 'true' },
};

/** 自查记录 (domain §5.8): performed checks, newest first, with their findings and the hazards raised. */
export function SelfCheckRecords({ enterpriseId }: { enterpriseId?: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const list = usePagedConnection(SelfCheckRecordListDocument, {
    connection: (data) => data.selfCheckRecords,
    filterArgs: RECORD_FILTERS,
  });
  const columns: ServerTableColumn<RecordRow>[] = [
    {
      key: 'performedAt',
      title: t('selfCheck.performedAt'),
      render: (_: unknown, row) => formatShanghaiDateTime(row.performedAt),
    },
    { key: 'plan', title: t('selfCheck.planName'), render: (_: unknown, row) => row.plan?.name ?? '—' },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      defaultHidden: Boolean(enterpriseId),
      render: (_: unknown, row) => row.plan?.enterprise.name ?? '—',
    },
    { key: 'by', title: t('selfCheck.performedBy'), render: (_: unknown, row) => row.performedByName ?? '—' },
    {
      key: 'result',
      title: t('selfCheck.result'),
      render: (_: unknown, row) => {
        const count = (result: string) => row.items.filter((item) => item.result === result).length;
        return (
          <Space size={4} wrap>
            <Tag color="success">{`${t('selfCheck.results.OK')} ${count('OK')}`}</Tag>
            {count('NOK') ? <Tag color="error">{`${t('selfCheck.results.NOK')} ${count('NOK')}`}</Tag> : null}
            {count('NA') ? <Tag>{`${t('selfCheck.results.NA')} ${count('NA')}`}</Tag> : null}
          </Space>
        );
      },
    },
    {
      key: 'findings',
      title: t('selfCheck.findings'),
      render: (_: unknown, row) => {
        const findings = row.items.filter((item) => item.result === 'NOK');
        if (!findings.length) return '—';
        return findings.map((item) => {
          const text = row.plan?.checklist.find((c) => c.code === item.code)?.text ?? item.code;
          return <div key={item.code}>{`${text}：${item.note ?? ''}`}</div>;
        });
      },
    },
    {
      key: 'hazards',
      title: t('selfCheck.hazards'),
      render: (_: unknown, row) =>
        row.hazardsCreated.length
          ? row.hazardsCreated.map((hazard) => (
              <Space key={hazard.id} size={4}>
                <Link to={`../hazards?hazard=${hazard.id}`} relative="path">
                  {hazard.code}
                </Link>
                <StatusTag status={hazard.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
              </Space>
            ))
          : '—',
    },
  ];
  return (
    <PagedTable<RecordRow>
      list={list}
      tableId="hazard.selfCheckRecords"
      columns={columns}
      filters={[
        {
          key: 'withHazards',
          label: t('selfCheck.hazards'),
          type: 'select',
          options: [
            { value: 'true', label: t('selfCheck.withHazards') },
            { value: 'false', label: t('selfCheck.withoutHazards') },
          ],
        },
      ]}
      empty={<EmptyState image="simple" title={t('selfCheck.recordsEmpty')} />}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Missed checks

const MISSED_FILTERS: FilterArgs = { kind: 'kind', enterprise: 'enterpriseId', town: 'townshipCode' };

/**
 * 漏查 (domain §5.8): planned checks whose period ended with fewer checks than required, visible to the
 * enterprise and its regulator; regulators see them summed by town and enterprise.
 */
export function MissedSelfChecks({ regulator }: { regulator: boolean }) {
  const t = useT(HAZARD_NAMESPACE);
  // The summary: the service counts every miss in scope per enterprise, with its town.
  const summary = useQuery(MissedSelfCheckCountsDocument, { skip: !regulator });
  const list = usePagedConnection(MissedSelfCheckListDocument, {
    connection: (data) => data.missedSelfChecks,
    filterArgs: MISSED_FILTERS,
  });
  const byEnterprise = useMemo(
    () =>
      (summary.data?.missedSelfCheckCounts ?? [])
        .map((row) => ({
          key: row.enterpriseId,
          townCode: row.townshipCode ?? '',
          town: row.enterprise.townshipName ?? row.townshipCode ?? '—',
          enterprise: row.enterprise.name ?? row.enterpriseId,
          missed: row.missed,
        }))
        .sort((a, b) => a.town.localeCompare(b.town, 'zh-CN') || b.missed - a.missed),
    [summary.data],
  );
  const byTown = useMemo(() => {
    const towns = new Map<string, { code: string; town: string; missed: number }>();
    for (const row of byEnterprise) {
      const entry = towns.get(row.townCode) ?? { code: row.townCode, town: row.town, missed: 0 };
      entry.missed += row.missed;
      towns.set(row.townCode, entry);
    }
    return [...towns.values()].sort((a, b) => b.missed - a.missed);
  }, [byEnterprise]);

  const columns: ServerTableColumn<MissedRow>[] = [
    { key: 'label', title: t('selfCheck.period'), render: (_: unknown, row) => row.label },
    {
      key: 'range',
      title: t('selfCheck.periodRange'),
      render: (_: unknown, row) =>
        row.periodStart === row.periodEnd ? row.periodStart : `${row.periodStart} ~ ${row.periodEnd}`,
    },
    { key: 'plan', title: t('selfCheck.planName'), render: (_: unknown, row) => row.plan.name },
    {
      key: 'kind',
      title: t('selfCheck.kind'),
      render: (_: unknown, row) => t(`selfCheck.kinds.${row.plan.kind}`),
    },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      render: (_: unknown, row) => row.plan.enterprise.name,
    },
    {
      key: 'town',
      title: t('hazard.township'),
      render: (_: unknown, row) => row.plan.enterprise.townshipName,
    },
    {
      key: 'count',
      title: t('selfCheck.performedOfRequired'),
      render: (_: unknown, row) => <Tag color="error">{`${row.performed} / ${row.required}`}</Tag>,
    },
    {
      key: 'role',
      title: t('selfCheck.responsibleRole'),
      defaultHidden: true,
      render: (_: unknown, row) => t(`selfCheck.roles.${row.plan.responsibleRole}`),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {regulator ? (
        <Card size="small" title={t('selfCheck.missedSummary')} data-testid="missed-summary">
          {summary.error ? <Alert type="error" showIcon title={summary.error.message} /> : null}
          <Space wrap style={{ marginBottom: 8 }}>
            {byTown.map(({ code, town, missed }) => (
              <Tag key={code} color="error">{`${town} ${missed}`}</Tag>
            ))}
          </Space>
          <Table
            size="small"
            rowKey="key"
            loading={summary.loading}
            dataSource={byEnterprise}
            pagination={byEnterprise.length > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: <EmptyState image="simple" title={t('selfCheck.missedEmpty')} /> }}
            columns={[
              { key: 'town', title: t('hazard.township'), dataIndex: 'town' },
              { key: 'enterprise', title: t('hazard.enterprise'), dataIndex: 'enterprise' },
              { key: 'missed', title: t('selfCheck.missedCount'), dataIndex: 'missed' },
            ]}
          />
        </Card>
      ) : null}
      <div data-testid="missed-list">
        <PagedTable<MissedRow>
          list={list}
          tableId="hazard.missedSelfChecks"
          columns={columns}
          filters={[
            kindFilter(t),
            ...(regulator
              ? [
                  {
                    key: 'town',
                    label: t('hazard.township'),
                    type: 'select' as const,
                    options: byTown
                      .filter((row) => row.code)
                      .map((row) => ({ value: row.code, label: row.town })),
                  },
                  {
                    key: 'enterprise',
                    label: t('hazard.enterprise'),
                    type: 'select' as const,
                    options: byEnterprise.map((row) => ({ value: row.key, label: row.enterprise })),
                  },
                ]
              : []),
          ]}
          empty={<EmptyState image="simple" title={t('selfCheck.missedEmpty')} />}
        />
      </div>
    </Space>
  );
}
