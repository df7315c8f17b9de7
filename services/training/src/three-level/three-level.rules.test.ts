import { describe, expect, it } from 'vitest';
import { EducationLevel as L, ThreeLevelStatus as S } from './three-level.enums.js';
import {
  canTransition,
  canWork,
  levelsAfterRedo,
  missingLevels,
  recordingPath,
  refresherDue,
  requiredLevelHours,
  requiredNewHireHours,
  returnNeedsRedo,
  statusFromLevels,
} from './three-level.rules.js';

describe('three-level education hours (domain §7.2, §7.3)', () => {
  it.each([
    ['COAL_MINE', 72, 24],
    ['NON_COAL_MINE', 72, 24],
    ['HAZCHEM_PRODUCTION', 72, 24],
    ['FIREWORKS', 72, 24],
    ['METALLURGY', 72, 24],
    ['CONSTRUCTION', 32, 11],
    ['INDUSTRY_TRADE', 24, 8],
    ['CROWDED_PLACE', 24, 8],
    ['NOT_A_KNOWN_CODE', 24, 8],
  ])('%s: %i h in total, %i h per level (one third, rounded up)', (code, total, perLevel) => {
    expect(requiredNewHireHours(code)).toBe(total);
    expect(requiredLevelHours(total)).toBe(perLevel);
  });
});

const level = (l: L, hours = 8, passed = true) => ({ level: l, hours, passed, completedAt: '2025-01-10' });

describe('three-level status from the recorded levels', () => {
  it.each([
    ['nothing recorded', [], S.NOT_STARTED, [L.COMPANY, L.WORKSHOP, L.TEAM]],
    ['company level only', [level(L.COMPANY)], S.IN_PROGRESS, [L.WORKSHOP, L.TEAM]],
    ['all three passed', [level(L.COMPANY), level(L.WORKSHOP), level(L.TEAM)], S.PASSED, []],
    [
      'one failed exam',
      [level(L.COMPANY), level(L.WORKSHOP, 8, false), level(L.TEAM)],
      S.IN_PROGRESS,
      [L.WORKSHOP],
    ],
    [
      'one level 1 h short',
      [level(L.COMPANY), level(L.WORKSHOP, 7), level(L.TEAM)],
      S.IN_PROGRESS,
      [L.WORKSHOP],
    ],
    [
      'a failed attempt then a pass',
      [level(L.COMPANY), level(L.WORKSHOP, 8, false), level(L.WORKSHOP), level(L.TEAM)],
      S.PASSED,
      [],
    ],
  ])('%s → %s', (_, levels, status, missing) => {
    expect(statusFromLevels(levels, 24)).toBe(status);
    expect(missingLevels(levels, 24)).toEqual(missing);
  });

  it('needs 24 h per level in a high-risk sector (72 h)', () => {
    const eight = [level(L.COMPANY), level(L.WORKSHOP), level(L.TEAM)];
    expect(statusFromLevels(eight, 72)).toBe(S.IN_PROGRESS);
    expect(
      statusFromLevels(
        eight.map((l) => ({ ...l, hours: 24 })),
        72,
      ),
    ).toBe(S.PASSED);
  });
});

describe('three-level state machine (domain §7.3)', () => {
  it.each([
    [S.NOT_STARTED, S.IN_PROGRESS, true],
    [S.IN_PROGRESS, S.PASSED, true],
    [S.PASSED, S.REDO_REQUIRED, true],
    [S.REDO_REQUIRED, S.IN_PROGRESS, true],
    [S.NOT_STARTED, S.PASSED, false],
    [S.PASSED, S.IN_PROGRESS, false],
    [S.PASSED, S.NOT_STARTED, false],
    [S.REDO_REQUIRED, S.PASSED, false],
    [S.IN_PROGRESS, S.REDO_REQUIRED, false],
    [S.IN_PROGRESS, S.NOT_STARTED, false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each([
    [S.NOT_STARTED, S.IN_PROGRESS, [S.IN_PROGRESS]],
    [S.NOT_STARTED, S.PASSED, [S.IN_PROGRESS, S.PASSED]],
    [S.IN_PROGRESS, S.IN_PROGRESS, []],
    [S.IN_PROGRESS, S.PASSED, [S.PASSED]],
    [S.REDO_REQUIRED, S.PASSED, [S.IN_PROGRESS, S.PASSED]],
    [S.REDO_REQUIRED, S.IN_PROGRESS, [S.IN_PROGRESS]],
    [S.PASSED, S.PASSED, null],
    [S.PASSED, S.IN_PROGRESS, null],
  ])('recording from %s to %s goes through %o', (from, to, path) => {
    expect(recordingPath(from, to)).toEqual(path);
  });

  it('a redo keeps only the company level', () => {
    const levels = [level(L.COMPANY), level(L.WORKSHOP), level(L.TEAM)];
    expect(levelsAfterRedo(levels).map((l) => l.level)).toEqual([L.COMPANY]);
  });

  it.each([
    ['2024-03-15', '2025-03-15', true],
    ['2024-03-15', '2025-03-14', false],
    ['2024-02-29', '2025-02-28', true],
  ])('away since %s, back on %s: redo %s (exactly 12 months counts)', (last, back, redo) => {
    expect(returnNeedsRedo(last, back)).toBe(redo);
  });
});

describe('canWork (domain §7.3)', () => {
  const passed = { status: S.PASSED, passedAt: '2023-05-10', lastRefresherAt: '2024-06-01' };
  it.each([
    ['refresher due 2025-06-01, on the due day', passed, '2025-06-01', true],
    ['30 days overdue (grace)', passed, '2025-07-01', true],
    ['31 days overdue', passed, '2025-07-02', false],
    ['no refresher yet: due a year after passing', { ...passed, lastRefresherAt: null }, '2024-06-09', true],
    ['no refresher yet, 31 days past the year', { ...passed, lastRefresherAt: null }, '2024-06-10', false],
    ['in progress', { ...passed, status: S.IN_PROGRESS }, '2024-07-01', false],
    ['not started', { ...passed, status: S.NOT_STARTED }, '2024-07-01', false],
    ['redo required', { ...passed, status: S.REDO_REQUIRED }, '2024-07-01', false],
    [
      'PASSED without a date cannot be checked',
      { ...passed, passedAt: null, lastRefresherAt: null },
      '2024-07-01',
      false,
    ],
    ['no record', null, '2024-07-01', false],
  ])('%s → %s', (_, record, day, ok) => {
    expect(canWork(record, day)).toBe(ok);
  });

  it('the refresher is due a year after the last one', () => {
    expect(refresherDue(passed)).toBe('2025-06-01');
    expect(refresherDue({ ...passed, lastRefresherAt: null })).toBe('2024-05-10');
  });
});
