import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Badge, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RegistrySubgraphsQuery } from '../gql/graphql.js';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { registryClient } from './client.js';
import { GraphiqlButton } from './graphiql-button.js';
import { RegistrySubgraphsDocument } from './operations.js';
import { formatTime, SdlView } from './sdl-view.js';
import { type Readiness, useReadiness } from './use-readiness.js';

type SubgraphRow = RegistrySubgraphsQuery['subgraphs'][number];
type VersionRow = SubgraphRow['versions'][number];

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
      {error && <Alert type="error" showIcon message={t('admin.loadFailed')} description={error.message} />}
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
                <Tag color={v.status === 'ACCEPTED' ? 'green' : 'red'}>{t(`versionStatus.${v.status}`)}</Tag>
              ),
            },
            {
              key: 'publishedAt',
              title: t('admin.publishedAt'),
              render: (_, v) => formatTime(v.publishedAt),
            },
            { key: 'publishedBy', title: t('admin.publishedBy'), render: (_, v) => v.publishedBy ?? '—' },
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
                        {e.message}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </div>
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
