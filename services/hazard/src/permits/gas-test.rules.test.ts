import { describe, expect, it } from 'vitest';
import {
  checkConfinedSpaceGasTest,
  checkHotWorkGasTest,
  checkLatestGasTests,
  type FlammableReading,
  flammableLimitPctVol,
  flammablePasses,
  flammableVolPct,
  type GasTest,
  gasTestProblems,
  monitoringGaps,
  oxygenPasses,
  shanghaiDate,
  toxicPasses,
} from './gas-test.rules.js';

/** Local Asia/Shanghai time. */
const at = (local: string) => new Date(`${local}+08:00`);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const before = (instant: Date, ms: number) => new Date(instant.getTime() - ms);
const after = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

const propane = (reading: string, unit: 'PCT_VOL' | 'PCT_LEL' = 'PCT_LEL'): FlammableReading => ({
  reading,
  unit,
  lelPctVol: '2.1',
  substance: '丙烷',
});
const clean: FlammableReading = { reading: '0', unit: 'PCT_LEL', lelPctVol: '5', substance: '甲烷' };
const test = (instant: Date, extra: Partial<GasTest> = {}): GasTest => ({
  at: instant,
  point: 'A',
  oxygenPctVol: '20.9',
  flammables: [clean],
  toxics: [],
  analystId: 'analyst-1',
  ...extra,
});
const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code);

describe('P-6 flammable limits', () => {
  it('converts %LEL exactly: propane (LEL 2.1 %) at 8 %LEL is 0.168 %vol and passes', () => {
    expect(flammableVolPct(propane('8')).toString()).toBe('0.168');
    expect(flammablePasses(propane('8'))).toBe(true);
    // 2.1 × 3 / 100 in binary floating point is 0.06300000000000001.
    expect(flammableVolPct(propane('3')).toString()).toBe('0.063');
  });

  it.each([
    // [LEL %vol, reading, unit, passes]
    ['4', '0.5', 'PCT_VOL', true], // LEL exactly 4 % uses the 0.5 % limit
    ['4', '0.3', 'PCT_VOL', true], // would fail the 0.2 % limit
    ['4', '0.5001', 'PCT_VOL', false],
    ['3.99', '0.2', 'PCT_VOL', true],
    ['3.99', '0.2001', 'PCT_VOL', false],
    ['5', '10', 'PCT_LEL', true], // 0.5 %vol exactly
    ['5', '10.01', 'PCT_LEL', false], // 0.5005 %vol
    ['2', '10', 'PCT_LEL', true], // 0.2 %vol exactly
    ['2', '10.01', 'PCT_LEL', false],
    ['2.1', '9.52', 'PCT_LEL', true], // 0.19992
    ['2.1', '9.53', 'PCT_LEL', false], // 0.20013
    ['1.4', '14.29', 'PCT_LEL', false], // 0.20006 (no separate %LEL rule: 14 %LEL is not "small")
  ] as const)('LEL %s %%, reading %s %s: passes %s', (lel, reading, unit, passes) => {
    expect(flammablePasses({ reading, unit, lelPctVol: lel })).toBe(passes);
  });

  it('chooses the limit by "≥ 4 %"', () => {
    expect(flammableLimitPctVol('4').toString()).toBe('0.5');
    expect(flammableLimitPctVol('3.9999').toString()).toBe('0.2');
    expect(flammableLimitPctVol(5).toString()).toBe('0.5');
  });
});

