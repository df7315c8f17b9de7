import { Decimal } from 'decimal.js';
import {
  CONFINED_SPACE_MONITORING_MAX_GAP_MINUTES,
  FLAMMABLE_LEL_BRANCH_PCT_VOL,
  FLAMMABLE_LIMIT_PCT_VOL,
  GAS_TEST_MAX_AGE_MINUTES,
  HOT_WORK_INTERRUPTION_LIMIT_MINUTES,
  type HotWorkLevel,
  OXYGEN_RANGE_PCT_VOL,
  type PermitReason,
  reason,
  TOXIC_LIMITS,
  type ToxicLimit,
  toxicSpotLimit,
} from './permit.tables.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local Asia/Shanghai date starts (00:00:00 local). */
export function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export function addLocalDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Readings and pass limits (P-6, P-7)

/** A flammable gas/vapour reading: in % vol, or in % LEL together with the gas's LEL (% vol). */
export interface FlammableReading {
  reading: Decimal.Value;
  unit: 'PCT_VOL' | 'PCT_LEL';
  /** Lower explosive limit of the gas, % vol; needed for both units because it selects the limit. */
  lelPctVol: Decimal.Value;
  substance?: string;
}

export interface ToxicReading {
  /** A key of `TOXIC_LIMITS`, or any other name (which then fails as unknown). */
  substance: string;
  mgPerM3: Decimal.Value;
}

/** One sample (domain §5.9 `gasTests[]`). */
export interface GasTest {
  at: Date;
  point: string;
  oxygenPctVol?: Decimal.Value | null;
  flammables?: readonly FlammableReading[];
  toxics?: readonly ToxicReading[];
  analystId: string;
}

/** P-6: vol % = reading × LEL / 100 for %LEL readings, exact. */
export function flammableVolPct(reading: FlammableReading): Decimal {
  const value = new Decimal(reading.reading);
  return reading.unit === 'PCT_VOL' ? value : value.times(reading.lelPctVol).dividedBy(100);
}

/** P-6: ≤ 0.5 % vol when the LEL is 4 % or more ("≥ 4 %" includes 4), else ≤ 0.2 % vol. */
export function flammableLimitPctVol(lelPctVol: Decimal.Value): Decimal {
  return new Decimal(lelPctVol).greaterThanOrEqualTo(FLAMMABLE_LEL_BRANCH_PCT_VOL)
    ? new Decimal(FLAMMABLE_LIMIT_PCT_VOL.lelAtLeastBranch)
    : new Decimal(FLAMMABLE_LIMIT_PCT_VOL.lelBelowBranch);
}

export function flammablePasses(reading: FlammableReading): boolean {
  return flammableVolPct(reading).lessThanOrEqualTo(flammableLimitPctVol(reading.lelPctVol));
}

/** P-7: 19.5–21 % vol, both inclusive; up to 23.5 % when the permit declares an oxygen-enriched environment. */
export function oxygenPasses(oxygenPctVol: Decimal.Value, oxygenEnriched: boolean): boolean {
  const value = new Decimal(oxygenPctVol);
  const max = oxygenEnriched ? OXYGEN_RANGE_PCT_VOL.maxEnriched : OXYGEN_RANGE_PCT_VOL.max;
  return value.greaterThanOrEqualTo(OXYGEN_RANGE_PCT_VOL.min) && value.lessThanOrEqualTo(max);
}

/** P-7: at or below the GBZ 2.1 limit; `null` when the substance is not in the (partial) table. */
export function toxicPasses(reading: ToxicReading): boolean | null {
  const limit: ToxicLimit | undefined = (TOXIC_LIMITS as Record<string, ToxicLimit>)[reading.substance];
  const value = limit ? toxicSpotLimit(limit) : null;
  return value === null ? null : new Decimal(reading.mgPerM3).lessThanOrEqualTo(value);
}

/**
 * Which readings a test must carry: hot work needs the flammable reading (P-6); confined spaces need oxygen
 * and flammables (P-7); GENERAL (other permit types) checks whatever was measured.
 */
export type GasTestProfile = 'HOT_WORK' | 'CONFINED_SPACE' | 'GENERAL';

