import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { HazardGrade as G, HazardStatus as S, HazardSource as Src } from './hazard.enums.js';
import {
  acceptanceTier,
  deadlineProblem,
  decideTransition,
  type HazardActor,
  hazardActorOf,
  hazardCode,
  isOverdue,
  sourceProblem,
  transitionOf,
} from './hazard.rules.js';

const selfGeneral = { grade: G.GENERAL, source: Src.ENTERPRISE_SELF_CHECK };
const govGeneral = { grade: G.GENERAL, source: Src.GOV_INSPECTION };
const selfMajor = { grade: G.MAJOR, source: Src.ENTERPRISE_SELF_CHECK };

describe('hazard lifecycle (domain §5.6)', () => {
  it.each([
    // rule 3: confirm
    [S.REPORTED, S.CONFIRMED, selfGeneral, 'ENTERPRISE', 'ALLOWED'],
    [S.REPORTED, S.CONFIRMED, selfGeneral, 'REGULATOR', 'ALLOWED'],
    [S.REPORTED, S.CONFIRMED, govGeneral, 'ENTERPRISE', 'NOT_PERMITTED'],
    [S.REPORTED, S.CONFIRMED, selfMajor, 'ENTERPRISE', 'NOT_PERMITTED'],
    [S.REPORTED, S.CONFIRMED, selfMajor, 'REGULATOR', 'ALLOWED'],
    [S.REPORTED, S.CONFIRMED, selfGeneral, 'GRID', 'NOT_PERMITTED'],
    // rule 4: reject
    [S.REPORTED, S.REJECTED, govGeneral, 'REGULATOR', 'ALLOWED'],
    [S.REPORTED, S.REJECTED, govGeneral, 'ENTERPRISE', 'NOT_PERMITTED'],
    // rules 5 and 6: the enterprise rectifies
    [S.CONFIRMED, S.RECTIFYING, govGeneral, 'ENTERPRISE', 'ALLOWED'],
    [S.CONFIRMED, S.RECTIFYING, govGeneral, 'REGULATOR', 'NOT_PERMITTED'],
    [S.RECTIFYING, S.PENDING_ACCEPTANCE, selfMajor, 'ENTERPRISE', 'ALLOWED'],
    [S.RECTIFYING, S.PENDING_ACCEPTANCE, selfMajor, 'ENTERPRISE_STAFF', 'NOT_PERMITTED'],
    // rules 8 + 10 (accept and close) and 9 (failed acceptance), by H-1 tier
    [S.PENDING_ACCEPTANCE, S.CLOSED, selfGeneral, 'ENTERPRISE', 'ALLOWED'],
    [S.PENDING_ACCEPTANCE, S.CLOSED, govGeneral, 'ENTERPRISE', 'NOT_PERMITTED'],
    [S.PENDING_ACCEPTANCE, S.CLOSED, selfMajor, 'ENTERPRISE', 'NOT_PERMITTED'],
    [S.PENDING_ACCEPTANCE, S.CLOSED, selfMajor, 'REGULATOR', 'ALLOWED'],
    [S.PENDING_ACCEPTANCE, S.RECTIFYING, govGeneral, 'REGULATOR', 'ALLOWED'],
    // not in the table at all
    [S.REPORTED, S.CLOSED, govGeneral, 'REGULATOR', 'ILLEGAL'],
    [S.REPORTED, S.RECTIFYING, govGeneral, 'ENTERPRISE', 'ILLEGAL'],
    [S.CONFIRMED, S.CLOSED, govGeneral, 'REGULATOR', 'ILLEGAL'],
    [S.CLOSED, S.RECTIFYING, govGeneral, 'REGULATOR', 'ILLEGAL'],
    [S.REJECTED, S.CONFIRMED, govGeneral, 'REGULATOR', 'ILLEGAL'],
    [S.RECTIFYING, S.RECTIFYING, govGeneral, 'ENTERPRISE', 'ILLEGAL'],
  ] as const)('%s → %s (%o) by %s: %s', (from, to, facts, actor, decision) => {
    expect(decideTransition({ status: from, ...facts }, to, actor as HazardActor)).toBe(decision);
  });

  it('asks for a reason when rejecting or failing acceptance, and a deadline when confirming', () => {
    expect(transitionOf(S.REPORTED, S.REJECTED)?.needsReason).toBe(true);
    expect(transitionOf(S.PENDING_ACCEPTANCE, S.RECTIFYING)?.needsReason).toBe(true);
    expect(transitionOf(S.PENDING_ACCEPTANCE, S.CLOSED)?.needsReason).toBe(false);
    expect(transitionOf(S.REPORTED, S.CONFIRMED)?.deadline).toBe('REQUIRED');
    expect(transitionOf(S.CONFIRMED, S.RECTIFYING)?.deadline).toBe('NONE');
  });

  it.each([
    [[Role.SAC_OFFICE], 'REGULATOR'],
    [[Role.TOWNSHIP_OFFICER], 'REGULATOR'],
    [[Role.VILLAGE_GRID], 'GRID'],
    [[Role.ENT_SAFETY_MANAGER], 'ENTERPRISE'],
    [[Role.ENT_STAFF], 'ENTERPRISE_STAFF'],
    [[Role.ENT_STAFF, Role.EMB_STAFF], 'REGULATOR'],
    [[Role.PUBLIC], null],
    [[Role.PLATFORM_ADMIN], null],
  ] as const)('roles %o act as %s', (roles, actor) => {
    expect(hazardActorOf(roles)).toBe(actor);
  });

  it.each([
    ['ENTERPRISE', Src.ENTERPRISE_SELF_CHECK, false],
    ['ENTERPRISE_STAFF', Src.STAFF_REPORT, false],
    ['ENTERPRISE', Src.GOV_INSPECTION, true],
    ['REGULATOR', Src.GOV_INSPECTION, false],
    ['GRID', Src.WHISTLEBLOWER, false],
    ['REGULATOR', Src.SYSTEM_RULE, true],
  ] as const)('%s reporting a %s hazard is refused: %s', (actor, source, refused) => {
    expect(sourceProblem(actor, source) !== null).toBe(refused);
  });

  it('grades acceptance (H-1)', () => {
    expect(acceptanceTier(selfGeneral)).toBe('SELF');
    expect(acceptanceTier({ grade: G.GENERAL, source: Src.STAFF_REPORT })).toBe('SELF');
    expect(acceptanceTier(govGeneral)).toBe('REGULATOR');
    expect(acceptanceTier(selfMajor)).toBe('REGULATOR');
  });
});

