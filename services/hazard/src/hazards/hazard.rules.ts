import { Role } from '@safety/auth';
import { localDate } from '@safety/subgraph-kit';
import { HazardGrade, HazardSource, HazardStatus } from './hazard.enums.js';

/** Who acts on a hazard, as far as the lifecycle rules care. */
export type HazardActor = 'REGULATOR' | 'GRID' | 'ENTERPRISE' | 'ENTERPRISE_STAFF';

const ACTOR_ROLES: Record<HazardActor, readonly Role[]> = {
  REGULATOR: [
    Role.COUNTY_LEADER,
    Role.SAC_OFFICE,
    Role.EMB_STAFF,
    Role.EMB_ENFORCER,
    Role.INDUSTRY_REGULATOR,
    Role.TOWNSHIP_OFFICER,
    Role.STATIONED_SUPERVISOR,
  ],
  // Grid staff report hazards but do not decide on them (domain §2.3).
  GRID: [Role.VILLAGE_GRID],
  ENTERPRISE: [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_DIRECTOR, Role.ENT_SAFETY_MANAGER],
  ENTERPRISE_STAFF: [Role.ENT_STAFF],
};

/** Roles that may report a hazard (domain §5.6 rule 1). */
export const HAZARD_REPORTER_ROLES: Role[] = Object.values(ACTOR_ROLES).flat();
/** Roles that may move a hazard along its lifecycle. */
export const HAZARD_HANDLER_ROLES: Role[] = [...ACTOR_ROLES.REGULATOR, ...ACTOR_ROLES.ENTERPRISE];

/** The strongest actor a set of roles makes (a regulator who also holds an enterprise role acts as regulator). */
export function hazardActorOf(roles: readonly Role[]): HazardActor | null {
  const order: HazardActor[] = ['REGULATOR', 'ENTERPRISE', 'GRID', 'ENTERPRISE_STAFF'];
  return order.find((actor) => ACTOR_ROLES[actor].some((role) => roles.includes(role))) ?? null;
}

const ENTERPRISE_SOURCES: readonly HazardSource[] = [
  HazardSource.ENTERPRISE_SELF_CHECK,
  HazardSource.STAFF_REPORT,
];

function isEnterpriseSide(actor: HazardActor): boolean {
  return actor === 'ENTERPRISE' || actor === 'ENTERPRISE_STAFF';
}

/** Enterprises report only what they found themselves; SYSTEM_RULE hazards come from rules, never from a person. */
export function sourceProblem(actor: HazardActor, source: HazardSource): string | null {
  if (source === HazardSource.SYSTEM_RULE) return 'SYSTEM_RULE hazards are created by the platform only';
  if (isEnterpriseSide(actor) && !ENTERPRISE_SOURCES.includes(source))
    return 'enterprise users report ENTERPRISE_SELF_CHECK or STAFF_REPORT hazards';
  return null;
}

export interface HazardFacts {
  status: HazardStatus;
  grade: HazardGrade;
  source: HazardSource;
}

function foundByEnterprise(hazard: Pick<HazardFacts, 'source'>): boolean {
  return ENTERPRISE_SOURCES.includes(hazard.source);
}

/** H-1 graded acceptance: GENERAL found by the enterprise is accepted by itself, the rest by the regulator. */
export function acceptanceTier(hazard: Pick<HazardFacts, 'grade' | 'source'>): 'SELF' | 'REGULATOR' {
  return hazard.grade === HazardGrade.GENERAL && foundByEnterprise(hazard) ? 'SELF' : 'REGULATOR';
}

// Rule 3: the enterprise confirms only its own GENERAL self-check finds; regulators anything.
const confirmers = (hazard: HazardFacts): HazardActor[] =>
  hazard.grade === HazardGrade.GENERAL && foundByEnterprise(hazard)
    ? ['REGULATOR', 'ENTERPRISE']
    : ['REGULATOR'];
const acceptors = (hazard: HazardFacts): HazardActor[] =>
  acceptanceTier(hazard) === 'SELF' ? ['REGULATOR', 'ENTERPRISE'] : ['REGULATOR'];