/** The reasons one sample fails its limits; empty when it passes. */
export function gasTestProblems(
  test: GasTest,
  profile: GasTestProfile,
  oxygenEnriched = false,
): PermitReason[] {
  const problems: PermitReason[] = [];
  const flammables = test.flammables ?? [];
  const at = { detail: test.point };
  const hasOxygen = test.oxygenPctVol !== undefined && test.oxygenPctVol !== null;
  if (profile === 'CONFINED_SPACE' && !hasOxygen) problems.push(reason('OXYGEN_NOT_MEASURED', at));
  if (profile !== 'HOT_WORK' && hasOxygen && !oxygenPasses(test.oxygenPctVol!, oxygenEnriched))
    problems.push(reason('OXYGEN_OUT_OF_RANGE', { detail: `${test.point}: ${test.oxygenPctVol} %vol` }));
  if (profile !== 'GENERAL' && flammables.length === 0) problems.push(reason('FLAMMABLE_NOT_MEASURED', at));
  for (const reading of flammables) {
    if (!flammablePasses(reading))
      problems.push(
        reason('FLAMMABLE_OVER_LIMIT', {
          detail: `${test.point}: ${flammableVolPct(reading).toString()} %vol > ${flammableLimitPctVol(reading.lelPctVol).toString()} %vol`,
        }),
      );
  }
  // Hot work (P-5/P-6) names only the flammable limit; toxic limits are a confined-space rule (P-7).
  if (profile !== 'HOT_WORK') {
    for (const reading of test.toxics ?? []) {
      const passes = toxicPasses(reading);
      if (passes === null)
        problems.push(reason('TOXIC_LIMIT_UNKNOWN', { detail: `${test.point}: ${reading.substance}` }));
      else if (!passes)
        problems.push(
          reason('TOXIC_OVER_LIMIT', {
            detail: `${test.point}: ${reading.substance} ${reading.mgPerM3} mg/m³`,
          }),
        );
    }
  }
  return problems;
}

