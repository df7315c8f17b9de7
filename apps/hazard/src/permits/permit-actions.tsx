import { useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import { Alert, Button, Checkbox, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PermitGasUnit, PermitStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { fromShanghaiLocal, GAS_TESTED_TYPES, type PermitParty, permitPartiesOf } from './labels.js';
import {
  ApprovePermitDocument,
  ClosePermitDocument,
  CompletePermitDocument,
  PermitPeopleDocument,
  RecordGasTestDocument,
  ResumePermitWorkDocument,
  RevokePermitDocument,
  StartPermitWorkDocument,
  SuspendPermitWorkDocument,
} from './operations.js';
import type { PermitDetail } from './permit-drawer.js';

type ActionKey = 'gasTest' | 'approve' | 'start' | 'suspend' | 'resume' | 'complete' | 'close' | 'revoke';

const REVOKERS: PermitParty[] = ['APPROVER', 'GUARDIAN', 'REGULATOR'];
/** Domain §5.9 state machine: what each status offers to which party (the service decides). */
const OFFERED: Partial<Record<PermitStatus, Array<{ key: ActionKey; parties: PermitParty[] }>>> = {
  DRAFT: [
    { key: 'gasTest', parties: ['ANALYST'] },
    { key: 'approve', parties: ['APPROVER'] },
  ],
  GAS_TESTED: [
    { key: 'approve', parties: ['APPROVER'] },
    { key: 'gasTest', parties: ['ANALYST'] },
  ],
  APPROVED: [
    { key: 'start', parties: ['GUARDIAN'] },
    { key: 'gasTest', parties: ['ANALYST'] },
    { key: 'revoke', parties: REVOKERS },
  ],
  IN_PROGRESS: [
    { key: 'suspend', parties: ['GUARDIAN'] },
    { key: 'complete', parties: ['GUARDIAN', 'EXECUTOR'] },
    { key: 'gasTest', parties: ['ANALYST'] },
    { key: 'revoke', parties: REVOKERS },
  ],
  SUSPENDED: [
    { key: 'gasTest', parties: ['ANALYST'] },
    { key: 'resume', parties: ['GUARDIAN'] },
  ],
  COMPLETED: [{ key: 'close', parties: ['ISSUER'] }],
};

interface Reason {
  code: string;
  messageZh: string;
  personId?: string | null;
  detail?: string | null;
}
/** The refusal's reasons (`extensions.reasons` of the permit service) and its other messages. */
function refusalOf(error: unknown): { reasons: Reason[]; messages: string[] } {
  const errors =
    (error as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> })?.errors ?? [];
  const reasons = errors.flatMap((e) =>
    Array.isArray(e.extensions?.reasons) ? (e.extensions.reasons as Reason[]) : [],
  );
  const messages = errors.length
    ? errors.filter((e) => !Array.isArray(e.extensions?.reasons)).map((e) => e.message)
    : [error instanceof Error ? error.message : String(error)];
  return { reasons, messages };
}

interface ActionValues {
  test?: {
    at?: string;
    point?: string;
    oxygenPctVol?: string;
    flammables?: Array<{ reading?: string; unit?: PermitGasUnit; lelPctVol?: string; substance?: string }>;
    toxics?: Array<{ substance?: string; mgPerM3?: string }>;
    analystId?: string;
  };
  continuousMonitoring?: boolean;
  reason?: string;
  executorPersonId?: string;
  guardianPersonId?: string;
  siteChecked?: boolean;
}

/** The steps of one permit the signed-in account may take now, each in a small form. */
export function PermitActions({ permit, nameOf }: { permit: PermitDetail; nameOf: (id: string) => string }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const parties = permitPartiesOf(session?.account.roles ?? []);
  const offered = (OFFERED[permit.status] ?? []).filter(
    (action) =>
      action.parties.some((party) => parties.has(party)) &&
      (action.key !== 'gasTest' || GAS_TESTED_TYPES.includes(permit.type) || permit.status === 'DRAFT'),
  );
  if (offered.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="permit-actions">
        {offered.map(({ key }, index) => (
          <Button
            key={key}
            type={index === 0 ? 'primary' : 'default'}
            danger={key === 'revoke'}
            onClick={() => setOpen(key)}
          >
            {t(`permit.actions.${key}`)}
          </Button>
        ))}
      </Space>
      {open ? (
        <PermitActionModal permit={permit} action={open} nameOf={nameOf} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}

function PermitActionModal({
  permit,
  action,
  nameOf,
  onClose,
}: {
  permit: PermitDetail;
  action: ActionKey;
  nameOf: (id: string) => string;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string[]>([]);
  const [refused, setRefused] = useState<Reason[]>([]);
  const refetchQueries = ['PermitDetail', 'PermitList'];
  const [recordGasTest] = useMutation(RecordGasTestDocument, { refetchQueries });
  const [approve] = useMutation(ApprovePermitDocument, { refetchQueries });
  const [start] = useMutation(StartPermitWorkDocument, { refetchQueries });
  const [suspend] = useMutation(SuspendPermitWorkDocument, { refetchQueries });
  const [resume] = useMutation(ResumePermitWorkDocument, { refetchQueries });
  const [complete] = useMutation(CompletePermitDocument, { refetchQueries });
  const [close] = useMutation(ClosePermitDocument, { refetchQueries });
  const [revoke] = useMutation(RevokePermitDocument, { refetchQueries });
  const people = useQuery(PermitPeopleDocument, {
    variables: { enterpriseId: permit.enterpriseId },
    skip: action !== 'gasTest',
  });
  const base = { permitId: permit.id, expectedVersion: permit.version };
  const named = (role: string) =>
    permit.workers
      .filter((worker) => worker.role === role)
      .map((worker) => ({ value: worker.personId, label: nameOf(worker.personId) }));
  // SPECIAL hot work and confined space are monitored continuously (P-5, P-7).
  const monitored = permit.level === 'SPECIAL' || permit.type === 'CONFINED_SPACE';

  const run = (values: ActionValues) => {
    switch (action) {
      case 'gasTest': {
        const test = values.test ?? {};
        const at = fromShanghaiLocal(test.at ?? '');
        return recordGasTest({
          variables: {
            input: {
              ...base,
              test: {
                at: at?.toISOString(),
                point: test.point ?? '',
                oxygenPctVol: test.oxygenPctVol || undefined,
                flammables: (test.flammables ?? [])
                  .filter((f) => f?.reading)
                  .map((f) => ({
                    reading: f.reading ?? '',
                    unit: f.unit ?? 'PCT_VOL',
                    lelPctVol: f.lelPctVol ?? '',
                    substance: f.substance || undefined,
                  })),
                toxics: (test.toxics ?? [])
                  .filter((x) => x?.substance && x.mgPerM3)
                  .map((x) => ({ substance: x.substance ?? '', mgPerM3: x.mgPerM3 ?? '' })),
                analystId: test.analystId ?? '',
              },
            },
          },
        });
      }
      case 'approve':
        return approve({ variables: { input: base } });
      case 'start':
        return start({
          variables: { input: { ...base, continuousMonitoring: values.continuousMonitoring } },
        });
      case 'suspend':
        return suspend({ variables: { input: { ...base, reason: values.reason } } });
      case 'resume':
        return resume({
          variables: { input: { ...base, continuousMonitoring: values.continuousMonitoring } },
        });
      case 'complete':
        return complete({
          variables: {
            input: {
              ...base,
              executorPersonId: values.executorPersonId ?? '',
              guardianPersonId: values.guardianPersonId ?? '',
            },
          },
        });
      case 'close':
        return close({ variables: { input: { ...base, siteChecked: values.siteChecked ?? false } } });
      case 'revoke':
        return revoke({ variables: { input: { ...base, reason: values.reason ?? '' } } });
    }
  };

  const submit = async () => {
    setBanner([]);
    setRefused([]);
    const values = await form.validateFields();
    setBusy(true);
    try {
      await run(values);
      onClose();
    } catch (error) {
      // The gate's and the guards' reasons are listed (P-1: every one, per person); field errors go on fields.
      const { reasons } = refusalOf(error);
      if (reasons.length) setRefused(reasons);
      else {
        const unplaced = applyServerErrors(form, error, { prefix: [] });
        if (unplaced.length) setBanner(unplaced);
      }
    } finally {
      setBusy(false);
    }
  };

  const byPerson = new Map<string, Reason[]>();
  for (const reason of refused) {
    const key = reason.personId ?? '';
    byPerson.set(key, [...(byPerson.get(key) ?? []), reason]);
  }

  return (
    <Modal
      open
      title={`${t(`permit.actions.${action}`)} · ${permit.code}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner.length ? (
        <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      {refused.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="permit-refused"
          title={t('permit.refused')}
          description={
            <List
              size="small"
              dataSource={[...byPerson.entries()]}
              renderItem={([personId, reasons]) => (
                <List.Item>
                  <Space orientation="vertical" size={2}>
                    {personId ? <Typography.Text strong>{nameOf(personId)}</Typography.Text> : null}
                    {reasons.map((r) => (
                      <Typography.Text key={`${r.code}-${r.detail}`}>
                        {r.messageZh}
                        {r.detail && !personId ? `（${r.detail}）` : ''}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          test: {
            point: permit.type === 'CONFINED_SPACE' ? '受限空间中部' : '动火点',
            oxygenPctVol: permit.type === 'CONFINED_SPACE' ? '20.9' : undefined,
            flammables: [{ unit: 'PCT_VOL', lelPctVol: '5', substance: '甲烷' }],
            toxics: [{}],
          },
          executorPersonId: named('EXECUTOR')[0]?.value,
          guardianPersonId: named('GUARDIAN')[0]?.value,
          continuousMonitoring: monitored,
        }}
      >
        {action === 'gasTest' ? (
          <>
            <Typography.Paragraph type="secondary">{t('permit.gasAgeRule')}</Typography.Paragraph>
            <Form.Item name={['test', 'at']} label={t('permit.sampledAt')} extra={t('permit.sampledAtHint')}>
              <Input type="datetime-local" aria-label={t('permit.sampledAt')} />
            </Form.Item>
            <Form.Item
              name={['test', 'point']}
              label={t('permit.samplePoint')}
              rules={[{ required: true, message: t('permit.samplePointRequired') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name={['test', 'oxygenPctVol']} label={t('permit.oxygen')}>
              <Input inputMode="decimal" suffix="%vol" />
            </Form.Item>
            <Space.Compact block>
              <Form.Item
                name={['test', 'flammables', 0, 'substance']}
                label={t('permit.flammable')}
                style={{ flex: 2 }}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={['test', 'flammables', 0, 'reading']}
                label={t('permit.reading')}
                style={{ flex: 2 }}
              >
                <Input inputMode="decimal" aria-label={t('permit.reading')} />
              </Form.Item>
              <Form.Item
                name={['test', 'flammables', 0, 'unit']}
                label={t('permit.unit')}
                style={{ flex: 2 }}
              >
                <Select
                  options={[
                    { value: 'PCT_VOL', label: '%vol' },
                    { value: 'PCT_LEL', label: '%LEL' },
                  ]}
                />
              </Form.Item>
              <Form.Item name={['test', 'flammables', 0, 'lelPctVol']} label="LEL %vol" style={{ flex: 2 }}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Space.Compact>
            <Space.Compact block>
              <Form.Item
                name={['test', 'toxics', 0, 'substance']}
                label={t('permit.toxic')}
                style={{ flex: 1 }}
              >
                <Select
                  allowClear
                  options={['H2S', 'CO', 'NH3', 'CL2', 'SO2', 'HCN'].map((value) => ({
                    value,
                    label: value,
                  }))}
                />
              </Form.Item>
              <Form.Item name={['test', 'toxics', 0, 'mgPerM3']} label="mg/m³" style={{ flex: 1 }}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Space.Compact>
            <Form.Item
              name={['test', 'analystId']}
              label={t('permit.analyst')}
              rules={[{ required: true, message: t('permit.personRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('permit.analyst')}
                loading={people.loading}
                options={(people.data?.persons.nodes ?? []).map((p) => ({ value: p.id, label: p.nameZh }))}
              />
            </Form.Item>
          </>
        ) : null}
        {action === 'approve' ? <p>{t('permit.approveHint')}</p> : null}
        {action === 'start' || action === 'resume' ? (
          <>
            <p>{t(action === 'start' ? 'permit.startHint' : 'permit.resumeHint')}</p>
            <Form.Item name="continuousMonitoring" valuePropName="checked">
              <Checkbox>{t('permit.continuousMonitoring')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {action === 'suspend' ? (
          <Form.Item name="reason" label={t('action.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        {action === 'complete' ? (
          <>
            <p>{t('permit.completeHint')}</p>
            <Form.Item
              name="executorPersonId"
              label={t('permit.roles.EXECUTOR')}
              rules={[{ required: true }]}
            >
              <Select options={named('EXECUTOR')} />
            </Form.Item>
            <Form.Item
              name="guardianPersonId"
              label={t('permit.roles.GUARDIAN')}
              rules={[{ required: true }]}
            >
              <Select options={named('GUARDIAN')} />
            </Form.Item>
          </>
        ) : null}
        {action === 'close' ? (
          <Form.Item
            name="siteChecked"
            valuePropName="checked"
            rules={[
              {
                validator: (_, value) =>
                  value ? Promise.resolve() : Promise.reject(new Error(t('permit.siteCheckRequired'))),
              },
            ]}
          >
            <Checkbox>{t('permit.siteChecked')}</Checkbox>
          </Form.Item>
        ) : null}
        {action === 'revoke' ? (
          <Form.Item
            name="reason"
            label={t('permit.revokeReason')}
            rules={[{ required: true, message: t('action.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
