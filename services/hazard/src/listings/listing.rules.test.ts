import { Permission, Role } from '@safety/auth';
import { addWorkingDays, isWorkingDay } from '@safety/reference';
import { describe, expect, it } from 'vitest';
import { HazardGrade, HazardStatus } from '../hazards/hazard.enums.js';
import {
  delistingApplicationProblems,
  delistProblems,
  escalationLevel,
  evaluationDue,
  evaluationOverdue,
  extensionDecisionDue,
  extensionRequestInTime,
  extensionRequestProblems,
  LISTING_TRANSITIONS,
  type ListedHazardFacts,
  type ListingCaller,
  type ListingFacts,
  lastExtensionRequestDay,
  listingNoticeNo,
  listingOverdue,
  listingTransition,
  mayAct,
  notListedDecisionProblems,
  overdueCrossing,
  proposalProblems,
  startRectificationProblems,
} from './listing.rules.js';

const hazard = (overrides: Partial<ListedHazardFacts> = {}): ListedHazardFacts => ({
  id: 'h1',
  grade: HazardGrade.MAJOR,
  status: HazardStatus.RECTIFYING,
  enterpriseId: 'e1',
  inOpenListing: false,
  planApproved: true,
  ...overrides,
});
const caller = (
  roles: Role[],
  extra: Partial<ListingCaller['scope']> = {},
  permissions: Permission[] = [],
): ListingCaller => ({
  roles,
  permissions,
  scope: { orgUnitId: null, townshipCodes: [], enterpriseIds: [], ...extra },
});
const listing = (level: ListingFacts['level']): ListingFacts => ({
  level,
  issuingOrgId: 'org-dept',
  townshipCode: '620621100',
  enterpriseId: 'e1',
});

describe('the listing state machine (domain §5.7.2)', () => {
  it('has exactly the rows of the table, OVERDUE derived and never stored', () => {
    expect(LISTING_TRANSITIONS.map((t) => `${t.from}→${t.to}:${t.actor}`)).toEqual([
      'PROPOSED→LISTED:ISSUER_LISTS',
      'LISTED→RECTIFYING:ENTERPRISE',
      'RECTIFYING→EXTENSION_REQUESTED:ENTERPRISE',
      'EXTENSION_REQUESTED→RECTIFYING:ISSUER_DECIDES',
      'RECTIFYING→DELISTING_APPLIED:ENTERPRISE',
      'DELISTING_APPLIED→DELISTED:ISSUER_DECIDES',
      'DELISTING_APPLIED→RECTIFYING:ISSUER_DECIDES',
    ]);
    expect(listingTransition('delist', 'RECTIFYING')).toBeUndefined();
    expect(listingTransition('listHazards', 'PROPOSED')?.to).toBe('LISTED');
  });

  it.each([
    ['COUNTY_SAC lists: the county leader', 'COUNTY_SAC', caller([Role.COUNTY_LEADER]), 'ISSUER_LISTS', true],
    [
      'COUNTY_SAC lists: not the SAC office',
      'COUNTY_SAC',
      caller([Role.SAC_OFFICE], {}, [Permission.LISTING_APPROVER]),
      'ISSUER_LISTS',
      false,
    ],
    [
      'COUNTY_SAC decides: the SAC office with LISTING_APPROVER',
      'COUNTY_SAC',
      caller([Role.SAC_OFFICE], {}, [Permission.LISTING_APPROVER]),
      'ISSUER_DECIDES',
      true,
    ],
    [
      'COUNTY_SAC decides: not the SAC office without it',
      'COUNTY_SAC',
      caller([Role.SAC_OFFICE]),
      'ISSUER_DECIDES',
      false,
    ],
    [
      'COUNTY_DEPT: the department’s approver',
      'COUNTY_DEPT',
      caller([Role.EMB_STAFF], { orgUnitId: 'org-dept' }, [Permission.LISTING_APPROVER]),
      'ISSUER_LISTS',
      true,
    ],
    [
      'COUNTY_DEPT: another department’s approver',
      'COUNTY_DEPT',
      caller([Role.INDUSTRY_REGULATOR], { orgUnitId: 'org-other' }, [Permission.LISTING_APPROVER]),
      'ISSUER_LISTS',
      false,
    ],
    [
      'COUNTY_DEPT: staff without LISTING_APPROVER',
      'COUNTY_DEPT',
      caller([Role.EMB_STAFF], { orgUnitId: 'org-dept' }),
      'ISSUER_DECIDES',
      false,
    ],
    [
      'TOWNSHIP: the town officer of its town',
      'TOWNSHIP',
      caller([Role.TOWNSHIP_OFFICER], { townshipCodes: ['620621100'] }),
      'ISSUER_LISTS',
      true,
    ],
    [
      'TOWNSHIP: another town’s officer',
      'TOWNSHIP',
      caller([Role.TOWNSHIP_OFFICER], { townshipCodes: ['620621101'] }),
      'ISSUER_DECIDES',
      false,
    ],
    ['CITY: nobody in the county', 'CITY', caller([Role.COUNTY_LEADER]), 'ISSUER_LISTS', false],
    ['enterprise rows: the principal', 'COUNTY_SAC', caller([Role.ENT_PRINCIPAL]), 'ENTERPRISE', true],
    ['enterprise rows: not a worker', 'COUNTY_SAC', caller([Role.ENT_STAFF]), 'ENTERPRISE', false],
  ] as const)('%s', (_name, level, who, actor, allowed) => {
    expect(mayAct(actor, who, listing(level))).toBe(allowed);
  });
});

