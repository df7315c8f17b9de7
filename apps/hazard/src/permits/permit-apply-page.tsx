import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { EnterprisePicker, useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  List,
  Select,
  Skeleton,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type {
  PermitEquipmentResult,
  PermitLevel,
  PermitPurpose,
  PermitType,
  PermitWorkerRole,
  PermitWorkKind,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  fromShanghaiLocal,
  HEIGHT_LEVELS,
  HOT_WORK_LEVELS,
  PERMIT_TYPES,
  toShanghaiLocal,
  WORK_KINDS,
} from './labels.js';
import {
  CreatePermitDocument,
  PermitGatePreviewDocument,
  PermitPeopleDocument,
  ServiceClockDocument,
} from './operations.js';

interface WorkerValues {
  personId?: string;
  role?: PermitWorkerRole;
  workKinds?: PermitWorkKind[];
  /** Empty: the enterprise itself; otherwise the contractor's name (谁招请无证人员，谁负责任). */
  contractor?: string;
}
interface ApplyValues {
  enterpriseId?: string;
  type: PermitType;
  level?: PermitLevel;
  purpose: PermitPurpose;
  hazardId?: string;
  location: string;
  validFrom: string;
  validTo: string;
  site?: string[];
  otherSpecialSituation?: string;
  oxygenEnriched?: boolean;
  workers: WorkerValues[];
  equipment?: Array<{ equipmentId?: string; inspectedAt?: string; result?: PermitEquipmentResult }>;
  measures?: string[];
}

const PURPOSES: PermitPurpose[] = ['PRODUCTION', 'MAINTENANCE', 'RECTIFICATION', 'CONSTRUCTION'];
const ROLES: PermitWorkerRole[] = ['EXECUTOR', 'GUARDIAN', 'ISSUER', 'APPROVER'];
/** P-4 site facts (HotWorkSiteInput), each a checkbox. */
const SITE_FACTS = [
  'fireExplosionHazardArea',
  'onRunningEquipment',
  'pressurisedWithoutDisplacement',
  'insideMajorHazardTankFarmDike',
  'onPipeRack',
  'inFixedHotWorkArea',
  'unitShutDownPurgedIsolated',
  'shutdownDowngradeApproved',
] as const;
const MEASURES = [
  '清除动火点周围可燃物',
  '配备灭火器2具',
  '设专人监火',
  '管线隔离并加装盲板',
  '作业区域设置警戒',
];
const HOUR_MS = 3_600_000;

/**
 * 申请作业票 (domain §5.9), made for a phone at the site: the work, where and when, the people picked
 * from the enterprise's staff with the qualification gate asked live for each of them (P-1: every
 * failing reason per person, no way around it), the welding-equipment checks and the measures.
 */
export function PermitApplyPage() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const session = useSession();
  const [form] = Form.useForm<ApplyValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [create, { loading: saving }] = useMutation(CreatePermitDocument, { refetchQueries: ['PermitList'] });
  const clock = useQuery(ServiceClockDocument);
  const own = session?.account.scope.enterpriseIds ?? [];
  const picked = Form.useWatch('enterpriseId', form);
  const enterpriseId = own.length === 1 ? own[0] : picked;
  const type = Form.useWatch('type', form) ?? 'HOT_WORK';
  const validFrom = Form.useWatch('validFrom', form);
  const workers = Form.useWatch('workers', form) ?? [];
  const people = useQuery(PermitPeopleDocument, {
    variables: { enterpriseId: enterpriseId ?? '' },
    skip: !enterpriseId,
  });
  const personOptions = (people.data?.persons.nodes ?? []).map((person) => ({
    value: person.id,
    label: `${person.nameZh} · ${
      person.employments.find((e) => e.enterpriseId === enterpriseId)?.post ?? t('permit.contractorWorker')
    }`,
  }));
  const nameOf = (id: string) =>
    people.data?.persons.nodes.find((p) => p.id === id)?.nameZh ?? id.slice(0, 8);

  // The live gate: the service's `previewPermitGate` asks training exactly as the approval will (P-1),
  // for every worker with a person and a role picked.
  const start = fromShanghaiLocal(validFrom ?? '');
  const level = Form.useWatch('level', form);
  const asked = useMemo(
    () =>
      workers.flatMap((worker, index) =>
        worker?.personId && worker.role
          ? [{ index, personId: worker.personId, role: worker.role, workKinds: worker.workKinds ?? [] }]
          : [],
      ),
    [workers],
  );
  const gate = useQuery(PermitGatePreviewDocument, {
    variables: {
      input: {
        enterpriseId: enterpriseId ?? '',
        type,
        ...(level ? { level } : {}),
        validFrom: start?.toISOString() ?? '',
        workers: asked.map(({ personId, role, workKinds }) => ({ personId, role, workKinds })),
      },
    },
    skip: asked.length === 0 || !enterpriseId || !start,
  });
  const preview = gate.data?.previewPermitGate;
  const failingFor = (index: number) => {
    const worker = asked.find((ask) => ask.index === index);
    if (!worker || !preview) return [];
    const failures = preview.answers
      .filter((answer) => answer.personId === worker.personId && answer.role === worker.role && !answer.ok)
      .flatMap((answer) =>
        (answer.failures.length ? answer.failures : ['NO_CERTIFICATE']).map(
          (code) => `${answer.credential}：${t(`permit.failures.${code}`, { defaultValue: code })}`,
        ),
      );
    // Reasons that are not a training answer (e.g. a requirement left unanswered) come as the service words them.
    const others = preview.reasons
      .filter((reason) => reason.personId === worker.personId && reason.code !== 'QUALIFICATION_FAILED')
      .map((reason) => reason.messageZh);
    return [...failures, ...others];
  };
  const gateReady = Boolean(preview) && !gate.loading;
  const gateFails = gateReady && preview?.ok === false;

  const submit = async (values: ApplyValues) => {
    setBanner(null);
    if (gateFails) {
      setBanner(t('permit.fixGateFirst'));
      return;
    }
    const from = fromShanghaiLocal(values.validFrom);
    const to = fromShanghaiLocal(values.validTo);
    const enterpriseName = people.data?.enterprise?.name ?? '';
    try {
      const { data } = await create({
        variables: {
          input: {
            enterpriseId: enterpriseId ?? '',
            type: values.type,
            level: values.level || undefined,
            purpose: values.purpose,
            hazardId: values.purpose === 'RECTIFICATION' ? values.hazardId || undefined : undefined,
            location: values.location,
            validFrom: from?.toISOString() ?? values.validFrom,
            validTo: to?.toISOString() ?? values.validTo,
            workers: values.workers.map((worker) => ({
              personId: worker.personId ?? '',
              role: worker.role ?? 'EXECUTOR',
              workKinds: worker.workKinds ?? [],
              engagedBy: worker.contractor?.trim()
                ? { name: worker.contractor.trim() }
                : { enterpriseId, name: enterpriseName },
            })),
            equipmentChecks:
              values.type === 'HOT_WORK'
                ? (values.equipment ?? [])
                    .filter((check) => check?.equipmentId)
                    .map((check) => ({
                      equipmentId: check.equipmentId ?? '',
                      inspectedAt: check.inspectedAt ?? '',
                      result: check.result ?? 'OK',
                    }))
                : undefined,
            measures: (values.measures ?? []).map((text) => ({ text, confirmed: true })),
            hotWorkSite:
              values.type === 'HOT_WORK'
                ? Object.fromEntries(SITE_FACTS.map((fact) => [fact, (values.site ?? []).includes(fact)]))
                : undefined,
            otherSpecialSituation: values.otherSpecialSituation || undefined,
            oxygenEnriched: values.type === 'CONFINED_SPACE' ? (values.oxygenEnriched ?? false) : undefined,
          },
        },
      });
      if (data) navigate(`..?permit=${data.createPermit.id}`);
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  // Defaults from the service clock (DEMO_TODAY pins the demo), the browser's only if it cannot answer.
  if (clock.loading && !clock.data)
    return (
      <Card title={t('permit.applyTitle')} style={{ maxWidth: 640 }}>
        <Skeleton active />
      </Card>
    );
  const now = clock.data ? Date.parse(clock.data.serviceClock.now) : Date.now();
  return (
    <Card title={t('permit.applyTitle')} style={{ maxWidth: 640 }} data-testid="permit-apply">
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          type: 'HOT_WORK',
          purpose: 'MAINTENANCE',
          validFrom: toShanghaiLocal(new Date(now)),
          validTo: toShanghaiLocal(new Date(now + 4 * HOUR_MS)),
          workers: [{ role: 'EXECUTOR', workKinds: ['WELDING'] }, { role: 'GUARDIAN' }],
          equipment: [{ result: 'OK', inspectedAt: toShanghaiLocal(new Date(now)).slice(0, 10) }],
          measures: MEASURES.slice(0, 3),
        }}
      >
        {own.length === 1 ? null : (
          <Form.Item
            name="enterpriseId"
            label={t('hazard.enterprise')}
            rules={[{ required: true, message: t('report.enterpriseRequired') }]}
          >
            <EnterprisePicker aria-label={t('hazard.enterprise')} />
          </Form.Item>
        )}
        <Form.Item name="type" label={t('permit.type')}>
          <Select options={PERMIT_TYPES.map((value) => ({ value, label: t(`permit.types.${value}`) }))} />
        </Form.Item>
        {type === 'HOT_WORK' || type === 'WORK_AT_HEIGHT' ? (
          <Form.Item
            name="level"
            label={t('permit.level')}
            extra={type === 'HOT_WORK' ? t('permit.levelHint') : undefined}
            rules={type === 'WORK_AT_HEIGHT' ? [{ required: true, message: t('permit.levelRequired') }] : []}
          >
            <Select
              allowClear
              options={(type === 'HOT_WORK' ? HOT_WORK_LEVELS : HEIGHT_LEVELS).map((value) => ({
                value,
                label: t(`permit.levels.${value}`),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="purpose" label={t('permit.purpose')}>
          <Select options={PURPOSES.map((value) => ({ value, label: t(`permit.purposes.${value}`) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.purpose !== b.purpose}>
          {() =>
            form.getFieldValue('purpose') === 'RECTIFICATION' ? (
              <Form.Item
                name="hazardId"
                label={t('permit.hazardId')}
                rules={[{ required: true, message: t('permit.hazardRequired') }]}
              >
                <Input />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item
          name="location"
          label={t('permit.location')}
          rules={[{ required: true, message: t('permit.locationRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="validFrom"
            label={t('permit.validFrom')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('permit.timeRequired') }]}
          >
            <Input type="datetime-local" aria-label={t('permit.validFrom')} />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('permit.validTo')}
            style={{ flex: 1 }}
            extra={t('permit.validityHint')}
            rules={[{ required: true, message: t('permit.timeRequired') }]}
          >
            <Input type="datetime-local" aria-label={t('permit.validTo')} />
          </Form.Item>
        </Space.Compact>
        {type === 'HOT_WORK' ? (
          <>
            <Form.Item name="site" label={t('permit.site')} extra={t('permit.siteHint')}>
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={SITE_FACTS.map((value) => ({ value, label: t(`permit.siteFacts.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="otherSpecialSituation" label={t('permit.otherSpecialSituation')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : null}
        {type === 'CONFINED_SPACE' ? (
          <Form.Item name="oxygenEnriched" valuePropName="checked">
            <Checkbox>{t('permit.oxygenEnriched')}</Checkbox>
          </Form.Item>
        ) : null}

        <Typography.Title level={5}>{t('permit.workers')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('permit.gateLiveHint')}</Typography.Paragraph>
        <Form.List name="workers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const worker = workers[field.name];
                const failing = failingFor(field.name);
                const isAsked = asked.some((ask) => ask.index === field.name);
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    data-testid={`permit-worker-${field.name}`}
                    extra={
                      fields.length > 1 ? (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('permit.removeWorker')}
                          onClick={() => remove(field.name)}
                        />
                      ) : null
                    }
                    title={
                      worker?.role
                        ? t(`permit.roles.${worker.role}`)
                        : t('permit.worker', { n: field.name + 1 })
                    }
                  >
                    <Form.Item
                      name={[field.name, 'personId']}
                      label={t('permit.person')}
                      rules={[{ required: true, message: t('permit.personRequired') }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        aria-label={t('permit.personOf', { n: field.name + 1 })}
                        loading={people.loading}
                        options={personOptions}
                        placeholder={t('permit.personHint')}
                      />
                    </Form.Item>
                    <Space.Compact block>
                      <Form.Item name={[field.name, 'role']} label={t('permit.role')} style={{ flex: 1 }}>
                        <Select
                          options={ROLES.map((value) => ({ value, label: t(`permit.roles.${value}`) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'workKinds']}
                        label={t('permit.workKinds')}
                        style={{ flex: 2 }}
                      >
                        <Select
                          mode="multiple"
                          options={WORK_KINDS.map((value) => ({
                            value,
                            label: t(`permit.workKindLabels.${value}`),
                          }))}
                        />
                      </Form.Item>
                    </Space.Compact>
                    <Form.Item name={[field.name, 'contractor']} label={t('permit.contractor')}>
                      <Input placeholder={t('permit.contractorHint')} />
                    </Form.Item>
                    {worker?.personId ? (
                      <div data-testid={`permit-gate-${field.name}`} aria-live="polite">
                        {!isAsked ? null : gate.error ? (
                          <Alert type="warning" showIcon title={gate.error.message} />
                        ) : !gateReady ? (
                          <Spin size="small" />
                        ) : failing.length ? (
                          <Alert
                            type="error"
                            showIcon
                            title={t('permit.gateFailsFor', { name: nameOf(worker.personId) })}
                            description={
                              <List
                                size="small"
                                dataSource={failing}
                                renderItem={(text) => <List.Item>{text}</List.Item>}
                              />
                            }
                          />
                        ) : (
                          <Tag color="green">
                            {t('permit.gatePassesFor', { name: nameOf(worker.personId) })}
                          </Tag>
                        )}
                      </div>
                    ) : null}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'EXECUTOR' })} block>
                {t('permit.addWorker')}
              </Button>
            </>
          )}
        </Form.List>

        {type === 'HOT_WORK' ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('permit.equipment')}
            </Typography.Title>
            <Form.List name="equipment">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space.Compact block key={field.key}>
                      <Form.Item name={[field.name, 'equipmentId']} style={{ flex: 2 }}>
                        <Input placeholder={t('permit.equipmentId')} aria-label={t('permit.equipmentId')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'inspectedAt']} style={{ flex: 2 }}>
                        <Input type="date" aria-label={t('permit.inspectedAt')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'result']} style={{ flex: 1 }}>
                        <Select
                          aria-label={t('permit.equipmentResult')}
                          options={(['OK', 'DEFECTIVE', 'OBSOLETE'] as const).map((value) => ({
                            value,
                            label: t(`permit.equipmentResults.${value}`),
                          }))}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('permit.removeEquipment')}
                        onClick={() => remove(field.name)}
                      />
                    </Space.Compact>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ result: 'OK' })} block>
                    {t('permit.addEquipment')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        ) : null}

        <Form.Item name="measures" label={t('permit.measures')} style={{ marginTop: 16 }}>
          <Select mode="tags" options={MEASURES.map((value) => ({ value, label: value }))} />
        </Form.Item>
        {gateFails ? (
          <Alert type="error" showIcon title={t('permit.fixGateFirst')} style={{ marginBottom: 12 }} />
        ) : null}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={gateFails} block>
            {t('permit.submitApply')}
          </Button>
          <Button onClick={() => navigate('..')} block>
            {t('action.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
