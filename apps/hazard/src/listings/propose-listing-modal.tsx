import { useMutation } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { ListingLevel } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { ProposeListingDocument } from './operations.js';

type Dayjs = { format(pattern: string): string };
interface Values {
  level?: ListingLevel;
  requirements?: string;
  deadline?: Dayjs;
}

/** The levels a county platform proposes (city and province list upstream). */
export const COUNTY_LEVELS = ['COUNTY_SAC', 'COUNTY_DEPT', 'TOWNSHIP'] as const;

/**
 * 提请挂牌督办 (domain §5.7.2 ∅ → PROPOSED) for one MAJOR hazard, from the SAC office's queue. The issuing
 * body is the proposer's own (the SAC office, the department or the town).
 */
export function ProposeListingModal({
  hazard,
  onClose,
}: {
  hazard: { id: string; code: string; deadline?: string | null };
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [propose, { loading }] = useMutation(ProposeListingDocument, {
    refetchQueries: ['UnlistedMajorHazards', 'ListingBoard', 'HazardDetail'],
  });
  const defaultLevel: ListingLevel =
    roles.includes('SAC_OFFICE') || roles.includes('COUNTY_LEADER')
      ? 'COUNTY_SAC'
      : roles.includes('TOWNSHIP_OFFICER')
        ? 'TOWNSHIP'
        : 'COUNTY_DEPT';

  const submit = async () => {
    setBanner(null);
    // A failed validation shows on the fields (not an unhandled rejection); nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await propose({
        variables: {
          input: {
            hazardIds: [hazard.id],
            level: values.level ?? defaultLevel,
            issuingOrgId: session?.account.scope.orgUnitId ?? '',
            requirements: values.requirements ?? '',
            deadline: values.deadline?.format('YYYY-MM-DD') ?? hazard.deadline ?? '',
          },
        },
      });
      onClose();
    } catch (error) {
      const unplaced = applyServerErrors(form, error);
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={`${t('action.proposeListing')} · ${hazard.code}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ level: defaultLevel }}>
        <Form.Item name="level" label={t('listing.level')}>
          <Radio.Group
            optionType="button"
            options={COUNTY_LEVELS.map((value) => ({ value, label: t(`listingLevel.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('listing.requirements')}
          rules={[{ required: true, whitespace: true, message: t('listing.requirementsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('listing.deadline')} extra={t('listing.deadlineHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
