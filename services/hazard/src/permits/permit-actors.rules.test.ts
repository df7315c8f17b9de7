import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { MAJOR_HAZARD_CRITERIA } from '../criteria/criteria.catalogue.js';
import { decidePermitTransition, requiredCredentials, UNLICENSED_WORKER_CRITERIA } from './permit.rules.js';
import { PERMIT_QUALIFICATION_RULES } from './permit.tables.js';
import {
  GATED_QUALIFICATION_RULES,
  PERMIT_ACTING_ROLES,
  permitActorsOf,
  permitCode,
  UNLICENSED_WORKER_CRITERION_IDS,
} from './permit-actors.rules.js';

describe('permit parties by role', () => {
  it.each([
    [[Role.ENT_SAFETY_DIRECTOR], ['APPROVER', 'ISSUER']],
    [[Role.ENT_SAFETY_MANAGER], ['ISSUER', 'ANALYST', 'GUARDIAN']],
    [[Role.ENT_STAFF], ['ANALYST', 'GUARDIAN', 'EXECUTOR']],
    [[Role.EMB_ENFORCER], ['REGULATOR']],
    [[Role.SERVICE], ['SYSTEM']],
    [[Role.SAC_OFFICE], []],
    [[Role.PUBLIC], []],
    [
      [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_MANAGER],
      ['APPROVER', 'ISSUER', 'ANALYST', 'GUARDIAN'],
    ],
  ])('%j acts as %j', (roles, parties) => {
    expect(permitActorsOf(roles)).toEqual(parties);
  });

  it('admits every party-holding role but the service to the mutations', () => {
    expect(PERMIT_ACTING_ROLES).not.toContain(Role.SERVICE);
    expect(PERMIT_ACTING_ROLES).toContain(Role.ENT_STAFF);
  });

  it('lets only approvers approve and only guardians start work (domain §5.9)', () => {
    const permit = {
      type: 'TEMP_POWER' as const,
      status: 'DRAFT' as const,
      level: null,
      purpose: 'MAINTENANCE' as const,
      validFrom: new Date('2025-06-29T16:00:00Z'),
      validTo: new Date('2025-06-29T20:00:00Z'),
      workers: [],
      equipmentChecks: [],
      gasTests: [],
    };
    const approve = (roles: Role[]) =>
      decidePermitTransition(permit, 'APPROVED', permitActorsOf(roles), { now: permit.validFrom });
    expect(approve([Role.ENT_STAFF])).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'ACTOR_NOT_PERMITTED' })],
    });
    expect(approve([Role.ENT_SAFETY_DIRECTOR]).allowed).toBe(false);
    expect(
      (approve([Role.ENT_SAFETY_DIRECTOR]) as { reasons: { code: string }[] }).reasons.map((r) => r.code),
    ).not.toContain('ACTOR_NOT_PERMITTED');
  });
});

describe('gated qualification rules', () => {
  it('asks training about every row, the guardian’s training for the permit type included (§5.9)', () => {
    expect(GATED_QUALIFICATION_RULES).toEqual(PERMIT_QUALIFICATION_RULES);
    const guardian = requiredCredentials(
      { type: 'HOT_WORK', validFrom: new Date('2025-06-29T16:00:00Z') },
      { role: 'GUARDIAN' },
      GATED_QUALIFICATION_RULES,
    );
    expect(guardian.map((c) => c.requirement)).toEqual([
      { kind: 'EMPLOYMENT_AND_THREE_LEVEL' },
      { kind: 'PERMIT_TYPE_TRAINING', permitType: 'HOT_WORK' },
    ]);
  });

  it('numbers permits ZY-YYYY-nnnnnn', () => {
    expect(permitCode(2025, 42)).toBe('ZY-2025-000042');
  });
});

describe('P-3 criteria', () => {
  it('names criteria of the catalogue that say what P-3 says, for the industries it names', () => {
    const trade = MAJOR_HAZARD_CRITERIA.find((c) => c.id === UNLICENSED_WORKER_CRITERION_IDS.INDUSTRY_TRADE);
    const chem = MAJOR_HAZARD_CRITERIA.find((c) => c.id === UNLICENSED_WORKER_CRITERION_IDS.HAZCHEM);
    expect(trade?.textParaphrase).toContain('特种作业人员');
    expect(trade?.applicableIndustries).toEqual(expect.arrayContaining(['INDUSTRY_TRADE', 'METALLURGY']));
    expect(chem?.textParaphrase).toContain('特种作业人员未持证上岗');
    expect(chem?.applicableIndustries).toContain('HAZCHEM_PRODUCTION');
    expect(UNLICENSED_WORKER_CRITERIA.INDUSTRY_TRADE.clauseNo).toBe('3(2)');
  });
});
