import { useQuery } from '@apollo/client/react';
import { DeadlineBadge, StatusTag, useT } from '@safety/ui';
import { Alert, Descriptions, Space } from 'antd';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { LISTING_STATUS_VARIANTS, listingFinished } from './labels.js';
import { ListingOfHazardDocument } from './operations.js';

/** The supervised listing holding a hazard: notice, level, status and the deadline the enterprise works to. */
export function ListingCard({ listingId }: { listingId: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, error } = useQuery(ListingOfHazardDocument, { variables: { id: listingId } });
  const listing = data?.listing;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!listing) return null;
  return (
    <Descriptions
      title={t('listing.cardTitle')}
      column={1}
      bordered
      size="small"
      style={{ marginTop: 16 }}
      data-testid="hazard-listing"
    >
      <Descriptions.Item label={t('listing.noticeNo')}>
        {listing.noticeNo ?? t('listing.notIssued')}
      </Descriptions.Item>
      <Descriptions.Item label={t('listing.level')}>{t(`listingLevel.${listing.level}`)}</Descriptions.Item>
      <Descriptions.Item label={t('hazard.status')}>
        <StatusTag status={listing.status} variants={LISTING_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      </Descriptions.Item>
      <Descriptions.Item label={t('listing.deadline')}>
        <Space>
          {listing.deadline}
          <DeadlineBadge deadline={listing.deadline} closed={listingFinished(listing.status)} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('listing.requirements')}>{listing.requirements}</Descriptions.Item>
    </Descriptions>
  );
}
