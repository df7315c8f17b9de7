import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import {
  HazardDetermination as D,
  EvidenceKind as E,
  HazardGrade as G,
  InterimMeasureKind as M,
  HazardStatus as S,
  HazardSource as Src,
  AcceptanceTier as T,
} from './hazard.enums.js';
import {
  acceptanceTier,
  acceptProblems,
  addMonths,
  assignmentsFor,
  deadlineProblem,
  decideTransition,
  determinationProblems,
  findRepeat,
  fixOnSpotProblems,
  HAZARD_TRANSITIONS,
  type HazardParty,
  hazardCode,
  hazardStatisticsForm,
  isOverdue,
  overdueCrossing,
  type PriorHazard,
  partiesOf,
  planReminderDue,
  reopenWindowOpen,
  reportProblems,
  requestAcceptanceProblems,
  sourceProblem,
  startRectificationProblems,
  statisticsPeriod,
  transitionFor,
  treatAsAccident,
} from './hazard.rules.js';

const facts = (grade: G, source: Src, listingLevel: 'COUNTY_SAC' | null = null) => ({
  grade,
  source,
  acceptanceTier: acceptanceTier({ grade, source, listingLevel }),
});
const selfGeneral = facts(G.GENERAL, Src.ENTERPRISE_SELF_CHECK);
const staffGeneral = facts(G.GENERAL, Src.STAFF_REPORT);
const govGeneral = facts(G.GENERAL, Src.GOV_INSPECTION);
const selfMajor = facts(G.MAJOR, Src.ENTERPRISE_SELF_CHECK);
const govMajor = facts(G.MAJOR, Src.GOV_INSPECTION);
const countyListedMajor = facts(G.MAJOR, Src.GOV_INSPECTION, 'COUNTY_SAC');
const ALL: HazardParty[] = [
  'REGULATOR',
  'COUNTY',
  'ENTERPRISE',
  'ENTERPRISE_STAFF',
  'GRID',
  'FINDER',
  'SYSTEM',
];

/** Domain §5.6, row by row: from, to, the facts, and exactly who may act. */
const TABLE: Array<[string, S | null, S, ReturnType<typeof facts>, HazardParty[]]> = [
  ['C1', null, S.DRAFT, selfGeneral, ['ENTERPRISE', 'ENTERPRISE_STAFF', 'REGULATOR', 'GRID']],
  ['C2', null, S.REPORTED, govGeneral, ['ENTERPRISE', 'ENTERPRISE_STAFF', 'REGULATOR', 'GRID']],
  ['C3', null, S.CONFIRMED, govMajor, ['REGULATOR']],
  ['1', S.DRAFT, S.REPORTED, selfGeneral, ['ENTERPRISE', 'ENTERPRISE_STAFF', 'REGULATOR', 'GRID']],
  ['2', S.REPORTED, S.FIXED_ON_SPOT, govGeneral, ['FINDER', 'ENTERPRISE']],
  ['3', S.REPORTED, S.CONFIRMED, selfGeneral, ['ENTERPRISE']],
  ['3', S.REPORTED, S.CONFIRMED, staffGeneral, ['ENTERPRISE']],
  ['3', S.REPORTED, S.CONFIRMED, govGeneral, ['REGULATOR']],
  ['3', S.REPORTED, S.CONFIRMED, selfMajor, ['REGULATOR']],
  ['4', S.REPORTED, S.REJECTED, selfGeneral, ['ENTERPRISE']],
  ['4', S.REPORTED, S.REJECTED, govMajor, ['REGULATOR']],
  ['5', S.CONFIRMED, S.RECTIFYING, govMajor, ['ENTERPRISE']],
  ['6', S.RECTIFYING, S.PENDING_ACCEPTANCE, selfGeneral, ['ENTERPRISE']],
  ['7', S.FIXED_ON_SPOT, S.PENDING_ACCEPTANCE, selfGeneral, ['SYSTEM']],
  ['8', S.PENDING_ACCEPTANCE, S.ACCEPTED, selfGeneral, ['ENTERPRISE']],
  ['8', S.PENDING_ACCEPTANCE, S.ACCEPTED, govGeneral, ['REGULATOR']],
  ['8', S.PENDING_ACCEPTANCE, S.ACCEPTED, selfMajor, ['REGULATOR']],
  ['8', S.PENDING_ACCEPTANCE, S.ACCEPTED, countyListedMajor, ['COUNTY']],
  ['9', S.PENDING_ACCEPTANCE, S.RECTIFYING, selfGeneral, ['ENTERPRISE']],
  ['9', S.PENDING_ACCEPTANCE, S.RECTIFYING, govMajor, ['REGULATOR']],
  ['10', S.ACCEPTED, S.CLOSED, govMajor, ['SYSTEM']],
  ['11', S.CONFIRMED, S.CONFIRMED, govGeneral, ['REGULATOR']],
  ['11', S.RECTIFYING, S.CONFIRMED, govMajor, ['REGULATOR']],
  ['12', S.CLOSED, S.REOPENED, govGeneral, ['REGULATOR']],
  ['12', S.REOPENED, S.RECTIFYING, govGeneral, ['REGULATOR']],
];

