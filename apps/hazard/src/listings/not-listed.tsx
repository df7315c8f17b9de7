import { useMutation } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, formatShanghaiDateTime, useT } from '@safety/ui';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { HazardStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { DecideNotToListHazardDocument } from './operations.js';

/** Only the SAC office decides a queued major hazard is not listed (domain §5.7.2; the service's rule). */
export const NOT_LISTED_DECIDER_ROLES = ['SAC_OFFICE'];
const QUEUED_STATUSES: HazardStatus[] = ['CONFIRMED', 'RECTIFYING', 'PENDING_ACCEPTANCE'];

export function useMayDecideNotToList(): boolean {
  const session = useSession();
  return session?.account.roles.some((role) => NOT_LISTED_DECIDER_ROLES.includes(role)) ?? false;
}

/** A hazard still waiting in the SAC office's queue: MAJOR, at an enterprise, confirmed, not listed, not decided. */
export function inListingQueue(hazard: {
  grade: string;
  status: HazardStatus;
  enterpriseId?: string | null;
  listingId?: string | null;
  listingDecision?: unknown;
}): boolean {
  return (
    hazard.grade === 'MAJOR' &&
    Boolean(hazard.enterpriseId) &&
    !hazard.listingId &&
    !hazard.listingDecision &&
    QUEUED_STATUSES.includes(hazard.status)
  );
}

interface Values {
  reason?: string;
}

/** 不予挂牌 with its required reason; the hazard leaves the queue and keeps the decision. */
export function DecideNotToListModal({
  hazard,
  onClose,
}: {
  hazard: { id: string; code: string };
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DecideNotToListHazardDocument, {
    refetchQueries: ['UnlistedMajorHazards', 'HazardDetail'],
  });

  const submit = async () => {
    setBanner(null);
    // A failed validation shows on the fields; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await decide({ variables: { input: { hazardId: hazard.id, reason: values.reason?.trim() ?? '' } } });
      onClose();
    } catch (error) {
      // `reason` on its field; `hazardId` (no longer queued), FORBIDDEN and CONFLICT in the banner.
      const unplaced = applyServerErrors(form, error);
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={t('listing.notListedTitle', { code: hazard.code })}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('listing.notListedHint')}</Typography.Paragraph>
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('listing.notListedReason')}
          rules={[{ required: true, whitespace: true, message: t('listing.notListedReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The recorded decision, as a line of the hazard's details. */
export function NotListedDecision({
  decision,
}: {
  decision: { reason: string; decidedAt: string; decidedByUsername?: string | null };
}) {
  const t = useT(HAZARD_NAMESPACE);
  return (
    <Typography.Text data-testid="hazard-not-listed">
      {t('listing.notListedBy', {
        at: formatShanghaiDateTime(decision.decidedAt),
        by: decision.decidedByUsername ?? t('hazard.system'),
        reason: decision.reason,
      })}
    </Typography.Text>
  );
}