describe('P-7 oxygen and toxic limits', () => {
  it.each([
    ['19.5', false, true],
    ['19.49', false, false],
    ['21', false, true],
    ['21.01', false, false],
    ['23.5', true, true],
    ['23.51', true, false],
    ['22', false, false],
    ['22', true, true],
    ['19.4', true, false],
  ] as const)('O₂ %s %%vol (enriched declared: %s) passes: %s', (value, enriched, passes) => {
    expect(oxygenPasses(value, enriched)).toBe(passes);
  });

  it.each([
    ['H2S', '10', true], // MAC 10 mg/m³
    ['H2S', '10.01', false],
    ['CO', '20', true],
    ['CO', '20.5', false],
    ['CL2', '1', true],
    ['CL2', '1.1', false],
  ] as const)('%s at %s mg/m³ passes: %s', (substance, mgPerM3, passes) => {
    expect(toxicPasses({ substance, mgPerM3 })).toBe(passes);
  });

  it('does not judge substances outside the partial table', () => {
    expect(toxicPasses({ substance: '苯', mgPerM3: '0' })).toBeNull();
    expect(
      codes({
        reasons: gasTestProblems(
          test(new Date(), { toxics: [{ substance: '苯', mgPerM3: '0' }] }),
          'CONFINED_SPACE',
        ),
      }),
    ).toEqual(['TOXIC_LIMIT_UNKNOWN']);
  });

  it('asks each profile for its readings', () => {
    const noOxygen = test(new Date(), { oxygenPctVol: null, flammables: [] });
    expect(codes({ reasons: gasTestProblems(noOxygen, 'CONFINED_SPACE') })).toEqual([
      'OXYGEN_NOT_MEASURED',
      'FLAMMABLE_NOT_MEASURED',
    ]);
    expect(codes({ reasons: gasTestProblems(noOxygen, 'HOT_WORK') })).toEqual(['FLAMMABLE_NOT_MEASURED']);
    expect(gasTestProblems(noOxygen, 'GENERAL')).toEqual([]);
    // Hot work judges only the flammable limit (P-6).
    const lowOxygenToxic = test(new Date(), {
      oxygenPctVol: '18',
      toxics: [{ substance: 'H2S', mgPerM3: '50' }],
    });
    expect(gasTestProblems(lowOxygenToxic, 'HOT_WORK')).toEqual([]);
    expect(codes({ reasons: gasTestProblems(lowOxygenToxic, 'CONFINED_SPACE') })).toEqual([
      'OXYGEN_OUT_OF_RANGE',
      'TOXIC_OVER_LIMIT',
    ]);
  });
});