describe('hazard state machine (domain §5.6)', () => {
  it('has exactly the rows of the spec: rows 1–12 and the creation transitions', () => {
    const rows = HAZARD_TRANSITIONS.map((t) => `${t.row}:${t.from ?? '∅'}→${t.to}`);
    const expected = [...new Set(TABLE.map(([row, from, to]) => `${row}:${from ?? '∅'}→${to}`))];
    expect(rows.filter((r) => !r.startsWith('C4'))).toEqual(expected);
    expect(rows).toContain('C4:∅→REPORTED');
  });

  describe.each(TABLE)('row %s: %s → %s (%o)', (_row, from, to, hazard, allowed) => {
    it.each(ALL)('by %s', (party) => {
      const transition = HAZARD_TRANSITIONS.find(
        (t) => t.from === from && t.to === to && (from !== null || t.row === _row),
      )!;
      const decision = transition.actors(hazard).includes(party) ? 'ALLOWED' : 'NOT_PERMITTED';
      expect(decision).toBe(allowed.includes(party) ? 'ALLOWED' : 'NOT_PERMITTED');
      if (from !== null) expect(decideTransition({ ...hazard, status: from }, to, [party])).toBe(decision);
    });
  });

  it.each([
    [S.REPORTED, S.CLOSED],
    [S.REPORTED, S.RECTIFYING],
    [S.CONFIRMED, S.CLOSED],
    [S.CONFIRMED, S.ACCEPTED],
    [S.CLOSED, S.RECTIFYING],
    [S.REJECTED, S.CONFIRMED],
    [S.RECTIFYING, S.RECTIFYING],
    [S.DRAFT, S.CONFIRMED],
    [S.ACCEPTED, S.RECTIFYING],
    [S.FIXED_ON_SPOT, S.ACCEPTED],
    [S.PENDING_ACCEPTANCE, S.CLOSED],
  ] as const)('%s → %s is not in the table (ILLEGAL)', (from, to) => {
    expect(decideTransition({ ...govGeneral, status: from }, to, ALL)).toBe('ILLEGAL');
  });

  it('needs a reason to reject, fail acceptance, re-grade and reopen', () => {
    const reasoned = HAZARD_TRANSITIONS.filter((t) => t.needsReason).map((t) => t.operation);
    expect([...new Set(reasoned)].sort()).toEqual([
      'failAcceptance',
      'regradeHazard',
      'rejectHazard',
      'reopenHazard',
    ]);
  });

  it('finds the row of an operation from a status', () => {
    expect(transitionFor('fixOnSpot', S.REPORTED)?.row).toBe('2');
    expect(transitionFor('fixOnSpot', S.FIXED_ON_SPOT)?.row).toBe('7');
    expect(transitionFor('acceptHazard', S.RECTIFYING)).toBeUndefined();
  });

  it.each([
    [[Role.SAC_OFFICE], ['REGULATOR', 'COUNTY']],
    [[Role.COUNTY_LEADER], ['REGULATOR', 'COUNTY']],
    [[Role.TOWNSHIP_OFFICER], ['REGULATOR']],
    [[Role.STATIONED_SUPERVISOR], ['REGULATOR']],
    [[Role.VILLAGE_GRID], ['GRID']],
    [[Role.ENT_SAFETY_MANAGER], ['ENTERPRISE']],
    [[Role.ENT_PRINCIPAL], ['ENTERPRISE']],
    [[Role.ENT_STAFF], ['ENTERPRISE_STAFF']],
    [[Role.PUBLIC], []],
    [[Role.PLATFORM_ADMIN], []],
  ] as const)('roles %o are the parties %o', (roles, parties) => {
    expect(partiesOf({ id: 'a', roles })).toEqual(parties);
  });

  it('makes the person who found a hazard its FINDER', () => {
    expect(partiesOf({ id: 'a', roles: [Role.ENT_STAFF] }, { foundById: 'a' })).toEqual([
      'ENTERPRISE_STAFF',
      'FINDER',
    ]);
    expect(partiesOf({ id: 'b', roles: [Role.ENT_STAFF] }, { foundById: 'a' })).toEqual(['ENTERPRISE_STAFF']);
  });

  it.each([
    [['ENTERPRISE'], Src.ENTERPRISE_SELF_CHECK, false],
    [['ENTERPRISE_STAFF'], Src.STAFF_REPORT, false],
    [['ENTERPRISE'], Src.GOV_INSPECTION, true],
    [['REGULATOR'], Src.GOV_INSPECTION, false],
    [['GRID'], Src.WHISTLEBLOWER, false],
    [['REGULATOR'], Src.SYSTEM_RULE, true],
  ] as const)('%o reporting a %s hazard is refused: %s', (parties, source, refused) => {
    expect(sourceProblem(parties, source) !== null).toBe(refused);
  });
});