describe('deadlines and overdue (domain §0.3, §5.6)', () => {
  // 2025-06-10 23:30 in Shanghai is still 10 June there, but already 15:30Z.
  const lateEvening = new Date('2025-06-10T15:30:00Z');
  const nextMorning = new Date('2025-06-11T00:30:00+08:00');

  it.each([
    [S.RECTIFYING, '2025-06-10', lateEvening, false],
    [S.RECTIFYING, '2025-06-10', nextMorning, true],
    [S.PENDING_ACCEPTANCE, '2025-06-01', nextMorning, true],
    [S.CONFIRMED, '2025-06-30', nextMorning, false],
    [S.CLOSED, '2025-06-01', nextMorning, false],
    [S.REJECTED, '2025-06-01', nextMorning, false],
    [S.REPORTED, null, nextMorning, false],
  ] as const)('%s with deadline %s at %s: overdue %s', (status, deadline, now, overdue) => {
    expect(isOverdue({ status, deadline }, now)).toBe(overdue);
  });

  it('refuses deadlines before the day found or, when set now, in the past', () => {
    const found = new Date('2025-06-05T10:00:00+08:00');
    expect(deadlineProblem('2025-06-04', found)).not.toBeNull();
    expect(deadlineProblem('2025-06-05', found)).toBeNull();
    expect(deadlineProblem('2025-06-09', found, lateEvening)).not.toBeNull();
    expect(deadlineProblem('2025-06-10', found, lateEvening)).toBeNull();
  });

  it('formats codes HZ-YYYY-nnnnnn', () => {
    expect(hazardCode(2025, 42)).toBe('HZ-2025-000042');
    expect(() => hazardCode(2025, 1_000_000)).toThrow(RangeError);
  });
});
