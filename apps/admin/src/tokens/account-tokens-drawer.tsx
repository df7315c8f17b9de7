import { useMutation, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Drawer, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { AccountTokensQuery, MachineAccountsQuery } from '../gql/graphql.js';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { formatTime } from '../registry/sdl-view.js';
import { AccountTokensDocument, IssueMachineTokenDocument, RevokeTokenDocument } from './operations.js';
import type { IssuedSecret } from './token-once-modal.js';
import { TOKEN_STATUS_COLOR, tokenStatus } from './token-status.js';

export type MachineAccount = MachineAccountsQuery['accounts']['nodes'][number];
type TokenRow = AccountTokensQuery['tokens'][number];

/** An account's tokens (newest 200, no token values): status, who revoked and why; issue and revoke. */
export function AccountTokensDrawer({
  account,
  onClose,
  onIssued,
  usage,
}: {
  account: MachineAccount | null;
  onClose: () => void;
  onIssued: (secret: IssuedSecret) => void;
  /** Per-token usage from the registry, when it reports it (a column renderer keyed by jti). */
  usage?: (jti: string) => ReactNode;
}) {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Drawer
      open={Boolean(account)}
      onClose={onClose}
      width={960}
      title={account ? t('token.drawerTitle', { name: account.username }) : ''}
      destroyOnHidden
    >
      {account ? <AccountTokens account={account} onIssued={onIssued} usage={usage} /> : null}
    </Drawer>
  );
}

function AccountTokens({
  account,
  onIssued,
  usage,
}: {
  account: MachineAccount;
  onIssued: (secret: IssuedSecret) => void;
  usage?: (jti: string) => ReactNode;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const { data, loading, error, refetch } = useQuery(AccountTokensDocument, {
    variables: { accountId: account.id },
    fetchPolicy: 'network-only',
  });
  const [issueOpen, setIssueOpen] = useState(false);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const machineTokens = (data?.tokens ?? []).filter((token) => token.kind === 'MACHINE');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="account-tokens">
      <Space>
        <Button type="primary" disabled={account.disabled} onClick={() => setIssueOpen(true)}>
          {t('token.issue')}
        </Button>
        <Button onClick={() => void refetch()}>{t('admin.refresh')}</Button>
      </Space>
      {account.disabled ? <Alert type="info" showIcon title={t('token.accountDisabled')} /> : null}
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table<TokenRow>
        data-testid="token-table"
        size="small"
        rowKey="jti"
        loading={loading && !data}
        dataSource={machineTokens}
        pagination={false}
        columns={[
          {
            key: 'jti',
            title: 'jti',
            render: (_, row) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {row.jti.slice(0, 8)}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            title: t('token.status'),
            render: (_, row) => {
              const status = tokenStatus(row);
              return (
                <Tag color={TOKEN_STATUS_COLOR[status]} data-testid={`token-status-${row.jti}`}>
                  {t(`token.statuses.${status}`)}
                </Tag>
              );
            },
          },
          { key: 'issuedAt', title: t('token.issuedAt'), render: (_, row) => formatTime(row.issuedAt) },
          { key: 'expiresAt', title: t('token.expiresAt'), render: (_, row) => formatTime(row.expiresAt) },
          {
            key: 'revoked',
            title: t('token.revoked'),
            render: (_, row) =>
              row.revokedAt
                ? `${formatTime(row.revokedAt)} · ${row.revokedBy ?? '—'} · ${row.reason ?? ''}`
                : '—',
          },
          ...(usage
            ? [
                {
                  key: 'usage',
                  title: t('token.usage'),
                  render: (_: unknown, row: TokenRow) => usage(row.jti),
                },
              ]
            : []),
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, row) =>
              row.active ? (
                <Button size="small" danger onClick={() => setRevoking(row)}>
                  {t('token.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      <IssueTokenModal
        account={issueOpen ? account : null}
        onClose={() => setIssueOpen(false)}
        onIssued={(secret) => {
          setIssueOpen(false);
          onIssued(secret);
          void refetch();
        }}
      />
      <RevokeTokenModal
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setRevoking(null);
          void refetch();
        }}
      />
    </Space>
  );
}

/** 签发令牌: 1 to 365 days (responsibility's limit). */
export function IssueTokenModal({
  account,
  onClose,
  onIssued,
}: {
  account: { id: string; username: string } | null;
  onClose: () => void;
  onIssued: (secret: IssuedSecret) => void;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const [form] = Form.useForm<{ expiresInDays: number }>();
  const [issue, { loading, error }] = useMutation(IssueMachineTokenDocument);
  return (
    <Modal
      open={Boolean(account)}
      title={account ? t('token.issueFor', { name: account.username }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('token.issue')}
      confirmLoading={loading}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: 90 }}
        onFinish={async ({ expiresInDays }) => {
          if (!account) return;
          const { data } = await issue({ variables: { accountId: account.id, expiresInDays } });
          if (data) onIssued({ username: account.username, ...data.issueMachineToken });
        }}
      >
        <Form.Item
          name="expiresInDays"
          label={t('token.expiresInDays')}
          rules={[{ required: true }, { type: 'number', min: 1, max: 365 }]}
          extra={t('token.expiresInDaysHint')}
        >
          <InputNumber min={1} max={365} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 吊销: the reason goes to the audit log; the gateway and every subgraph refuse the token within seconds. */
function RevokeTokenModal({
  token,
  onClose,
  onRevoked,
}: {
  token: TokenRow | null;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const [form] = Form.useForm<{ reason: string }>();
  const [revoke, { loading, error }] = useMutation(RevokeTokenDocument);
  return (
    <Modal
      open={Boolean(token)}
      title={token ? t('token.revokeTitle', { jti: token.jti.slice(0, 8) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('token.revokeConfirm')}
      okButtonProps={{ danger: true }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('token.revokeWarning')} style={{ marginBottom: 12 }} />
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          if (!token) return;
          await revoke({ variables: { jti: token.jti, reason: reason.trim() } });
          onRevoked();
        }}
      >
        <Form.Item
          name="reason"
          label={t('token.reason')}
          rules={[{ required: true, whitespace: true, message: t('token.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
