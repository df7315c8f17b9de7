import { useMutation } from '@apollo/client/react';
import { EnterprisePicker, useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type {
  EquipmentInspectionResult,
  SpecialEquipmentCategory,
  SpecialEquipmentFieldsFragment,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { EQUIPMENT_CATEGORIES, INSPECTION_RESULTS } from './labels.js';
import {
  RecordEquipmentInspectionDocument,
  RegisterSpecialEquipmentDocument,
  SetSpecialEquipmentSealedDocument,
} from './operations.js';

/** The DatePicker's value (a dayjs object; only `format` is used here). */
type Dayjs = { format(pattern: string): string };
const day = (value: Dayjs | undefined | null) => value?.format('YYYY-MM-DD');
/** Full width on a phone (360 px), a normal dialog on a desk. */
const MODAL_WIDTH = 'min(560px, calc(100vw - 16px))';

interface RegisterValues {
  enterpriseId?: string;
  category: SpecialEquipmentCategory;
  registrationNo: string;
  name: string;
  location?: string;
  lastInspectionAt?: Dayjs;
  nextInspectionDue?: Dayjs;
  inspectionResult?: EquipmentInspectionResult;
}

/** 使用登记: the user unit (its own for an enterprise user) and the registry's dates (domain §5.5). */
export function RegisterEquipmentModal({ onClose }: { onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const own = session?.account.scope.enterpriseIds ?? [];
  const ownEnterprise = own.length === 1 ? own[0] : undefined;
  const [form] = Form.useForm<RegisterValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [register, { loading }] = useMutation(RegisterSpecialEquipmentDocument, {
    refetchQueries: ['SpecialEquipmentList'],
    awaitRefetchQueries: true,
  });
  const category = Form.useWatch('category', form);

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      await register({
        variables: {
          input: {
            enterpriseId: ownEnterprise ?? values.enterpriseId ?? '',
            category: values.category,
            registrationNo: values.registrationNo.trim(),
            name: values.name.trim(),
            location: values.location?.trim() || undefined,
            lastInspectionAt: day(values.lastInspectionAt),
            nextInspectionDue: day(values.nextInspectionDue),
            inspectionResult: values.inspectionResult,
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
      title={t('equipment.register')}
      width={MODAL_WIDTH}
      okText={t('equipment.save')}
      cancelText={t('equipment.cancel')}
      onOk={() => void submit()}
      confirmLoading={loading}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<RegisterValues> form={form} layout="vertical">
        {ownEnterprise ? null : (
          <Form.Item
            name="enterpriseId"
            label={t('equipment.enterprise')}
            rules={[{ required: true, message: t('equipment.required') }]}
          >
            <EnterprisePicker aria-label={t('equipment.enterprise')} />
          </Form.Item>
        )}
        <Form.Item
          name="category"
          label={t('equipment.category')}
          rules={[{ required: true, message: t('equipment.required') }]}
        >
          <Select
            aria-label={t('equipment.category')}
            options={EQUIPMENT_CATEGORIES.map((value) => ({
              value,
              label: t(`equipment.categories.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="registrationNo"
          label={t('equipment.registrationNo')}
          rules={[{ required: true, whitespace: true, message: t('equipment.required') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('equipment.name')}
          rules={[{ required: true, whitespace: true, message: t('equipment.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="location" label={t('equipment.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="lastInspectionAt" label={t('equipment.lastInspectionAt')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="inspectionResult" label={t('equipment.inspectionResult')}>
          <Select
            allowClear
            options={INSPECTION_RESULTS.map((value) => ({ value, label: t(`equipment.result.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="nextInspectionDue"
          label={t('equipment.nextInspectionDue')}
          extra={category === 'ELEVATOR' ? t('equipment.elevatorDefault') : t('equipment.dueFromReport')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export type EquipmentAction = 'inspect' | 'seal' | 'unseal';

interface ActionValues {
  inspectedOn?: Dayjs;
  result?: EquipmentInspectionResult;
  nextInspectionDue?: Dayjs;
  reason?: string;
}

/** 定期检验 and 封存/启用 of one unit, with the version read (a newer one is a CONFLICT). */
export function EquipmentActionModal({
  unit,
  action,
  onClose,
}: {
  unit: SpecialEquipmentFieldsFragment;
  action: EquipmentAction;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<ActionValues>();
  const [banner, setBanner] = useState<string | null>(null);
  // The overdue filter and the hazard link change with the answer: refetch the register.
  const options = { refetchQueries: ['SpecialEquipmentList'], awaitRefetchQueries: true };
  const [inspect, inspecting] = useMutation(RecordEquipmentInspectionDocument, options);
  const [setSealed, sealing] = useMutation(SetSpecialEquipmentSealedDocument, options);
  const base = { equipmentId: unit.id, expectedVersion: unit.version };
  const title =
    action === 'inspect'
      ? t('equipment.recordInspection')
      : action === 'seal'
        ? t('equipment.seal')
        : t('equipment.unseal');

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      if (action === 'inspect')
        await inspect({
          variables: {
            input: {
              ...base,
              inspectedOn: day(values.inspectedOn) ?? '',
              result: values.result ?? 'PASSED',
              nextInspectionDue: day(values.nextInspectionDue),
            },
          },
        });
      else
        await setSealed({
          variables: { input: { ...base, sealed: action === 'seal', reason: values.reason?.trim() ?? '' } },
        });
      onClose();
    } catch (error) {
      // FORBIDDEN / CONFLICT have no field: they go to the banner.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={`${title} · ${unit.registrationNo}`}
      width={MODAL_WIDTH}
      okText={t('equipment.save')}
      cancelText={t('equipment.cancel')}
      onOk={() => void submit()}
      confirmLoading={inspecting.loading || sealing.loading}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<ActionValues> form={form} layout="vertical" initialValues={{ result: 'PASSED' }}>
        {action === 'inspect' ? (
          <>
            <Form.Item
              name="inspectedOn"
              label={t('equipment.inspectedOn')}
              rules={[{ required: true, message: t('equipment.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="result" label={t('equipment.inspectionResult')}>
              <Select
                aria-label={t('equipment.inspectionResult')}
                options={INSPECTION_RESULTS.map((value) => ({
                  value,
                  label: t(`equipment.result.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="nextInspectionDue"
              label={t('equipment.nextInspectionDue')}
              extra={
                unit.category === 'ELEVATOR' ? t('equipment.elevatorDefault') : t('equipment.dueFromReport')
              }
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t('equipment.reason')}
            rules={[{ required: true, whitespace: true, message: t('equipment.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
