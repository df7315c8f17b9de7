import { describe, expect, it } from 'vitest';
import { SelfCheckCadence, SelfCheckItemResult, SelfCheckKind } from './self-check.enums.js';
import {
  cadenceProblem,
  compliance,
  DEFAULT_CADENCE,
  duePeriods,
  type PlanFacts,
  periodOutcomes,
  preHolidayWindows,
  recordProblems,
} from './self-check.rules.js';

const plan = (
  cadence: SelfCheckCadence,
  startsOn = '2025-01-01',
  extra: Partial<PlanFacts> = {},
): PlanFacts => ({
  cadence,
  startsOn,
  endsOn: null,
  shiftsPerDay: 1,
  ...extra,
});

describe('self-check cadences (domain §5.8)', () => {
  it('gives each kind the default cadence of the table', () => {
    expect(DEFAULT_CADENCE).toEqual({
      PATROL: 'EACH_SHIFT',
      TEAM_WEEKLY: 'WEEKLY',
      PLANT_MONTHLY: 'MONTHLY',
      SEASONAL: 'QUARTERLY',
      PRE_HOLIDAY: 'BEFORE_KEY_PERIOD',
      COMPREHENSIVE: 'HALF_YEARLY',
    });
    expect(cadenceProblem(SelfCheckKind.PRE_HOLIDAY, SelfCheckCadence.MONTHLY)).toMatch(/key period/);
    expect(cadenceProblem(SelfCheckKind.PLANT_MONTHLY, SelfCheckCadence.BEFORE_KEY_PERIOD)).toMatch(
      /PRE_HOLIDAY/,
    );
    expect(cadenceProblem(SelfCheckKind.PLANT_MONTHLY, SelfCheckCadence.WEEKLY)).toBeNull();
  });

  it.each([
    [SelfCheckCadence.WEEKLY, '2025-06-02', '2025-06-29', ['2025-W23', '2025-W24', '2025-W25', '2025-W26']],
    [
      SelfCheckCadence.MONTHLY,
      '2025-01-01',
      '2025-06-30',
      ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
    ],
    [SelfCheckCadence.QUARTERLY, '2025-01-01', '2025-12-31', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
    [SelfCheckCadence.HALF_YEARLY, '2025-01-01', '2026-06-30', ['2025-H1', '2025-H2', '2026-H1']],
    [SelfCheckCadence.EACH_SHIFT, '2025-02-27', '2025-03-01', ['2025-02-27', '2025-02-28', '2025-03-01']],
  ])('%s periods ending in [%s, %s]', (cadence, from, to, labels) => {
    expect(duePeriods(plan(cadence), from, to).map((p) => p.label)).toEqual(labels);
  });

  it('counts ISO weeks Monday to Sunday, across the year end', () => {
    const weeks = duePeriods(plan(SelfCheckCadence.WEEKLY, '2024-12-01'), '2024-12-29', '2025-01-05');
    expect(weeks).toEqual([
      { start: '2024-12-23', end: '2024-12-29', label: '2024-W52', required: 1 },
      { start: '2024-12-30', end: '2025-01-05', label: '2025-W01', required: 1 },
    ]);
  });

  it('is due only for periods wholly inside the plan’s life', () => {
    // Starts mid-month: June is not due, July is; retired on 15 September: September is not due.
    const facts = plan(SelfCheckCadence.MONTHLY, '2025-06-10', { endsOn: '2025-09-15' });
    expect(duePeriods(facts, '2025-01-01', '2025-12-31').map((p) => p.label)).toEqual(['2025-07', '2025-08']);
    // A Monday start makes that week due.
    expect(duePeriods(plan(SelfCheckCadence.WEEKLY, '2025-06-02'), '2025-06-01', '2025-06-08')).toHaveLength(
      1,
    );
    expect(duePeriods(plan(SelfCheckCadence.WEEKLY, '2025-06-03'), '2025-06-01', '2025-06-08')).toHaveLength(
      0,
    );
  });

  it('puts pre-holiday windows in the 7 days before each key period of the reference calendar', () => {
    const windows = preHolidayWindows(2025);
    const before = (label: string) => windows.find((w) => w.label.startsWith(label));
    // 2025 Spring Festival: 28 Jan – 4 Feb.
    expect(before('春节')).toMatchObject({ start: '2025-01-21', end: '2025-01-27' });
    // Safety Month and flood season both start on 1 June: one window.
    const june = windows.filter((w) => w.end === '2025-05-31');
    expect(june).toHaveLength(1);
    expect(june[0]!.label).toContain('安全生产月');
    expect(june[0]!.label).toContain('汛期');
    expect(windows.map((w) => w.start)).toEqual([...windows.map((w) => w.start)].sort());
  });

  it('misses a period only once it has ended, with fewer checks than required', () => {
    const weekly = plan(SelfCheckCadence.WEEKLY, '2025-06-02');
    // Today is Monday 30 June: the week of 23–29 June has ended, the week of 30 June has not.
    const outcomes = periodOutcomes(
      weekly,
      ['2025-06-02', '2025-06-15', '2025-06-29'],
      '2025-06-01',
      '2025-07-06',
      '2025-06-30',
    );
    expect(outcomes.map((o) => [o.label, o.performed, o.missed])).toEqual([
      ['2025-W23', 1, false],
      ['2025-W24', 1, false],
      ['2025-W25', 0, true],
      ['2025-W26', 1, false],
    ]);
    expect(compliance(outcomes)).toEqual({ due: 4, met: 3, missed: 1, rate: 0.75 });
    expect(compliance([])).toEqual({ due: 0, met: 0, missed: 0, rate: null });
  });

  it('needs one patrol per shift on each day', () => {
    const patrol = plan(SelfCheckCadence.EACH_SHIFT, '2025-06-01', { shiftsPerDay: 3 });
    const outcomes = periodOutcomes(
      patrol,
      ['2025-06-01', '2025-06-01', '2025-06-01', '2025-06-02', '2025-06-02'],
      '2025-06-01',
      '2025-06-30',
      '2025-06-03',
    );
    expect(outcomes.map((o) => [o.label, o.performed, o.required, o.missed])).toEqual([
      ['2025-06-01', 3, 3, false],
      ['2025-06-02', 2, 3, true],
    ]);
  });

  it('misses a pre-holiday check done on the first day of the holiday (too late)', () => {
    const preHoliday = plan(SelfCheckCadence.BEFORE_KEY_PERIOD, '2025-01-01');
    const [spring] = periodOutcomes(preHoliday, ['2025-01-28'], '2025-01-01', '2025-01-31', '2025-02-10');
    expect(spring).toMatchObject({ label: expect.stringMatching(/^春节/), missed: true });
    const [inTime] = periodOutcomes(preHoliday, ['2025-01-27'], '2025-01-01', '2025-01-31', '2025-02-10');
    expect(inTime!.missed).toBe(false);
  });

  it('checks a record against the plan’s checklist', () => {
    const checklist = [{ code: 'A' }, { code: 'B' }];
    const ok = (code: string) => ({ code, result: SelfCheckItemResult.OK });
    const nok = (code: string, note: string | null = '坏了') => ({
      code,
      result: SelfCheckItemResult.NOK,
      note,
    });
    expect(recordProblems(checklist, [ok('A'), nok('B')], ['B'])).toEqual({});
    expect(recordProblems(checklist, [ok('A')], [])).toHaveProperty('items');
    expect(recordProblems(checklist, [ok('A'), ok('C')], [])).toHaveProperty('items');
    expect(recordProblems(checklist, [ok('A'), ok('A')], [])).toHaveProperty('items');
    expect(recordProblems(checklist, [ok('A'), nok('B', ' ')], [])).toHaveProperty('items');
    expect(recordProblems(checklist, [ok('A'), nok('B')], ['A'])).toHaveProperty('hazards');
    expect(recordProblems(checklist, [ok('A'), nok('B')], ['B', 'B'])).toHaveProperty('hazards');
  });
});