describe('guards', () => {
  const input = { level: 'COUNTY_SAC' as const, deadline: '2025-09-30', today: '2025-06-30' };
  it('lists MAJOR hazards of one enterprise, confirmed and not yet accepted, under no other listing', () => {
    expect(proposalProblems(['h1'], [hazard()], input)).toEqual({});
    expect(proposalProblems(['h1'], [hazard({ grade: HazardGrade.GENERAL })], input)).toHaveProperty(
      'hazardIds',
    );
    expect(
      proposalProblems(['h1', 'h2'], [hazard(), hazard({ id: 'h2', enterpriseId: 'e2' })], input).hazardIds,
    ).toMatch(/one enterprise/);
    expect(proposalProblems(['h1'], [hazard({ enterpriseId: null })], input).hazardIds).toMatch(
      /public-area/,
    );
    expect(proposalProblems(['h1'], [hazard({ status: HazardStatus.CLOSED })], input)).toHaveProperty(
      'hazardIds',
    );
    expect(proposalProblems(['h1'], [hazard({ inOpenListing: true })], input).hazardIds).toMatch(
      /another listing/,
    );
    expect(proposalProblems(['h9'], [], input).hazardIds).toMatch(/unknown/);
    expect(proposalProblems(['h1'], [hazard()], { ...input, deadline: '2025-06-30' })).toHaveProperty(
      'deadline',
    );
    expect(proposalProblems(['h1'], [hazard()], { ...input, level: 'CITY' })).toHaveProperty('level');
  });

  it('starts rectification only with every plan approved; applies for delisting after rectification; delists accepted', () => {
    expect(
      startRectificationProblems([hazard(), hazard({ id: 'h2', planApproved: false })]).hazardIds,
    ).toMatch(/h2/);
    expect(delistingApplicationProblems([hazard()])).toHaveProperty('hazardIds');
    expect(
      delistingApplicationProblems([
        hazard({ status: HazardStatus.PENDING_ACCEPTANCE }),
        hazard({ id: 'h2', status: HazardStatus.ACCEPTED }),
      ]),
    ).toEqual({});
    expect(delistProblems([hazard({ status: HazardStatus.PENDING_ACCEPTANCE })])).toHaveProperty('hazardIds');
    expect(delistProblems([hazard({ status: HazardStatus.ACCEPTED })])).toEqual({});
  });

  it('takes an extension request at least 20 working days before the deadline, across holidays', () => {
    // 2025 National Day: 1–8 Oct off, 28 Sep and 11 Oct worked (调休).
    const deadline = '2025-10-31';
    const last = lastExtensionRequestDay(deadline);
    expect(addWorkingDays(last, 20) <= deadline).toBe(true);
    expect(extensionRequestInTime(last, deadline)).toBe(true);
    expect(extensionRequestInTime('2025-10-01', deadline)).toBe(false);
    // The day after the last one, 20 working days reach beyond the deadline.
    const next = new Date(`${last}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(extensionRequestInTime(next.toISOString().slice(0, 10), deadline)).toBe(false);
    expect(extensionRequestProblems({ deadline, newDeadline: deadline })).toHaveProperty('newDeadline');
    expect(extensionRequestProblems({ deadline, newDeadline: '2025-11-30' })).toEqual({});
    // Decided within 10 working days: requested Fri 26 Sep → 28 (Sun, worked), 29, 30 Sep, 9, 10, 11 (Sat,
    // worked), 13, 14, 15, 16 Oct.
    expect(extensionDecisionDue('2025-09-26')).toBe('2025-10-16');
  });
});

describe('overdue, escalation, evaluation queue, notice numbers', () => {
  it('is overdue after the deadline while the enterprise is bound, once per crossing', () => {
    const running = { status: 'RECTIFYING' as const, deadline: '2025-06-30', overdueNotifiedFor: null };
    expect(listingOverdue(running, '2025-06-30')).toBe(false);
    expect(listingOverdue(running, '2025-07-01')).toBe(true);
    expect(listingOverdue({ ...running, status: 'DELISTING_APPLIED' }, '2025-07-01')).toBe(false);
    expect(listingOverdue({ ...running, status: 'PROPOSED' }, '2025-07-01')).toBe(false);
    expect(overdueCrossing(running, '2025-07-01')).toBe(true);
    expect(overdueCrossing({ ...running, overdueNotifiedFor: '2025-06-30' }, '2025-07-02')).toBe(false);
    expect(
      overdueCrossing({ ...running, deadline: '2025-07-05', overdueNotifiedFor: '2025-06-30' }, '2025-07-06'),
    ).toBe(true);
  });

  it('escalates to the next level up', () => {
    expect(escalationLevel('TOWNSHIP')).toBe('COUNTY_DEPT');
    expect(escalationLevel('COUNTY_DEPT')).toBe('COUNTY_SAC');
    expect(escalationLevel('COUNTY_SAC')).toBe('CITY');
    expect(escalationLevel('PROVINCE')).toBe('PROVINCE');
  });

  it('evaluates a major hazard for listing within 5 working days of confirmation, holidays skipped', () => {
    // Confirmed Tue 30 Sep 2025: 9 Oct, 10 Oct, 11 Oct (Sat, worked), 13 Oct, 14 Oct.
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(evaluationDue('2025-09-30')).toBe('2025-10-14');
    expect(evaluationOverdue('2025-09-30', '2025-10-14')).toBe(false);
    expect(evaluationOverdue('2025-09-30', '2025-10-15')).toBe(true);
    expect(evaluationDue('2025-06-30')).toBe('2025-07-07');
  });

  it('numbers notices DB-YYYY-nnn', () => {
    expect(listingNoticeNo(2025, 7)).toBe('DB-2025-007');
    expect(() => listingNoticeNo(2025, 1000)).toThrow(RangeError);
  });
});

describe('deciding not to list (§5.7.2 unlisted queue)', () => {
  const hazard = {
    grade: HazardGrade.MAJOR,
    enterpriseId: 'e1',
    confirmedAt: new Date('2025-06-30T02:00:00Z'),
    status: HazardStatus.CONFIRMED,
  };
  it.each([
    ['a queued major hazard with a reason', { reason: '已责令停产，由行业部门直接督办', hazard }, false, {}],
    ['no reason', { reason: '  ', hazard }, false, { reason: 'a reason is required' }],
    [
      'a GENERAL hazard',
      { reason: 'x', hazard: { ...hazard, grade: HazardGrade.GENERAL } },
      false,
      { hazardId: expect.any(String) },
    ],
    [
      'a public-area hazard',
      { reason: 'x', hazard: { ...hazard, enterpriseId: null } },
      false,
      { hazardId: expect.any(String) },
    ],
    [
      'a closed hazard',
      { reason: 'x', hazard: { ...hazard, status: HazardStatus.CLOSED } },
      false,
      { hazardId: expect.any(String) },
    ],
    [
      'a listed hazard',
      { reason: 'x', hazard },
      true,
      { hazardId: 'the hazard is already held by a listing' },
    ],
  ])('%s', (_label, input, held, problems) => {
    expect(notListedDecisionProblems({ ...input, heldByOpenListing: held })).toEqual(problems);
  });
});
