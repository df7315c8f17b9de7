import { Role } from '@safety/auth';
import { addDays, addYears, localDate } from '@safety/subgraph-kit';
import { Decimal } from 'decimal.js';
import {
  AcceptanceTier,
  AssignmentLeg,
  EvidenceKind,
  HazardDetermination,
  HazardGrade,
  HazardSource,
  HazardStatus,
  InterimMeasureKind,
} from './hazard.enums.js';

// ---------------------------------------------------------------------------------------------
// Parties: who acts on a hazard, as far as the lifecycle rules care.
// ---------------------------------------------------------------------------------------------

/**
 * A party to a hazard. Role-based parties come from the caller's roles; FINDER is relational
 * (the person who found it); SYSTEM is the platform itself (rows 7 and 10, system-rule hazards).
 */
export type HazardParty =
  | 'REGULATOR'
  | 'COUNTY'
  | 'ENTERPRISE'
  | 'ENTERPRISE_STAFF'
  | 'GRID'
  | 'FINDER'
  | 'SYSTEM';

const PARTY_ROLES: Record<Exclude<HazardParty, 'FINDER' | 'SYSTEM'>, readonly Role[]> = {
  REGULATOR: [
    Role.COUNTY_LEADER,
    Role.SAC_OFFICE,
    Role.EMB_STAFF,
    Role.EMB_ENFORCER,
    Role.INDUSTRY_REGULATOR,
    Role.TOWNSHIP_OFFICER,
    Role.STATIONED_SUPERVISOR,
  ],
  // 县级验收 (H-1): the county government acts through its leaders and the SAC office.
  COUNTY: [Role.COUNTY_LEADER, Role.SAC_OFFICE],
  // "Enterprise" decisions are taken by its management (domain §5.1), not by workers.
  ENTERPRISE: [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_DIRECTOR, Role.ENT_SAFETY_MANAGER],
  ENTERPRISE_STAFF: [Role.ENT_STAFF],
  // Grid staff report hazards but do not decide on them (domain §2.3).
  GRID: [Role.VILLAGE_GRID],
};

/** Roles that may report a hazard (domain §5.6 row 1). */
export const HAZARD_REPORTER_ROLES: Role[] = [
  ...PARTY_ROLES.REGULATOR,
  ...PARTY_ROLES.GRID,
  ...PARTY_ROLES.ENTERPRISE,
  ...PARTY_ROLES.ENTERPRISE_STAFF,
];
/** Roles that may act on a hazard after its report (the rows' actors decide the rest). */
export const HAZARD_HANDLER_ROLES: Role[] = HAZARD_REPORTER_ROLES;
/** Roles of regulators (government findings, re-grading, reopening). */
export const HAZARD_REGULATOR_ROLES: Role[] = [...PARTY_ROLES.REGULATOR];
/** Roles that manage an enterprise's hazards (plans, rectification). */
export const HAZARD_ENTERPRISE_ROLES: Role[] = [...PARTY_ROLES.ENTERPRISE];

/** The parties a caller is to a hazard. */
export function partiesOf(
  caller: { id: string; roles: readonly Role[] },
  hazard?: { foundById: string | null },
): HazardParty[] {
  const parties = (Object.keys(PARTY_ROLES) as Array<keyof typeof PARTY_ROLES>).filter((party) =>
    PARTY_ROLES[party].some((role) => caller.roles.includes(role)),
  ) as HazardParty[];
  if (hazard?.foundById && hazard.foundById === caller.id) parties.push('FINDER');
  return parties;
}

const ENTERPRISE_SOURCES: readonly HazardSource[] = [
  HazardSource.ENTERPRISE_SELF_CHECK,
  HazardSource.STAFF_REPORT,
];
/** H-5: the sources that count as "found by government" for treating a major hazard as an accident. */
export const GOVERNMENT_SOURCES: readonly HazardSource[] = [
  HazardSource.GOV_INSPECTION,
  HazardSource.SPECIAL_CAMPAIGN,
  HazardSource.LEADER_INSPECTION,
];
/** Creation transition ∅ → CONFIRMED: a recorded inspection finding or a verified whistleblower report. */
export const GOVERNMENT_FINDING_SOURCES: readonly HazardSource[] = [
  HazardSource.GOV_INSPECTION,
  HazardSource.WHISTLEBLOWER,
];

