import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import {
  BRIEFING_TRANSITIONS,
  buildDigest,
  type DigestHazardFacts,
  keyPeriodsBetween,
  mayHold,
  missedPeriods,
  mondayOf,
  openOn,
  periodProblems,
} from './briefing.rules.js';

const hazard = (overrides: Partial<DigestHazardFacts>): DigestHazardFacts => ({
  id: overrides.code ?? 'h',
  code: 'HZ-2025-000001',
  title: 't',
  grade: 'GENERAL',
  status: 'RECTIFYING',
  enterpriseId: 'e',
  foundOn: '2025-06-10',
  deadline: '2025-07-10',
  listingId: null,
  settledOn: null,
  ...overrides,
});
const none = { monitoringAlerts: [], accidents: [], warnings: [], classDEnterpriseIds: [] };

describe('risk briefing rules (domain §5.12)', () => {
  it('moves DRAFT → HELD → ISSUED', () => {
    expect(BRIEFING_TRANSITIONS.holdRiskBriefing).toEqual({ from: 'DRAFT', to: 'HELD' });
    expect(BRIEFING_TRANSITIONS.issueRiskBriefing).toEqual({ from: 'HELD', to: 'ISSUED' });
  });

  it('checks periods: Monday–Sunday weeks, calendar months for towns', () => {
    expect(mondayOf('2025-07-06')).toBe('2025-06-30');
    expect(periodProblems('SACO_WEEKLY', '2025-06-30', '2025-07-06')).toEqual({});
    expect(periodProblems('DEPT_WEEKLY', '2025-07-01', '2025-07-07')).toHaveProperty('periodFrom');
    expect(periodProblems('TOWN_MONTHLY', '2025-02-01', '2025-02-28')).toEqual({});
    expect(periodProblems('TOWN_MONTHLY', '2024-02-01', '2024-02-28')).toHaveProperty('periodFrom');
    expect(periodProblems('CROSS_DEPT', '2025-02-03', '2025-02-05')).toEqual({});
    expect(periodProblems('CROSS_DEPT', '2025-02-05', '2025-02-03')).toHaveProperty('periodTo');
  });

  it('lets the SAC office hold any briefing and others only their own level and organisation', () => {
    const scope = (orgUnitId: string) => ({
      orgUnitId,
      townshipCodes: [],
      industryCodes: [],
      enterpriseIds: [],
    });
    expect(mayHold({ roles: [Role.SAC_OFFICE], scope: scope('x') }, 'DEPT_WEEKLY', 'dept')).toBe(true);
    expect(mayHold({ roles: [Role.INDUSTRY_REGULATOR], scope: scope('dept') }, 'DEPT_WEEKLY', 'dept')).toBe(
      true,
    );
    expect(mayHold({ roles: [Role.INDUSTRY_REGULATOR], scope: scope('dept') }, 'DEPT_WEEKLY', 'other')).toBe(
      false,
    );
    expect(mayHold({ roles: [Role.INDUSTRY_REGULATOR], scope: scope('dept') }, 'SACO_WEEKLY', 'dept')).toBe(
      false,
    );
  });

  it('digests new, overdue and open major hazards and listings as of a day, naming the pressing few', () => {
    const hazards = [
      hazard({ code: 'A', foundOn: '2025-06-24', grade: 'MAJOR', listingId: 'L1' }),
      hazard({ code: 'B', foundOn: '2025-06-25' }),
      hazard({ code: 'C', foundOn: '2025-05-01', deadline: '2025-06-01' }),
      hazard({
        code: 'D',
        foundOn: '2025-05-01',
        deadline: '2025-06-01',
        settledOn: '2025-06-20',
        status: 'CLOSED',
      }),
      hazard({
        code: 'E',
        foundOn: '2025-05-01',
        deadline: '2025-06-01',
        settledOn: '2025-07-20',
        status: 'CLOSED',
      }),
      hazard({ code: 'F', foundOn: '2025-06-26', status: 'DRAFT' }),
    ];
    const digest = buildDigest(
      hazards,
      { level: 'SACO_WEEKLY', from: '2025-06-23', to: '2025-06-29' },
      '2025-06-30',
      none,
    );
    expect(digest).toMatchObject({
      newHazards: 2,
      newMajorHazards: 1,
      overdueHazards: 2, // C, and E which was still open on 30 June
      openMajorHazards: 1,
      openListings: 1,
    });
    expect(digest.highlights.map((h) => [h.code, h.reason])).toEqual([
      ['A', 'NEW_MAJOR'],
      ['C', 'OVERDUE'],
      ['E', 'OVERDUE'],
    ]);
    expect(openOn(hazards[3]!, '2025-06-19')).toBe(true);
    expect(openOn(hazards[3]!, '2025-06-20')).toBe(false);
    expect(
      buildDigest(
        hazards,
        { level: 'SACO_WEEKLY', from: '2025-06-23', to: '2025-06-29' },
        '2025-06-30',
        none,
        1,
      ).highlights,
    ).toHaveLength(1);
  });

  it('looks ahead at the key periods of the work calendar', () => {
    const kinds = keyPeriodsBetween('2025-01-20', '2025-02-10').map((p) => p.kind);
    expect(kinds).toContain('SPRING_FESTIVAL');
    expect(keyPeriodsBetween('2025-06-30', '2025-07-20').map((p) => p.kind)).toEqual([
      'SAFETY_MONTH',
      'FLOOD_SEASON',
    ]);
    expect(keyPeriodsBetween('2025-07-01', '2025-07-20').map((p) => p.kind)).toEqual(['FLOOD_SEASON']);
  });

  it('finds missed weeks and months that ended before today with nothing held', () => {
    const held = [{ periodFrom: '2025-06-02', periodTo: '2025-06-08' }];
    expect(missedPeriods('SACO_WEEKLY', '2025-06-01', '2025-06-30', '2025-06-24', held)).toEqual([
      { periodFrom: '2025-06-09', periodTo: '2025-06-15' },
      { periodFrom: '2025-06-16', periodTo: '2025-06-22' },
    ]);
    // Due the Monday after: not missed on that Monday, missed from Tuesday.
    expect(missedPeriods('SACO_WEEKLY', '2025-06-16', '2025-06-22', '2025-06-23', [])).toEqual([]);
    expect(missedPeriods('SACO_WEEKLY', '2025-06-16', '2025-06-22', '2025-06-24', [])).toHaveLength(1);
    expect(
      missedPeriods('TOWN_MONTHLY', '2025-01-01', '2025-04-30', '2025-04-15', [
        { periodFrom: '2025-02-01', periodTo: '2025-02-28' },
      ]),
    ).toEqual([
      { periodFrom: '2025-01-01', periodTo: '2025-01-31' },
      { periodFrom: '2025-03-01', periodTo: '2025-03-31' },
    ]);
  });
});
