import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { EmptyState, useT } from '@safety/ui';
import { Alert, Button, Card, Collapse, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { ChangesTable } from './changes-table.js';
import { registryClient } from './client.js';
import type { DecidedVersionsQuery, PendingVersionsQuery } from './gql/graphql.js';
import { ReasonModal } from './reason-modal.js';
import {
  ApproveSubgraphVersionDocument,
  DecidedVersionsDocument,
  DeclineSubgraphVersionDocument,
  PendingVersionsDocument,
} from './schema-operations.js';
import { formatTime, SdlView } from './sdl-view.js';

type Held = PendingVersionsQuery['pendingSubgraphVersions'][number];
type Decided = DecidedVersionsQuery['subgraphVersions'][number];
type Decision = { version: Held; approve: boolean };

const STATUS_COLOR: Record<Decided['status'], string> = {
  ACCEPTED: 'green',
  HELD: 'orange',
  REJECTED: 'red',
  DECLINED: 'default',
};

/**
 * 待审批: versions held because they break clients or the live supergraph is pinned. Approving composes
 * the version with the live subgraphs and makes it live; declining keeps it out for good. Both need a reason.
 */
export function ApprovalsPage() {
  const t = useT(ADMIN_NAMESPACE);
  const client = registryClient();
  const pending = useQuery(PendingVersionsDocument, { client, fetchPolicy: 'cache-and-network' });
  const decided = useQuery(DecidedVersionsDocument, {
    client,
    variables: { first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const refetchQueries = ['PendingVersions', 'DecidedVersions', 'SupergraphHistory', 'RegistrySubgraphs'];
  const [approve, approval] = useMutation(ApproveSubgraphVersionDocument, { client, refetchQueries });
  const [decline, declining] = useMutation(DeclineSubgraphVersionDocument, { client, refetchQueries });
  const held = pending.data?.pendingSubgraphVersions ?? [];
  const history = (decided.data?.subgraphVersions ?? []).filter((v) => v.decidedAt || v.holdReason);

  const submit = async (reason: string) => {
    if (!deciding) return;
    const variables = { id: deciding.version.id, reason };
    try {
      if (deciding.approve) await approve({ variables });
      else await decline({ variables });
      setDeciding(null);
    } catch {
      // shown in the modal from the mutation's error
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('approval.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            void pending.refetch();
            void decided.refetch();
          }}
        >
          {t('admin.refresh')}
        </Button>
      </Space>
      {pending.data?.supergraph?.pinned ? (
        <Alert type="warning" showIcon title={t('approval.pinned')} />
      ) : null}
      {pending.error ? (
        <Alert type="error" showIcon title={t('admin.loadFailed')} description={pending.error.message} />
      ) : null}
      {held.length === 0 && pending.data ? (
        <EmptyState image="simple" title={t('approval.none')} description={t('approval.noneHint')} />
      ) : null}
      <div data-testid="held-versions">
        {held.map((version) => (
          <Card
            key={version.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`held-${version.subgraphName}-${version.version}`}
            title={
              <Space>
                {version.subgraphName} v{version.version}
                <Tag color="orange">{t(`holdReason.${version.holdReason ?? 'BREAKING_CHANGES'}`)}</Tag>
              </Space>
            }
            extra={
              <Space>
                <Button type="primary" onClick={() => setDeciding({ version, approve: true })}>
                  {t('approval.approve')}
                </Button>
                <Button danger onClick={() => setDeciding({ version, approve: false })}>
                  {t('approval.decline')}
                </Button>
              </Space>
            }
          >
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('admin.publishedBy')}>
                {version.publishedBy ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.publishedAt')}>
                {formatTime(version.publishedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.commit')}>
                {version.commit ? <Typography.Text code>{version.commit.slice(0, 10)}</Typography.Text> : '—'}
              </Descriptions.Item>
            </Descriptions>
            <ChangesTable changes={version.changes} />
            {version.brokenDocuments.length ? (
              <List
                size="small"
                header={t('check.brokenDocuments')}
                dataSource={version.brokenDocuments}
                renderItem={(doc) => (
                  <List.Item>
                    <Tag color="purple">{doc.clientName}</Tag>
                    {doc.operationName ?? t('usage.anonymousOperation')}
                  </List.Item>
                )}
              />
            ) : null}
            <Collapse
              size="small"
              style={{ marginTop: 12 }}
              items={[{ key: 'sdl', label: t('admin.viewSdl'), children: <SdlView sdl={version.sdl} /> }]}
            />
          </Card>
        ))}
      </div>
      <Card size="small" title={t('approval.history')}>
        <Table<Decided>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20 }}
          dataSource={history}
          columns={[
            {
              key: 'version',
              title: t('admin.version'),
              render: (_, v) => `${v.subgraphName} v${v.version}`,
            },
            {
              key: 'status',
              title: t('admin.status'),
              render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{t(`versionStatus.${v.status}`)}</Tag>,
            },
            {
              key: 'holdReason',
              title: t('approval.heldFor'),
              render: (_, v) => (v.holdReason ? t(`holdReason.${v.holdReason}`) : '—'),
            },
            { key: 'publishedBy', title: t('admin.publishedBy'), render: (_, v) => v.publishedBy ?? '—' },
            { key: 'decidedBy', title: t('approval.decidedBy'), render: (_, v) => v.decidedBy ?? '—' },
            { key: 'decidedAt', title: t('approval.decidedAt'), render: (_, v) => formatTime(v.decidedAt) },
            { key: 'reason', title: t('decision.reason'), render: (_, v) => v.decisionReason ?? '—' },
          ]}
        />
      </Card>
      <ReasonModal
        open={Boolean(deciding)}
        title={
          deciding
            ? t(deciding.approve ? 'approval.approveTitle' : 'approval.declineTitle', {
                name: deciding.version.subgraphName,
                version: deciding.version.version,
              })
            : ''
        }
        okText={deciding?.approve ? t('approval.approve') : t('approval.decline')}
        danger={!deciding?.approve}
        warning={deciding?.approve ? t('approval.approveWarning') : t('approval.declineWarning')}
        loading={approval.loading || declining.loading}
        error={(deciding?.approve ? approval.error : declining.error)?.message ?? null}
        onSubmit={(reason) => void submit(reason)}
        onClose={() => setDeciding(null)}
      />
    </Space>
  );
}
