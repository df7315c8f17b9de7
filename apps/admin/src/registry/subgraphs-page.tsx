import { ReloadOutlined } from '@ant-design/icons';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import {
  Alert,
  Badge,
  Button,
  Card,
  Descriptions,
  Drawer,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { ChangesTable } from './changes-table.js';
import { registryClient } from './client.js';
import type { RegistryCompositionErrorsQuery, RegistrySubgraphsQuery } from './gql/graphql.js';
import { GraphiqlButton } from './graphiql-button.js';
import {
  RegistryCompositionErrorsDocument,
  RegistrySubgraphsDocument,
  RegistrySubgraphVersionsDocument,
} from './operations.js';
import { SubgraphChangelogDocument } from './schema-operations.js';
import { errorMarkers, formatTime, SdlView } from './sdl-view.js';
import { type Readiness, useReadiness } from './use-readiness.js';

type SubgraphRow = RegistrySubgraphsQuery['subgraphs'][number];
type VersionRow = SubgraphRow['versions'][number];

/** Variants are data: live-able green, waiting orange, never live red / grey. */
const VERSION_STATUS_COLOR: Record<string, string> = {
  ACCEPTED: 'green',
  HELD: 'orange',
  REJECTED: 'red',
  DECLINED: 'default',
};

const READINESS_BADGE: Record<Readiness, 'processing' | 'success' | 'warning' | 'error'> = {
  checking: 'processing',
  ready: 'success',
  'not-ready': 'warning',
  unreachable: 'error',
};

/** 子图: every subgraph the registry knows, its latest accepted SDL, its publish history and readiness. */
export function SubgraphsPage() {
  const t = useT(ADMIN_NAMESPACE);
  const { data, loading, error, refetch } = useQuery(RegistrySubgraphsDocument, {
    client: registryClient(),
    variables: { versions: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const subgraphs = data?.subgraphs ?? [];
  const readiness = useReadiness(subgraphs.map((s) => s.name));
  const [openName, setOpenName] = useState<string | null>(null);
  const open = subgraphs.find((s) => s.name === openName);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('admin.subgraphsTitle')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('admin.refresh')}
          </Button>
          <GraphiqlButton />
        </Space>
      </Space>
      <Typography.Text type="secondary">
        {t('admin.readOnlyHint')}{' '}
        {data &&
          (data.supergraph ? (
            <span data-testid="live-supergraph">
              {t('admin.liveVersion')}: <Tag color="green">v{data.supergraph.version}</Tag>
              {formatTime(data.supergraph.createdAt)}
            </span>
          ) : (
            t('admin.noSupergraph')
          ))}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={t('admin.loadFailed')} description={error.message} />}
      <Table<SubgraphRow>
        data-testid="subgraph-table"
        rowKey="name"
        loading={loading && !data}
        dataSource={subgraphs}
        pagination={false}
        columns={[
          {
            key: 'name',
            title: t('admin.name'),
            render: (_, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenName(row.name)}>
                {row.name}
              </Button>
            ),
          },
          {
            key: 'url',
            title: t('admin.url'),
            render: (_, row) => <Typography.Text code>{row.url}</Typography.Text>,
          },
          {
            key: 'latestVersion',
            title: t('admin.latestVersion'),
            render: (_, row) =>
              row.latestVersion ? (
                <span>v{row.latestVersion.version}</span>
              ) : (
                <Typography.Text type="secondary">{t('admin.noVersion')}</Typography.Text>
              ),
          },
          {
            key: 'liveVersion',
            title: t('admin.liveVersion'),
            render: (_, row) =>
              row.liveVersion ? (
                <Tag color={row.liveVersion.id === row.latestVersion?.id ? 'green' : 'orange'}>
                  v{row.liveVersion.version}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            key: 'publishedAt',
            title: t('admin.publishedAt'),
            render: (_, row) => formatTime(row.latestVersion?.publishedAt),
          },
          {
            key: 'health',
            title: t('admin.health'),
            render: (_, row) => {
              const state = readiness[row.name] ?? 'checking';
              return (
                <span data-testid={`health-${row.name}`} data-state={state}>
                  <Badge status={READINESS_BADGE[state]} text={t(`readiness.${state}`)} />
                </span>
              );
            },
          },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, row) => (
              <Button size="small" onClick={() => setOpenName(row.name)}>
                {t('admin.details')}
              </Button>
            ),
          },
        ]}
      />
      <RecentCompositionErrors />
      <Drawer
        open={Boolean(open)}
        onClose={() => setOpenName(null)}
        width={880}
        title={open ? t('admin.subgraphDrawer', { name: open.name }) : ''}
        destroyOnHidden
      >
        {open && <SubgraphDetails subgraph={open} />}
      </Drawer>
    </Space>
  );
}