const enterprise = (): HazardActor[] => ['ENTERPRISE'];

export interface HazardTransition {
  from: HazardStatus;
  to: HazardStatus;
  /** Domain §5.6 row number. */
  rule: number;
  actors: (hazard: HazardFacts) => HazardActor[];
  needsReason: boolean;
  /** Whether the transition sets the rectification deadline: required, optional, or not at all. */
  deadline: 'REQUIRED' | 'OPTIONAL' | 'NONE';
}

/** The transition table of domain §5.6 (first subset). Any transition not listed is forbidden. */
export const HAZARD_TRANSITIONS: readonly HazardTransition[] = [
  {
    from: HazardStatus.REPORTED,
    to: HazardStatus.CONFIRMED,
    rule: 3,
    actors: confirmers,
    needsReason: false,
    deadline: 'REQUIRED',
  },
  {
    from: HazardStatus.REPORTED,
    to: HazardStatus.REJECTED,
    rule: 4,
    actors: confirmers,
    needsReason: true,
    deadline: 'NONE',
  },
  {
    from: HazardStatus.CONFIRMED,
    to: HazardStatus.RECTIFYING,
    rule: 5,
    actors: enterprise,
    needsReason: false,
    deadline: 'NONE',
  },
  {
    from: HazardStatus.RECTIFYING,
    to: HazardStatus.PENDING_ACCEPTANCE,
    rule: 6,
    actors: enterprise,
    needsReason: false,
    deadline: 'NONE',
  },
  // Rules 8 + 10 folded: acceptance closes an unlisted hazard at once.
  {
    from: HazardStatus.PENDING_ACCEPTANCE,
    to: HazardStatus.CLOSED,
    rule: 8,
    actors: acceptors,
    needsReason: false,
    deadline: 'NONE',
  },
  {
    from: HazardStatus.PENDING_ACCEPTANCE,
    to: HazardStatus.RECTIFYING,
    rule: 9,
    actors: acceptors,
    needsReason: true,
    deadline: 'OPTIONAL',
  },
];

export function transitionOf(from: HazardStatus, to: HazardStatus): HazardTransition | undefined {
  return HAZARD_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export type TransitionDecision = 'ALLOWED' | 'ILLEGAL' | 'NOT_PERMITTED';

/** ILLEGAL: no such edge in the state machine; NOT_PERMITTED: the edge exists but not for this actor. */
export function decideTransition(
  hazard: HazardFacts,
  to: HazardStatus,
  actor: HazardActor,
): TransitionDecision {
  const transition = transitionOf(hazard.status, to);
  if (!transition) return 'ILLEGAL';
  return transition.actors(hazard).includes(actor) ? 'ALLOWED' : 'NOT_PERMITTED';
}

/** Statuses in which a hazard can no longer be overdue (domain §5.6 derived flag; ACCEPTED folds into CLOSED). */
export const SETTLED_STATUSES: readonly HazardStatus[] = [HazardStatus.CLOSED, HazardStatus.REJECTED];

/** Overdue once the deadline day has ended (23:59:59 local, domain §0.3) and the hazard is not settled. */
export function isOverdue(hazard: { status: HazardStatus; deadline: string | null }, now: Date): boolean {
  return (
    hazard.deadline !== null && !SETTLED_STATUSES.includes(hazard.status) && localDate(now) > hazard.deadline
  );
}

/** A deadline must not precede the day the hazard was found, nor (when set now) today. */
export function deadlineProblem(deadline: string, foundAt: Date, now?: Date): string | null {
  if (deadline < localDate(foundAt)) return 'the deadline cannot be before the day the hazard was found';
  if (now && deadline < localDate(now)) return 'the deadline cannot be in the past';
  return null;
}

/** `HZ-YYYY-nnnnnn` (domain §0.3). */
export function hazardCode(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999) throw new RangeError(`hazard sequence ${sequence} out of range`);
  return `HZ-${year}-${String(sequence).padStart(6, '0')}`;
}
