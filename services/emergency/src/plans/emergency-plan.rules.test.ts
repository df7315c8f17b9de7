import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { EmergencyPlanStatus as S } from './emergency-plan.enums.js';
import {
  evaluationIntervalYears,
  evaluationMandatory,
  evaluationOverdue,
  nextEvaluationDue,
  nextPlanStatus,
  PLAN_EDITOR_ROLES,
  planCode,
  reviewMode,
} from './emergency-plan.rules.js';

describe('evaluation cycle (domain §8.2, 应急预案管理办法 第35条)', () => {
  it.each([
    ['COAL_MINE', false, true],
    ['NON_COAL_MINE', false, true],
    ['HAZCHEM_PRODUCTION', false, true],
    ['FUEL_STATION', false, true],
    ['CONSTRUCTION', false, true],
    ['FIREWORKS', false, true],
    ['HAZCHEM_TRADE_NO_STORAGE', false, false],
    ['CROWDED_PLACE', false, false],
    ['CROWDED_PLACE', true, true],
    ['LOGISTICS', false, false],
  ] as const)(
    '%s (medium or larger: %s): evaluation mandatory %s',
    (industryCode, mediumOrLarger, mandatory) => {
      const owner = { industryCode, mediumOrLarger };
      expect(evaluationMandatory(owner)).toBe(mandatory);
      expect(reviewMode(owner)).toBe(mandatory ? 'EXPERT_REVIEW' : 'DEMONSTRATION');
    },
  );

  it('evaluates the mandatory group every 3 years and others on the configured cycle', () => {
    expect(evaluationIntervalYears({ industryCode: 'COAL_MINE' }, 5)).toBe(3);
    expect(evaluationIntervalYears({ industryCode: 'LOGISTICS' })).toBe(3);
    expect(evaluationIntervalYears({ industryCode: 'LOGISTICS' }, 5)).toBe(5);
  });

  it.each([
    [{ filedAt: '2022-06-30', lastEvaluatedAt: null }, 'COAL_MINE', '2025-06-30'],
    [{ filedAt: '2020-02-29', lastEvaluatedAt: null }, 'COAL_MINE', '2023-02-28'],
    [{ filedAt: '2019-01-10', lastEvaluatedAt: '2024-03-05' }, 'HAZCHEM_PRODUCTION', '2027-03-05'],
  ] as const)('%o of a %s enterprise is next due %s', (plan, industryCode, due) => {
    expect(nextEvaluationDue({ industryCode }, plan)).toBe(due);
  });

  it.each([
    [S.FILED, '2025-06-29', true],
    [S.FILED, '2025-06-30', false],
    [S.FILED, null, false],
    [S.REVISION_REQUIRED, '2025-01-01', false],
    [S.SUPERSEDED, '2025-01-01', false],
    [S.DRAFTING, null, false],
  ] as const)('%s due %s is overdue on 2025-06-30: %s', (status, due, overdue) => {
    expect(evaluationOverdue({ status, nextEvaluationDue: due }, '2025-06-30')).toBe(overdue);
  });
});

describe('plan states (domain §8.2)', () => {
  it.each([
    [S.FILED, 'EVALUATED_FIT', S.FILED],
    [S.FILED, 'EVALUATED_NEEDS_REVISION', S.REVISION_REQUIRED],
    [S.FILED, 'SUPERSEDED', S.SUPERSEDED],
    [S.REVISION_REQUIRED, 'SUPERSEDED', S.SUPERSEDED],
    [S.DRAFTING, 'SUPERSEDED', S.SUPERSEDED],
    [S.DRAFTING, 'EVALUATED_FIT', null],
    [S.REVISION_REQUIRED, 'EVALUATED_FIT', null],
    [S.SUPERSEDED, 'EVALUATED_FIT', null],
    [S.SUPERSEDED, 'SUPERSEDED', null],
  ] as const)('%s on %s → %s', (from, event, to) => {
    expect(nextPlanStatus(from, event)).toBe(to);
  });

  it('lets owners and filing authorities edit, not staff or the public', () => {
    expect(PLAN_EDITOR_ROLES).toEqual(expect.arrayContaining([Role.ENT_PRINCIPAL, Role.EMB_STAFF]));
    expect(PLAN_EDITOR_ROLES).not.toContain(Role.ENT_STAFF);
    expect(PLAN_EDITOR_ROLES).not.toContain(Role.PUBLIC);
  });

  it('formats codes EP-YYYY-nnnn', () => {
    expect(planCode(2025, 7)).toBe('EP-2025-0007');
    expect(() => planCode(2025, 10_000)).toThrow(RangeError);
  });
});