export function foundByEnterprise(hazard: { source: HazardSource }): boolean {
  return ENTERPRISE_SOURCES.includes(hazard.source);
}

/** Enterprises report only what they found themselves; SYSTEM_RULE hazards come from rules, never from a person. */
export function sourceProblem(parties: readonly HazardParty[], source: HazardSource): string | null {
  if (source === HazardSource.SYSTEM_RULE) return 'SYSTEM_RULE hazards are created by the platform only';
  const governmentSide = parties.includes('REGULATOR') || parties.includes('GRID');
  if (!governmentSide && !ENTERPRISE_SOURCES.includes(source))
    return 'enterprise users report ENTERPRISE_SELF_CHECK or STAFF_REPORT hazards';
  return null;
}

// ---------------------------------------------------------------------------------------------
// H-1 graded acceptance.
// ---------------------------------------------------------------------------------------------

/** Levels of a supervised listing (domain §5.7.2). */
export type ListingLevel = 'COUNTY_SAC' | 'COUNTY_DEPT' | 'TOWNSHIP' | 'CITY' | 'PROVINCE';

/**
 * H-1: GENERAL found by the enterprise → SELF; GENERAL found by government → REGULATOR; MAJOR →
 * REGULATOR on site, COUNTY when the county (安委会, COUNTY_SAC) listed it. [tiers D]
 */
export function acceptanceTier(hazard: {
  grade: HazardGrade;
  source: HazardSource;
  listingLevel?: ListingLevel | null;
}): AcceptanceTier {
  if (hazard.grade === HazardGrade.MAJOR)
    return hazard.listingLevel === 'COUNTY_SAC' ? AcceptanceTier.COUNTY : AcceptanceTier.REGULATOR;
  return foundByEnterprise(hazard) ? AcceptanceTier.SELF : AcceptanceTier.REGULATOR;
}

// ---------------------------------------------------------------------------------------------
// The state machine (domain §5.6 rows 1–12 and the creation transitions), as data.
// ---------------------------------------------------------------------------------------------

/** The facts the actors of a row depend on. */
export interface HazardFacts {
  grade: HazardGrade;
  source: HazardSource;
  acceptanceTier: AcceptanceTier;
}

/** The use case (GraphQL mutation or system hook) that performs a row. */
export type HazardOperation =
  | 'reportHazard'
  | 'saveHazardDraft'
  | 'submitHazard'
  | 'recordGovernmentFinding'
  | 'raiseSystemHazard'
  | 'fixOnSpot'
  | 'confirmHazard'
  | 'rejectHazard'
  | 'startRectification'
  | 'requestAcceptance'
  | 'acceptHazard'
  | 'failAcceptance'
  | 'closeHazard'
  | 'regradeHazard'
  | 'reopenHazard';

export interface HazardTransition {
  /** Domain §5.6 row ('C…' for the creation transitions). */
  row: string;
  /** null: the hazard is created by this transition. */
  from: HazardStatus | null;
  to: HazardStatus;
  operation: HazardOperation;
  actors: (hazard: HazardFacts) => HazardParty[];
  /** The guard and side effects, in the spec's words. */
  guard: string;
  needsReason: boolean;
}

const REPORTERS: HazardParty[] = ['ENTERPRISE', 'ENTERPRISE_STAFF', 'REGULATOR', 'GRID'];
const reporters = () => REPORTERS;
const regulator = (): HazardParty[] => ['REGULATOR'];
const enterprise = (): HazardParty[] => ['ENTERPRISE'];
const system = (): HazardParty[] => ['SYSTEM'];
/** Row 3: the enterprise's safety management confirms its own GENERAL finds; regulators anything found by government and any MAJOR. */
export const confirmers = (hazard: HazardFacts): HazardParty[] =>
  hazard.grade === HazardGrade.GENERAL && foundByEnterprise(hazard) ? ['ENTERPRISE'] : ['REGULATOR'];
