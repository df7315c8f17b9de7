import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS_ZH, type Role } from '@safety/auth';
import {
  DepartmentPicker,
  EnterprisePicker,
  type FilterArgs,
  PagedTable,
  TownPicker,
  usePagedConnection,
} from '@safety/client';
import {
  applyServerErrors,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  useT,
} from '@safety/ui';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { formatTime } from '../registry/sdl-view.js';
import { TokenUsageCell } from '../registry/token-usage.js';
import { AccountTokensDrawer, IssueTokenModal, type MachineAccount } from './account-tokens-drawer.js';
import {
  CreateMachineAccountDocument,
  IssueMachineTokenDocument,
  MachineAccountsDocument,
} from './operations.js';
import { type IssuedSecret, TokenOnceModal } from './token-once-modal.js';
import { INTEGRATOR_ROLE_CHOICES } from './token-status.js';

const FILTER_ARGS: FilterArgs = {
  search: 'search',
  kind: 'kind',
  disabled: { arg: 'disabled', parse: (value) => value === 'true' },
};

const roleLabel = (role: string) => ROLE_LABELS_ZH[role as Role] ?? role;

/**
 * 系统对接令牌 (architecture §6a): machine accounts and their long-lived tokens, through responsibility's
 * account API. A token's role and data scope are its account's; the token itself is shown once.
 */
