import { describe, expect, test } from 'vitest';
import { formatShanghaiDate, formatShanghaiDateTime, shanghaiDayNumber } from './shanghai.js';

describe('Asia/Shanghai calendar', () => {
  test.each([
    ['2025-06-30', '2025-06-30'],
    ['2025-06-29T16:00:00Z', '2025-06-30'], // midnight in Shanghai
    ['2025-06-29T15:59:59Z', '2025-06-29'],
    [new Date('2025-12-31T20:00:00Z'), '2026-01-01'],
  ])('%s is %s in Shanghai', (input, expected) => {
    expect(formatShanghaiDate(input)).toBe(expected);
  });

  test('day numbers differ by whole days', () => {
    expect(shanghaiDayNumber('2025-03-01') - shanghaiDayNumber('2025-02-28')).toBe(1);
  });

  test('formats date-times in UTC+8 and rejects garbage', () => {
    expect(formatShanghaiDateTime('2025-05-01T01:30:00Z')).toBe('2025-05-01 09:30');
    expect(() => shanghaiDayNumber('not a date')).toThrow(RangeError);
  });
});