/** Row 8: the acceptor follows the H-1 tier. */
export const acceptors = (hazard: HazardFacts): HazardParty[] =>
  hazard.acceptanceTier === AcceptanceTier.SELF
    ? ['ENTERPRISE']
    : hazard.acceptanceTier === AcceptanceTier.COUNTY
      ? ['COUNTY']
      : ['REGULATOR'];

/** Every transition a hazard may take. Any other is forbidden (CONFLICT). */
export const HAZARD_TRANSITIONS: readonly HazardTransition[] = [
  {
    row: 'C1',
    from: null,
    to: HazardStatus.DRAFT,
    operation: 'saveHazardDraft',
    actors: reporters,
    guard: 'none: a draft is completed before it is reported',
    needsReason: false,
  },
  {
    row: 'C2',
    from: null,
    to: HazardStatus.REPORTED,
    operation: 'reportHazard',
    actors: reporters,
    guard: 'as row 1: description + ≥1 photo or a reason',
    needsReason: false,
  },
  {
    row: 'C3',
    from: null,
    to: HazardStatus.CONFIRMED,
    operation: 'recordGovernmentFinding',
    actors: regulator,
    guard: 'recorded inspection finding or verified whistleblower report; as row 3',
    needsReason: false,
  },
  {
    row: 'C4',
    from: null,
    to: HazardStatus.REPORTED,
    operation: 'raiseSystemHazard',
    actors: system,
    guard: 'system-rule hazards (5.5, 4.10, 7.5) for the responsible regulator to confirm',
    needsReason: false,
  },
  {
    row: '1',
    from: HazardStatus.DRAFT,
    to: HazardStatus.REPORTED,
    operation: 'submitHazard',
    actors: reporters,
    guard: 'description + ≥1 photo or reason',
    needsReason: false,
  },
  {
    row: '2',
    from: HazardStatus.REPORTED,
    to: HazardStatus.FIXED_ON_SPOT,
    operation: 'fixOnSpot',
    actors: () => ['FINDER', 'ENTERPRISE'],
    guard: 'only GENERAL; 即知即改; after-photo required',
    needsReason: false,
  },
  {
    row: '3',
    from: HazardStatus.REPORTED,
    to: HazardStatus.CONFIRMED,
    operation: 'confirmHazard',
    actors: confirmers,
    guard: 'grade, deadline, assignments set; MAJOR emits MajorHazardConfirmed',
    needsReason: false,
  },
  {
    row: '4',
    from: HazardStatus.REPORTED,
    to: HazardStatus.REJECTED,
    operation: 'rejectHazard',
    actors: confirmers,
    guard: 'reason (NOT_A_HAZARD, DUPLICATE + ref)',
    needsReason: true,
  },
  {
    row: '5',
    from: HazardStatus.CONFIRMED,
    to: HazardStatus.RECTIFYING,
    operation: 'startRectification',
    actors: enterprise,
    guard: 'MAJOR: plan attached and approved by principal; interim measures recorded',
    needsReason: false,
  },
  {
    row: '6',
    from: HazardStatus.RECTIFYING,
    to: HazardStatus.PENDING_ACCEPTANCE,
    operation: 'requestAcceptance',
    actors: enterprise,
    guard: 'after-evidence; MAJOR: completion report and, if suspended, a resumption application',
    needsReason: false,
  },
  {
    row: '7',
    from: HazardStatus.FIXED_ON_SPOT,
    to: HazardStatus.PENDING_ACCEPTANCE,
    operation: 'fixOnSpot',
    actors: system,
    guard: 'immediate',
    needsReason: false,
  },
  {
    row: '8',
    from: HazardStatus.PENDING_ACCEPTANCE,
    to: HazardStatus.ACCEPTED,
    operation: 'acceptHazard',
    actors: acceptors,
    guard: 'per acceptanceTier; SELF: acceptor ≠ rectifier; MAJOR: on-site acceptance by regulator',
    needsReason: false,
  },
  {
    row: '9',
    from: HazardStatus.PENDING_ACCEPTANCE,
    to: HazardStatus.RECTIFYING,
    operation: 'failAcceptance',
    actors: acceptors,
    guard: 'failed acceptance; reason; deadline may be kept or reset',
    needsReason: true,
  },
  {
    row: '10',
    from: HazardStatus.ACCEPTED,
    to: HazardStatus.CLOSED,
    operation: 'closeHazard',
    actors: system,
    guard: 'at once when not listed; a listed hazard waits for delisting (5.7.2) — 销号',
    needsReason: false,
  },
  {
    row: '11',
    from: HazardStatus.CONFIRMED,
    to: HazardStatus.CONFIRMED,
    operation: 'regradeHazard',
    actors: regulator,
    guard: 'GENERAL ↔ MAJOR with reason; re-grade up triggers listing evaluation',
    needsReason: true,
  },
  {
    row: '11',
    from: HazardStatus.RECTIFYING,
    to: HazardStatus.CONFIRMED,
    operation: 'regradeHazard',
    actors: regulator,
    guard: 'GENERAL ↔ MAJOR with reason; re-grade up triggers listing evaluation',
    needsReason: true,
  },
  {
    row: '12',
    from: HazardStatus.CLOSED,
    to: HazardStatus.REOPENED,
    operation: 'reopenHazard',
    actors: regulator,
    guard: 'recurrence found within 30 days of closing',
    needsReason: true,
  },
  {
    row: '12',
    from: HazardStatus.REOPENED,
    to: HazardStatus.RECTIFYING,
    operation: 'reopenHazard',
    actors: regulator,
    guard: 'recurrence found within 30 days of closing',
    needsReason: true,
  },
];

