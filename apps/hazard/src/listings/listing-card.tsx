import { useQuery } from '@apollo/client/react';
import { DeadlineBadge, formatShanghaiDateTime, StatusTag, StatusTimeline, useT } from '@safety/ui';
import { Alert, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ListingFieldsFragment } from '../gql/graphql.js';
import { STATUS_VARIANTS } from '../hazards/labels.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { LISTING_STATUS_VARIANTS, listingFinished } from './labels.js';
import { ListingActions } from './listing-actions.js';
import { ListingOfHazardDocument } from './operations.js';

/** The supervised listing holding a hazard: notice, level, status and the deadline the enterprise works to. */
export function ListingCard({ listingId }: { listingId: string }) {
  const { data, loading, error } = useQuery(ListingOfHazardDocument, { variables: { id: listingId } });
  const listing = data?.listing;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading && !listing) return <Skeleton active />;
  if (!listing) return null;
  return <ListingDetails listing={listing} />;
}

/** A listing in full (domain §5.7.2): the notice, its deadline and extensions, its hazards, the actions and the timeline. */
export function ListingDetails({
  listing,
  showHazards = false,
}: {
  listing: ListingFieldsFragment;
  showHazards?: boolean;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const extended = listing.deadline !== listing.originalDeadline;
  return (
    <div style={{ marginTop: 16 }}>
      <Descriptions
        data-testid="hazard-listing"
        title={t('listing.cardTitle')}
        extra={<ListingActions listing={listing} />}
        column={1}
        bordered
        size="small"
      >
        <Descriptions.Item label={t('listing.noticeNo')}>
          {listing.noticeNo ?? t('listing.notIssued')}
        </Descriptions.Item>
        <Descriptions.Item label={t('listing.level')}>{t(`listingLevel.${listing.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.status')}>
          <Space wrap>
            <StatusTag status={listing.status} variants={LISTING_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
            {listing.overdue ? (
              <Tag color="error">
                {listing.escalatesTo
                  ? t('listing.escalates', { level: t(`listingLevel.${listing.escalatesTo}`) })
                  : t('hazard.overdueYes')}
              </Tag>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('listing.deadline')}>
          <Space wrap data-testid="listing-deadline">
            {listing.deadline}
            <DeadlineBadge deadline={listing.deadline} closed={listingFinished(listing.status)} />
            {extended ? (
              <Typography.Text type="secondary">
                {t('listing.originalDeadline', { date: listing.originalDeadline })}
              </Typography.Text>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('listing.requirements')}>{listing.requirements}</Descriptions.Item>
        <Descriptions.Item label={t('listing.progressCadence')}>
          {t('listing.progressEvery', { days: listing.progressCadenceDays })}
        </Descriptions.Item>
        {listing.extensions.length ? (
          <Descriptions.Item label={t('listing.extensions')}>
            <Space orientation="vertical" size={4} data-testid="listing-extensions">
              {listing.extensions.map((extension) => (
                <span key={`${extension.requestedOn}-${extension.requestedDeadline}`}>
                  {t('listing.extensionLine', {
                    on: extension.requestedOn,
                    from: extension.previousDeadline,
                    to: extension.requestedDeadline,
                    reason: extension.reason,
                  })}{' '}
                  {extension.granted === null || extension.granted === undefined ? (
                    <Space size={4}>
                      <Tag color="warning">{t('listing.undecided')}</Tag>
                      {/* The issuer decides within 10 working days (domain §5.7.2 precedent). */}
                      <DeadlineBadge deadline={extension.decisionDue} />
                    </Space>
                  ) : (
                    <Tag color={extension.granted ? 'success' : 'error'}>
                      {extension.granted ? t('listing.granted') : t('listing.refused')}
                      {extension.decidedLate ? ` · ${t('listing.decidedLate')}` : ''}
                    </Tag>
                  )}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
        {showHazards ? (
          <Descriptions.Item label={t('listing.hazards')}>
            <Space orientation="vertical" size={4}>
              {listing.hazards.map((hazard) => (
                <Space key={hazard.id} size={4} wrap>
                  <Link to={`../hazards?hazard=${hazard.id}`} relative="path">
                    {hazard.code}
                  </Link>
                  {hazard.title}
                  <StatusTag status={hazard.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
                  <Tag color={hazard.planApproved ? 'success' : 'warning'}>
                    {hazard.planApproved ? t('plan.approved') : t('plan.notApproved')}
                  </Tag>
                </Space>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
        {listing.listedAt ? (
          <Descriptions.Item label={t('listing.listedAt')}>
            {formatShanghaiDateTime(listing.listedAt)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('listing.history')}
      </Typography.Title>
      <div data-testid="listing-history">
        <StatusTimeline
          transitions={listing.history.map((step) => ({
            from: step.from ?? null,
            to: step.to,
            at: step.at,
            actor: step.actorUsername ?? t('hazard.system'),
            reason: step.reason,
          }))}
          variants={LISTING_STATUS_VARIANTS}
          ns={HAZARD_NAMESPACE}
        />
      </div>
    </div>
  );
}
