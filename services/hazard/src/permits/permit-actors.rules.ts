import { Role } from '@safety/auth';
import {
  PERMIT_QUALIFICATION_RULES,
  type PermitActor,
  type PermitQualificationRule,
} from './permit.tables.js';

/**
 * Which permit parties (domain §5.9 state machine) an account acts as, by role [D]. Accounts are not
 * linked to the people named on the permit, so the role decides: the principal and the safety director
 * approve and issue (§2.3 "manage … permits"), the safety manager issues, records gas tests and acts as
 * guardian at the site, workers record tests and act as guardian or executor, regulators may revoke,
 * and the platform (SERVICE) is SYSTEM. Readers without a party (county leaders, SAC office) only read.
 */
export const PERMIT_PARTIES_BY_ROLE: Partial<Record<Role, readonly PermitActor[]>> = {
  [Role.ENT_PRINCIPAL]: ['APPROVER', 'ISSUER'],
  [Role.ENT_SAFETY_DIRECTOR]: ['APPROVER', 'ISSUER'],
  [Role.ENT_SAFETY_MANAGER]: ['ISSUER', 'ANALYST', 'GUARDIAN'],
  [Role.ENT_STAFF]: ['ANALYST', 'GUARDIAN', 'EXECUTOR'],
  [Role.EMB_STAFF]: ['REGULATOR'],
  [Role.EMB_ENFORCER]: ['REGULATOR'],
  [Role.INDUSTRY_REGULATOR]: ['REGULATOR'],
  [Role.TOWNSHIP_OFFICER]: ['REGULATOR'],
  [Role.STATIONED_SUPERVISOR]: ['REGULATOR'],
  [Role.SERVICE]: ['SYSTEM'],
};

/** The parties an account acts as, in a stable order. */
export function permitActorsOf(roles: readonly string[]): PermitActor[] {
  const parties = new Set<PermitActor>();
  for (const role of roles)
    for (const party of PERMIT_PARTIES_BY_ROLE[role as Role] ?? []) parties.add(party);
  return [...parties];
}

/** Roles acting on permits at all: the resolvers admit them, the transition table decides. */
export const PERMIT_ACTING_ROLES: Role[] = Object.keys(PERMIT_PARTIES_BY_ROLE).filter(
  (role) => role !== Role.SERVICE,
) as Role[];
/** Who drafts permits: the enterprise's issuing side (签发人). */
export const PERMIT_AUTHOR_ROLES: Role[] = [
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
];
/** P-3: the regulators who record an unlicensed worker found on a live operation. */
export const UNLICENSED_WORKER_REPORTER_ROLES: Role[] = [
  Role.EMB_STAFF,
  Role.EMB_ENFORCER,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
  Role.STATIONED_SUPERVISOR,
];

/**
 * The rows the gate asks training about: all of them. Training's `qualificationCheck` answers
 * certificates, employment with three-level education, and a guardian's training for the permit type
 * (`specialWorkTraining`, a passed training record of the last year [D], domain §5.9 `PQR-1-GUARDIAN-*`).
 */
export const GATED_QUALIFICATION_RULES: readonly PermitQualificationRule[] = PERMIT_QUALIFICATION_RULES;

/** Permit codes (domain §5.9): ZY-YYYY-nnnnnn, numbered per year. */
export function permitCode(year: number, sequence: number): string {
  return `ZY-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The determination criteria of P-3 in the catalogue (`src/criteria/`): 令第10号 3(2), 121号 item 2. */
export const UNLICENSED_WORKER_CRITERION_IDS = {
  INDUSTRY_TRADE: 'MEM-10-2023:3.2',
  HAZCHEM: 'SAWS-121-2017-CHEM:2',
} as const;
