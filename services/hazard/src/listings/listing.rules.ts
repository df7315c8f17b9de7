import { Permission, Role } from '@safety/auth';
import { addDays, addWorkingDays, type CalendarOverrides, STATUTORY_OVERRIDES } from '@safety/reference';
import { HazardGrade, HazardStatus } from '../hazards/hazard.enums.js';
import type { ListingLevel } from '../hazards/hazard.rules.js';

/**
 * Pure rules of the supervised listing (重大事故隐患挂牌督办, domain §5.7.2 [D]): the state machine as
 * data, who acts at each level, and the guards. No I/O; days are Asia/Shanghai calendar days.
 */

export type { ListingLevel };
export type Problems = Record<string, string>;

export type ListingStatus =
  | 'PROPOSED'
  | 'LISTED'
  | 'RECTIFYING'
  | 'EXTENSION_REQUESTED'
  | 'DELISTING_APPLIED'
  | 'DELISTED';

export type ListingOperation =
  | 'listHazards'
  | 'startListingRectification'
  | 'requestListingExtension'
  | 'decideListingExtension'
  | 'applyForDelisting'
  | 'delist'
  | 'refuseDelisting';

/**
 * Who performs a row: the issuer listing (挂牌, the level's head), the issuer deciding afterwards
 * (extension, verification, 摘牌), or the enterprise under the listing.
 */
export type ListingActor = 'ISSUER_LISTS' | 'ISSUER_DECIDES' | 'ENTERPRISE';

export interface ListingTransition {
  operation: ListingOperation;
  from: ListingStatus;
  /** Where it leads; `decideListingExtension` goes back to RECTIFYING whether granted or not. */
  to: ListingStatus;
  actor: ListingActor;
}

/** Domain §5.7.2, the table as data; OVERDUE is derived (`listingOverdue`), never a stored status. */
export const LISTING_TRANSITIONS: readonly ListingTransition[] = [
  { operation: 'listHazards', from: 'PROPOSED', to: 'LISTED', actor: 'ISSUER_LISTS' },
  { operation: 'startListingRectification', from: 'LISTED', to: 'RECTIFYING', actor: 'ENTERPRISE' },
  {
    operation: 'requestListingExtension',
    from: 'RECTIFYING',
    to: 'EXTENSION_REQUESTED',
    actor: 'ENTERPRISE',
  },
  {
    operation: 'decideListingExtension',
    from: 'EXTENSION_REQUESTED',
    to: 'RECTIFYING',
    actor: 'ISSUER_DECIDES',
  },
  { operation: 'applyForDelisting', from: 'RECTIFYING', to: 'DELISTING_APPLIED', actor: 'ENTERPRISE' },
  { operation: 'delist', from: 'DELISTING_APPLIED', to: 'DELISTED', actor: 'ISSUER_DECIDES' },
  { operation: 'refuseDelisting', from: 'DELISTING_APPLIED', to: 'RECTIFYING', actor: 'ISSUER_DECIDES' },
];

export function listingTransition(
  operation: ListingOperation,
  from: ListingStatus,
): ListingTransition | undefined {
  return LISTING_TRANSITIONS.find((t) => t.operation === operation && t.from === from);
}

// ---------------------------------------------------------------------------------------------
// Actors per level.
// ---------------------------------------------------------------------------------------------

/** One way to be the issuer: a role, optionally a permission, and a tie to the listing. */
export interface IssuerRule {
  roles: readonly Role[];
  permission?: Permission;
  /** The caller's org unit is the listing's issuing org (a department acts for itself). */
  sameOrg?: boolean;
  /** The caller's towns include the listing's town (a town acts for its territory). */
  sameTown?: boolean;
}

const DEPARTMENT: IssuerRule = {
  // A county department acts through its head: a regulator holding 挂牌/摘牌 (domain §2.3, §6a).
  roles: [Role.EMB_STAFF, Role.INDUSTRY_REGULATOR],
  permission: Permission.LISTING_APPROVER,
  sameOrg: true,
};
const TOWN: IssuerRule = { roles: [Role.TOWNSHIP_OFFICER], sameTown: true };

