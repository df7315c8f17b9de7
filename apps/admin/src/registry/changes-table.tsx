import { useT } from '@safety/ui';
import { Space, Table, Tag, Typography } from 'antd';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import type { ChangeFieldsFragment } from './gql/graphql.js';
import { formatTime } from './sdl-view.js';

type Criticality = ChangeFieldsFragment['criticality'];
type Affected = NonNullable<ChangeFieldsFragment['affectedOperations']>[number];

/** Variants are data: breaking red, dangerous orange, safe green. */
export const CRITICALITY_COLOR: Record<Criticality, string> = {
  BREAKING: 'red',
  DANGEROUS: 'orange',
  SAFE: 'green',
};

const ORDER: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/** Breaking first, then dangerous, then safe; the server's order within each. */
export function sortChanges<T extends { criticality: Criticality }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => ORDER[a.criticality] - ORDER[b.criticality]);
}

export function CriticalityTag({ criticality }: { criticality: Criticality }) {
  const t = useT(ADMIN_NAMESPACE);
  return <Tag color={CRITICALITY_COLOR[criticality]}>{t(`criticality.${criticality}`)}</Tag>;
}

/** A classified diff: each change with its usage downgrade and the operations and clients it would break. */
export function ChangesTable({
  changes,
  testId,
}: {
  changes: readonly ChangeFieldsFragment[];
  testId?: string;
}) {
  const t = useT(ADMIN_NAMESPACE);
  const rows = sortChanges(changes).map((change, index) => ({ ...change, key: `${index}` }));
  const counts = { BREAKING: 0, DANGEROUS: 0, SAFE: 0 };
  for (const change of changes) counts[change.criticality] += 1;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Space>
        {(['BREAKING', 'DANGEROUS', 'SAFE'] as const).map((c) => (
          <Tag key={c} color={CRITICALITY_COLOR[c]} data-testid={`count-${c}`}>
            {t(`criticality.${c}`)} {counts[c]}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('check.noChanges') }}
        expandable={{
          rowExpandable: (row) => Boolean(row.affectedOperations?.length),
          expandedRowRender: (row) => <AffectedOperations operations={row.affectedOperations ?? []} />,
        }}
        onRow={(row) => ({ 'data-criticality': row.criticality }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'criticality',
            title: t('check.criticality'),
            width: 170,
            render: (_, row) => (
              <Space size={4} wrap>
                <CriticalityTag criticality={row.criticality} />
                {row.downgradedByUsage ? <Tag color="blue">{t('check.downgraded')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'message',
            title: t('check.message'),
            render: (_, row) => (
              <>
                {row.message}
                {row.reason ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {row.reason}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          {
            key: 'path',
            title: t('check.path'),
            render: (_, row) =>
              row.path ? (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {row.path}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            key: 'affected',
            title: t('check.affected'),
            width: 120,
            render: (_, row) => row.affectedOperations?.length ?? 0,
          },
        ]}
      />
    </Space>
  );
}

function AffectedOperations({ operations }: { operations: readonly Affected[] }) {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Table<Affected>
      size="small"
      pagination={false}
      rowKey={(op) => `${op.kind}:${op.clientName}:${op.clientVersion ?? ''}:${op.operationHash}`}
      dataSource={[...operations]}
      columns={[
        {
          key: 'kind',
          title: t('check.source'),
          render: (_, op) => (
            <Tag color={op.kind === 'TRUSTED_DOCUMENT' ? 'purple' : 'default'}>
              {t(`affectedKind.${op.kind}`)}
            </Tag>
          ),
        },
        {
          key: 'client',
          title: t('usage.client'),
          render: (_, op) => `${op.clientName}${op.clientVersion ? `@${op.clientVersion}` : ''}`,
        },
        {
          key: 'operation',
          title: t('usage.operation'),
          render: (_, op) => (
            <>
              {op.operationName ?? t('usage.anonymousOperation')}{' '}
              <Typography.Text type="secondary" code>
                {op.operationHash.replace(/^sha256:/, '').slice(0, 10)}
              </Typography.Text>
            </>
          ),
        },
        { key: 'count', title: t('usage.requests'), render: (_, op) => op.count ?? '—' },
        { key: 'lastSeen', title: t('usage.lastSeen'), render: (_, op) => formatTime(op.lastSeen) },
      ]}
    />
  );
}
