import { useMutation, useQuery } from '@apollo/client/react';
import { useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, DeadlineBadge, FileUpload, type StoredFile, useT } from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { HazardTaskFieldsFragment, TaskStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  AcknowledgeTaskDocument,
  CloseTaskDocument,
  HazardTasksDocument,
  ReturnTaskDocument,
  StartTaskDocument,
  SubmitTaskDocument,
  VerifyTaskDocument,
} from './operations.js';

type Task = HazardTaskFieldsFragment;
type TaskAction = 'acknowledge' | 'start' | 'submit' | 'return' | 'verify' | 'close';
type Actor = 'ASSIGNEE' | 'ISSUER';

/** Domain §4.7 as the responsibility service has it; only to avoid dead buttons, the service decides. */
const TRANSITIONS: Array<{ action: TaskAction; from: TaskStatus[]; actor: Actor }> = [
  { action: 'acknowledge', from: ['ISSUED'], actor: 'ASSIGNEE' },
  { action: 'start', from: ['ACKNOWLEDGED', 'RETURNED'], actor: 'ASSIGNEE' },
  { action: 'submit', from: ['IN_PROGRESS'], actor: 'ASSIGNEE' },
  { action: 'return', from: ['SUBMITTED'], actor: 'ISSUER' },
  { action: 'verify', from: ['SUBMITTED'], actor: 'ISSUER' },
  { action: 'close', from: ['VERIFIED'], actor: 'ISSUER' },
];

const STATUS_COLOURS: Record<TaskStatus, string> = {
  ISSUED: 'blue',
  ACKNOWLEDGED: 'cyan',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'purple',
  RETURNED: 'orange',
  VERIFIED: 'green',
  CLOSED: 'success',
};
const ESCALATION_COLOURS = { REMINDER: 'gold', GUIDANCE: 'orange', INTERVIEW: 'red' } as const;
/** Enterprise workers do not handle tasks; their management does (responsibility ASSIGNEE_ROLES). */
const ENTERPRISE_ASSIGNEE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];
const ENTERPRISE_ROLES = [...ENTERPRISE_ASSIGNEE_ROLES, 'ENT_STAFF'];
const finished = (status: TaskStatus) =>
  status === 'SUBMITTED' || status === 'VERIFIED' || status === 'CLOSED';

/** Which part of the task the signed-in user holds, mirroring the service's actorsOf. */
function useActors(task: Task): Actor[] {
  const session = useSession();
  const account = session?.account;
  if (!account) return [];
  const enterpriseUser = account.roles.some((role) => ENTERPRISE_ROLES.includes(role));
  const org = account.scope.orgUnitId;
  const actors: Actor[] = [];
  if (
    (enterpriseUser &&
      account.roles.some((role) => ENTERPRISE_ASSIGNEE_ROLES.includes(role)) &&
      task.assigneeEnterpriseId &&
      account.scope.enterpriseIds.includes(task.assigneeEnterpriseId)) ||
    (!enterpriseUser && org && task.assigneeOrgs.some((unit) => unit.id === org))
  )
    actors.push('ASSIGNEE');
  if ((!enterpriseUser && org && task.issuerOrg?.id === org) || account.roles.includes('SAC_OFFICE'))
    actors.push('ISSUER');
  return actors;
}

/**
 * 双重交办 (H-2, domain §4.7): the enterprise's rectification leg and the town's and regulators' oversight
 * leg of one hazard, each with its own due date, overdue days and escalation level.
 */
export function HazardTasksSection({
  hazardId,
  enterpriseName,
  expected,
}: {
  hazardId: string;
  enterpriseName?: string;
  /** H-2 applies (a confirmed MAJOR hazard or one found by government): wait for the legs to be issued. */
  expected: boolean;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error, startPolling, stopPolling } = useQuery(HazardTasksDocument, {
    variables: { id: hazardId },
    errorPolicy: 'all',
  });
  const tasks = data?.hazard?.tasks ?? [];
  // The legs are issued by the responsibility service from the hazard's event, seconds after confirmation.
  const waiting = expected && !loading && !error && tasks.length === 0;
  useEffect(() => {
    if (!waiting) return;
    startPolling(3000);
    const stop = setTimeout(stopPolling, 30_000);
    return () => {
      clearTimeout(stop);
      stopPolling();
    };
  }, [waiting, startPolling, stopPolling]);
  if (!expected && tasks.length === 0) return null;
  const legs = [...tasks].sort((a, b) => (a.leg ?? '').localeCompare(b.leg ?? ''));
  return (
    <div data-testid="hazard-tasks" style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginBottom: 4 }}>
        {t('hazardTask.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hazardTask.hint')}
      </Typography.Paragraph>
      {error ? (
        <Alert type="warning" showIcon title={t('hazardTask.loadFailed', { message: error.message })} />
      ) : null}
      {loading && !data ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {waiting ? <Typography.Text type="secondary">{t('hazardTask.none')}</Typography.Text> : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {legs.map((task) => (
          <TaskLegCard key={task.id} task={task} enterpriseName={enterpriseName} />
        ))}
      </Space>
    </div>
  );
}

