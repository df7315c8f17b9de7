import { useMutation } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ListingBoardQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { LISTING_STATUS_VARIANTS, listingFinished } from './labels.js';
import { IssueListingDocument, ListingBoardDocument } from './operations.js';

type ListingRow = ListingBoardQuery['listings']['nodes'][number];

const FILTER_ARGS: FilterArgs = {
  status: 'status',
  overdue: { arg: 'overdue', parse: (value) => value === 'true' },
};

/** 挂牌督办: the listings in scope with their deadlines; the county leader issues proposed ones. */
export function ListingBoardPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const isLeader = session?.account.roles.includes('COUNTY_LEADER') ?? false;
  const list = usePagedConnection(ListingBoardDocument, {
    connection: (data) => data.listings,
    filterArgs: FILTER_ARGS,
  });
  const [issue, { loading: issuing }] = useMutation(IssueListingDocument);
  const [error, setError] = useState<string | null>(null);

  const columns: ServerTableColumn<ListingRow>[] = [
    { key: 'noticeNo', title: t('listing.noticeNo'), render: (_: unknown, row) => row.noticeNo ?? '—' },
    { key: 'enterprise', title: t('hazard.enterprise'), render: (_: unknown, row) => row.enterprise.name },
    { key: 'level', title: t('listing.level'), render: (_: unknown, row) => t(`listingLevel.${row.level}`) },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <StatusTag status={row.status} variants={LISTING_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'deadline',
      title: t('hazard.deadline'),
      render: (_: unknown, row) => (
        <Space>
          {row.deadline}
          <DeadlineBadge deadline={row.deadline} closed={listingFinished(row.status)} />
        </Space>
      ),
    },
    { key: 'hazards', title: t('listing.hazardCount'), render: (_: unknown, row) => row.hazardIds.length },
    {
      key: 'actions',
      title: t('listing.actions'),
      render: (_: unknown, row) =>
        row.status === 'PROPOSED' && isLeader ? (
          <Button
            size="small"
            type="primary"
            loading={issuing}
            onClick={() => {
              setError(null);
              issue({ variables: { input: { listingId: row.id, expectedVersion: row.version } } }).catch(
                (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
              );
            }}
          >
            {t('listing.issue')}
          </Button>
        ) : null,
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: Object.keys(LISTING_STATUS_VARIANTS).map((value) => ({
        value,
        label: t(`listingStatus.${value}`),
      })),
    },
    {
      key: 'overdue',
      label: t('hazard.overdue'),
      type: 'select',
      options: [
        { value: 'true', label: t('hazard.overdueYes') },
        { value: 'false', label: t('hazard.overdueNo') },
      ],
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('listing.boardTitle')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} closable /> : null}
      <PagedTable<ListingRow>
        list={list}
        tableId="hazard.listings"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState image="simple" title={t('listing.emptyTitle')} description={t('listing.emptyHint')} />
        }
      />
    </>
  );
}