export function TokensPage() {
  const t = useT(ADMIN_NAMESPACE);
  const list = usePagedConnection(MachineAccountsDocument, {
    connection: (data) => data.accounts,
    filterArgs: FILTER_ARGS,
  });
  const [open, setOpen] = useState<MachineAccount | null>(null);
  const [issuing, setIssuing] = useState<MachineAccount | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<IssuedSecret | null>(null);

  const columns: ServerTableColumn<MachineAccount>[] = [
    {
      key: 'username',
      title: t('token.account'),
      hideable: false,
      render: (_: unknown, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(row)}>
          {row.username}
        </Button>
      ),
    },
    { key: 'displayName', title: t('admin.name'), render: (_: unknown, row) => row.displayName },
    {
      key: 'roles',
      title: t('token.roles'),
      render: (_: unknown, row) => row.roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
    },
    {
      key: 'scope',
      title: t('token.scope'),
      render: (_: unknown, row) => <ScopeSummary scope={row.scope} />,
    },
    {
      key: 'state',
      title: t('admin.status'),
      render: (_: unknown, row) =>
        row.disabled ? (
          <Tag color="red">{t('token.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('token.enabled')}</Tag>
        ),
    },
    { key: 'createdAt', title: t('admin.createdAt'), render: (_: unknown, row) => formatTime(row.createdAt) },
    {
      key: 'actions',
      title: t('admin.actions'),
      hideable: false,
      render: (_: unknown, row) => (
        <Space>
          <Button size="small" onClick={() => setOpen(row)}>
            {t('token.tokens')}
          </Button>
          <Button size="small" disabled={row.disabled} onClick={() => setIssuing(row)}>
            {t('token.issue')}
          </Button>
        </Space>
      ),
    },
  ];
  const filters: ServerTableFilter[] = [
    { key: 'search', label: t('token.search'), type: 'text' },
    {
      key: 'kind',
      label: t('token.kind'),
      type: 'select',
      options: [
        { value: 'INTEGRATOR', label: t('token.kinds.INTEGRATOR') },
        { value: 'SERVICE', label: t('token.kinds.SERVICE') },
      ],
    },
    {
      key: 'disabled',
      label: t('admin.status'),
      type: 'select',
      options: [
        { value: 'false', label: t('token.enabled') },
        { value: 'true', label: t('token.disabled') },
      ],
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('token.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('token.create')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('token.hint')}</Typography.Text>
      <PagedTable<MachineAccount>
        list={list}
        tableId="admin.machineAccounts"
        columns={columns}
        filters={filters}
        empty={<EmptyState image="simple" title={t('token.empty')} description={t('token.emptyHint')} />}
      />
      <AccountTokensDrawer
        account={open}
        onClose={() => setOpen(null)}
        onIssued={setSecret}
        usage={(jti) => <TokenUsageCell jti={jti} />}
      />
      <IssueTokenModal
        account={issuing}
        onClose={() => setIssuing(null)}
        onIssued={(issued) => {
          setIssuing(null);
          setSecret(issued);
        }}
      />
      <CreateIntegratorModal
        open={creating}
        onClose={() => setCreating(false)}
        onIssued={(issued) => {
          setCreating(false);
          setSecret(issued);
        }}
      />
      <TokenOnceModal secret={secret} onClose={() => setSecret(null)} />
    </Space>
  );
}

function ScopeSummary({ scope }: { scope: MachineAccount['scope'] }) {
  const t = useT(ADMIN_NAMESPACE);
  const parts = [
    scope.orgUnitId ? t('token.scopeOrgUnit') : null,
    scope.townshipCodes.length ? t('token.scopeTowns', { count: scope.townshipCodes.length }) : null,
    scope.industryCodes.length ? `${t('token.industryCodes')}: ${scope.industryCodes.join(', ')}` : null,
    scope.enterpriseIds.length ? t('token.scopeEnterprises', { count: scope.enterpriseIds.length }) : null,
  ].filter(Boolean);
  return (
    <Typography.Text type={parts.length ? undefined : 'secondary'}>
      {parts.length ? parts.join(' · ') : t('token.scopeNone')}
    </Typography.Text>
  );
}

interface CreateValues {
  name: string;
  displayName?: string;
  roles: string[];
  scope: { orgUnitId?: string; townshipCodes?: string[]; industryCodes?: string[]; enterpriseIds?: string[] };
  expiresInDays: number;
}

/** 新建对接账号: an INTEGRATOR account with its role and data scope, then its first token (shown once). */
function CreateIntegratorModal({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (secret: IssuedSecret) => void;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const [form] = Form.useForm<CreateValues>();
  const [create] = useMutation(CreateMachineAccountDocument, { refetchQueries: ['MachineAccounts'] });
  const [issue] = useMutation(IssueMachineTokenDocument);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    setProblems([]);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            displayName: values.displayName?.trim() || undefined,
            kind: 'INTEGRATOR',
            roles: values.roles as Role[],
            scope: {
              orgUnitId: values.scope.orgUnitId ?? null,
              townshipCodes: values.scope.townshipCodes ?? [],
              industryCodes: values.scope.industryCodes ?? [],
              enterpriseIds: values.scope.enterpriseIds ?? [],
            },
          },
        },
      });
      const account = data?.createMachineAccount;
      if (!account) return;
      const issued = await issue({
        variables: { accountId: account.id, expiresInDays: values.expiresInDays },
      });
      if (issued.data) onIssued({ username: account.username, ...issued.data.issueMachineToken });
    } catch (error) {
      const unplaced = applyServerErrors(form, error);
      setProblems(unplaced.length ? unplaced : []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('token.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('token.createAndIssue')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {problems.map((problem) => (
        <Alert key={problem} type="error" showIcon title={problem} style={{ marginBottom: 12 }} />
      ))}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ roles: ['INTEGRATOR'], scope: {}, expiresInDays: 90 }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('token.name')}
          extra={t('token.nameHint')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,39}$/, message: t('token.nameRule') }]}
        >
          <Input addonBefore="integrator:" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('token.roles')}
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                value?.includes('INTEGRATOR')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('token.rolesRule'))),
            },
          ]}
        >
          <Select
            mode="multiple"
            options={INTEGRATOR_ROLE_CHOICES.map((role) => ({ value: role, label: roleLabel(role) }))}
          />
        </Form.Item>
        <Typography.Text strong>{t('token.scope')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('token.scopeHint')}
        </Typography.Paragraph>
        <Form.Item name={['scope', 'townshipCodes']} label={t('token.townshipCodes')}>
          <TownPicker multiple />
        </Form.Item>
        <Form.Item name={['scope', 'orgUnitId']} label={t('token.orgUnit')}>
          <DepartmentPicker />
        </Form.Item>
        <Form.Item name={['scope', 'industryCodes']} label={t('token.industryCodes')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name={['scope', 'enterpriseIds']} label={t('token.enterprises')}>
          <EnterprisePicker multiple />
        </Form.Item>
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