function TaskLegCard({ task, enterpriseName }: { task: Task; enterpriseName?: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const actors = useActors(task);
  const [open, setOpen] = useState<TaskAction | null>(null);
  const offered = TRANSITIONS.filter(
    (step) => step.from.includes(task.status) && actors.includes(step.actor),
  );
  const assignees = task.assigneeEnterpriseId
    ? (enterpriseName ?? '—')
    : task.assigneeOrgs.map((unit) => unit.name).join('、') || '—';
  return (
    <Card
      size="small"
      data-testid={`task-leg-${task.leg ?? 'OTHER'}`}
      // Overdue legs stand out (reported separately, H-2).
      style={task.overdue ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Space wrap size={4}>
          <span>{task.leg ? t(`hazardTask.legs.${task.leg}`) : task.title}</span>
          <Tag color={STATUS_COLOURS[task.status]}>{t(`hazardTask.statuses.${task.status}`)}</Tag>
          {task.overdue ? (
            <Tag color="error">{t('hazardTask.overdueDays', { days: task.daysOverdue })}</Tag>
          ) : null}
          {task.escalation ? (
            <Tag color={ESCALATION_COLOURS[task.escalation]}>
              {t(`hazardTask.escalations.${task.escalation}`)}
            </Tag>
          ) : null}
        </Space>
      }
      extra={<Typography.Text type="secondary">{task.code}</Typography.Text>}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('hazardTask.assignees')}>{assignees}</Descriptions.Item>
        <Descriptions.Item label={t('hazardTask.issuer')}>{task.issuerOrg?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('hazardTask.dueAt')}>
          <Space wrap size={4}>
            {task.dueAt}
            <DeadlineBadge deadline={task.dueAt} closed={finished(task.status)} />
            {task.status === 'ISSUED' ? (
              <Typography.Text type="secondary">
                {t('hazardTask.acknowledgementDue', { date: task.acknowledgementDue })}
              </Typography.Text>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('hazardTask.requirement')}>{task.requirement}</Descriptions.Item>
        {task.returnReason ? (
          <Descriptions.Item label={t('hazardTask.statuses.RETURNED')}>{task.returnReason}</Descriptions.Item>
        ) : null}
        {task.submissionNote ? (
          <Descriptions.Item label={t('hazardTask.note')}>{task.submissionNote}</Descriptions.Item>
        ) : null}
        {task.evidence.length ? (
          <Descriptions.Item label={t('hazardTask.evidence')}>
            <FileUpload
              transport={transport}
              readOnly
              value={task.evidence.map((item) => ({ id: item.fileId, name: item.note ?? undefined }))}
            />
          </Descriptions.Item>
        ) : null}
        {task.linkedTask ? (
          <Descriptions.Item label={t('hazardTask.linked')}>{task.linkedTask.code}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {offered.length ? (
        <Space wrap style={{ marginTop: 8 }}>
          {offered.map(({ action }, index) => (
            <Button
              key={action}
              size="small"
              type={index === 0 ? 'primary' : 'default'}
              onClick={() => setOpen(action)}
            >
              {t(`hazardTask.actions.${action}`)}
            </Button>
          ))}
        </Space>
      ) : null}
      {open ? <TaskActionModal task={task} action={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

interface TaskValues {
  evidenceFileIds?: StoredFile[];
  note?: string;
  reason?: string;
}

function TaskActionModal({ task, action, onClose }: { task: Task; action: TaskAction; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<TaskValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [acknowledge] = useMutation(AcknowledgeTaskDocument);
  const [start] = useMutation(StartTaskDocument);
  const [submitTask] = useMutation(SubmitTaskDocument);
  const [returnTask] = useMutation(ReturnTaskDocument);
  const [verify] = useMutation(VerifyTaskDocument);
  const [close] = useMutation(CloseTaskDocument);
  const base = { id: task.id, version: task.version };

  const run = (values: TaskValues) => {
    switch (action) {
      case 'acknowledge':
        return acknowledge({ variables: { input: base } });
      case 'start':
        return start({ variables: { input: base } });
      case 'submit':
        return submitTask({
          variables: {
            input: {
              ...base,
              evidenceFileIds: (values.evidenceFileIds ?? []).map((file) => file.id),
              note: values.note?.trim() || undefined,
            },
          },
        });
      case 'return':
        return returnTask({ variables: { input: { ...base, reason: values.reason ?? '' } } });
      case 'verify':
        return verify({ variables: { input: base } });
      case 'close':
        return close({ variables: { input: base } });
    }
  };

  const submit = async () => {
    setBanner(null);
    // A failed validation shows on the fields; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await run(values);
      onClose();
    } catch (error) {
      // `evidenceFileIds` and `reason` land on their fields; FORBIDDEN / CONFLICT go in the banner.
      const unplaced = applyServerErrors(form, error);
      if (unplaced.length) setBanner(unplaced.join('；'));
    } finally {
      setBusy(false);
    }
  };

  const label = t(`hazardTask.actions.${action}`);
  return (
    <Modal
      open
      title={`${label} · ${task.code}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={480}
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<TaskValues> form={form} layout="vertical">
        {action === 'submit' ? (
          <>
            {/* Named as the input field, so the server's evidenceFileIds error lands here. */}
            <Form.Item
              name="evidenceFileIds"
              label={t('hazardTask.evidence')}
              rules={[{ required: true, type: 'array', min: 1, message: t('hazardTask.evidenceRequired') }]}
            >
              <FileUpload transport={transport} maxCount={9} aria-label={t('hazardTask.evidence')} />
            </Form.Item>
            <Form.Item name="note" label={t('hazardTask.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        ) : action === 'return' ? (
          <Form.Item
            name="reason"
            label={t('hazardTask.reason')}
            rules={[{ required: true, whitespace: true, message: t('hazardTask.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <Typography.Paragraph>
            {t('hazardTask.confirm', { action: label, code: task.code })}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
