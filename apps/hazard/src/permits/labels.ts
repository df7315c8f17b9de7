import type { StatusVariants } from '@safety/ui';
import type {
  PermitLevel,
  PermitStatus,
  PermitType,
  PermitWorkerRole,
  PermitWorkKind,
  QualificationCheckInput,
} from '../gql/graphql.js';

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

type Requirement = NonNullable<QualificationCheckInput['requirement']>;

/**
 * The credentials the gate asks training about for one worker: domain §5.9 PermitQualificationRule PQR-1
 * (services/hazard/src/permits/permit.tables.ts), used only for the live preview while the form is filled.
 * `null` is the every-role row (employment and three-level education). Guardian training is not yet
 * answered by training, so the service leaves it out too.
 */
export function requiredCredentials(
  type: PermitType,
  role: PermitWorkerRole,
  kinds: readonly PermitWorkKind[],
): Array<Requirement | null> {
  const out: Array<Requirement | null> = [null];
  if (role !== 'EXECUTOR') return out;
  const has = (...wanted: PermitWorkKind[]) => wanted.some((kind) => kinds.includes(kind));
  const special = (category: string, subType?: string): Requirement => ({
    certType: 'SPECIAL_OPERATION',
    category,
    ...(subType ? { subType } : {}),
  });
  if (type === 'HOT_WORK' && has('WELDING', 'THERMAL_CUTTING')) out.push(special('焊接与热切割作业'));
  if (type === 'TEMP_POWER') {
    out.push(special('电工作业'));
    if (has('ELECTRICAL_LOW_VOLTAGE')) out.push(special('电工作业', '低压电工作业'));
    if (has('ELECTRICAL_HIGH_VOLTAGE')) out.push(special('电工作业', '高压电工作业'));
  }
  if (type === 'WORK_AT_HEIGHT' && has('SCAFFOLDING', 'HEIGHT_INSTALLATION')) out.push(special('高处作业'));
  if (type === 'LIFTING' && has('CRANE_OPERATION'))
    out.push({ certType: 'SPECIAL_EQUIPMENT', category: 'Q2 起重机司机' });
  if (type === 'LIFTING' && has('CRANE_SIGNALLING'))
    out.push({ certType: 'SPECIAL_EQUIPMENT', category: 'Q1 起重机指挥' });
  if (has('HAZCHEM_PROCESS_OPERATION')) out.push(special('危险化学品安全作业'));
  return out;
}

/** The credential's label as the service words it (`credentialLabel`). */
export function credentialLabel(requirement: Requirement | null, employmentLabel: string): string {
  if (!requirement) return employmentLabel;
  const kind = requirement.certType === 'SPECIAL_OPERATION' ? '特种作业操作证' : '特种设备作业人员证';
  return `${kind}（${requirement.subType ?? requirement.category}）`;
}

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
