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

/** The signed-in account as far as listing rights go (roles, permissions, scope). */
export interface ListingCaller {
  roles: readonly string[];
  permissions: readonly string[];
  scope: { orgUnitId?: string | null; townshipCodes: readonly string[] };
}

interface ListingKeys {
  level: string;
  issuingOrgId: string;
  townshipCode: string;
}

const isDepartmentHead = (caller: ListingCaller, listing: ListingKeys) =>
  (caller.roles.includes('EMB_STAFF') || caller.roles.includes('INDUSTRY_REGULATOR')) &&
  caller.permissions.includes('LISTING_APPROVER') &&
  caller.scope.orgUnitId === listing.issuingOrgId;
const isTownHead = (caller: ListingCaller, listing: ListingKeys) =>
  caller.roles.includes('TOWNSHIP_OFFICER') && caller.scope.townshipCodes.includes(listing.townshipCode);

/**
 * Who issues (挂牌) a listing of a level (domain §5.7.2): the county leader for COUNTY_SAC, the department
 * head (LISTING_APPROVER) for COUNTY_DEPT, the town for TOWNSHIP. Mirrors the service's rule to avoid dead
 * buttons; the service decides.
 */
export function mayIssue(caller: ListingCaller | undefined, listing: ListingKeys): boolean {
  if (!caller) return false;
  if (listing.level === 'COUNTY_SAC') return caller.roles.includes('COUNTY_LEADER');
  if (listing.level === 'COUNTY_DEPT') return isDepartmentHead(caller, listing);
  if (listing.level === 'TOWNSHIP') return isTownHead(caller, listing);
  return false;
}

/** Who decides afterwards (extension, verification, 摘牌): for COUNTY_SAC also the SAC office with LISTING_APPROVER. */
export function mayDecide(caller: ListingCaller | undefined, listing: ListingKeys): boolean {
  if (!caller) return false;
  if (
    listing.level === 'COUNTY_SAC' &&
    caller.roles.includes('SAC_OFFICE') &&
    caller.permissions.includes('LISTING_APPROVER')
  )
    return true;
  return mayIssue(caller, listing);
}

/** The enterprise acts through its management (domain §5.1), not its workers. */
export const LISTING_ENTERPRISE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];
export const actsForEnterprise = (caller: ListingCaller | undefined) =>
  caller?.roles.some((role) => LISTING_ENTERPRISE_ROLES.includes(role)) ?? false;

/** Regulators who propose listings (the SAC office from its queue). */
export const LISTING_PROPOSER_ROLES = [
  'COUNTY_LEADER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'EMB_ENFORCER',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
];