export function transitionOf(from: HazardStatus | null, to: HazardStatus): HazardTransition | undefined {
  return HAZARD_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The row an operation performs from a status (the first row when an operation chains two). */
export function transitionFor(
  operation: HazardOperation,
  from: HazardStatus | null,
): HazardTransition | undefined {
  return HAZARD_TRANSITIONS.find((t) => t.operation === operation && t.from === from);
}

export type TransitionDecision = 'ALLOWED' | 'ILLEGAL' | 'NOT_PERMITTED';

/** ILLEGAL: no such edge in the state machine; NOT_PERMITTED: the edge exists but not for these parties. */
export function decide(
  transition: HazardTransition | undefined,
  hazard: HazardFacts,
  parties: readonly HazardParty[],
): TransitionDecision {
  if (!transition) return 'ILLEGAL';
  return transition.actors(hazard).some((party) => parties.includes(party)) ? 'ALLOWED' : 'NOT_PERMITTED';
}

/** The decision for moving a hazard in `status` to `to`. */
export function decideTransition(
  hazard: HazardFacts & { status: HazardStatus },
  to: HazardStatus,
  parties: readonly HazardParty[],
): TransitionDecision {
  return decide(transitionOf(hazard.status, to), hazard, parties);
}

// ---------------------------------------------------------------------------------------------
// Guards (each returns the failing input fields and why; empty when satisfied).
// ---------------------------------------------------------------------------------------------

export type Problems = Record<string, string>;

/** A file id from the gateway's `POST /files`: the content's SHA-256 in hex (architecture §8). */
export const FILE_ID = /^[0-9a-f]{64}$/;

export interface EvidenceFacts {
  fileId: string;
  kind: EvidenceKind;
}

const has = (evidence: readonly EvidenceFacts[], kind: EvidenceKind) => evidence.some((e) => e.kind === kind);

/** Row 1 (and every creation that reports): a description and ≥1 photo, or a reason why there is none. */
export function reportProblems(input: {
  description?: string | null;
  evidence: readonly EvidenceFacts[];
  noPhotoReason?: string | null;
}): Problems {
  const problems: Problems = {};
  if (!input.description?.trim()) problems.description = 'describe the hazard';
  if (!has(input.evidence, EvidenceKind.BEFORE) && !input.noPhotoReason?.trim())
    problems.evidence = 'add at least one photo of the hazard (BEFORE), or say why there is none';
  return problems;
}

/** Row 2: only GENERAL hazards are fixed on the spot, with a photo after the fix. */
export function fixOnSpotProblems(
  hazard: { grade: HazardGrade },
  evidence: readonly EvidenceFacts[],
): Problems {
  const problems: Problems = {};
  if (hazard.grade !== HazardGrade.GENERAL)
    problems.grade = 'only GENERAL hazards can be fixed on the spot (即知即改)';
  if (!has(evidence, EvidenceKind.AFTER)) problems.evidence = 'add a photo after the fix (AFTER)';
  return problems;
}

/**
 * Row 3 (and ∅ → CONFIRMED, row 11 up): a MAJOR hazard says how it was judged; STANDARD_CLAUSE names
 * its criterion (domain §5.7.1), EXPERT_JUDGEMENT carries the expert opinion file.
 */
export function determinationProblems(input: {
  grade: HazardGrade;
  determination?: HazardDetermination | null;
  criterionId?: string | null;
  expertOpinionFileId?: string | null;
}): Problems {
  const problems: Problems = {};
  if (input.grade === HazardGrade.MAJOR && !input.determination)
    problems.determination = 'say how the major hazard was determined';
  if (input.determination === HazardDetermination.STANDARD_CLAUSE && !input.criterionId?.trim())
    problems.criterionId = 'name the criterion of the determination standard';
  if (input.determination === HazardDetermination.EXPERT_JUDGEMENT && !input.expertOpinionFileId)
    problems.expertOpinionFileId = 'attach the expert opinion';
  return problems;
}

/** Interim measures that mean the enterprise (or part of it) stopped producing (H-3). */
export function suspended(measures: ReadonlyArray<{ kind: InterimMeasureKind }>): boolean {
  return measures.some(
    (m) => m.kind === InterimMeasureKind.FULL_SUSPENSION || m.kind === InterimMeasureKind.PARTIAL_SUSPENSION,
  );
}

/** Row 5: a MAJOR hazard starts rectification only with a principal-approved plan and interim measures. */
export function startRectificationProblems(hazard: {
  grade: HazardGrade;
  planApproved: boolean;
  interimMeasures: ReadonlyArray<{ kind: InterimMeasureKind }>;
}): Problems {
  const problems: Problems = {};
  if (hazard.grade !== HazardGrade.MAJOR) return problems;
  if (!hazard.planApproved)
    problems.plan = 'a major hazard needs its rectification plan approved by the principal first';
  if (hazard.interimMeasures.length === 0)
    problems.interimMeasures = 'record the interim measures taken while the major hazard is rectified';
  return problems;
}

/** Row 6: evidence of the fix; for MAJOR also the completion report and, after a suspension, the resumption application. */
export function requestAcceptanceProblems(hazard: {
  grade: HazardGrade;
  evidence: readonly EvidenceFacts[];
  interimMeasures: ReadonlyArray<{ kind: InterimMeasureKind }>;
}): Problems {
  const problems: Problems = {};
  const missing: string[] = [];
  if (!has(hazard.evidence, EvidenceKind.AFTER)) missing.push('evidence after rectification (AFTER)');
  if (hazard.grade === HazardGrade.MAJOR) {
    if (!has(hazard.evidence, EvidenceKind.COMPLETION_REPORT)) missing.push('the completion report');
    if (suspended(hazard.interimMeasures) && !has(hazard.evidence, EvidenceKind.RESUMPTION_APPLICATION))
      missing.push('the resumption application (the enterprise was suspended)');
  }
  if (missing.length) problems.evidence = `add ${missing.join(', ')}`;
  return problems;
}

/** Row 8: the self-acceptor is not the rectifier (H-1); a major hazard is accepted on site. */
export function acceptProblems(
  hazard: { grade: HazardGrade; acceptanceTier: AcceptanceTier; rectifiedById: string | null },
  acceptance: { acceptorId: string; onSite: boolean },
): Problems {
  const problems: Problems = {};
  if (hazard.acceptanceTier === AcceptanceTier.SELF && hazard.rectifiedById === acceptance.acceptorId)
    problems.hazardId = 'self-acceptance must be done by a different person from the rectifier';
  if (hazard.grade === HazardGrade.MAJOR && !acceptance.onSite)
    problems.onSite = 'a major hazard is accepted on site';
  return problems;
}

/** Row 8: the regulator reviews a resumption application within 10 days [K: 令第16号 第23条]. */
export const RESUMPTION_REVIEW_DAYS = 10;
export function resumptionReviewDue(applicationDate: Date | null): string | null {
  return applicationDate ? addDays(localDate(applicationDate), RESUMPTION_REVIEW_DAYS) : null;
}

/** Row 12: recurrence found within 30 days of closing [D]. */
export const REOPEN_WINDOW_DAYS = 30;
export function reopenWindowOpen(closedAt: Date | null, now: Date): boolean {
  return closedAt !== null && now.getTime() - closedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
}

/** Row 10: an accepted hazard closes at once unless a supervised listing holds it until delisting. */
export function closesOnAcceptance(hazard: { listingId: string | null }): boolean {
  return hazard.listingId === null;
}

// ---------------------------------------------------------------------------------------------
// H-2 double assignment.
// ---------------------------------------------------------------------------------------------

export interface Assignment {
  leg: AssignmentLeg;
  enterpriseId: string | null;
  orgUnitIds: string[];
  townshipCode: string | null;
}

/**
 * H-2: every hazard found by government and every MAJOR hazard gets both legs: the enterprise
 * (or the responsible body of a public-area hazard) rectifies; the town and the industry regulators oversee.
 */
export function assignmentsFor(hazard: {
  grade: HazardGrade;
  source: HazardSource;
  enterpriseId: string | null;
  orgUnitId: string | null;
  townshipCode: string | null;
  regulatorOrgIds: readonly string[];
}): Assignment[] {
  if (hazard.grade !== HazardGrade.MAJOR && foundByEnterprise(hazard)) return [];
  return [
    {
      leg: AssignmentLeg.ENTERPRISE_RECTIFICATION,
      enterpriseId: hazard.enterpriseId,
      orgUnitIds: hazard.enterpriseId ? [] : [hazard.orgUnitId].filter((id): id is string => !!id),
      townshipCode: null,
    },
    {
      leg: AssignmentLeg.SUPERVISOR_OVERSIGHT,
      enterpriseId: null,
      orgUnitIds: [...hazard.regulatorOrgIds],
      townshipCode: hazard.townshipCode,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Deadlines, overdue (derived flag of §5.6) and the H-4 reminder.
// ---------------------------------------------------------------------------------------------

/** Statuses in which a hazard can no longer be overdue (domain §5.6 derived flag). */
export const SETTLED_STATUSES: readonly HazardStatus[] = [
  HazardStatus.ACCEPTED,
  HazardStatus.CLOSED,
  HazardStatus.REJECTED,
];
/** Statuses not (yet) in the register: drafts and rejected reports. */
export const UNREGISTERED_STATUSES: readonly HazardStatus[] = [HazardStatus.DRAFT, HazardStatus.REJECTED];

/** Overdue once the deadline day has ended (23:59:59 local, domain §0.3) and the hazard is not settled. */
export function isOverdue(hazard: { status: HazardStatus; deadline: string | null }, now: Date): boolean {
  return (
    hazard.deadline !== null && !SETTLED_STATUSES.includes(hazard.status) && localDate(now) > hazard.deadline
  );
}

/** `HazardOverdue` is emitted once per crossing: a deadline already notified does not notify again. */
export function overdueCrossing(
  hazard: { status: HazardStatus; deadline: string | null; overdueNotifiedFor: string | null },
  now: Date,
): boolean {
  return isOverdue(hazard, now) && hazard.overdueNotifiedFor !== hazard.deadline;
}

/** A deadline must not precede the day the hazard was found, nor (when set now) today. */
export function deadlineProblem(deadline: string, foundAt: Date, now?: Date): string | null {
  if (deadline < localDate(foundAt)) return 'the deadline cannot be before the day the hazard was found';
  if (now && deadline < localDate(now)) return 'the deadline cannot be in the past';
  return null;
}

/** H-4 [D]: a MAJOR hazard without an approved plan 7 days after confirmation raises a reminder. */
export const PLAN_DUE_DAYS = 7;
export function planReminderDue(
  hazard: {
    grade: HazardGrade;
    status: HazardStatus;
    confirmedAt: Date | null;
    planApproved: boolean;
    planRemindedFor: Date | null;
  },
  now: Date,
): boolean {
  if (hazard.grade !== HazardGrade.MAJOR || hazard.planApproved || !hazard.confirmedAt) return false;
  if (hazard.status !== HazardStatus.CONFIRMED && hazard.status !== HazardStatus.RECTIFYING) return false;
  if (hazard.planRemindedFor?.getTime() === hazard.confirmedAt.getTime()) return false;
  return now.getTime() - hazard.confirmedAt.getTime() >= PLAN_DUE_DAYS * 86_400_000;
}

// ---------------------------------------------------------------------------------------------
// H-5 当作事故对待, H-6 repeat detection.
// ---------------------------------------------------------------------------------------------

/** The month-shifted day, clamped to the month's end (as `addYears`, 民法典 第202条). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** H-5 windows [D]: self-reports closed within 90 days, regulator inspections within 6 months. */
export const SELF_REPORT_WINDOW_DAYS = 90;
export const INSPECTION_WINDOW_MONTHS = 6;

export interface PriorHazard {
  id: string;
  source: HazardSource;
  status: HazardStatus;
  criterionId: string | null;
  riskPointId: string | null;
  category?: string | null;
  foundAt: Date;
  closedAt: Date | null;
}

/** A regulator's inspection of the enterprise (from supervision; none exist yet, so today the list is empty). */
export interface RegulatorInspection {
  orgUnitId: string;
  inspectedAt: Date;
  /** Whether the inspection recorded this hazard. */
  foundIt: boolean;
}

export interface TreatAsAccidentDecision {
  treatAsAccident: boolean;
  /** Regulators that inspected within 6 months without finding it (accountability candidates). */
  regulatorOrgIds: string[];
}

/**
 * H-5 [SEED; windows D]: a MAJOR hazard confirmed from a government or whistleblower source, where the
 * enterprise had no open or recently closed (90 days) self-reported hazard with the same criterion or
 * risk point, is treated as an accident.
 */
export function treatAsAccident(
  hazard: {
    grade: HazardGrade;
    source: HazardSource;
    criterionId: string | null;
    riskPointId: string | null;
    foundAt: Date;
  },
  selfReports: readonly PriorHazard[],
  inspections: readonly RegulatorInspection[],
): TreatAsAccidentDecision {
  const none = { treatAsAccident: false, regulatorOrgIds: [] };
  if (hazard.grade !== HazardGrade.MAJOR) return none;
  if (!GOVERNMENT_SOURCES.includes(hazard.source) && hazard.source !== HazardSource.WHISTLEBLOWER)
    return none;
  const found = localDate(hazard.foundAt);
  const windowStart = addDays(found, -SELF_REPORT_WINDOW_DAYS);
  const reportedItself = selfReports.some((prior) => {
    if (!foundByEnterprise(prior) || UNREGISTERED_STATUSES.includes(prior.status)) return false;
    if (prior.foundAt.getTime() > hazard.foundAt.getTime()) return false;
    const same =
      (hazard.criterionId !== null && prior.criterionId === hazard.criterionId) ||
      (hazard.riskPointId !== null && prior.riskPointId === hazard.riskPointId);
    if (!same) return false;
    const closed = prior.status === HazardStatus.CLOSED || prior.status === HazardStatus.ACCEPTED;
    if (!closed) return true;
    return prior.closedAt === null || localDate(prior.closedAt) >= windowStart;
  });
  if (reportedItself) return none;
  const inspectionStart = addMonths(found, -INSPECTION_WINDOW_MONTHS);
  const regulatorOrgIds = [
    ...new Set(
      inspections
        .filter(
          (i) => !i.foundIt && localDate(i.inspectedAt) >= inspectionStart && i.inspectedAt <= hazard.foundAt,
        )
        .map((i) => i.orgUnitId),
    ),
  ];
  return { treatAsAccident: true, regulatorOrgIds };
}

/** H-6 window: 12 months after a previous closure. */
export const REPEAT_WINDOW_YEARS = 1;

/**
 * H-6 [SEED]: the most recently closed hazard of the same enterprise with the same criterion, or with
 * the same risk point and category, closed within 12 months before this one was found.
 */
export function findRepeat(
  hazard: {
    id?: string;
    criterionId: string | null;
    riskPointId: string | null;
    category: string | null;
    foundAt: Date;
  },
  closed: readonly PriorHazard[],
): PriorHazard | null {
  const windowStart = addYears(localDate(hazard.foundAt), -REPEAT_WINDOW_YEARS);
  const matches = closed.filter((prior) => {
    if (prior.id === hazard.id || prior.status !== HazardStatus.CLOSED || !prior.closedAt) return false;
    if (prior.closedAt.getTime() > hazard.foundAt.getTime()) return false;
    if (localDate(prior.closedAt) < windowStart) return false;
    return (
      (hazard.criterionId !== null && prior.criterionId === hazard.criterionId) ||
      (hazard.riskPointId !== null &&
        hazard.category !== null &&
        prior.riskPointId === hazard.riskPointId &&
        prior.category === hazard.category)
    );
  });
  matches.sort((a, b) => b.closedAt!.getTime() - a.closedAt!.getTime());
  return matches[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// H-7 periodic statistics form.
// ---------------------------------------------------------------------------------------------

export interface StatisticsPeriod {
  year: number;
  quarter: number | null;
  /** First and last local day of the period. */
  start: string;
  end: string;
  /** Filing due date [K: 令第16号 第14条]: the 15th of the month after the quarter; 31 January for the year. */
  dueDate: string;
}

export function statisticsPeriod(year: number, quarter: number | null): StatisticsPeriod {
  if (quarter === null) {
    return { year, quarter, start: `${year}-01-01`, end: `${year}-12-31`, dueDate: `${year + 1}-01-31` };
  }
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeError(`quarter ${quarter} out of range`);
  const firstMonth = (quarter - 1) * 3 + 1;
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, 3), -1);
  const dueDate = `${addMonths(start, 3).slice(0, 8)}15`;
  return { year, quarter, start, end, dueDate };
}

export interface StatisticsRow {
  grade: HazardGrade;
  status: HazardStatus;
  foundAt: Date;
  acceptedAt: Date | null;
  deadline: string | null;
  listingId: string | null;
}

export interface GradeStatistics {
  grade: HazardGrade;
  /** Registered in the period (found in it, neither draft nor rejected). */
  found: number;
  /** Rectified and accepted in the period. */
  fixed: number;
  /** Not yet accepted at the end of the period. */
  open: number;
  /** Open at the end of the period with the deadline already passed. */
  overdue: number;
  /** Of those open at the end or found in the period, the ones under a supervised listing. */
  listed: number;
  /** Of the hazards found in the period, the share accepted by its end, in percent (2 places), null when none found. */
  rectificationRate: string | null;
}

/** H-7: the form generated from records, one line per grade. */
export function hazardStatisticsForm(
  rows: readonly StatisticsRow[],
  period: StatisticsPeriod,
): GradeStatistics[] {
  const inPeriod = (instant: Date | null) =>
    instant !== null && localDate(instant) >= period.start && localDate(instant) <= period.end;
  const registered = rows.filter((r) => !UNREGISTERED_STATUSES.includes(r.status));
  return Object.values(HazardGrade).map((grade) => {
    const ofGrade = registered.filter((r) => r.grade === grade);
    const found = ofGrade.filter((r) => inPeriod(r.foundAt));
    const openAtEnd = ofGrade.filter(
      (r) =>
        localDate(r.foundAt) <= period.end && (r.acceptedAt === null || localDate(r.acceptedAt) > period.end),
    );
    const fixedOfFound = found.filter((r) => r.acceptedAt !== null && localDate(r.acceptedAt) <= period.end);
    const listed = new Set([...found, ...openAtEnd].filter((r) => r.listingId !== null));
    return {
      grade,
      found: found.length,
      fixed: ofGrade.filter((r) => inPeriod(r.acceptedAt)).length,
      open: openAtEnd.length,
      overdue: openAtEnd.filter((r) => r.deadline !== null && r.deadline < period.end).length,
      listed: listed.size,
      rectificationRate:
        found.length === 0
          ? null
          : new Decimal(fixedOfFound.length).times(100).dividedBy(found.length).toFixed(2),
    };
  });
}

/** `HZ-YYYY-nnnnnn` (domain §0.3). */
export function hazardCode(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999) throw new RangeError(`hazard sequence ${sequence} out of range`);
  return `HZ-${year}-${String(sequence).padStart(6, '0')}`;
}