/**
 * Domain §5.7.2: COUNTY_SAC is listed by a county leader (§2.3 "approve county-level listing"); the SAC
 * office, holding LISTING_APPROVER, decides for the SAC afterwards (extensions, verification, 摘牌).
 * CITY and PROVINCE listings are issued outside the county platform: nobody here acts on them.
 */
export const LISTING_ISSUERS: Readonly<Record<ListingLevel, { lists: IssuerRule[]; decides: IssuerRule[] }>> =
  {
    COUNTY_SAC: {
      lists: [{ roles: [Role.COUNTY_LEADER] }],
      decides: [
        { roles: [Role.COUNTY_LEADER] },
        { roles: [Role.SAC_OFFICE], permission: Permission.LISTING_APPROVER },
      ],
    },
    COUNTY_DEPT: { lists: [DEPARTMENT], decides: [DEPARTMENT] },
    TOWNSHIP: { lists: [TOWN], decides: [TOWN] },
    CITY: { lists: [], decides: [] },
    PROVINCE: { lists: [], decides: [] },
  };

/** The levels a county platform proposes and issues (CITY/PROVINCE are recorded upstream). */
export const COUNTY_LEVELS: readonly ListingLevel[] = ['COUNTY_SAC', 'COUNTY_DEPT', 'TOWNSHIP'];

/** Roles that may propose a listing: the regulators (the SAC office works from its queue). */
export const LISTING_PROPOSER_ROLES: readonly Role[] = [
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.EMB_ENFORCER,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
];
/** Every role some level's issuer holds (the resolver's first gate; the level decides the rest). */
export const LISTING_ISSUER_ROLES: readonly Role[] = [
  ...new Set(
    Object.values(LISTING_ISSUERS).flatMap((l) => [...l.lists, ...l.decides].flatMap((r) => [...r.roles])),
  ),
];
/** The enterprise acts through its management (domain §5.1). */
export const LISTING_ENTERPRISE_ROLES: readonly Role[] = [
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
];

export interface ListingCaller {
  roles: readonly Role[];
  permissions: readonly Permission[];
  scope: { orgUnitId: string | null; townshipCodes: readonly string[]; enterpriseIds: readonly string[] };
}

export interface ListingFacts {
  level: ListingLevel;
  issuingOrgId: string;
  townshipCode: string;
  enterpriseId: string;
}

function satisfies(rule: IssuerRule, caller: ListingCaller, listing: ListingFacts): boolean {
  return (
    rule.roles.some((role) => caller.roles.includes(role)) &&
    (rule.permission === undefined || caller.permissions.includes(rule.permission)) &&
    (!rule.sameOrg || caller.scope.orgUnitId === listing.issuingOrgId) &&
    (!rule.sameTown || caller.scope.townshipCodes.includes(listing.townshipCode))
  );
}

/** May the caller perform a row of this listing? (Data scope is checked separately, in SQL.) */
export function mayAct(actor: ListingActor, caller: ListingCaller, listing: ListingFacts): boolean {
  if (actor === 'ENTERPRISE') return LISTING_ENTERPRISE_ROLES.some((role) => caller.roles.includes(role));
  const issuers = LISTING_ISSUERS[listing.level];
  return (actor === 'ISSUER_LISTS' ? issuers.lists : issuers.decides).some((rule) =>
    satisfies(rule, caller, listing),
  );
}

// ---------------------------------------------------------------------------------------------
// Guards.
// ---------------------------------------------------------------------------------------------

export interface ListedHazardFacts {
  id: string;
  grade: HazardGrade;
  status: HazardStatus;
  enterpriseId: string | null;
  /** Another listing (proposed or in force) already holds it. */
  inOpenListing: boolean;
  planApproved: boolean;
}

/** Statuses a hazard can be listed in: confirmed and not yet accepted. */
export const LISTABLE_STATUSES: readonly HazardStatus[] = [
  HazardStatus.CONFIRMED,
  HazardStatus.RECTIFYING,
  HazardStatus.PENDING_ACCEPTANCE,
];