function SubgraphDetails({ subgraph }: { subgraph: SubgraphRow }) {
  const t = useT(ADMIN_NAMESPACE);
  const [shown, setShown] = useState<VersionRow | null>(null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('admin.url')}>{subgraph.url}</Descriptions.Item>
        <Descriptions.Item label={t('admin.latestVersion')}>
          {subgraph.latestVersion ? `v${subgraph.latestVersion.version}` : t('admin.noVersion')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.hash')}>
          <Typography.Text code>{subgraph.latestVersion?.hash ?? '—'}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('admin.versions')}</Typography.Title>
        <Table<VersionRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={subgraph.versions}
          columns={[
            { key: 'version', title: t('admin.version'), render: (_, v) => `v${v.version}` },
            {
              key: 'status',
              title: t('admin.status'),
              render: (_, v) => (
                <Tag color={VERSION_STATUS_COLOR[v.status] ?? 'default'}>
                  {t(`versionStatus.${v.status}`)}
                </Tag>
              ),
            },
            {
              key: 'publishedAt',
              title: t('admin.publishedAt'),
              render: (_, v) => formatTime(v.publishedAt),
            },
            { key: 'publishedBy', title: t('admin.publishedBy'), render: (_, v) => v.publishedBy ?? '—' },
            {
              key: 'commit',
              title: t('admin.commit'),
              render: (_, v) =>
                v.commit ? <Typography.Text code>{v.commit.slice(0, 10)}</Typography.Text> : '—',
            },
            {
              key: 'errors',
              title: t('admin.errors'),
              render: (_, v) =>
                v.errors.length === 0 ? (
                  <Typography.Text type="secondary">{t('admin.noErrors')}</Typography.Text>
                ) : (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {v.errors.map((e, i) => (
                      <li key={i}>
                        {e.code && <Tag>{e.code}</Tag>}
                        {e.locations?.length ? (
                          <Typography.Text type="secondary">
                            {t('admin.atLine', { line: e.locations[0]!.line })}{' '}
                          </Typography.Text>
                        ) : null}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              key: 'view',
              title: 'SDL',
              render: (_, v) => (
                <Button size="small" onClick={() => setShown(v)} data-testid={`view-version-${v.version}`}>
                  {t('admin.viewSdl')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {shown ? <VersionSdl subgraph={subgraph.name} version={shown} onClose={() => setShown(null)} /> : null}
      <SubgraphChangelog subgraph={subgraph.name} versions={subgraph.versions} />
      <div>
        <Typography.Title level={5}>{t('admin.sdl')}</Typography.Title>
        {subgraph.latestVersion ? (
          <SdlView sdl={subgraph.latestVersion.sdl} testId="subgraph-sdl" />
        ) : (
          <Typography.Text type="secondary">{t('admin.noVersion')}</Typography.Text>
        )}
      </div>
    </Space>
  );
}

/** One version's SDL with its composition errors at their line (the SDL is fetched when asked for). */
function VersionSdl({
  subgraph,
  version,
  onClose,
}: {
  subgraph: string;
  version: VersionRow;
  onClose: () => void;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const { data, loading, error } = useQuery(RegistrySubgraphVersionsDocument, {
    client: registryClient(),
    variables: { name: subgraph, versions: 100 },
  });
  const sdl = data?.subgraph?.versions.find((v) => v.id === version.id)?.sdl;
  const { markers, unplaced } = errorMarkers(version.errors);
  return (
    <Card
      size="small"
      loading={loading && !data}
      title={t('admin.versionSdl', { name: subgraph, version: version.version })}
      extra={
        <Button size="small" onClick={onClose}>
          {t('admin.close')}
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {unplaced.map((message) => (
        <Alert key={message} type="error" showIcon title={message} style={{ marginBottom: 8 }} />
      ))}
      {sdl !== undefined ? <SdlView sdl={sdl} markers={markers} testId="version-sdl" /> : null}
    </Card>
  );
}

type RejectedVersion = RegistryCompositionErrorsQuery['compositionErrors'][number];

/** 最近组合错误: rejected publishes of every subgraph, each SDL openable with its errors at their line. */
function RecentCompositionErrors() {
  const t = useT(ADMIN_NAMESPACE);
  const { data, loading, error } = useQuery(RegistryCompositionErrorsDocument, {
    client: registryClient(),
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const [shown, setShown] = useState<RejectedVersion | null>(null);
  const rows = data?.compositionErrors ?? [];
  const placed = shown ? errorMarkers(shown.errors) : null;
  return (
    <Card size="small" title={t('admin.recentErrors')} loading={loading && !data}>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table<RejectedVersion>
        data-testid="composition-errors"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('admin.noRecentErrors') }}
        columns={[
          { key: 'subgraph', title: t('admin.name'), render: (_, v) => `${v.subgraphName} v${v.version}` },
          { key: 'publishedAt', title: t('admin.publishedAt'), render: (_, v) => formatTime(v.publishedAt) },
          { key: 'publishedBy', title: t('admin.publishedBy'), render: (_, v) => v.publishedBy ?? '—' },
          {
            key: 'errors',
            title: t('admin.errors'),
            render: (_, v) =>
              v.errors
                .slice(0, 2)
                .map((e) => e.message)
                .join('; ') + (v.errors.length > 2 ? ` (+${v.errors.length - 2})` : ''),
          },
          {
            key: 'view',
            title: 'SDL',
            render: (_, v) => (
              <Button size="small" onClick={() => setShown(v)}>
                {t('admin.viewAtLine')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={Boolean(shown)}
        onClose={() => setShown(null)}
        width={960}
        title={shown ? t('admin.versionSdl', { name: shown.subgraphName, version: shown.version }) : ''}
        destroyOnHidden
      >
        {shown && placed ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {placed.unplaced.map((message) => (
              <Alert key={message} type="error" showIcon title={message} />
            ))}
            <SdlView sdl={shown.sdl} markers={placed.markers} testId="rejected-sdl" />
          </Space>
        ) : null}
      </Drawer>
    </Card>
  );
}

/** 变更日志: the public API changes between two versions of one subgraph (each composed on its own). */
function SubgraphChangelog({ subgraph, versions }: { subgraph: string; versions: readonly VersionRow[] }) {
  const t = useT(ADMIN_NAMESPACE);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [load, { data, loading, error }] = useLazyQuery(SubgraphChangelogDocument, {
    client: registryClient(),
    fetchPolicy: 'network-only',
  });
  const options = versions
    .filter((v) => v.status !== 'REJECTED')
    .map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <div>
      <Typography.Title level={5}>{t('history.changelog')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 120 }}
          placeholder={t('history.from')}
          value={from}
          onChange={setFrom}
          options={options}
        />
        →
        <Select
          style={{ width: 120 }}
          placeholder={t('history.to')}
          value={to}
          onChange={setTo}
          options={options}
        />
        <Button
          disabled={!from || !to || from === to}
          loading={loading}
          onClick={() => from && to && void load({ variables: { subgraph, from, to } })}
        >
          {t('history.compare')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data ? <ChangesTable changes={data.subgraphChangelog} /> : null}
    </div>
  );
}