describe('P-5 hot-work gas analysis', () => {
  const start = at('2025-06-10T10:00:00');

  it.each([
    ['LEVEL_1', 30 * MINUTE, true],
    ['LEVEL_1', 30 * MINUTE + SECOND, false],
    ['LEVEL_2', 30 * MINUTE, true],
    ['LEVEL_2', 30 * MINUTE + SECOND, false], // no 60 min relaxation
    ['SPECIAL', 30 * MINUTE, true],
    ['SPECIAL', 30 * MINUTE + SECOND, false],
  ] as const)('%s: a sample %d ms before the start is valid: %s', (level, age, ok) => {
    const result = checkHotWorkGasTest({
      level,
      tests: [test(before(start, age))],
      startAt: start,
      continuousMonitoring: true,
    });
    expect(result.ok).toBe(ok);
    if (!ok) expect(codes(result)).toEqual(['GAS_TEST_TOO_OLD']);
  });

  it('needs a sample at all, and ignores samples taken after the start', () => {
    const base = { level: 'LEVEL_2' as const, startAt: start, continuousMonitoring: false };
    expect(codes(checkHotWorkGasTest({ ...base, tests: [] }))).toEqual(['GAS_TEST_MISSING']);
    expect(codes(checkHotWorkGasTest({ ...base, tests: [test(after(start, SECOND))] }))).toEqual([
      'GAS_TEST_MISSING',
    ]);
  });

  it('uses the latest sample of each point: a later failure is not hidden by an earlier pass', () => {
    const base = { level: 'LEVEL_2' as const, startAt: start, continuousMonitoring: false };
    const failed = checkHotWorkGasTest({
      ...base,
      tests: [
        test(before(start, 20 * MINUTE)),
        test(before(start, 5 * MINUTE), { flammables: [propane('20')] }),
      ],
    });
    expect(codes(failed)).toEqual(['GAS_TEST_FAILED', 'FLAMMABLE_OVER_LIMIT']);
    const retested = checkHotWorkGasTest({
      ...base,
      tests: [
        test(before(start, 20 * MINUTE), { flammables: [propane('20')] }),
        test(before(start, 5 * MINUTE)),
      ],
    });
    expect(retested.ok).toBe(true);
    const otherPointFails = checkHotWorkGasTest({
      ...base,
      tests: [
        test(before(start, 5 * MINUTE)),
        test(before(start, 6 * MINUTE), { point: 'B', flammables: [propane('20')] }),
      ],
    });
    expect(otherPointFails.ok).toBe(false);
  });

  it('needs continuous monitoring for 特级 only', () => {
    const tests = [test(before(start, 10 * MINUTE))];
    expect(
      codes(checkHotWorkGasTest({ level: 'SPECIAL', tests, startAt: start, continuousMonitoring: false })),
    ).toEqual(['CONTINUOUS_MONITORING_REQUIRED']);
    expect(
      checkHotWorkGasTest({ level: 'LEVEL_1', tests, startAt: start, continuousMonitoring: false }).ok,
    ).toBe(true);
  });

  describe('after an interruption', () => {
    // First analysis 08:50, work from 09:00; the work stops and resumes at 10:00.
    const firstTest = test(at('2025-06-10T08:50:00'));
    it.each([
      ['SPECIAL', 30 * MINUTE, true],
      ['SPECIAL', 30 * MINUTE + SECOND, false],
      ['LEVEL_1', 30 * MINUTE, true],
      ['LEVEL_1', 30 * MINUTE + SECOND, false],
      ['LEVEL_2', 60 * MINUTE, true],
      ['LEVEL_2', 60 * MINUTE + SECOND, false],
      ['LEVEL_2', 61 * MINUTE, false],
    ] as const)('%s: a break of %d ms keeps the first analysis valid: %s', (level, breakMs, ok) => {
      const result = checkHotWorkGasTest({
        level,
        tests: [firstTest],
        startAt: start,
        stoppedAt: before(start, breakMs),
        continuousMonitoring: true,
      });
      expect(result.ok).toBe(ok);
      if (!ok) expect(codes(result)).toContain('GAS_TEST_REANALYSIS_REQUIRED');
    });

    it('accepts a new sample taken after the break began and at most 30 min before resuming', () => {
      const stoppedAt = at('2025-06-10T08:55:00'); // a 65 min break
      const base = { level: 'LEVEL_2' as const, startAt: start, stoppedAt, continuousMonitoring: false };
      expect(checkHotWorkGasTest({ ...base, tests: [firstTest, test(before(start, 10 * MINUTE))] }).ok).toBe(
        true,
      );
      expect(
        codes(checkHotWorkGasTest({ ...base, tests: [firstTest, test(after(stoppedAt, MINUTE))] })),
      ).toEqual(['GAS_TEST_TOO_OLD']);
      expect(codes(checkHotWorkGasTest({ ...base, tests: [firstTest, test(stoppedAt)] }))).toEqual([
        'GAS_TEST_REANALYSIS_REQUIRED',
        'GAS_TEST_TOO_OLD',
      ]);
    });
  });

  describe('each day before work starts (midnight in Asia/Shanghai)', () => {
    const justAfterMidnight = at('2025-06-11T00:10:00');
    it.each([
      ['2025-06-10T23:50:00', false],
      ['2025-06-10T23:59:59', false],
      ['2025-06-11T00:00:00', true],
    ])('first start at 00:10 with a sample at %s: valid %s', (sampled, ok) => {
      const result = checkHotWorkGasTest({
        level: 'LEVEL_2',
        tests: [test(at(sampled))],
        startAt: justAfterMidnight,
        continuousMonitoring: false,
      });
      expect(result.ok).toBe(ok);
      if (!ok) expect(codes(result)).toEqual(['GAS_TEST_DAILY_REQUIRED']);
    });

    it('applies to a short break across midnight, which alone needs no new sample', () => {
      const base = {
        level: 'LEVEL_2' as const,
        startAt: at('2025-06-11T00:20:00'),
        stoppedAt: at('2025-06-10T23:40:00'),
        continuousMonitoring: false,
      };
      expect(shanghaiDate(base.stoppedAt)).toBe('2025-06-10');
      expect(codes(checkHotWorkGasTest({ ...base, tests: [test(at('2025-06-10T23:30:00'))] }))).toEqual([
        'GAS_TEST_DAILY_REQUIRED',
      ]);
      expect(checkHotWorkGasTest({ ...base, tests: [test(at('2025-06-11T00:05:00'))] }).ok).toBe(true);
    });

    it('applies on each day of a multi-day 二级 permit', () => {
      const base = {
        level: 'LEVEL_2' as const,
        startAt: at('2025-06-11T08:00:00'),
        stoppedAt: at('2025-06-10T17:00:00'),
        continuousMonitoring: false,
      };
      const dayOne = test(at('2025-06-10T07:50:00'));
      expect(codes(checkHotWorkGasTest({ ...base, tests: [dayOne] }))).toEqual([
        'GAS_TEST_REANALYSIS_REQUIRED',
        'GAS_TEST_DAILY_REQUIRED',
        'GAS_TEST_TOO_OLD',
      ]);
      expect(checkHotWorkGasTest({ ...base, tests: [dayOne, test(at('2025-06-11T07:40:00'))] }).ok).toBe(
        true,
      );
    });
  });
});

