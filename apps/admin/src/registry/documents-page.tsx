import { useQuery } from '@apollo/client/react';
import { EmptyState, useT } from '@safety/ui';
import { Alert, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { registryClient } from './client.js';
import type { DocumentClientsQuery, TrustedDocumentsQuery } from './gql/graphql.js';
import { DocumentClientsDocument, TrustedDocumentsDocument } from './schema-operations.js';
import { formatTime } from './sdl-view.js';

type ClientRow = DocumentClientsQuery['documentClients'][number];
type DocumentRow = TrustedDocumentsQuery['trustedDocuments'][number];

/**
 * 可信文档: the operations each app registered at build time (persisted documents, hash → document).
 * A request that names itself as one of these apps may run only these; integrators and admins may run others.
 */
export function DocumentsPage() {
  const t = useT(ADMIN_NAMESPACE);
  const client = registryClient();
  const clients = useQuery(DocumentClientsDocument, { client, fetchPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<string | null>(null);
  const documents = useQuery(TrustedDocumentsDocument, {
    client,
    variables: { clientName: chosen ?? '' },
    skip: !chosen,
    fetchPolicy: 'cache-and-network',
  });
  const [filter, setFilter] = useState('');
  const rows = (documents.data?.trustedDocuments ?? []).filter((d) =>
    `${d.operationName ?? ''} ${d.hash}`.toLowerCase().includes(filter.trim().toLowerCase()),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('documents.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('documents.hint')}</Typography.Text>
      {clients.error ? (
        <Alert type="error" showIcon title={t('admin.loadFailed')} description={clients.error.message} />
      ) : null}
      <Table<ClientRow>
        data-testid="document-clients"
        size="small"
        rowKey="clientName"
        pagination={false}
        loading={clients.loading && !clients.data}
        dataSource={clients.data?.documentClients ?? []}
        locale={{ emptyText: <EmptyState image="simple" title={t('documents.none')} /> }}
        onRow={(r) => ({ onClick: () => setChosen(r.clientName), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.clientName === chosen ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'client',
            title: t('usage.client'),
            render: (_, r) => <Tag color="purple">{r.clientName}</Tag>,
          },
          { key: 'documents', title: t('documents.count'), render: (_, r) => r.documents },
          { key: 'appVersion', title: t('documents.appVersion'), render: (_, r) => r.appVersion ?? '—' },
          {
            key: 'lastRegisteredAt',
            title: t('documents.registeredAt'),
            render: (_, r) => formatTime(r.lastRegisteredAt),
          },
        ]}
      />
      {chosen ? (
        <Card
          size="small"
          title={t('documents.ofClient', { name: chosen })}
          extra={
            <Input.Search
              allowClear
              placeholder={t('documents.filter')}
              style={{ width: 240 }}
              onChange={(event) => setFilter(event.target.value)}
              onSearch={setFilter}
            />
          }
        >
          {documents.error ? <Alert type="error" showIcon title={documents.error.message} /> : null}
          <Table<DocumentRow>
            data-testid="trusted-documents"
            size="small"
            rowKey="hash"
            loading={documents.loading && !documents.data}
            pagination={{ pageSize: 20 }}
            dataSource={rows}
            expandable={{
              expandedRowRender: (r) => (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{r.body}</pre>
              ),
            }}
            columns={[
              {
                key: 'name',
                title: t('usage.operation'),
                render: (_, r) => r.operationName ?? t('usage.anonymousOperation'),
              },
              {
                key: 'hash',
                title: t('admin.hash'),
                render: (_, r) => (
                  <Typography.Text code>{r.hash.replace(/^sha256:/, '').slice(0, 16)}</Typography.Text>
                ),
              },
              { key: 'appVersion', title: t('documents.appVersion'), render: (_, r) => r.appVersion ?? '—' },
              {
                key: 'registeredAt',
                title: t('documents.registeredAt'),
                render: (_, r) => formatTime(r.registeredAt),
              },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
