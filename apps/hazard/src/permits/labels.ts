import type { StatusVariants } from '@safety/ui';
import type { PermitLevel, PermitStatus, PermitType, PermitWorkKind } from '../gql/graphql.js';

export const PERMIT_TYPES: readonly PermitType[] = [
  'HOT_WORK',
  'CONFINED_SPACE',
  'BLIND_PLATE',
  'WORK_AT_HEIGHT',
  'LIFTING',
  'TEMP_POWER',
  'EXCAVATION',
  'ROAD_BREAK',
];
export const HOT_WORK_LEVELS: readonly PermitLevel[] = ['SPECIAL', 'LEVEL_1', 'LEVEL_2'];
export const HEIGHT_LEVELS: readonly PermitLevel[] = ['I', 'II', 'III', 'IV'];
export const WORK_KINDS: readonly PermitWorkKind[] = [
  'WELDING',
  'THERMAL_CUTTING',
  'ELECTRICAL_LOW_VOLTAGE',
  'ELECTRICAL_HIGH_VOLTAGE',
  'SCAFFOLDING',
  'HEIGHT_INSTALLATION',
  'CRANE_OPERATION',
  'CRANE_SIGNALLING',
  'HAZCHEM_PROCESS_OPERATION',
];
/** Domain §5.9: hot work and confined space need a passing gas test before approval. */
export const GAS_TESTED_TYPES: readonly PermitType[] = ['HOT_WORK', 'CONFINED_SPACE'];

/** The state machine of domain §5.9, in order. */
export const PERMIT_STATUS_VARIANTS: StatusVariants<PermitStatus> = {
  DRAFT: { colour: 'default', labelKey: 'permit.statuses.DRAFT' },
  GAS_TESTED: { colour: 'cyan', labelKey: 'permit.statuses.GAS_TESTED' },
  APPROVED: { colour: 'processing', labelKey: 'permit.statuses.APPROVED' },
  IN_PROGRESS: { colour: 'warning', labelKey: 'permit.statuses.IN_PROGRESS' },
  SUSPENDED: { colour: 'orange', labelKey: 'permit.statuses.SUSPENDED' },
  COMPLETED: { colour: 'success', labelKey: 'permit.statuses.COMPLETED' },
  CLOSED: { colour: 'success', labelKey: 'permit.statuses.CLOSED' },
  REVOKED: { colour: 'error', labelKey: 'permit.statuses.REVOKED' },
  EXPIRED: { colour: 'default', labelKey: 'permit.statuses.EXPIRED' },
};

/**
 * Which permit parties an account acts as, by role: the service's `PERMIT_PARTIES_BY_ROLE`
 * (services/hazard/src/permits/permit-actors.rules.ts). Only hides dead buttons; the service decides.
 */
export type PermitParty = 'ANALYST' | 'APPROVER' | 'GUARDIAN' | 'EXECUTOR' | 'ISSUER' | 'REGULATOR';
const PARTIES_BY_ROLE: Record<string, readonly PermitParty[]> = {
  ENT_PRINCIPAL: ['APPROVER', 'ISSUER'],
  ENT_SAFETY_DIRECTOR: ['APPROVER', 'ISSUER'],
  ENT_SAFETY_MANAGER: ['ISSUER', 'ANALYST', 'GUARDIAN'],
  ENT_STAFF: ['ANALYST', 'GUARDIAN', 'EXECUTOR'],
  EMB_STAFF: ['REGULATOR'],
  EMB_ENFORCER: ['REGULATOR'],
  INDUSTRY_REGULATOR: ['REGULATOR'],
  TOWNSHIP_OFFICER: ['REGULATOR'],
  STATIONED_SUPERVISOR: ['REGULATOR'],
};
export function permitPartiesOf(roles: readonly string[]): Set<PermitParty> {
  return new Set(roles.flatMap((role) => PARTIES_BY_ROLE[role] ?? []));
}
/** Who drafts permits: the enterprise's issuing side (签发人), as the service's PERMIT_AUTHOR_ROLES. */
export const PERMIT_AUTHOR_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];

/** `YYYY-MM-DDTHH:mm` of an instant in Asia/Shanghai, for a datetime-local input. */
export function toShanghaiLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
/** A datetime-local value read as Asia/Shanghai time (domain §0.3: local times are Shanghai's). */
export function fromShanghaiLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(`${value.slice(0, 16)}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}
