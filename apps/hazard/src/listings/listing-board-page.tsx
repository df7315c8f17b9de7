import { useQuery } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import { Button, Drawer, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ListingBoardQuery, UnlistedMajorHazardsQuery } from '../gql/graphql.js';
import { HazardDrawer } from '../hazards/hazard-drawer.js';
import { HazardTownshipsDocument } from '../hazards/operations.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  actsForEnterprise,
  LISTING_PROPOSER_ROLES,
  LISTING_STATUS_VARIANTS,
  listingFinished,
} from './labels.js';
import { ListingActions } from './listing-actions.js';
import { ListingDetails } from './listing-card.js';
import { DecideNotToListModal, useMayDecideNotToList } from './not-listed.js';
import { ListingBoardDocument, UnlistedMajorHazardsDocument } from './operations.js';
import { COUNTY_LEVELS, ProposeListingModal } from './propose-listing-modal.js';

type ListingRow = ListingBoardQuery['listings']['nodes'][number];
type QueueRow = UnlistedMajorHazardsQuery['unlistedMajorHazards']['nodes'][number];

const FILTER_ARGS: FilterArgs = {
  level: 'level',
  status: 'status',
  overdue: { arg: 'overdue', parse: (value) => value === 'true' },
  town: 'townshipCode',
};
const QUEUE_FILTER_ARGS: FilterArgs = {
  evaluationOverdue: { arg: 'evaluationOverdue', parse: (value) => value === 'true' },
};

/** The open tab is in the URL (?tab=unlisted), so the SAC office can bookmark its queue. */
function useTab(): [string, (tab: string) => void] {
  const [tab, setTabState] = useState(
    () => new URLSearchParams(window.location.search).get('tab') ?? 'listings',
  );
  const setTab = (next: string) => {
    const url = new URL(window.location.href);
    // The other tab's filters do not apply here.
    url.search = next === 'listings' ? '' : `?tab=${next}`;
    window.history.replaceState(window.history.state, '', url);
    setTabState(next);
  };
  return [tab, setTab];
}

/** 挂牌督办 (domain §5.7.2): the listings in scope with deadlines and actions; the SAC office's unlisted queue. */
export function ListingBoardPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const regulator = !actsForEnterprise(session?.account);
  const [tab, setTab] = useTab();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('listing.boardTitle')}
      </Typography.Title>
      <Tabs
        activeKey={regulator ? tab : 'listings'}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'listings', label: t('listing.tabListings'), children: <ListingTable /> },
          ...(regulator
            ? [{ key: 'unlisted', label: t('listing.tabUnlisted'), children: <UnlistedQueue /> }]
            : []),
        ]}
      />
    </>
  );
}

function ListingTable() {
  const t = useT(HAZARD_NAMESPACE);
  const list = usePagedConnection(ListingBoardDocument, {
    connection: (data) => data.listings,
    filterArgs: FILTER_ARGS,
  });
  const towns = useQuery(HazardTownshipsDocument);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = list.rows.find((row) => row.id === openId);

  const columns: ServerTableColumn<ListingRow>[] = [
    {
      key: 'noticeNo',
      title: t('listing.noticeNo'),
      hideable: false,
      render: (_: unknown, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {row.noticeNo ?? t('listing.notIssued')}
        </Button>
      ),
    },
    { key: 'enterprise', title: t('hazard.enterprise'), render: (_: unknown, row) => row.enterprise.name },
    {
      key: 'township',
      title: t('hazard.township'),
      render: (_: unknown, row) => row.enterprise.townshipName ?? '—',
    },
    { key: 'level', title: t('listing.level'), render: (_: unknown, row) => t(`listingLevel.${row.level}`) },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <StatusTag status={row.status} variants={LISTING_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
          {row.overdue ? <Tag color="error">{t('hazard.overdueYes')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'deadline',
      title: t('listing.deadline'),
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          {row.deadline}
          <DeadlineBadge deadline={row.deadline} closed={listingFinished(row.status)} />
          {row.deadline !== row.originalDeadline ? <Tag>{t('listing.extended')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'hazards', title: t('listing.hazardCount'), render: (_: unknown, row) => row.hazardIds.length },
    {
      key: 'actions',
      title: t('listing.actions'),
      render: (_: unknown, row) => (
        <Space wrap>
          <ListingActions listing={row} />
          <Button size="small" onClick={() => setOpenId(row.id)}>
            {t('listing.details')}
          </Button>
        </Space>
      ),
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'level',
      label: t('listing.level'),
      type: 'select',
      options: COUNTY_LEVELS.map((value) => ({ value, label: t(`listingLevel.${value}`) })),
    },
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
    {
      key: 'town',
      label: t('hazard.township'),
      type: 'select',
      options: (towns.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name })),
    },
  ];

  return (
    <>
      <PagedTable<ListingRow>
        list={list}
        tableId="hazard.listings"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState image="simple" title={t('listing.emptyTitle')} description={t('listing.emptyHint')} />
        }
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpenId(null)}
        size="large"
        title={open ? `${open.noticeNo ?? t('listing.notIssued')} · ${open.enterprise.name}` : ''}
        destroyOnHidden
        data-testid="listing-drawer"
      >
        {open ? <ListingDetails listing={open} showHazards /> : null}
      </Drawer>
    </>
  );
}