describe('H-1 graded acceptance', () => {
  it.each([
    [G.GENERAL, Src.ENTERPRISE_SELF_CHECK, null, T.SELF],
    [G.GENERAL, Src.STAFF_REPORT, null, T.SELF],
    [G.GENERAL, Src.GOV_INSPECTION, null, T.REGULATOR],
    [G.GENERAL, Src.WHISTLEBLOWER, null, T.REGULATOR],
    [G.MAJOR, Src.ENTERPRISE_SELF_CHECK, null, T.REGULATOR],
    [G.MAJOR, Src.GOV_INSPECTION, 'COUNTY_DEPT', T.REGULATOR],
    [G.MAJOR, Src.GOV_INSPECTION, 'COUNTY_SAC', T.COUNTY],
  ] as const)('%s found by %s, listed %s → %s', (grade, source, listingLevel, tier) => {
    expect(acceptanceTier({ grade, source, listingLevel })).toBe(tier);
  });

  it('refuses self-acceptance by the rectifier and off-site acceptance of a major hazard', () => {
    const self = { grade: G.GENERAL, acceptanceTier: T.SELF, rectifiedById: 'r' };
    expect(acceptProblems(self, { acceptorId: 'r', onSite: false })).toHaveProperty('hazardId');
    expect(acceptProblems(self, { acceptorId: 'other', onSite: false })).toEqual({});
    const major = { grade: G.MAJOR, acceptanceTier: T.REGULATOR, rectifiedById: 'r' };
    expect(acceptProblems(major, { acceptorId: 'r', onSite: false })).toEqual({ onSite: expect.any(String) });
    expect(acceptProblems(major, { acceptorId: 'r', onSite: true })).toEqual({});
  });
});

