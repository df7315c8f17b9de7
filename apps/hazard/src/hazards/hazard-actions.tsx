import { useMutation } from '@apollo/client/react';
import { useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, FileUpload, type StoredFile, useT } from '@safety/ui';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
} from 'antd';
import { type ReactNode, useState } from 'react';
import type {
  HazardDetailFieldsFragment,
  HazardStatus,
  InterimMeasureKind,
  RectificationPlanInput,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { ProposeListingDocument } from '../listings/operations.js';
import {
  AcceptHazardDocument,
  ApproveRectificationPlanDocument,
  ConfirmHazardDocument,
  FailAcceptanceDocument,
  FixOnSpotDocument,
  RecordInterimMeasuresDocument,
  RegradeHazardDocument,
  RejectHazardDocument,
  ReopenHazardDocument,
  RequestAcceptanceDocument,
  StartRectificationDocument,
  SubmitHazardDocument,
  SubmitRectificationPlanDocument,
} from './operations.js';
import { InterimMeasuresFields, RectificationPlanFields } from './rectification-plan-fields.js';

type Hazard = HazardDetailFieldsFragment;
/** The DatePicker's value (a dayjs object; only `format` is used here). */
type Dayjs = { format(pattern: string): string };
type Side = 'ENTERPRISE' | 'REGULATOR';
type ActionKey =
  | 'submit'
  | 'confirm'
  | 'reject'
  | 'fixOnSpot'
  | 'startRectification'
  | 'requestAcceptance'
  | 'accept'
  | 'failAcceptance'
  | 'proposeListing'
  | 'submitPlan'
  | 'approvePlan'
  | 'interimMeasures'
  | 'regrade'
  | 'reopen';

/** Which actions a status offers to which side (domain §5.6); the service decides, this only avoids dead buttons. */
const OFFERED: Partial<Record<HazardStatus, Array<{ key: ActionKey; sides: Side[] }>>> = {
  DRAFT: [{ key: 'submit', sides: ['ENTERPRISE', 'REGULATOR'] }],
  REPORTED: [
    { key: 'confirm', sides: ['ENTERPRISE', 'REGULATOR'] },
    { key: 'fixOnSpot', sides: ['ENTERPRISE'] },
    { key: 'reject', sides: ['ENTERPRISE', 'REGULATOR'] },
  ],
  CONFIRMED: [
    // Row 5 needs, for MAJOR, the plan approved by the principal and interim measures (令第16号 第15条).
    { key: 'submitPlan', sides: ['ENTERPRISE'] },
    { key: 'approvePlan', sides: ['ENTERPRISE'] },
    { key: 'startRectification', sides: ['ENTERPRISE'] },
    { key: 'interimMeasures', sides: ['ENTERPRISE', 'REGULATOR'] },
    { key: 'proposeListing', sides: ['REGULATOR'] },
    { key: 'regrade', sides: ['REGULATOR'] },
  ],
  RECTIFYING: [
    { key: 'requestAcceptance', sides: ['ENTERPRISE'] },
    { key: 'interimMeasures', sides: ['ENTERPRISE', 'REGULATOR'] },
    { key: 'proposeListing', sides: ['REGULATOR'] },
    { key: 'regrade', sides: ['REGULATOR'] },
  ],
  PENDING_ACCEPTANCE: [
    { key: 'accept', sides: ['ENTERPRISE', 'REGULATOR'] },
    { key: 'failAcceptance', sides: ['ENTERPRISE', 'REGULATOR'] },
  ],
  CLOSED: [{ key: 'reopen', sides: ['REGULATOR'] }],
};

/** Row 12: a recurrence reopens a hazard within 30 days of closing [D]. */
const REOPEN_WINDOW_MS = 30 * 86_400_000;

const ENTERPRISE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER', 'ENT_STAFF'];

interface ActionValues {
  grade?: 'GENERAL' | 'MAJOR';
  deadline?: Dayjs;
  determination?: 'STANDARD_CLAUSE' | 'EXPERT_JUDGEMENT' | 'EXTERNAL_FACTOR';
  criterionId?: string;
  kind?: 'NOT_A_HAZARD' | 'DUPLICATE';
  reason?: string;
  photos?: StoredFile[];
  noPhotoReason?: string;
  onSite?: boolean;
  note?: string;
  level?: 'COUNTY_SAC' | 'COUNTY_DEPT' | 'TOWNSHIP';
  requirements?: string;
  plan?: Omit<RectificationPlanInput, 'deadline' | 'planFileId'> & {
    deadline?: Dayjs;
    planFile?: StoredFile[];
  };
  interimMeasures?: Array<{ kind: InterimMeasureKind; text: string }>;
  completionReport?: StoredFile[];
  resumptionApplication?: StoredFile[];
}

const photosOf = (values: ActionValues, kind: 'BEFORE' | 'AFTER') =>
  (values.photos ?? []).map((file) => ({ fileId: file.id, kind }));
/** Row 6 for MAJOR: the after photos, the completion report and (after a suspension) the resumption application. */
const acceptanceEvidence = (values: ActionValues) => [
  ...photosOf(values, 'AFTER'),
  ...(values.completionReport ?? []).map((file) => ({ fileId: file.id, kind: 'COMPLETION_REPORT' as const })),
  ...(values.resumptionApplication ?? []).map((file) => ({
    fileId: file.id,
    kind: 'RESUMPTION_APPLICATION' as const,
  })),
];
const measuresOf = (values: ActionValues) =>
  (values.interimMeasures ?? []).map(({ kind, text }) => ({ kind, text: text.trim() }));
const day = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD');

/** The actions of one hazard for the signed-in user, each in a small form (photos, deadline, reason). */
export function HazardActions({ hazard }: { hazard: Hazard }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const side: Side = session?.account.roles.some((role) => ENTERPRISE_ROLES.includes(role))
    ? 'ENTERPRISE'
    : 'REGULATOR';
  const roles = session?.account.roles ?? [];
  const planPending = Boolean(hazard.plan && !hazard.plan.approvedAt);
  const offered = (OFFERED[hazard.status] ?? []).filter(
    (action) =>
      action.sides.includes(side) &&
      // 即知即改 is for GENERAL hazards only (row 2); only an unlisted MAJOR hazard can be listed (§5.7.2).
      (action.key !== 'fixOnSpot' || hazard.grade === 'GENERAL') &&
      (action.key !== 'proposeListing' || (hazard.grade === 'MAJOR' && !hazard.listingId)) &&
      // Only the principal (企业主要负责人) approves a submitted plan (domain §2.3 "sign plans").
      (action.key !== 'approvePlan' || (planPending && roles.includes('ENT_PRINCIPAL'))) &&
      // A MAJOR hazard starts rectification once its plan is approved (row 5).
      (action.key !== 'startRectification' || hazard.grade === 'GENERAL' || hazard.planApproved) &&
      (action.key !== 'reopen' ||
        (hazard.closedAt !== null &&
          hazard.closedAt !== undefined &&
          Date.now() - new Date(hazard.closedAt).getTime() <= REOPEN_WINDOW_MS)),
  );
  // The next step of the enterprise first: plan, approval, then the rest.
  const primary =
    offered.find((a) => a.key === 'approvePlan') ??
    offered.find((a) => a.key === 'submitPlan' && hazard.grade === 'MAJOR' && !hazard.plan) ??
    offered[0];
  if (offered.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="hazard-actions">
        {offered.map(({ key }) => (
          <Button key={key} type={key === primary?.key ? 'primary' : 'default'} onClick={() => setOpen(key)}>
            {key === 'submitPlan' && hazard.plan ? t('action.resubmitPlan') : t(`action.${key}`)}
          </Button>
        ))}
      </Space>
      {open ? <ActionModal hazard={hazard} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function ActionModal({
  hazard,
  action,
  onClose,
}: {
  hazard: Hazard;
  action: ActionKey;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<ActionValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const grade = Form.useWatch('grade', form);
  const photos = Form.useWatch('photos', form) ?? [];
  const [submitHazard] = useMutation(SubmitHazardDocument);
  const [confirm] = useMutation(ConfirmHazardDocument);
  const [reject] = useMutation(RejectHazardDocument);
  const [fixOnSpot] = useMutation(FixOnSpotDocument);
  const [startRectification] = useMutation(StartRectificationDocument);
  const [requestAcceptance] = useMutation(RequestAcceptanceDocument);
  const [accept] = useMutation(AcceptHazardDocument);
  const [failAcceptance] = useMutation(FailAcceptanceDocument);
  const [proposeListing] = useMutation(ProposeListingDocument, { refetchQueries: ['HazardDetail'] });
  const [submitPlan] = useMutation(SubmitRectificationPlanDocument);
  const [approvePlan] = useMutation(ApproveRectificationPlanDocument);
  const [recordInterim] = useMutation(RecordInterimMeasuresDocument);
  const [regrade] = useMutation(RegradeHazardDocument);
  const [reopen] = useMutation(ReopenHazardDocument);
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const defaultLevel =
    roles.includes('SAC_OFFICE') || roles.includes('COUNTY_LEADER')
      ? 'COUNTY_SAC'
      : roles.includes('TOWNSHIP_OFFICER')
        ? 'TOWNSHIP'
        : 'COUNTY_DEPT';
  const base = { hazardId: hazard.id, expectedVersion: hazard.version };

  const run = async (values: ActionValues) => {
    switch (action) {
      case 'submit':
        return submitHazard({
          variables: {
            input: {
              ...base,
              evidence: photosOf(values, 'BEFORE'),
              noPhotoReason: photos.length ? undefined : values.noPhotoReason,
            },
          },
        });
      case 'confirm':
        return confirm({
          variables: {
            input: {
              ...base,
              grade: values.grade,
              deadline: day(values.deadline),
              determination: values.grade === 'MAJOR' ? values.determination : undefined,
              criterionId: values.grade === 'MAJOR' ? values.criterionId || undefined : undefined,
            },
          },
        });
      case 'reject':
        return reject({
          variables: { input: { ...base, kind: values.kind ?? 'NOT_A_HAZARD', reason: values.reason ?? '' } },
        });
      case 'fixOnSpot':
        return fixOnSpot({ variables: { input: { ...base, evidence: photosOf(values, 'AFTER') } } });
      case 'startRectification':
        return startRectification({
          variables: { input: { ...base, interimMeasures: measuresOf(values) } },
        });
      case 'requestAcceptance':
        return requestAcceptance({ variables: { input: { ...base, evidence: acceptanceEvidence(values) } } });
      case 'submitPlan': {
        const { deadline, planFile, ...plan } = values.plan ?? ({} as NonNullable<ActionValues['plan']>);
        return submitPlan({
          variables: {
            input: {
              ...base,
              plan: { ...plan, deadline: day(deadline) ?? '', planFileId: planFile?.[0]?.id },
            },
          },
        });
      }
      case 'approvePlan':
        return approvePlan({ variables: { input: base } });
      case 'interimMeasures':
        return recordInterim({ variables: { input: { ...base, interimMeasures: measuresOf(values) } } });
      case 'regrade':
        return regrade({
          variables: {
            input: {
              ...base,
              grade: values.grade ?? (hazard.grade === 'MAJOR' ? 'GENERAL' : 'MAJOR'),
              reason: values.reason ?? '',
              determination: values.grade === 'MAJOR' ? values.determination : undefined,
              criterionId: values.grade === 'MAJOR' ? values.criterionId || undefined : undefined,
              deadline: day(values.deadline),
            },
          },
        });
      case 'reopen':
        return reopen({
          variables: {
            input: { ...base, reason: values.reason ?? '', deadline: day(values.deadline) ?? '' },
          },
        });
      case 'accept':
        return accept({
          variables: { input: { ...base, onSite: values.onSite ?? false, note: values.note } },
        });
      case 'proposeListing':
        return proposeListing({
          variables: {
            input: {
              hazardIds: [hazard.id],
              level: values.level ?? defaultLevel,
              // The body issuing the notice is the proposer's own: the SAC office, the department or the town.
              issuingOrgId: session?.account.scope.orgUnitId ?? '',
              requirements: values.requirements ?? '',
              deadline: day(values.deadline) ?? hazard.deadline ?? '',
            },
          },
        });
      case 'failAcceptance':
        return failAcceptance({
          variables: { input: { ...base, reason: values.reason ?? '', deadline: day(values.deadline) } },
        });
    }
  };

  const submit = async () => {
    setBanner(null);
    // A failed validation shows on the fields (not an unhandled rejection); nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await run(values);
      onClose();
    } catch (error) {
      // `evidence` errors belong to the photo field of this form.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    } finally {
      setBusy(false);
    }
  };

  const photoField = (label: string, required: boolean): ReactNode => (
    <Form.Item
      name="photos"
      label={label}
      rules={required ? [{ required: true, type: 'array', min: 1, message: t('action.photoRequired') }] : []}
    >
      <FileUpload transport={transport} aria-label={label} maxCount={9} />
    </Form.Item>
  );
  const reasonField = (label: string) => (
    <Form.Item name="reason" label={label} rules={[{ required: true, message: t('action.reasonRequired') }]}>
      <Input.TextArea rows={3} maxLength={1000} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={`${t(`action.${action}`)} · ${hazard.code}`}
      width={action === 'submitPlan' ? 640 : undefined}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          grade: action === 'regrade' ? (hazard.grade === 'MAJOR' ? 'GENERAL' : 'MAJOR') : hazard.grade,
          kind: 'NOT_A_HAZARD',
          // A resubmitted plan starts from the last one (its deadline is picked again).
          plan: hazard.plan ? { ...hazard.plan, deadline: undefined, planFile: undefined } : undefined,
          interimMeasures:
            action === 'interimMeasures'
              ? hazard.interimMeasures.map(({ kind, text }) => ({ kind, text }))
              : action === 'startRectification' && hazard.grade === 'MAJOR' && !hazard.interimMeasures.length
                ? [{ kind: 'ISOLATION', text: '' }]
                : [],
        }}
      >
        {action === 'submit' ? (
          <>
            {photoField(t('report.photos'), false)}
            {photos.length === 0 ? reasonField(t('report.noPhotoReason')) : null}
          </>
        ) : null}
        {action === 'confirm' ? (
          <>
            <Form.Item name="grade" label={t('hazard.grade')}>
              <Radio.Group
                optionType="button"
                options={(['GENERAL', 'MAJOR'] as const).map((value) => ({
                  value,
                  label: t(`grade.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('hazard.deadline')}
              rules={[{ required: true, message: t('action.deadlineRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            {grade === 'MAJOR' ? (
              <>
                <Form.Item
                  name="determination"
                  label={t('hazard.determination')}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={(['STANDARD_CLAUSE', 'EXPERT_JUDGEMENT', 'EXTERNAL_FACTOR'] as const).map(
                      (value) => ({
                        value,
                        label: t(`determination.${value}`),
                      }),
                    )}
                  />
                </Form.Item>
                <Form.Item name="criterionId" label={t('hazard.criterion')}>
                  <Input placeholder={t('action.criterionHint')} />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
        {action === 'reject' ? (
          <>
            <Form.Item name="kind" label={t('action.rejectKind')}>
              <Radio.Group
                options={(['NOT_A_HAZARD', 'DUPLICATE'] as const).map((value) => ({
                  value,
                  label: t(`rejection.${value}`),
                }))}
              />
            </Form.Item>
            {reasonField(t('action.reason'))}
          </>
        ) : null}
        {action === 'fixOnSpot' || action === 'requestAcceptance'
          ? photoField(t('action.afterPhotos'), true)
          : null}
        {action === 'requestAcceptance' && hazard.grade === 'MAJOR' ? (
          <>
            <Form.Item
              name="completionReport"
              label={t('action.completionReport')}
              rules={[
                { required: true, type: 'array', min: 1, message: t('action.completionReportRequired') },
              ]}
            >
              <FileUpload transport={transport} aria-label={t('action.completionReport')} maxCount={3} />
            </Form.Item>
            {hazard.suspended ? (
              <Form.Item
                name="resumptionApplication"
                label={t('action.resumptionApplication')}
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('action.resumptionApplicationRequired'),
                  },
                ]}
              >
                <FileUpload
                  transport={transport}
                  aria-label={t('action.resumptionApplication')}
                  maxCount={3}
                />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {action === 'startRectification' ? (
          <>
            <p>{t('action.startRectificationHint')}</p>
            {hazard.grade === 'MAJOR' && hazard.interimMeasures.length === 0 ? (
              <InterimMeasuresFields required />
            ) : null}
          </>
        ) : null}
        {action === 'submitPlan' ? (
          <>
            <Alert type="info" showIcon title={t('plan.hint')} style={{ marginBottom: 16 }} />
            <RectificationPlanFields transport={transport} />
          </>
        ) : null}
        {action === 'approvePlan' && hazard.plan ? (
          <>
            <p>{t('plan.approveHint')}</p>
            <PlanSummary plan={hazard.plan} />
          </>
        ) : null}
        {action === 'interimMeasures' ? <InterimMeasuresFields required={hazard.grade === 'MAJOR'} /> : null}
        {action === 'regrade' ? (
          <>
            <Form.Item name="grade" label={t('action.newGrade')}>
              <Radio.Group
                optionType="button"
                options={(['GENERAL', 'MAJOR'] as const).map((value) => ({
                  value,
                  label: t(`grade.${value}`),
                }))}
              />
            </Form.Item>
            {grade === 'MAJOR' ? (
              <>
                <Form.Item
                  name="determination"
                  label={t('hazard.determination')}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={(['STANDARD_CLAUSE', 'EXPERT_JUDGEMENT', 'EXTERNAL_FACTOR'] as const).map(
                      (value) => ({ value, label: t(`determination.${value}`) }),
                    )}
                  />
                </Form.Item>
                <Form.Item name="criterionId" label={t('hazard.criterion')}>
                  <Input placeholder={t('action.criterionHint')} />
                </Form.Item>
              </>
            ) : null}
            {reasonField(t('action.reason'))}
            <Form.Item name="deadline" label={t('action.newDeadline')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'reopen' ? (
          <>
            {reasonField(t('action.reopenReason'))}
            <Form.Item
              name="deadline"
              label={t('hazard.deadline')}
              rules={[{ required: true, message: t('action.deadlineRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'accept' ? (
          <>
            <Form.Item name="onSite" valuePropName="checked">
              <Checkbox>{t('action.onSite')}</Checkbox>
            </Form.Item>
            <Form.Item name="note" label={t('action.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'proposeListing' ? (
          <>
            <Form.Item name="level" label={t('listing.level')}>
              <Radio.Group
                optionType="button"
                options={(['COUNTY_SAC', 'COUNTY_DEPT', 'TOWNSHIP'] as const).map((value) => ({
                  value,
                  label: t(`listingLevel.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="requirements"
              label={t('listing.requirements')}
              rules={[{ required: true, message: t('listing.requirementsRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="deadline" label={t('listing.deadline')} extra={t('listing.deadlineHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'failAcceptance' ? (
          <>
            {reasonField(t('action.reason'))}
            <Form.Item name="deadline" label={t('action.newDeadline')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

type Plan = NonNullable<Hazard['plan']>;

/** The plan as read-only lines (approval dialog and drawer): the 五定 first. */
export function PlanSummary({ plan }: { plan: Plan }) {
  const t = useT(HAZARD_NAMESPACE);
  const rows: Array<[string, string]> = [
    ['measures', plan.measures],
    ['responsiblePerson', `${plan.responsiblePerson}（${plan.responsibleOrganisation}）`],
    ['funds', `${plan.funds} ${t('plan.yuan')}`],
    ['deadline', plan.deadline],
    ['contingencyPlan', plan.contingencyPlan],
    ['objectives', plan.objectives],
    ['materials', plan.materials],
    ['requirements', plan.requirements],
    ['safetyMeasures', plan.safetyMeasures],
  ];
  return (
    <Descriptions column={1} size="small" bordered data-testid="plan-summary">
      {rows.map(([key, value]) => (
        <Descriptions.Item key={key} label={t(`plan.${key}`)}>
          {value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
