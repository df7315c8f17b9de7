import { describe, expect, it } from 'vitest';
import { addDays, addYears, localDate, localYear } from './dates.js';

describe('local dates (domain §0.3)', () => {
  it.each([
    ['2025-06-10T15:30:00Z', '2025-06-10'],
    ['2025-06-10T16:00:00Z', '2025-06-11'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
  ])('%s is %s in Asia/Shanghai', (instant, date) => {
    expect(localDate(new Date(instant))).toBe(date);
  });

  it('takes the year in Asia/Shanghai', () => {
    expect(localYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
  });

  it.each([
    ['2025-06-10', 30, '2025-07-10'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
  ] as const)('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-08-31', 3, '2026-08-31'],
    ['2025-06-10', -3, '2022-06-10'],
  ] as const)('%s plus %i years is %s (民法典 第202条)', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});
