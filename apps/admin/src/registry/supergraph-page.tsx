import { PushpinOutlined, ReloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Card, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { ChangesTable } from './changes-table.js';
import { registryClient } from './client.js';
import type { SupergraphHistoryQuery } from './gql/graphql.js';
import { GraphiqlButton } from './graphiql-button.js';
import { ReasonModal } from './reason-modal.js';
import {
  PinSupergraphDocument,
  RollbackSupergraphDocument,
  SupergraphChangelogDocument,
  SupergraphHistoryDocument,
  UnpinSupergraphDocument,
} from './schema-operations.js';
import { formatTime, SdlView } from './sdl-view.js';

type VersionRow = SupergraphHistoryQuery['supergraphVersions'][number];
type LiveChangeRow = SupergraphHistoryQuery['liveHistory'][number];
type Pending = { kind: 'rollback'; version: VersionRow } | { kind: 'pin' } | { kind: 'unpin' };

/**
 * 超图版本: the live supergraph (what the gateway serves, pinned or not), every composed version with
 * who published it and from which commit, the changelog between any two, one-step rollback (and back),
 * and every move of the live pointer.
 */
export function SupergraphPage() {
  const t = useT(ADMIN_NAMESPACE);
  const client = registryClient();
  const { data, loading, error, refetch } = useQuery(SupergraphHistoryDocument, {
    client,
    variables: { versions: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const [sdlOpen, setSdlOpen] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const refetchQueries = ['SupergraphHistory', 'PendingVersions', 'RegistrySubgraphs'];
  const [rollback, rolling] = useMutation(RollbackSupergraphDocument, { client, refetchQueries });
  const [pin, pinning] = useMutation(PinSupergraphDocument, { client, refetchQueries });
  const [unpin, unpinning] = useMutation(UnpinSupergraphDocument, { client, refetchQueries });
  const live = data?.supergraph;
  const versions = data?.supergraphVersions ?? [];

  const submit = async (reason: string) => {
    if (!pending) return;
    try {
      if (pending.kind === 'rollback')
        await rollback({ variables: { version: pending.version.version, reason } });
      else if (pending.kind === 'pin') await pin({ variables: { reason } });
      else await unpin({ variables: { reason } });
      setPending(null);
    } catch {
      // shown in the modal
    }
  };
  const busy = pending?.kind === 'rollback' ? rolling : pending?.kind === 'pin' ? pinning : unpinning;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('admin.supergraphTitle')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('admin.refresh')}
          </Button>
          <GraphiqlButton />
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={t('admin.loadFailed')} description={error.message} />}
      {live?.pinned ? (
        <Alert
          data-testid="pin-banner"
          type="warning"
          showIcon
          title={t('history.pinnedBanner', { version: live.version })}
          description={t('history.pinnedDetail', {
            by: live.pinnedBy ?? '—',
            at: formatTime(live.pinnedAt),
            reason: live.pinReason ?? '—',
          })}
          action={
            <Button size="small" onClick={() => setPending({ kind: 'unpin' })}>
              {t('history.unpin')}
            </Button>
          }
        />
      ) : null}
      <Card
        loading={loading && !data}
        title={t('admin.liveVersion')}
        extra={
          live && !live.pinned ? (
            <Button size="small" icon={<PushpinOutlined />} onClick={() => setPending({ kind: 'pin' })}>
              {t('history.pin')}
            </Button>
          ) : null
        }
      >
        {live ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('admin.version')}>
              <span data-testid="supergraph-live-version">v{live.version}</span>
              {live.pinned ? (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('history.pinned')}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.hash')}>
              <Typography.Text code>{live.hash}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.createdAt')}>{formatTime(live.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('admin.composedFrom')}>
              {live.subgraphVersions.map((s) => (
                <Tag key={s.id}>
                  {s.subgraphName} v{s.version}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="SDL">
              <Button size="small" onClick={() => setSdlOpen(true)}>
                {t('admin.viewSdl')}
              </Button>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('admin.noSupergraph')}</Typography.Text>
        )}
      </Card>
      <Table<VersionRow>
        data-testid="supergraph-versions"
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={versions}
        onRow={(v) => ({ 'data-version': v.version }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'version',
            title: t('admin.version'),
            render: (_, v) => (
              <Space>
                v{v.version}
                {v.live && <Tag color="green">{t('admin.live')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'changed',
            title: t('history.changed'),
            render: (_, v) =>
              v.changedSubgraphVersion
                ? `${v.changedSubgraphVersion.subgraphName} v${v.changedSubgraphVersion.version}`
                : '—',
          },
          {
            key: 'cause',
            title: t('history.cause'),
            render: (_, v) => (v.cause ? t(`cause.${v.cause}`) : '—'),
          },
          { key: 'publishedBy', title: t('admin.publishedBy'), render: (_, v) => v.publishedBy ?? '—' },
          {
            key: 'commit',
            title: t('admin.commit'),
            render: (_, v) =>
              v.commit ? <Typography.Text code>{v.commit.slice(0, 10)}</Typography.Text> : '—',
          },
          { key: 'createdAt', title: t('admin.createdAt'), render: (_, v) => formatTime(v.createdAt) },
          {
            key: 'hash',
            title: t('admin.hash'),
            render: (_, v) => <Typography.Text code>{v.hash.slice(0, 12)}</Typography.Text>,
          },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, v) =>
              v.live ? null : (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => setPending({ kind: 'rollback', version: v })}
                  data-testid={`rollback-${v.version}`}
                >
                  {live && v.version < live.version ? t('history.rollback') : t('history.rollForward')}
                </Button>
              ),
          },
        ]}
      />
      <Changelog versions={versions} />
      <LiveHistory rows={data?.liveHistory ?? []} />
      <Drawer
        open={sdlOpen && Boolean(live)}
        onClose={() => setSdlOpen(false)}
        width={960}
        title={live ? t('admin.supergraphSdl', { version: live.version }) : ''}
      >
        {live && <SdlView sdl={live.sdl} testId="supergraph-sdl" />}
      </Drawer>
      <ReasonModal
        open={Boolean(pending)}
        title={
          pending?.kind === 'rollback'
            ? t('history.rollbackTitle', { version: pending.version.version })
            : pending?.kind === 'pin'
              ? t('history.pinTitle')
              : t('history.unpinTitle')
        }
        okText={
          pending?.kind === 'rollback'
            ? t('history.rollbackConfirm')
            : pending?.kind === 'pin'
              ? t('history.pin')
              : t('history.unpin')
        }
        danger={pending?.kind === 'rollback'}
        warning={
          pending?.kind === 'rollback'
            ? t('history.rollbackWarning')
            : pending?.kind === 'pin'
              ? t('history.pinWarning')
              : t('history.unpinWarning')
        }
        loading={busy.loading}
        error={busy.error?.message ?? null}
        onSubmit={(reason) => void submit(reason)}
        onClose={() => setPending(null)}
      />
    </Space>
  );
}

/** 变更日志: the classified public API changes between any two composed versions. */
function Changelog({ versions }: { versions: readonly VersionRow[] }) {
  const t = useT(ADMIN_NAMESPACE);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [load, { data, loading, error }] = useLazyQuery(SupergraphChangelogDocument, {
    client: registryClient(),
    fetchPolicy: 'network-only',
  });
  const options = versions.map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <Card size="small" title={t('history.changelog')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          data-testid="changelog-from"
          style={{ width: 120 }}
          placeholder={t('history.from')}
          value={from}
          onChange={setFrom}
          options={options}
        />
        →
        <Select
          data-testid="changelog-to"
          style={{ width: 120 }}
          placeholder={t('history.to')}
          value={to}
          onChange={setTo}
          options={options}
        />
        <Button
          disabled={!from || !to || from === to}
          loading={loading}
          onClick={() => from && to && void load({ variables: { from, to } })}
        >
          {t('history.compare')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data ? <ChangesTable changes={data.changelog} testId="changelog" /> : null}
    </Card>
  );
}

/** 上线记录: every move of the live pointer (publish, approval, rollback), who and why. */
function LiveHistory({ rows }: { rows: readonly LiveChangeRow[] }) {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Card size="small" title={t('history.liveHistory')}>
      <Table<LiveChangeRow>
        data-testid="live-history"
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10 }}
        dataSource={[...rows]}
        columns={[
          { key: 'at', title: t('history.at'), render: (_, r) => formatTime(r.at) },
          {
            key: 'move',
            title: t('history.move'),
            render: (_, r) => `${r.fromVersion ? `v${r.fromVersion}` : '—'} → v${r.toVersion}`,
          },
          {
            key: 'cause',
            title: t('history.cause'),
            render: (_, r) => (
              <Tag color={r.cause === 'ROLLBACK' ? 'orange' : 'blue'}>{t(`liveCause.${r.cause}`)}</Tag>
            ),
          },
          { key: 'actor', title: t('history.actor'), render: (_, r) => r.actor ?? '—' },
          { key: 'reason', title: t('decision.reason'), render: (_, r) => r.reason ?? '—' },
        ]}
      />
    </Card>
  );
}
