import { useMutation, useQuery } from '@apollo/client/react';
import { useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, FileUpload, type StoredFile, useT } from '@safety/ui';
import { Alert, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PermitStatus, ReportUnlicensedWorkerMutation } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { permitPartiesOf } from './labels.js';
import { ReportUnlicensedWorkerDocument, ServiceClockDocument } from './operations.js';
import type { PermitDetail } from './permit-drawer.js';

/** The live operations the service accepts a finding on (P-3). */
const LIVE: readonly PermitStatus[] = ['APPROVED', 'IN_PROGRESS', 'SUSPENDED'];
const DAY_MS = 86_400_000;

type CreatedHazard = ReportUnlicensedWorkerMutation['reportUnlicensedWorker'] & {
  /** The unit that hired the worker: the accountability proposal names it (谁招请无证人员，谁负责任). */
  engagedBy: string;
};

interface FindingValues {
  personId?: string;
  operation: string;
  deadline: string;
  photos?: StoredFile[];
  noPhotoReason?: string;
}

/** `YYYY-MM-DD` plus days, on the calendar (no time zone involved). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * 无证作业 (domain §5.9 P-3): a regulator at the site records a worker without a valid certificate.
 * The service creates the hazard (major for 工贸 / hazchem) and the accountability proposal against
 * the unit that hired the worker; here the created hazard is shown with a link to it.
 */
export function UnlicensedWorkerAction({
  permit,
  nameOf,
}: {
  permit: PermitDetail;
  nameOf: (id: string) => string;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedHazard | null>(null);
  const regulator = permitPartiesOf(session?.account.roles ?? []).has('REGULATOR');
  if (!regulator || (!LIVE.includes(permit.status) && !created)) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
      {LIVE.includes(permit.status) ? (
        <Button danger onClick={() => setOpen(true)} data-testid="report-unlicensed-worker">
          {t('permit.unlicensed.action')}
        </Button>
      ) : null}
      {created ? (
        <Alert
          type="warning"
          showIcon
          data-testid="unlicensed-hazard"
          title={t('permit.unlicensed.created', { code: created.code })}
          description={
            <Space wrap>
              <Tag color={created.grade === 'MAJOR' ? 'red' : 'orange'}>{t(`grade.${created.grade}`)}</Tag>
              <Typography.Text>{created.title}</Typography.Text>
              <Typography.Text type="secondary">
                {t('permit.unlicensed.accountability', { unit: created.engagedBy })}
              </Typography.Text>
              <Link to={`../hazards?hazard=${created.id}`} relative="path">
                {t('permit.unlicensed.openHazard')}
              </Link>
            </Space>
          }
        />
      ) : null}
      {open ? (
        <UnlicensedWorkerModal
          permit={permit}
          nameOf={nameOf}
          onClose={() => setOpen(false)}
          onCreated={(hazard) => {
            setCreated(hazard);
            setOpen(false);
          }}
        />
      ) : null}
    </Space>
  );
}

function UnlicensedWorkerModal({
  permit,
  nameOf,
  onClose,
  onCreated,
}: {
  permit: PermitDetail;
  nameOf: (id: string) => string;
  onClose: () => void;
  onCreated: (hazard: CreatedHazard) => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<FindingValues>();
  const [banner, setBanner] = useState<string[]>([]);
  const [report, { loading }] = useMutation(ReportUnlicensedWorkerDocument, {
    refetchQueries: ['PermitDetail', 'HazardList'],
  });
  // The deadline defaults from the service's today, not the browser's (DEMO_TODAY pins the demo).
  const clock = useQuery(ServiceClockDocument);
  const today = clock.data?.serviceClock.today;
  const photos = Form.useWatch('photos', form) ?? [];
  // A week from the service's today unless the regulator already chose one.
  useEffect(() => {
    if (today && !form.getFieldValue('deadline')) form.setFieldValue('deadline', addDays(today, 7));
  }, [today, form]);
  const workers = permit.workers.map((worker) => ({
    value: worker.personId,
    label: `${nameOf(worker.personId)} · ${t(`permit.roles.${worker.role}`)} · ${worker.engagedBy.name}`,
  }));

  const submit = async () => {
    setBanner([]);
    const values = await form.validateFields();
    try {
      const { data } = await report({
        variables: {
          input: {
            permitId: permit.id,
            personId: values.personId ?? '',
            operation: values.operation,
            deadline: values.deadline || (today ? addDays(today, 7) : ''),
            evidence: (values.photos ?? []).map((file) => ({ fileId: file.id, kind: 'BEFORE' as const })),
            noPhotoReason: values.photos?.length ? undefined : values.noPhotoReason,
          },
        },
      });
      const engagedBy = permit.workers.find((w) => w.personId === values.personId)?.engagedBy.name ?? '';
      if (data) onCreated({ ...data.reportUnlicensedWorker, engagedBy });
    } catch (error) {
      // BAD_USER_INPUT goes on its field; FORBIDDEN / CONFLICT (e.g. no longer live) in the banner.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced);
    }
  };

  return (
    <Modal
      open
      title={`${t('permit.unlicensed.action')} · ${permit.code}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('permit.unlicensed.hint')}</Typography.Paragraph>
      {banner.length ? (
        <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      {clock.error ? (
        <Alert type="warning" showIcon title={clock.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<FindingValues> form={form} layout="vertical">
        <Form.Item
          name="personId"
          label={t('permit.unlicensed.worker')}
          rules={[{ required: true, message: t('permit.personRequired') }]}
        >
          <Select options={workers} aria-label={t('permit.unlicensed.worker')} />
        </Form.Item>
        <Form.Item
          name="operation"
          label={t('permit.unlicensed.operation')}
          extra={t('permit.unlicensed.operationHint')}
          rules={[{ required: true, min: 2, max: 60, message: t('permit.unlicensed.operationRequired') }]}
        >
          <Input maxLength={60} aria-label={t('permit.unlicensed.operation')} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('permit.unlicensed.deadline')}
          rules={[{ required: true, message: t('permit.unlicensed.deadlineRequired') }]}
        >
          <Input type="date" min={today} aria-label={t('permit.unlicensed.deadline')} />
        </Form.Item>
        <Form.Item name="photos" label={t('report.photos')}>
          <FileUpload transport={transport} aria-label={t('report.photos')} maxCount={9} />
        </Form.Item>
        {photos.length === 0 ? (
          <Form.Item
            name="noPhotoReason"
            label={t('report.noPhotoReason')}
            rules={[{ required: true, message: t('report.photoOrReason') }]}
          >
            <Input.TextArea rows={2} maxLength={500} aria-label={t('report.noPhotoReason')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
