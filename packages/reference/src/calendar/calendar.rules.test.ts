import { describe, expect, it } from 'vitest';
import { HOLIDAY_NOTICES, STATUTORY_HOLIDAY_DAYS } from './calendar.data.js';
import { KeyPeriodKind } from './calendar.kinds.js';
import {
  addWorkingDays,
  calendarEntries,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  keyPeriods,
  noticeCoverage,
  overridesFromEntries,
} from './calendar.rules.js';

describe('isWorkingDay (State Council notices, domain §2.7)', () => {
  it.each([
    // 2024 Spring Festival: 10–17 Feb off, Sun 4 Feb and Sun 18 Feb worked.
    ['2024-02-04', true, 'make-up Sunday before the Spring Festival'],
    ['2024-02-09', true, 'Friday before the break'],
    ['2024-02-10', false, 'first day of the Spring Festival break'],
    ['2024-02-14', false, 'a Wednesday inside the break'],
    ['2024-02-17', false, 'last day of the break'],
    ['2024-02-18', true, 'make-up Sunday after the break'],
    // 2025 Spring Festival: 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb worked.
    ['2025-01-26', true, 'make-up Sunday'],
    ['2025-01-27', true, 'Monday before 除夕'],
    ['2025-01-28', false, '除夕 (a statutory day from 2025)'],
    ['2025-02-04', false, 'last day of the break'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, 'make-up Saturday'],
    ['2025-05-02', false, 'Labour Day second statutory day from 2025'],
    ['2025-04-27', true, 'Labour Day make-up Sunday'],
    ['2025-10-08', false, 'National Day and Mid-Autumn joined'],
    ['2025-10-11', true, 'National Day make-up Saturday'],
    ['2023-01-02', false, 'New Year observed on Monday'],
    ['2023-10-07', true, 'make-up Saturday 2023'],
    ['2024-06-10', false, 'Dragon Boat 2024'],
    ['2026-02-23', false, '2026 Spring Festival last day [K?]'],
    ['2026-02-28', true, '2026 make-up Saturday [K?]'],
    ['2026-01-04', true, '2026 New Year make-up Sunday [K?]'],
    ['2024-03-09', false, 'an ordinary Saturday'],
    ['2024-03-11', true, 'an ordinary Monday'],
    ['2030-06-15', false, 'a Saturday beyond the notices: weekend rule'],
    ['2030-06-17', true, 'a Monday beyond the notices: weekend rule'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe('addWorkingDays (counting starts on the next working day, domain §0.3)', () => {
  it.each([
    ['2024-03-11', 0, '2024-03-11', 'zero days is the same day'],
    ['2024-03-11', 1, '2024-03-12', 'Monday + 1 is Tuesday'],
    ['2024-03-15', 1, '2024-03-18', 'Friday + 1 skips the weekend'],
    ['2024-03-11', 5, '2024-03-18', 'a working week'],
    ['2024-02-08', 1, '2024-02-09', 'Thursday before the break'],
    ['2024-02-09', 1, '2024-02-18', 'the break is skipped, the make-up Sunday counts'],
    ['2024-02-09', 2, '2024-02-19', 'then Monday'],
    ['2024-02-03', 1, '2024-02-04', 'Saturday + 1 is the make-up Sunday'],
    ['2025-01-27', 1, '2025-02-05', 'over the 2025 Spring Festival'],
    ['2025-02-07', 1, '2025-02-08', 'Friday + 1 is the make-up Saturday'],
    ['2024-09-30', 1, '2024-10-08', 'over National Day 2024'],
    ['2024-09-30', 2, '2024-10-09', ''],
    ['2023-12-29', 1, '2024-01-02', 'over New Year 2024'],
    ['2024-06-07', 7, '2024-06-19', '7 working days over Dragon Boat 2024'],
    ['2025-09-26', 20, '2025-10-30', '20 working days over the 2025 Golden Week'],
  ])('%s + %i working days = %s %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('refuses negative or fractional day counts', () => {
    expect(() => addWorkingDays('2024-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('follows the stored calendar when given one', () => {
    const stored = overridesFromEntries([
      { date: '2030-06-17', isWorkingDay: false, holidayName: '临时', holidayKind: null, source: null },
    ]);
    expect(addWorkingDays('2030-06-14', 1, stored)).toBe('2030-06-18');
  });
});

describe('the notice data', () => {
  const allDays = (year: number) => calendarEntries(`${year}-01-01`, `${year}-12-31`);

  it.each([
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, workingDays) => {
    expect(allDays(year).filter((d) => d.isWorkingDay)).toHaveLength(workingDays);
  });

  it.each(HOLIDAY_NOTICES.map((n) => [n.year, n] as const))(
    '%i: make-up days are weekends and weekdays off minus make-up days equal the statutory days',
    (year, notice) => {
      for (const block of notice.holidays) {
        expect(block.from <= block.to, block.name).toBe(true);
        for (const day of block.makeUpWorkdays) {
          expect(isWeekend(day), `${day} ${block.name}`).toBe(true);
          expect(day < block.from || day > block.to).toBe(true);
        }
      }
      const days = allDays(year);
      const weekdaysOff = days.filter((d) => !d.isWorkingDay && !isWeekend(d.date)).length;
      const weekendsWorked = days.filter((d) => d.isWorkingDay && isWeekend(d.date)).length;
      expect(weekdaysOff - weekendsWorked).toBe(STATUTORY_HOLIDAY_DAYS[year]);
    },
  );

  it('covers 2023 to 2026 from the first day of the 2023 New Year break', () => {
    expect(noticeCoverage()).toEqual({ from: '2022-12-31', to: '2026-12-31' });
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
});

describe('keyPeriods (domain §4.5)', () => {
  const entries = calendarEntries('2023-12-01', '2024-12-31');

  it('derives holiday periods from the calendar and adds the configured ones', () => {
    const periods = keyPeriods(2024, entries);
    expect(periods.map((p) => [p.kind, p.from, p.to])).toEqual([
      [KeyPeriodKind.NEW_YEAR, '2023-12-30', '2024-01-01'],
      [KeyPeriodKind.SPRING_FESTIVAL, '2024-02-10', '2024-02-17'],
      [KeyPeriodKind.TWO_SESSIONS, '2024-03-04', '2024-03-11'],
      [KeyPeriodKind.QINGMING, '2024-04-04', '2024-04-06'],
      [KeyPeriodKind.LABOUR_DAY, '2024-05-01', '2024-05-05'],
      [KeyPeriodKind.SAFETY_MONTH, '2024-06-01', '2024-06-30'],
      [KeyPeriodKind.FLOOD_SEASON, '2024-06-01', '2024-09-30'],
      [KeyPeriodKind.DRAGON_BOAT, '2024-06-08', '2024-06-10'],
      [KeyPeriodKind.MID_AUTUMN, '2024-09-15', '2024-09-17'],
      [KeyPeriodKind.NATIONAL_DAY, '2024-10-01', '2024-10-07'],
    ]);
    expect(periods[1]).toMatchObject({ name: '春节', source: '国办发明电〔2023〕7号' });
  });

  it('joins Mid-Autumn and National Day when the notice does, and uses defaults for unknown years', () => {
    const y2025 = keyPeriods(2025, calendarEntries('2024-12-01', '2025-12-31'));
    expect(y2025.find((p) => p.kind === KeyPeriodKind.NATIONAL_DAY)).toMatchObject({
      name: '国庆节、中秋节',
      from: '2025-10-01',
      to: '2025-10-08',
    });
    expect(y2025.some((p) => p.kind === KeyPeriodKind.MID_AUTUMN)).toBe(false);
    const y2031 = keyPeriods(2031, calendarEntries('2030-12-01', '2031-12-31'));
    expect(y2031.map((p) => p.kind)).toEqual([
      KeyPeriodKind.TWO_SESSIONS,
      KeyPeriodKind.SAFETY_MONTH,
      KeyPeriodKind.FLOOD_SEASON,
    ]);
    expect(y2031[0]).toMatchObject({ from: '2031-03-03', to: '2031-03-15' });
  });
});