/** A listing holds MAJOR hazards of one enterprise, none already under another listing (domain §5.7.2). */
export function proposalProblems(
  requestedIds: readonly string[],
  hazards: readonly ListedHazardFacts[],
  input: { level: ListingLevel; deadline: string; today: string },
): Problems {
  const problems: Problems = {};
  if (!COUNTY_LEVELS.includes(input.level))
    problems.level = 'city and provincial listings are issued outside the county platform';
  if (input.deadline <= input.today) problems.deadline = 'the rectification deadline must be after today';
  if (requestedIds.length === 0) {
    problems.hazardIds = 'list at least one major hazard';
    return problems;
  }
  const missing = requestedIds.filter((id) => !hazards.some((h) => h.id === id));
  const general = hazards.filter((h) => h.grade !== HazardGrade.MAJOR);
  const enterprises = new Set(hazards.map((h) => h.enterpriseId));
  if (missing.length) problems.hazardIds = `unknown hazards: ${missing.join(', ')}`;
  else if (general.length)
    problems.hazardIds = `only MAJOR hazards are listed; GENERAL: ${general.map((h) => h.id).join(', ')}`;
  else if (enterprises.has(null))
    problems.hazardIds = 'a public-area hazard has no enterprise to list; the responsible body rectifies it';
  else if (enterprises.size > 1) problems.hazardIds = 'a listing holds the hazards of one enterprise';
  else if (hazards.some((h) => !LISTABLE_STATUSES.includes(h.status)))
    problems.hazardIds = 'only confirmed hazards not yet accepted are listed';
  else if (hazards.some((h) => h.inOpenListing))
    problems.hazardIds = 'a hazard is already under another listing';
  return problems;
}

/** LISTED → RECTIFYING: every hazard's rectification plan approved by the principal (令第16号 第15条). */
export function startRectificationProblems(hazards: readonly ListedHazardFacts[]): Problems {
  const without = hazards.filter((h) => !h.planApproved);
  return without.length
    ? {
        hazardIds: `approve the rectification plan of every hazard first: ${without.map((h) => h.id).join(', ')}`,
      }
    : {};
}

/** Precedent of domain §5.7.2 (青岛 "3+X"), used as default [D]. */
export const EXTENSION_NOTICE_WORKING_DAYS = 20;
export const EXTENSION_DECISION_WORKING_DAYS = 10;

/** The last day an extension may be requested: 20 working days before the deadline still count. */
export function lastExtensionRequestDay(
  deadline: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): string {
  // The latest day d with addWorkingDays(d, 20) ≤ deadline; scanning back a few months is plenty.
  let day = deadline;
  for (let i = 0; i < 120; i++) {
    day = addDays(day, -1);
    if (addWorkingDays(day, EXTENSION_NOTICE_WORKING_DAYS, overrides) <= deadline) return day;
  }
  throw new RangeError('no request day found: the calendar is corrupt');
}

export function extensionRequestProblems(input: { deadline: string; newDeadline: string }): Problems {
  return input.newDeadline <= input.deadline
    ? { newDeadline: `an extension moves the deadline beyond ${input.deadline}` }
    : {};
}

/** Requested in time: at least 20 working days before the deadline. */
export function extensionRequestInTime(
  today: string,
  deadline: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): boolean {
  return addWorkingDays(today, EXTENSION_NOTICE_WORKING_DAYS, overrides) <= deadline;
}

/** The issuer decides within 10 working days of the request. */
export function extensionDecisionDue(
  requestedOn: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): string {
  return addWorkingDays(requestedOn, EXTENSION_DECISION_WORKING_DAYS, overrides);
}

/** Delisting is applied for when every hazard awaits or passed acceptance (domain §5.7.2). */
export function delistingApplicationProblems(hazards: readonly ListedHazardFacts[]): Problems {
  const open = hazards.filter(
    (h) => h.status !== HazardStatus.PENDING_ACCEPTANCE && h.status !== HazardStatus.ACCEPTED,
  );
  return open.length
    ? {
        hazardIds: `every hazard must be pending acceptance or accepted: ${open.map((h) => h.id).join(', ')}`,
      }
    : {};
}