/** 未挂牌重大隐患: each MAJOR hazard is evaluated for listing within 5 working days of confirmation (domain §5.7.2). */
function UnlistedQueue() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const mayPropose = session?.account.roles.some((role) => LISTING_PROPOSER_ROLES.includes(role)) ?? false;
  const list = usePagedConnection(UnlistedMajorHazardsDocument, {
    connection: (data) => data.unlistedMajorHazards,
    filterArgs: QUEUE_FILTER_ARGS,
  });
  const mayDecideNotToList = useMayDecideNotToList();
  const [proposing, setProposing] = useState<QueueRow['hazard'] | null>(null);
  const [declining, setDeclining] = useState<QueueRow['hazard'] | null>(null);
  const [hazardId, setHazardId] = useState<string | null>(null);

  const columns: ServerTableColumn<QueueRow>[] = [
    {
      key: 'code',
      title: t('hazard.code'),
      hideable: false,
      render: (_: unknown, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setHazardId(row.hazard.id)}>
          {row.hazard.code}
        </Button>
      ),
    },
    { key: 'title', title: t('hazard.title'), render: (_: unknown, row) => row.hazard.title },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      render: (_: unknown, row) => row.hazard.enterprise?.name ?? '—',
    },
    {
      key: 'township',
      title: t('hazard.township'),
      render: (_: unknown, row) => row.hazard.enterprise?.townshipName ?? '—',
    },
    { key: 'confirmedOn', title: t('listing.confirmedOn'), render: (_: unknown, row) => row.confirmedOn },
    {
      key: 'evaluationDue',
      title: t('listing.evaluationDue'),
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.evaluationDue}
          <DeadlineBadge deadline={row.evaluationDue} />
        </Space>
      ),
    },
    {
      key: 'plan',
      title: t('plan.title'),
      render: (_: unknown, row) => (
        <Tag color={row.hazard.planApproved ? 'success' : 'warning'}>
          {row.hazard.planApproved ? t('plan.approved') : t('plan.notApproved')}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('listing.actions'),
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          {mayPropose ? (
            <Button size="small" type="primary" onClick={() => setProposing(row.hazard)}>
              {t('action.proposeListing')}
            </Button>
          ) : null}
          {/* 不予挂牌: the SAC office's reasoned decision (domain §5.7.2). */}
          {mayDecideNotToList ? (
            <Button size="small" danger onClick={() => setDeclining(row.hazard)}>
              {t('listing.notListed')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'evaluationOverdue',
      label: t('listing.evaluationOverdue'),
      type: 'select',
      options: [
        { value: 'true', label: t('hazard.overdueYes') },
        { value: 'false', label: t('hazard.overdueNo') },
      ],
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('listing.queueHint')}</Typography.Paragraph>
      <div data-testid="unlisted-queue">
        <PagedTable<QueueRow>
          list={list}
          tableId="hazard.unlisted"
          columns={columns}
          filters={filters}
          empty={
            <EmptyState
              image="simple"
              title={t('listing.queueEmptyTitle')}
              description={t('listing.queueEmptyHint')}
            />
          }
        />
      </div>
      {proposing ? <ProposeListingModal hazard={proposing} onClose={() => setProposing(null)} /> : null}
      {declining ? <DecideNotToListModal hazard={declining} onClose={() => setDeclining(null)} /> : null}
      <HazardDrawer hazardId={hazardId} onClose={() => setHazardId(null)} />
    </>
  );
}
