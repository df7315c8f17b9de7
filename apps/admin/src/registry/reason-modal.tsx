import { useT } from '@safety/ui';
import { Alert, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';

/** A decision that carries its reason (recorded with the decision and in the registry's audit log). */
export function ReasonModal({
  open,
  title,
  okText,
  danger,
  warning,
  loading,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  okText: string;
  danger?: boolean;
  warning?: ReactNode;
  loading?: boolean;
  error?: string | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {warning ? <Alert type="warning" showIcon title={warning} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('decision.reason')}
          rules={[{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
