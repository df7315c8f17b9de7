import { useMutation } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import type { ListingFieldsFragment, ListingStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { actsForEnterprise, mayDecide, mayIssue } from './labels.js';
import {
  ApplyForDelistingDocument,
  DecideListingExtensionDocument,
  DelistDocument,
  IssueListingDocument,
  RefuseDelistingDocument,
  RequestListingExtensionDocument,
  StartListingRectificationDocument,
} from './operations.js';

type Listing = ListingFieldsFragment;
type Dayjs = { format(pattern: string): string };
type Actor = 'ENTERPRISE' | 'ISSUER_LISTS' | 'ISSUER_DECIDES';
export type ListingActionKey =
  | 'issue'
  | 'startRectification'
  | 'requestExtension'
  | 'decideExtension'
  | 'applyForDelisting'
  | 'delist'
  | 'refuseDelisting';

/** Domain §5.7.2, the rows each status offers and who performs them (the service decides anyway). */
const OFFERED: Partial<Record<ListingStatus, Array<{ key: ListingActionKey; actor: Actor }>>> = {
  PROPOSED: [{ key: 'issue', actor: 'ISSUER_LISTS' }],
  LISTED: [{ key: 'startRectification', actor: 'ENTERPRISE' }],
  RECTIFYING: [
    { key: 'applyForDelisting', actor: 'ENTERPRISE' },
    { key: 'requestExtension', actor: 'ENTERPRISE' },
  ],
  EXTENSION_REQUESTED: [{ key: 'decideExtension', actor: 'ISSUER_DECIDES' }],
  DELISTING_APPLIED: [
    { key: 'delist', actor: 'ISSUER_DECIDES' },
    { key: 'refuseDelisting', actor: 'ISSUER_DECIDES' },
  ],
};

interface Values {
  newDeadline?: Dayjs;
  reason?: string;
  note?: string;
  grant?: boolean;
}

/** The listing rows the signed-in user may perform now, each in a small dialog. */
export function ListingActions({
  listing,
  exclude = [],
}: {
  listing: Listing;
  exclude?: ListingActionKey[];
}) {
  const t = useT(HAZARD_NAMESPACE);
  const caller = useSession()?.account;
  const [open, setOpen] = useState<ListingActionKey | null>(null);
  const [issueError, setIssueError] = useState<string | null>(null);
  // 签发 is one click (the proposal already holds everything); the answer updates the row and the card.
  const [issue, { loading: issuing }] = useMutation(IssueListingDocument, {
    refetchQueries: ['HazardDetail', 'UnlistedMajorHazards'],
  });
  const allowed = (actor: Actor) =>
    actor === 'ENTERPRISE'
      ? actsForEnterprise(caller)
      : actor === 'ISSUER_LISTS'
        ? mayIssue(caller, listing)
        : mayDecide(caller, listing);
  const offered = (OFFERED[listing.status] ?? []).filter(
    (action) => allowed(action.actor) && !exclude.includes(action.key),
  );
  if (offered.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="listing-actions">
        {offered.map(({ key }, index) => (
          <Button
            key={key}
            size="small"
            type={index === 0 ? 'primary' : 'default'}
            danger={key === 'refuseDelisting'}
            loading={key === 'issue' && issuing}
            onClick={() => {
              if (key !== 'issue') return setOpen(key);
              setIssueError(null);
              issue({
                variables: { input: { listingId: listing.id, expectedVersion: listing.version } },
              }).catch((failure: unknown) =>
                setIssueError(failure instanceof Error ? failure.message : String(failure)),
              );
            }}
          >
            {t(`listing.action.${key}`)}
          </Button>
        ))}
      </Space>
      {issueError ? (
        <Alert type="error" showIcon title={issueError} style={{ marginTop: 8 }} closable />
      ) : null}
      {open ? <ListingActionModal listing={listing} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function ListingActionModal({
  listing,
  action,
  onClose,
}: {
  listing: Listing;
  action: ListingActionKey;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The hazards change with the listing (attached, closed on delisting): refetch an open drawer.
  const refetch = { refetchQueries: ['HazardDetail', 'UnlistedMajorHazards'] };
  const [start] = useMutation(StartListingRectificationDocument);
  const [requestExtension] = useMutation(RequestListingExtensionDocument);
  const [decideExtension] = useMutation(DecideListingExtensionDocument, refetch);
  const [applyForDelisting] = useMutation(ApplyForDelistingDocument);
  const [delist] = useMutation(DelistDocument, refetch);
  const [refuseDelisting] = useMutation(RefuseDelistingDocument);
  const base = { listingId: listing.id, expectedVersion: listing.version };
  const pending = listing.extensions.at(-1);

  const run = (values: Values) => {
    switch (action) {
      case 'issue':
        return undefined;
      case 'startRectification':
        return start({ variables: { input: base } });
      case 'requestExtension':
        return requestExtension({
          variables: {
            input: {
              ...base,
              newDeadline: values.newDeadline?.format('YYYY-MM-DD') ?? '',
              reason: values.reason ?? '',
            },
          },
        });
      case 'decideExtension':
        return decideExtension({
          variables: { input: { ...base, grant: values.grant ?? true, note: values.note || undefined } },
        });
      case 'applyForDelisting':
        return applyForDelisting({ variables: { input: { ...base, note: values.note || undefined } } });
      case 'delist':
        return delist({ variables: { input: { ...base, note: values.note || undefined } } });
      case 'refuseDelisting':
        return refuseDelisting({ variables: { input: { ...base, reason: values.reason ?? '' } } });
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
      // FORBIDDEN, CONFLICT, DEADLINE_PASSED and hazard guards have no field here: they go to the banner.
      const unplaced = applyServerErrors(form, error);
      if (unplaced.length) setBanner(unplaced.join('；'));
    } finally {
      setBusy(false);
    }
  };

  const reasonField = (label: string) => (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={1000} />
    </Form.Item>
  );
  const noteField = (label: string) => (
    <Form.Item name="note" label={label}>
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={`${t(`listing.action.${action}`)} · ${listing.noticeNo ?? listing.enterprise.name}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ grant: true }}>
        {action === 'startRectification' ? <p>{t('listing.startHint')}</p> : null}
        {action === 'requestExtension' ? (
          <>
            <p>{t('listing.extensionHint', { deadline: listing.deadline })}</p>
            <Form.Item
              name="newDeadline"
              label={t('listing.newDeadline')}
              rules={[{ required: true, message: t('action.deadlineRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            {reasonField(t('listing.extensionReason'))}
          </>
        ) : null}
        {action === 'decideExtension' && pending ? (
          <>
            <p data-testid="extension-request">
              {t('listing.extensionRequest', {
                from: pending.previousDeadline,
                to: pending.requestedDeadline,
                reason: pending.reason,
                due: pending.decisionDue,
              })}
            </p>
            <Form.Item name="grant" label={t('listing.decision')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('listing.grant') },
                  { value: false, label: t('listing.refuse') },
                ]}
              />
            </Form.Item>
            {noteField(t('listing.decisionNote'))}
          </>
        ) : null}
        {action === 'applyForDelisting' ? (
          <>
            <p>{t('listing.delistingHint')}</p>
            {noteField(t('action.note'))}
          </>
        ) : null}
        {action === 'delist' ? (
          <>
            <p>{t('listing.delistHint')}</p>
            {noteField(t('listing.verificationNote'))}
          </>
        ) : null}
        {action === 'refuseDelisting' ? reasonField(t('listing.refuseReason')) : null}
      </Form>
    </Modal>
  );
}