describe('guards of the rows', () => {
  const photo = (kind: E) => ({ fileId: 'a'.repeat(64), kind });

  it('row 1: a description and a photo, or a reason', () => {
    expect(reportProblems({ description: '裂缝', evidence: [photo(E.BEFORE)] })).toEqual({});
    expect(reportProblems({ description: '裂缝', evidence: [], noPhotoReason: '夜间无法拍照' })).toEqual({});
    expect(reportProblems({ description: '裂缝', evidence: [photo(E.AFTER)] })).toHaveProperty('evidence');
    expect(reportProblems({ description: ' ', evidence: [photo(E.BEFORE)] })).toHaveProperty('description');
  });

  it('row 2: GENERAL only, with an after-photo', () => {
    expect(fixOnSpotProblems({ grade: G.GENERAL }, [photo(E.AFTER)])).toEqual({});
    expect(fixOnSpotProblems({ grade: G.GENERAL }, [photo(E.BEFORE)])).toHaveProperty('evidence');
    expect(fixOnSpotProblems({ grade: G.MAJOR }, [photo(E.AFTER)])).toHaveProperty('grade');
  });

  it('row 3: how a major hazard was determined', () => {
    expect(determinationProblems({ grade: G.GENERAL })).toEqual({});
    expect(determinationProblems({ grade: G.MAJOR })).toHaveProperty('determination');
    expect(determinationProblems({ grade: G.MAJOR, determination: D.STANDARD_CLAUSE })).toHaveProperty(
      'criterionId',
    );
    expect(
      determinationProblems({ grade: G.MAJOR, determination: D.STANDARD_CLAUSE, criterionId: '化工-12' }),
    ).toEqual({});
    expect(determinationProblems({ grade: G.MAJOR, determination: D.EXPERT_JUDGEMENT })).toHaveProperty(
      'expertOpinionFileId',
    );
    expect(determinationProblems({ grade: G.MAJOR, determination: D.EXTERNAL_FACTOR })).toEqual({});
  });

  it('row 5: a major hazard needs the approved plan and interim measures', () => {
    const measures = [{ kind: M.ISOLATION }];
    expect(
      startRectificationProblems({ grade: G.GENERAL, planApproved: false, interimMeasures: [] }),
    ).toEqual({});
    expect(
      startRectificationProblems({ grade: G.MAJOR, planApproved: true, interimMeasures: measures }),
    ).toEqual({});
    expect(
      Object.keys(
        startRectificationProblems({ grade: G.MAJOR, planApproved: false, interimMeasures: [] }),
      ).sort(),
    ).toEqual(['interimMeasures', 'plan']);
  });

  it.each([
    [G.GENERAL, [E.AFTER], [], true],
    [G.GENERAL, [E.BEFORE], [], false],
    [G.MAJOR, [E.AFTER], [], false],
    [G.MAJOR, [E.AFTER, E.COMPLETION_REPORT], [M.ISOLATION], true],
    [G.MAJOR, [E.AFTER, E.COMPLETION_REPORT], [M.PARTIAL_SUSPENSION], false],
    [G.MAJOR, [E.AFTER, E.COMPLETION_REPORT], [M.FULL_SUSPENSION], false],
    [G.MAJOR, [E.AFTER, E.COMPLETION_REPORT, E.RESUMPTION_APPLICATION], [M.FULL_SUSPENSION], true],
  ] as const)('row 6: %s with %o after %o measures is complete: %s', (grade, kinds, measures, ok) => {
    const problems = requestAcceptanceProblems({
      grade,
      evidence: kinds.map(photo),
      interimMeasures: measures.map((kind) => ({ kind })),
    });
    expect(Object.keys(problems).length === 0).toBe(ok);
  });

  it('row 12: reopening within 30 days of closing', () => {
    const closed = new Date('2025-06-01T10:00:00+08:00');
    expect(reopenWindowOpen(closed, new Date('2025-07-01T10:00:00+08:00'))).toBe(true);
    expect(reopenWindowOpen(closed, new Date('2025-07-01T10:00:01+08:00'))).toBe(false);
    expect(reopenWindowOpen(null, closed)).toBe(false);
  });
});

