import { ENTERPRISE_ROLES, Role } from '@safety/auth';
import { addYears } from '@safety/subgraph-kit';
import { EmergencyPlanStatus } from './emergency-plan.enums.js';

/**
 * Enterprises whose plans need expert review and an evaluation every 3 years (domain §8.2;
 * 《生产安全事故应急预案管理办法》第21条, 第35条): mines, metal smelting, construction, units that
 * produce, trade with storage or store dangerous goods, and fireworks production and wholesale.
 * Fireworks retail and dangerous-goods transport cannot be told apart by industry code yet [D].
 */
export const EVALUATION_MANDATORY_INDUSTRIES: readonly string[] = [
  'COAL_MINE',
  'NON_COAL_MINE',
  'METALLURGY',
  'CONSTRUCTION',
  'HAZCHEM_PRODUCTION',
  'HAZCHEM_STORAGE_TRADE',
  'FUEL_STATION',
  'URBAN_GAS',
  'FIREWORKS',
  'CIVIL_EXPLOSIVES',
];
/** 应急预案管理办法 第35条: every 3 years for the listed units. */
export const MANDATORY_EVALUATION_YEARS = 3;
/** Other enterprises set their own cycle (第35条 only asks for a periodic evaluation system); platform default [D]. */
export const DEFAULT_EVALUATION_YEARS = 3;

export interface PlanOwnerFacts {
  industryCode: string;
  /** Medium-sized or larger enterprises are also in the mandatory group; unknown until enterprise_ref carries the scale. */
  mediumOrLarger?: boolean;
}

export function evaluationMandatory(owner: PlanOwnerFacts): boolean {
  return EVALUATION_MANDATORY_INDUSTRIES.includes(owner.industryCode) || owner.mediumOrLarger === true;
}

/** 评审 for the mandatory group, 论证 otherwise (domain §8.2 `reviewMode`). */
export function reviewMode(owner: PlanOwnerFacts): 'EXPERT_REVIEW' | 'DEMONSTRATION' {
  return evaluationMandatory(owner) ? 'EXPERT_REVIEW' : 'DEMONSTRATION';
}

export function evaluationIntervalYears(
  owner: PlanOwnerFacts,
  otherYears = DEFAULT_EVALUATION_YEARS,
): number {
  return evaluationMandatory(owner) ? MANDATORY_EVALUATION_YEARS : otherYears;
}

/** The next evaluation is due one interval after the last one, or after filing if never evaluated. */
export function nextEvaluationDue(
  owner: PlanOwnerFacts,
  plan: { filedAt: string; lastEvaluatedAt: string | null },
  otherYears = DEFAULT_EVALUATION_YEARS,
): string {
  return addYears(plan.lastEvaluatedAt ?? plan.filedAt, evaluationIntervalYears(owner, otherYears));
}

/** Overdue once the due day has passed while the plan is in force. */
export function evaluationOverdue(
  plan: { status: EmergencyPlanStatus; nextEvaluationDue: string | null },
  today: string,
): boolean {
  return (
    plan.status === EmergencyPlanStatus.FILED &&
    plan.nextEvaluationDue !== null &&
    today > plan.nextEvaluationDue
  );
}

export type PlanEvent = 'EVALUATED_FIT' | 'EVALUATED_NEEDS_REVISION' | 'SUPERSEDED';

/** The plan state machine (first subset of domain §8.2); any transition not listed is forbidden. */
const TRANSITIONS: Array<[EmergencyPlanStatus, PlanEvent, EmergencyPlanStatus]> = [
  // ACTIVE → UNDER_EVALUATION → ACTIVE | REVISION_REQUIRED, the evaluation recorded in one step.
  [EmergencyPlanStatus.FILED, 'EVALUATED_FIT', EmergencyPlanStatus.FILED],
  [EmergencyPlanStatus.FILED, 'EVALUATED_NEEDS_REVISION', EmergencyPlanStatus.REVISION_REQUIRED],
  // The old version is superseded when a new one is filed.
  [EmergencyPlanStatus.DRAFTING, 'SUPERSEDED', EmergencyPlanStatus.SUPERSEDED],
  [EmergencyPlanStatus.FILED, 'SUPERSEDED', EmergencyPlanStatus.SUPERSEDED],
  [EmergencyPlanStatus.REVISION_REQUIRED, 'SUPERSEDED', EmergencyPlanStatus.SUPERSEDED],
];

/** The state after `event`, or null when the event is not allowed in `from`. */
export function nextPlanStatus(from: EmergencyPlanStatus, event: PlanEvent): EmergencyPlanStatus | null {
  return TRANSITIONS.find(([f, e]) => f === from && e === event)?.[2] ?? null;
}

/** The owner (the enterprise) files and evaluates its plans; the filing authorities may record both. */
export const PLAN_AUTHORITY_ROLES: Role[] = [
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
];
export const PLAN_EDITOR_ROLES: Role[] = [
  ...PLAN_AUTHORITY_ROLES,
  ...ENTERPRISE_ROLES.filter((role) => role !== Role.ENT_STAFF),
];

/** `EP-YYYY-nnnn`: a code with a type prefix and year (domain §0.3). */
export function planCode(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 9999) throw new RangeError(`plan sequence ${sequence} out of range`);
  return `EP-${year}-${String(sequence).padStart(4, '0')}`;
}