/** The latest sample of each point among `tests`. */
function latestPerPoint(tests: readonly GasTest[]): GasTest[] {
  const latest = new Map<string, GasTest>();
  for (const test of tests) {
    const seen = latest.get(test.point);
    if (!seen || test.at.getTime() > seen.at.getTime()) latest.set(test.point, test);
  }
  return [...latest.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Timing (P-5, P-7)

export interface GasTestCheck {
  ok: boolean;
  reasons: PermitReason[];
  /** The samples that made the decision (latest per point in the admissible window). */
  testsUsed: GasTest[];
}

interface Window {
  /** Inclusive lower bound from the 30 min age rule. */
  ageFloor: Date | null;
  /** Exclusive lower bound: the sample must be taken after the work stopped. */
  afterStop: Date | null;
  /** Inclusive lower bound: the start of the local day (daily analysis). */
  dayFloor: Date | null;
}

function violations(test: GasTest, window: Window): PermitReason[] {
  const t = test.at.getTime();
  const out: PermitReason[] = [];
  if (window.afterStop && t <= window.afterStop.getTime()) out.push(reason('GAS_TEST_REANALYSIS_REQUIRED'));
  if (window.dayFloor && t < window.dayFloor.getTime()) out.push(reason('GAS_TEST_DAILY_REQUIRED'));
  if (window.ageFloor && t < window.ageFloor.getTime()) out.push(reason('GAS_TEST_TOO_OLD'));
  return out;
}

function checkWindow(
  tests: readonly GasTest[],
  startAt: Date,
  window: Window,
  profile: GasTestProfile,
  oxygenEnriched: boolean,
): GasTestCheck {
  const before = tests.filter((test) => test.at.getTime() <= startAt.getTime());
  const admissible = before.filter((test) => violations(test, window).length === 0);
  if (admissible.length === 0) {
    const latest = before.reduce<GasTest | null>(
      (acc, test) => (acc === null || test.at.getTime() > acc.at.getTime() ? test : acc),
      null,
    );
    return {
      ok: false,
      reasons: latest ? violations(latest, window) : [reason('GAS_TEST_MISSING')],
      testsUsed: [],
    };
  }
  const testsUsed = latestPerPoint(admissible);
  const problems = testsUsed.flatMap((test) => gasTestProblems(test, profile, oxygenEnriched));
  return {
    ok: problems.length === 0,
    reasons: problems.length === 0 ? [] : [reason('GAS_TEST_FAILED'), ...problems],
    testsUsed,
  };
}

export interface HotWorkStart {
  /** The managed level (after any P-4 upgrade). */
  level: HotWorkLevel;
  tests: readonly GasTest[];
  /** The moment the work starts or resumes. */
  startAt: Date;
  /** When the work stopped, for a resumption; null or absent for the first start. */
  stoppedAt?: Date | null;
  /** Whether continuous gas monitoring is running (required for SPECIAL). */
  continuousMonitoring: boolean;
}

/**
 * P-5: is there a valid gas analysis for hot work starting or resuming at `startAt`?
 * - first start: a sample no more than 30 min before, taken the same local day;
 * - resuming after a break longer than 30 min (SPECIAL, LEVEL_1) or 60 min (LEVEL_2): a new sample after the
 *   break began, no more than 30 min before resuming;
 * - the first start on a new local day (Asia/Shanghai): a sample taken that day;
 * - a shorter break on the same day needs no new sample;
 * - SPECIAL hot work also needs continuous monitoring.
 * In every case the latest admissible sample of each point must pass P-6.
 */
export function checkHotWorkGasTest(input: HotWorkStart): GasTestCheck {
  const { level, startAt } = input;
  const stoppedAt = input.stoppedAt ?? null;
  const breakMs = stoppedAt ? startAt.getTime() - stoppedAt.getTime() : null;
  const reanalysis = breakMs !== null && breakMs > HOT_WORK_INTERRUPTION_LIMIT_MINUTES[level] * MINUTE_MS;
  const newDay = stoppedAt === null || shanghaiDate(stoppedAt) < shanghaiDate(startAt);
  const window: Window = {
    ageFloor: stoppedAt === null || reanalysis ? minutesBefore(startAt, GAS_TEST_MAX_AGE_MINUTES) : null,
    afterStop: reanalysis ? stoppedAt : null,
    dayFloor: newDay ? shanghaiMidnight(shanghaiDate(startAt)) : null,
  };
  const result = checkWindow(input.tests, startAt, window, 'HOT_WORK', false);
  if (level === 'SPECIAL' && !input.continuousMonitoring)
    return { ...result, ok: false, reasons: [...result.reasons, reason('CONTINUOUS_MONITORING_REQUIRED')] };
  return result;
}

export interface ConfinedSpaceEntry {
  tests: readonly GasTest[];
  /** The moment of entry or re-entry. */
  entryAt: Date;
  /** When the workers left, for a re-entry; null or absent for the first entry. */
  stoppedAt?: Date | null;
  oxygenEnriched: boolean;
  continuousMonitoring: boolean;
}

/**
 * P-7: entry needs a sample no more than 30 min before it that passes the O₂, P-6 flammable and GBZ 2.1
 * toxic limits; re-entry after a break needs a new one (domain §5.9 SUSPENDED → IN_PROGRESS); gases are
 * monitored continuously during the work.
 */
export function checkConfinedSpaceGasTest(input: ConfinedSpaceEntry): GasTestCheck {
  const window: Window = {
    ageFloor: minutesBefore(input.entryAt, GAS_TEST_MAX_AGE_MINUTES),
    afterStop: input.stoppedAt ?? null,
    dayFloor: null,
  };
  const result = checkWindow(input.tests, input.entryAt, window, 'CONFINED_SPACE', input.oxygenEnriched);
  if (!input.continuousMonitoring)
    return { ...result, ok: false, reasons: [...result.reasons, reason('CONTINUOUS_MONITORING_REQUIRED')] };
  return result;
}

/** A permit without a start-time rule (DRAFT → GAS_TESTED): the latest sample per point must pass. */
export function checkLatestGasTests(
  tests: readonly GasTest[],
  at: Date,
  profile: GasTestProfile,
  oxygenEnriched = false,
): GasTestCheck {
  return checkWindow(tests, at, { ageFloor: null, afterStop: null, dayFloor: null }, profile, oxygenEnriched);
}

function minutesBefore(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() - minutes * MINUTE_MS);
}

export interface MonitoringGap {
  from: Date;
  to: Date;
  minutes: number;
}

/**
 * P-7: gaps of more than 2 h between monitoring records during confined-space work from `from` to `to`
 * (the end of the work, or now). The last record at or before `from` (the entry test) opens the series;
 * without one, the series opens at `from`. A gap of exactly 2 h is allowed.
 */
export function monitoringGaps(
  records: readonly Date[],
  from: Date,
  to: Date,
  maxGapMinutes = CONFINED_SPACE_MONITORING_MAX_GAP_MINUTES,
): MonitoringGap[] {
  const times = records.map((record) => record.getTime()).sort((a, b) => a - b);
  const anchor = times.filter((t) => t <= from.getTime()).at(-1) ?? from.getTime();
  const series = [anchor, ...times.filter((t) => t > from.getTime() && t < to.getTime()), to.getTime()];
  const gaps: MonitoringGap[] = [];
  for (let i = 1; i < series.length; i++) {
    const span = series[i]! - series[i - 1]!;
    if (span > maxGapMinutes * MINUTE_MS)
      gaps.push({ from: new Date(series[i - 1]!), to: new Date(series[i]!), minutes: span / MINUTE_MS });
  }
  return gaps;
}