/** 摘牌 closes the hazards (销号, row 10): each must have passed its on-site acceptance. */
export function delistProblems(hazards: readonly ListedHazardFacts[]): Problems {
  const open = hazards.filter((h) => h.status !== HazardStatus.ACCEPTED);
  return open.length
    ? { hazardIds: `accept every hazard on site before delisting: ${open.map((h) => h.id).join(', ')}` }
    : {};
}

// ---------------------------------------------------------------------------------------------
// Overdue, escalation, the SAC office's queue, notice numbers.
// ---------------------------------------------------------------------------------------------

/** The statuses in which the deadline binds the enterprise (OVERDUE is derived from them). */
export const RUNNING_STATUSES: readonly ListingStatus[] = ['LISTED', 'RECTIFYING', 'EXTENSION_REQUESTED'];

export function listingOverdue(listing: { status: ListingStatus; deadline: string }, today: string): boolean {
  return RUNNING_STATUSES.includes(listing.status) && today > listing.deadline;
}

/** Once per crossing: overdue and this deadline not yet notified. */
export function overdueCrossing(
  listing: { status: ListingStatus; deadline: string; overdueNotifiedFor: string | null },
  today: string,
): boolean {
  return listingOverdue(listing, today) && listing.overdueNotifiedFor !== listing.deadline;
}

const ESCALATION: readonly ListingLevel[] = ['TOWNSHIP', 'COUNTY_DEPT', 'COUNTY_SAC', 'CITY', 'PROVINCE'];

/** Overdue escalates to the next level up (domain §5.7.2); a provincial listing stays provincial. */
export function escalationLevel(level: ListingLevel): ListingLevel {
  return ESCALATION[Math.min(ESCALATION.indexOf(level) + 1, ESCALATION.length - 1)]!;
}

/** Every MAJOR hazard is evaluated for listing within 5 working days of confirmation [D]. */
export const EVALUATION_WORKING_DAYS = 5;

export function evaluationDue(
  confirmedOn: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): string {
  return addWorkingDays(confirmedOn, EVALUATION_WORKING_DAYS, overrides);
}

export function evaluationOverdue(
  confirmedOn: string,
  today: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): boolean {
  return today > evaluationDue(confirmedOn, overrides);
}

/** 督办通知书 number: DB-YYYY-nnn, numbered per year. */
export function listingNoticeNo(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999) throw new RangeError(`listing sequence ${sequence} out of range`);
  return `DB-${year}-${String(sequence).padStart(3, '0')}`;
}

/** Default progress cadence (督办进展报告) in days [D]. */
export const DEFAULT_PROGRESS_CADENCE_DAYS = 15;

/** Who records a decision not to list (§5.7.2: the SAC office keeps the unlisted queue). */
export const NOT_LISTED_DECIDER_ROLES: readonly Role[] = [Role.SAC_OFFICE];

/**
 * Guards of "decide not to list" [D]: a reason, and a hazard that would sit in the SAC office's queue —
 * a confirmed MAJOR hazard of an enterprise, listable, held by no open listing, not already decided.
 */
export function notListedDecisionProblems(input: {
  reason: string;
  hazard: { grade: HazardGrade; enterpriseId: string | null; confirmedAt: Date | null; status: HazardStatus };
  heldByOpenListing: boolean;
}): Problems {
  const problems: Problems = {};
  if (!input.reason.trim()) problems.reason = 'a reason is required';
  const { hazard } = input;
  if (hazard.grade !== HazardGrade.MAJOR) problems.hazardId = 'only MAJOR hazards are evaluated for listing';
  else if (!hazard.enterpriseId) problems.hazardId = 'a public-area hazard is not listed';
  else if (!hazard.confirmedAt || !LISTABLE_STATUSES.includes(hazard.status))
    problems.hazardId = `a hazard in ${hazard.status} is not in the listing queue`;
  else if (input.heldByOpenListing) problems.hazardId = 'the hazard is already held by a listing';
  return problems;
}
