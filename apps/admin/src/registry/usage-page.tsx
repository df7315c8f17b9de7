import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { registryClient } from './client.js';
import type { FieldUsageQuery, UsageOverviewQuery } from './gql/graphql.js';
import { FieldUsageDocument, UnusedFieldsDocument, UsageOverviewDocument } from './schema-operations.js';
import { formatTime } from './sdl-view.js';

type ClientRow = UsageOverviewQuery['clientUsage'][number];
type OperationRow = UsageOverviewQuery['operations'][number];
type FieldOperation = FieldUsageQuery['fieldUsage']['operations'][number];

/**
 * 使用情况: what the gateway reported (per client name and version, per operation, per field) within
 * the window; the fields no client used, which a breaking change may remove without holding.
 */
export function UsagePage() {
  const t = useT(ADMIN_NAMESPACE);
  const client = registryClient();
  const [days, setDays] = useState(30);
  const [clientName, setClientName] = useState<string>();
  const overview = useQuery(UsageOverviewDocument, {
    client,
    variables: { days, clientName: clientName ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const unused = useQuery(UnusedFieldsDocument, {
    client,
    variables: { days },
    fetchPolicy: 'cache-and-network',
  });
  const clients = overview.data?.clientUsage ?? [];
  const [unusedFilter, setUnusedFilter] = useState('');
  const unusedFields = (unused.data?.unusedFields ?? []).filter((f) =>
    f.toLowerCase().includes(unusedFilter.trim().toLowerCase()),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('usage.title')}
        </Typography.Title>
        <Space>
          {t('usage.window')}
          <InputNumber
            min={1}
            max={366}
            value={days}
            onChange={(value) => value && setDays(value)}
            addonAfter={t('usage.days')}
          />
        </Space>
      </Space>
      {overview.error ? (
        <Alert type="error" showIcon title={t('admin.loadFailed')} description={overview.error.message} />
      ) : null}
      <Card size="small" title={t('usage.clients')}>
        <Table<ClientRow>
          data-testid="client-usage"
          size="small"
          rowKey={(r) => `${r.clientName}@${r.clientVersion ?? ''}`}
          pagination={false}
          loading={overview.loading && !overview.data}
          dataSource={clients}
          columns={[
            {
              key: 'client',
              title: t('usage.client'),
              render: (_, r) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setClientName(r.clientName)}>
                  {r.clientName}
                  {r.clientVersion ? `@${r.clientVersion}` : ''}
                </Button>
              ),
            },
            { key: 'requests', title: t('usage.requests'), render: (_, r) => r.requests },
            { key: 'errors', title: t('usage.errors'), render: (_, r) => r.errors },
            { key: 'operations', title: t('usage.operations'), render: (_, r) => r.operations },
            { key: 'lastSeen', title: t('usage.lastSeen'), render: (_, r) => formatTime(r.lastSeen) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('usage.operationsTitle')}
        extra={
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('usage.allClients')}
            value={clientName}
            onChange={setClientName}
            options={[...new Set(clients.map((c) => c.clientName))].map((name) => ({
              value: name,
              label: name,
            }))}
          />
        }
      >
        <Table<OperationRow>
          size="small"
          rowKey="hash"
          pagination={{ pageSize: 20 }}
          dataSource={overview.data?.operations ?? []}
          expandable={{
            rowExpandable: (r) => Boolean(r.body),
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{r.body}</pre>
            ),
          }}
          columns={[
            {
              key: 'name',
              title: t('usage.operation'),
              render: (_, r) => (
                <>
                  {r.type ? <Tag>{r.type}</Tag> : null}
                  {r.name ?? t('usage.anonymousOperation')}
                </>
              ),
            },
            { key: 'clients', title: t('usage.client'), render: (_, r) => r.clientNames.join(', ') },
            { key: 'count', title: t('usage.requests'), render: (_, r) => r.count },
            { key: 'errors', title: t('usage.errors'), render: (_, r) => r.errors },
            { key: 'lastSeen', title: t('usage.lastSeen'), render: (_, r) => formatTime(r.lastSeen) },
          ]}
        />
      </Card>
      <FieldLookup days={days} />
      <Card
        size="small"
        title={t('usage.unusedTitle', { count: unused.data?.unusedFields.length ?? 0, days })}
        extra={
          <Input.Search
            allowClear
            placeholder={t('usage.filterFields')}
            style={{ width: 240 }}
            onSearch={setUnusedFilter}
            onChange={(event) => setUnusedFilter(event.target.value)}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('usage.unusedHint')}</Typography.Paragraph>
        <div data-testid="unused-fields" style={{ maxHeight: 320, overflow: 'auto' }}>
          {unusedFields.map((field) => (
            <Tag key={field} style={{ marginBottom: 4 }}>
              {field}
            </Tag>
          ))}
        </div>
      </Card>
    </Space>
  );
}

/** 字段使用: which operations and clients used one schema coordinate, how often, last seen. */
function FieldLookup({ days }: { days: number }) {
  const t = useT(ADMIN_NAMESPACE);
  const [coordinate, setCoordinate] = useState('');
  const [load, { data, loading, error }] = useLazyQuery(FieldUsageDocument, {
    client: registryClient(),
    fetchPolicy: 'network-only',
  });
  const usage = data?.fieldUsage;
  return (
    <Card size="small" title={t('usage.fieldTitle')}>
      <Input.Search
        data-testid="field-coordinate"
        placeholder="Hazard.title · Query.hazards(status:) · HazardStatus.CLOSED"
        enterButton={t('usage.lookup')}
        loading={loading}
        value={coordinate}
        onChange={(event) => setCoordinate(event.target.value)}
        onSearch={(value) => value.trim() && void load({ variables: { coordinate: value.trim(), days } })}
        style={{ maxWidth: 560, marginBottom: 12 }}
      />
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {usage ? (
        <>
          <Typography.Paragraph>
            <Typography.Text code>{usage.coordinate}</Typography.Text>{' '}
            {usage.count === 0 ? (
              <Tag color="green">{t('usage.unused', { days })}</Tag>
            ) : (
              t('usage.fieldSummary', { count: usage.count, lastSeen: formatTime(usage.lastSeen) })
            )}
          </Typography.Paragraph>
          <Table<FieldOperation>
            size="small"
            pagination={false}
            rowKey={(r) => `${r.operationHash}:${r.clientName}:${r.clientVersion ?? ''}`}
            dataSource={usage.operations}
            columns={[
              {
                key: 'client',
                title: t('usage.client'),
                render: (_, r) => `${r.clientName}${r.clientVersion ? `@${r.clientVersion}` : ''}`,
              },
              {
                key: 'operation',
                title: t('usage.operation'),
                render: (_, r) => r.operationName ?? t('usage.anonymousOperation'),
              },
              { key: 'count', title: t('usage.requests'), render: (_, r) => r.count },
              { key: 'lastSeen', title: t('usage.lastSeen'), render: (_, r) => formatTime(r.lastSeen) },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
