import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Card, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RegistrySupergraphQuery } from '../gql/graphql.js';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { registryClient } from './client.js';
import { GraphiqlButton } from './graphiql-button.js';
import { RegistrySupergraphDocument } from './operations.js';
import { formatTime, SdlView } from './sdl-view.js';

type VersionRow = RegistrySupergraphQuery['supergraphVersions'][number];

/** 超图版本: the live supergraph (what the gateway serves) and the composed versions, newest first. */
export function SupergraphPage() {
  const t = useT(ADMIN_NAMESPACE);
  const { data, loading, error, refetch } = useQuery(RegistrySupergraphDocument, {
    client: registryClient(),
    variables: { versions: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [sdlOpen, setSdlOpen] = useState(false);
  const live = data?.supergraph;

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
      {error && <Alert type="error" showIcon message={t('admin.loadFailed')} description={error.message} />}
      <Card loading={loading && !data} title={t('admin.liveVersion')}>
        {live ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('admin.version')}>
              <span data-testid="supergraph-live-version">v{live.version}</span>
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
        rowKey="id"
        pagination={false}
        dataSource={data?.supergraphVersions ?? []}
        columns={[
          {
            key: 'version',
            title: t('admin.version'),
            render: (_, v) => (
              <Space>
                v{v.version}
                {live && v.version === live.version && <Tag color="green">{t('admin.live')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'hash',
            title: t('admin.hash'),
            render: (_, v) => <Typography.Text code>{v.hash.slice(0, 16)}…</Typography.Text>,
          },
          { key: 'createdAt', title: t('admin.createdAt'), render: (_, v) => formatTime(v.createdAt) },
        ]}
      />
      <Drawer
        open={sdlOpen && Boolean(live)}
        onClose={() => setSdlOpen(false)}
        width={960}
        title={live ? t('admin.supergraphSdl', { version: live.version }) : ''}
      >
        {live && <SdlView sdl={live.sdl} testId="supergraph-sdl" />}
      </Drawer>
    </Space>
  );
}