describe('P-7 confined-space entry', () => {
  const entry = at('2025-06-10T10:00:00');
  const good = { oxygenPctVol: '20.9', toxics: [{ substance: 'H2S', mgPerM3: '5' }] };

  it.each([
    [30 * MINUTE, true],
    [30 * MINUTE + SECOND, false],
  ])('a sample %d ms before entry is valid: %s', (age, ok) => {
    const result = checkConfinedSpaceGasTest({
      tests: [test(before(entry, age), good)],
      entryAt: entry,
      oxygenEnriched: false,
      continuousMonitoring: true,
    });
    expect(result.ok).toBe(ok);
  });

  it('judges O₂ against the declared environment and asks for continuous monitoring', () => {
    const tests = [test(before(entry, 5 * MINUTE), { oxygenPctVol: '22' })];
    const base = { tests, entryAt: entry, continuousMonitoring: true };
    expect(codes(checkConfinedSpaceGasTest({ ...base, oxygenEnriched: false }))).toEqual([
      'GAS_TEST_FAILED',
      'OXYGEN_OUT_OF_RANGE',
    ]);
    expect(checkConfinedSpaceGasTest({ ...base, oxygenEnriched: true }).ok).toBe(true);
    expect(
      codes(checkConfinedSpaceGasTest({ ...base, oxygenEnriched: true, continuousMonitoring: false })),
    ).toEqual(['CONTINUOUS_MONITORING_REQUIRED']);
  });

  it('needs a new sample before re-entry', () => {
    const base = {
      entryAt: entry,
      stoppedAt: before(entry, 5 * MINUTE),
      oxygenEnriched: false,
      continuousMonitoring: true,
    };
    expect(codes(checkConfinedSpaceGasTest({ ...base, tests: [test(before(entry, 20 * MINUTE))] }))).toEqual([
      'GAS_TEST_REANALYSIS_REQUIRED',
    ]);
    expect(checkConfinedSpaceGasTest({ ...base, tests: [test(before(entry, 2 * MINUTE))] }).ok).toBe(true);
  });

  it('checks the latest samples without a time rule for DRAFT → GAS_TESTED', () => {
    expect(checkLatestGasTests([test(before(entry, 600 * MINUTE))], entry, 'CONFINED_SPACE').ok).toBe(true);
    expect(codes(checkLatestGasTests([], entry, 'GENERAL'))).toEqual(['GAS_TEST_MISSING']);
  });
});

describe('P-7 monitoring records every 2 h', () => {
  const from = at('2025-06-10T08:00:00');
  const hours = (h: number) => after(from, h * 60 * MINUTE);

  it('accepts records exactly 2 h apart, from the entry test to the end', () => {
    expect(
      monitoringGaps([before(from, 10 * MINUTE), hours(1.8), hours(3.8), hours(5.8)], from, hours(7.8)),
    ).toEqual([]);
  });

  it('lists each gap longer than 2 h', () => {
    const entryTest = before(from, 10 * MINUTE);
    const gaps = monitoringGaps(
      [entryTest, after(entryTest, 2 * 60 * MINUTE + SECOND), hours(3)],
      from,
      hours(6),
    );
    expect(gaps).toEqual([
      { from: entryTest, to: after(entryTest, 2 * 60 * MINUTE + SECOND), minutes: 120 + 1 / 60 },
      { from: hours(3), to: hours(6), minutes: 180 },
    ]);
  });

  it('opens the series at the start when there is no entry record, and ignores records outside the work', () => {
    expect(monitoringGaps([hours(2), hours(9)], from, hours(3))).toEqual([]);
    expect(monitoringGaps([], from, hours(2.5))).toEqual([{ from, to: hours(2.5), minutes: 150 }]);
  });
});