describe('H-2 double assignment', () => {
  const base = {
    enterpriseId: 'e',
    orgUnitId: null,
    townshipCode: '620621100',
    regulatorOrgIds: ['emb'],
  };
  it.each([
    [G.GENERAL, Src.ENTERPRISE_SELF_CHECK, 0],
    [G.GENERAL, Src.GOV_INSPECTION, 2],
    [G.MAJOR, Src.ENTERPRISE_SELF_CHECK, 2],
  ] as const)('%s found by %s gets %i legs', (grade, source, legs) => {
    expect(assignmentsFor({ ...base, grade, source })).toHaveLength(legs);
  });
  it('gives the enterprise the rectification and the town + regulators the oversight', () => {
    expect(assignmentsFor({ ...base, grade: G.MAJOR, source: Src.GOV_INSPECTION })).toEqual([
      { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: 'e', orgUnitIds: [], townshipCode: null },
      { leg: 'SUPERVISOR_OVERSIGHT', enterpriseId: null, orgUnitIds: ['emb'], townshipCode: '620621100' },
    ]);
  });
});

describe('deadlines, overdue crossings and the H-4 reminder (domain §0.3, §5.6)', () => {
  // 2025-06-10 23:30 in Shanghai is still 10 June there, but already 15:30Z.
  const lateEvening = new Date('2025-06-10T15:30:00Z');
  const nextMorning = new Date('2025-06-11T00:30:00+08:00');

  it.each([
    [S.RECTIFYING, '2025-06-10', lateEvening, false],
    [S.RECTIFYING, '2025-06-10', nextMorning, true],
    [S.PENDING_ACCEPTANCE, '2025-06-01', nextMorning, true],
    [S.CONFIRMED, '2025-06-30', nextMorning, false],
    [S.ACCEPTED, '2025-06-01', nextMorning, false],
    [S.CLOSED, '2025-06-01', nextMorning, false],
    [S.REJECTED, '2025-06-01', nextMorning, false],
    [S.REPORTED, null, nextMorning, false],
  ] as const)('%s with deadline %s at %s: overdue %s', (status, deadline, now, overdue) => {
    expect(isOverdue({ status, deadline }, now)).toBe(overdue);
  });

  it('crosses once per deadline, and again for a new deadline', () => {
    const hazard = { status: S.RECTIFYING, deadline: '2025-06-10', overdueNotifiedFor: null };
    expect(overdueCrossing(hazard, lateEvening)).toBe(false);
    expect(overdueCrossing(hazard, nextMorning)).toBe(true);
    expect(overdueCrossing({ ...hazard, overdueNotifiedFor: '2025-06-10' }, nextMorning)).toBe(false);
    const extended = { ...hazard, deadline: '2025-06-20', overdueNotifiedFor: '2025-06-10' };
    expect(overdueCrossing(extended, nextMorning)).toBe(false);
    expect(overdueCrossing(extended, new Date('2025-06-21T00:00:00+08:00'))).toBe(true);
  });

  it('reminds of a missing major-hazard plan 7 days after confirmation, once per confirmation', () => {
    const confirmedAt = new Date('2025-06-01T10:00:00+08:00');
    const hazard = {
      grade: G.MAJOR,
      status: S.CONFIRMED,
      confirmedAt,
      planApproved: false,
      planRemindedFor: null,
    };
    expect(planReminderDue(hazard, new Date('2025-06-08T09:59:59+08:00'))).toBe(false);
    expect(planReminderDue(hazard, new Date('2025-06-08T10:00:00+08:00'))).toBe(true);
    expect(planReminderDue({ ...hazard, planRemindedFor: confirmedAt }, new Date('2025-06-09'))).toBe(false);
    expect(planReminderDue({ ...hazard, planApproved: true }, new Date('2025-06-09'))).toBe(false);
    expect(planReminderDue({ ...hazard, grade: G.GENERAL }, new Date('2025-06-09'))).toBe(false);
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

  it.each([
    ['2025-08-31', -6, '2025-02-28'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-11-30', 3, '2026-02-28'],
  ] as const)('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const prior = (overrides: Partial<PriorHazard>): PriorHazard => ({
  id: 'p',
  source: Src.ENTERPRISE_SELF_CHECK,
  status: S.CLOSED,
  criterionId: 'c-1',
  riskPointId: null,
  category: null,
  foundAt: at('2025-01-10'),
  closedAt: at('2025-02-01'),
  ...overrides,
});

describe('H-5 当作事故对待', () => {
  const major = {
    grade: G.MAJOR,
    source: Src.GOV_INSPECTION,
    criterionId: 'c-1',
    riskPointId: 'rp-1',
    foundAt: at('2025-06-30'),
  };

  it('treats a government-found major hazard the enterprise never reported as an accident', () => {
    expect(treatAsAccident(major, [], [])).toEqual({ treatAsAccident: true, regulatorOrgIds: [] });
    expect(treatAsAccident({ ...major, source: Src.WHISTLEBLOWER }, [], []).treatAsAccident).toBe(true);
  });

  it.each([
    ['general grade', { grade: G.GENERAL }],
    ['found by the enterprise', { source: Src.ENTERPRISE_SELF_CHECK }],
    ['found by experts', { source: Src.EXPERT_SERVICE }],
  ])('does not apply to a hazard with %s', (_label, change) => {
    expect(treatAsAccident({ ...major, ...change }, [], []).treatAsAccident).toBe(false);
  });

  it.each([
    ['open, same criterion', prior({ status: S.RECTIFYING, closedAt: null }), false],
    [
      'open, same risk point',
      prior({ status: S.CONFIRMED, criterionId: null, riskPointId: 'rp-1', closedAt: null }),
      false,
    ],
    ['closed exactly 90 days before', prior({ closedAt: at('2025-04-01') }), false],
    ['closed 91 days before', prior({ closedAt: at('2025-03-31') }), true],
    [
      'other criterion and risk point',
      prior({ status: S.RECTIFYING, criterionId: 'c-2', closedAt: null }),
      true,
    ],
    ['rejected', prior({ status: S.REJECTED, closedAt: null }), true],
    [
      'a government find, not a self-report',
      prior({ source: Src.GOV_INSPECTION, status: S.RECTIFYING, closedAt: null }),
      true,
    ],
    [
      'reported after the finding',
      prior({ status: S.RECTIFYING, foundAt: at('2025-07-01'), closedAt: null }),
      true,
    ],
  ] as const)('a self-report %s → treat as accident %s', (_label, selfReport, expected) => {
    expect(treatAsAccident(major, [selfReport], []).treatAsAccident).toBe(expected);
  });

  it('names the regulators that inspected within 6 months without finding it', () => {
    const decision = treatAsAccident(
      major,
      [],
      [
        { orgUnitId: 'town', inspectedAt: at('2024-12-30'), foundIt: false },
        { orgUnitId: 'emb', inspectedAt: at('2024-12-29'), foundIt: false },
        { orgUnitId: 'housing', inspectedAt: at('2025-05-01'), foundIt: true },
        { orgUnitId: 'town', inspectedAt: at('2025-03-01'), foundIt: false },
      ],
    );
    expect(decision).toEqual({ treatAsAccident: true, regulatorOrgIds: ['town'] });
  });
});

describe('H-6 repeat detection', () => {
  const hazard = {
    criterionId: 'c-1',
    riskPointId: 'rp-1',
    category: 'UNSAFE_CONDITION',
    foundAt: at('2025-06-30'),
  };
  it.each([
    ['same criterion, closed 12 months before', prior({ closedAt: at('2024-06-30') }), true],
    ['same criterion, closed 12 months and a day before', prior({ closedAt: at('2024-06-29') }), false],
    [
      'same risk point and category',
      prior({ criterionId: null, riskPointId: 'rp-1', category: 'UNSAFE_CONDITION' }),
      true,
    ],
    [
      'same risk point, other category',
      prior({ criterionId: null, riskPointId: 'rp-1', category: 'UNSAFE_ACT' }),
      false,
    ],
    ['not closed', prior({ status: S.RECTIFYING, closedAt: null }), false],
    ['other criterion', prior({ criterionId: 'c-2' }), false],
  ] as const)('%s: repeat %s', (_label, previous, repeat) => {
    expect(findRepeat(hazard, [previous])?.id ?? null).toBe(repeat ? 'p' : null);
  });

  it('points at the most recent closure', () => {
    const older = prior({ id: 'old', closedAt: at('2024-09-01') });
    const newer = prior({ id: 'new', closedAt: at('2025-03-01') });
    expect(findRepeat(hazard, [older, newer])?.id).toBe('new');
  });
});

describe('H-7 statistics form', () => {
  it.each([
    [2025, 1, '2025-01-01', '2025-03-31', '2025-04-15'],
    [2025, 2, '2025-04-01', '2025-06-30', '2025-07-15'],
    [2025, 3, '2025-07-01', '2025-09-30', '2025-10-15'],
    [2025, 4, '2025-10-01', '2025-12-31', '2026-01-15'],
    [2024, null, '2024-01-01', '2024-12-31', '2025-01-31'],
  ] as const)('%i Q%s runs %s to %s, due %s (令第16号 第14条)', (year, quarter, start, end, due) => {
    expect(statisticsPeriod(year, quarter)).toEqual({ year, quarter, start, end, dueDate: due });
  });

  it('counts found, fixed, open, overdue and listed by grade, from the records', () => {
    const row = (grade: G, status: S, found: string, accepted: string | null, deadline: string | null) => ({
      grade,
      status,
      foundAt: at(found),
      acceptedAt: accepted ? at(accepted) : null,
      deadline,
      listingId: null as string | null,
    });
    const rows = [
      row(G.GENERAL, S.CLOSED, '2025-04-02', '2025-04-10', '2025-04-20'), // found + fixed
      row(G.GENERAL, S.CLOSED, '2025-03-20', '2025-04-05', '2025-03-30'), // fixed only (found in Q1)
      row(G.GENERAL, S.RECTIFYING, '2025-05-01', null, '2025-06-29'), // found, open, overdue at 30 June
      row(G.GENERAL, S.RECTIFYING, '2025-06-15', null, '2025-06-30'), // found, open, not overdue yet
      row(G.GENERAL, S.CLOSED, '2025-06-20', '2025-07-02', '2025-07-05'), // found, open at the end
      row(G.GENERAL, S.REJECTED, '2025-05-05', null, null), // not registered
      row(G.GENERAL, S.DRAFT, '2025-05-06', null, null), // not registered
      row(G.GENERAL, S.RECTIFYING, '2025-07-01', null, '2025-07-10'), // after the period
      { ...row(G.MAJOR, S.RECTIFYING, '2025-02-01', null, '2025-08-01'), listingId: 'l-1' }, // open, listed
    ];
    const [general, major] = hazardStatisticsForm(rows, statisticsPeriod(2025, 2));
    expect(general).toEqual({
      grade: G.GENERAL,
      found: 4,
      fixed: 2,
      open: 3,
      overdue: 1,
      listed: 0,
      rectificationRate: '25.00',
    });
    expect(major).toEqual({
      grade: G.MAJOR,
      found: 0,
      fixed: 0,
      open: 1,
      overdue: 0,
      listed: 1,
      rectificationRate: null,
    });
  });
});
