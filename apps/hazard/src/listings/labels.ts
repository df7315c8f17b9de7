import type { StatusVariants } from '@safety/ui';
import type { ListingStatus } from '../gql/graphql.js';

/** 挂牌督办 (domain §5.7.2), in order. */
export const LISTING_STATUS_VARIANTS: StatusVariants<ListingStatus> = {
  PROPOSED: { colour: 'default', labelKey: 'listingStatus.PROPOSED' },
  LISTED: { colour: 'red', labelKey: 'listingStatus.LISTED' },
  RECTIFYING: { colour: 'warning', labelKey: 'listingStatus.RECTIFYING' },
  EXTENSION_REQUESTED: { colour: 'orange', labelKey: 'listingStatus.EXTENSION_REQUESTED' },
  DELISTING_APPLIED: { colour: 'cyan', labelKey: 'listingStatus.DELISTING_APPLIED' },
  DELISTED: { colour: 'success', labelKey: 'listingStatus.DELISTED' },
};

export const listingFinished = (status: ListingStatus) => status === 'DELISTED';
