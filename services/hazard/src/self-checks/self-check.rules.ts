import { addDays, calendarEntries, keyPeriods } from '@safety/reference';
import { SelfCheckCadence, SelfCheckItemResult, SelfCheckKind } from './self-check.enums.js';

/** Domain §5.8 table, "Default" column: the cadence a plan of each kind gets unless it says otherwise. */
export const DEFAULT_CADENCE: Record<SelfCheckKind, SelfCheckCadence> = {
  [SelfCheckKind.PATROL]: SelfCheckCadence.EACH_SHIFT,
  [SelfCheckKind.TEAM_WEEKLY]: SelfCheckCadence.WEEKLY,
  [SelfCheckKind.PLANT_MONTHLY]: SelfCheckCadence.MONTHLY,
  [SelfCheckKind.SEASONAL]: SelfCheckCadence.QUARTERLY,
  [SelfCheckKind.PRE_HOLIDAY]: SelfCheckCadence.BEFORE_KEY_PERIOD,
  [SelfCheckKind.COMPREHENSIVE]: SelfCheckCadence.HALF_YEARLY,
};

/** [D] A pre-holiday check counts when done in the 7 days before a key period starts (节前检查). */
export const PRE_HOLIDAY_WINDOW_DAYS = 7;

/** The cadence of a plan: its own, or the kind's default; PRE_HOLIDAY only runs before key periods. */
export function cadenceProblem(
  kind: SelfCheckKind,
  cadence: SelfCheckCadence | null | undefined,
): string | null {
  if (!cadence) return null;
  const beforeKeyPeriod = cadence === SelfCheckCadence.BEFORE_KEY_PERIOD;
  if (kind === SelfCheckKind.PRE_HOLIDAY && !beforeKeyPeriod)
    return 'a PRE_HOLIDAY plan is due before each key period';
  if (kind !== SelfCheckKind.PRE_HOLIDAY && beforeKeyPeriod)
    return 'only PRE_HOLIDAY plans are due before key periods';
  return null;
}

/** One period in which a plan must be performed `required` times (inclusive local days). */
export interface CheckPeriod {
  start: string;
  end: string;
  label: string;
  required: number;
}

export interface PlanFacts {
  cadence: SelfCheckCadence;
  startsOn: string;
  endsOn: string | null;
  /** EACH_SHIFT: how many shifts a day (each needs its patrol). */
  shiftsPerDay: number;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoWeek(date: string): string {
  const day = utc(date);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The calendar period of `cadence` containing `date` (ISO week Mon–Sun, months, quarters, half-years). */
function periodContaining(cadence: SelfCheckCadence, date: string, shifts: number): CheckPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthStart = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  const monthEnd = (m: number) => addDays(m === 12 ? `${year + 1}-01-01` : monthStart(m + 1), -1);
  switch (cadence) {
    case SelfCheckCadence.EACH_SHIFT:
      return { start: date, end: date, label: date, required: shifts };
    case SelfCheckCadence.WEEKLY: {
      const start = addDays(date, -((utc(date).getUTCDay() + 6) % 7));
      return { start, end: addDays(start, 6), label: isoWeek(date), required: 1 };
    }
    case SelfCheckCadence.MONTHLY:
      return { start: monthStart(month), end: monthEnd(month), label: date.slice(0, 7), required: 1 };
    case SelfCheckCadence.QUARTERLY: {
      const q = Math.ceil(month / 3);
      return { start: monthStart(q * 3 - 2), end: monthEnd(q * 3), label: `${year}-Q${q}`, required: 1 };
    }
    case SelfCheckCadence.HALF_YEARLY: {
      const h = month <= 6 ? 1 : 2;
      return { start: monthStart(h * 6 - 5), end: monthEnd(h * 6), label: `${year}-H${h}`, required: 1 };
    }
    default:
      throw new Error(`no calendar period for ${cadence}`);
  }
}

const windowsByYear = new Map<number, CheckPeriod[]>();

/**
 * The pre-holiday windows of key periods starting in `year` (domain §4.5 `KeyPeriod`, from the
 * reference calendar): the 7 days before each start. Periods starting the same day (Safety Month and
 * flood season on 1 June) share one window: one check before them covers both.
 */
export function preHolidayWindows(year: number): CheckPeriod[] {
  const cached = windowsByYear.get(year);
  if (cached) return cached;
  const periods = keyPeriods(year, calendarEntries(`${year - 1}-12-01`, `${year}-12-31`));
  const byStart = new Map<string, CheckPeriod>();
  for (const period of periods) {
    const known = byStart.get(period.from);
    if (known) {
      known.label = `${known.label}、${period.name}`;
      continue;
    }
    byStart.set(period.from, {
      start: addDays(period.from, -PRE_HOLIDAY_WINDOW_DAYS),
      end: addDays(period.from, -1),
      label: `${period.name}前`,
      required: 1,
    });
  }
  const windows = [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start));
  windowsByYear.set(year, windows);
  return windows;
}

/**
 * The periods in which a plan is due whose last day lies in [from, to] [D]: only periods wholly inside
 * the plan's life (from `startsOn`, until `endsOn` when retired), so a plan is never due for a period it
 * did not fully cover.
 */
export function duePeriods(plan: PlanFacts, from: string, to: string): CheckPeriod[] {
  const first = from > plan.startsOn ? from : plan.startsOn;
  const last = plan.endsOn !== null && plan.endsOn < to ? plan.endsOn : to;
  if (first > last) return [];
  const inLife = (p: CheckPeriod) =>
    p.start >= plan.startsOn &&
    (plan.endsOn === null || p.end <= plan.endsOn) &&
    p.end >= from &&
    p.end <= to;
  if (plan.cadence === SelfCheckCadence.BEFORE_KEY_PERIOD) {
    const years: number[] = [];
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)) + 1; y++) years.push(y);
    return years.flatMap(preHolidayWindows).filter(inLife);
  }
  const periods: CheckPeriod[] = [];
  // Walk from the period holding `first` (which may start before it) to the one holding `last`.
  let period = periodContaining(plan.cadence, first, plan.shiftsPerDay);
  while (period.start <= last) {
    if (inLife(period)) periods.push(period);
    period = periodContaining(plan.cadence, addDays(period.end, 1), plan.shiftsPerDay);
  }
  return periods;
}

function countBetween(sortedDates: readonly string[], start: string, end: string): number {
  const lowerBound = (value: string, inclusive: boolean) => {
    let lo = 0;
    let hi = sortedDates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const before = inclusive ? sortedDates[mid]! < value : sortedDates[mid]! <= value;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(end, false) - lowerBound(start, true);
}

export interface PeriodOutcome extends CheckPeriod {
  performed: number;
  missed: boolean;
}

/**
 * Each due period that has ended before `today`, with the checks performed in it (local days of the
 * records) and whether it was missed (fewer than required). The running period is never missed yet.
 */
export function periodOutcomes(
  plan: PlanFacts,
  performedOn: readonly string[],
  from: string,
  to: string,
  today: string,
): PeriodOutcome[] {
  const sorted = [...performedOn].sort();
  const yesterday = addDays(today, -1);
  return duePeriods(plan, from, to < yesterday ? to : yesterday).map((period) => {
    const performed = countBetween(sorted, period.start, period.end);
    return { ...period, performed, missed: performed < period.required };
  });
}

/** Self-check compliance (domain §5.8 → supervision classification): as domain §4.5's MET / (MET + MISSED). */
export function compliance(outcomes: readonly PeriodOutcome[]): {
  due: number;
  met: number;
  missed: number;
  rate: number | null;
} {
  const missed = outcomes.filter((o) => o.missed).length;
  const due = outcomes.length;
  return {
    due,
    met: due - missed,
    missed,
    rate: due ? Math.round(((due - missed) / due) * 10_000) / 10_000 : null,
  };
}

/** A checklist item as recorded; `NOK` items may raise hazards, and a NOK without a note says nothing. */
export interface RecordedItem {
  code: string;
  result: SelfCheckItemResult;
  note?: string | null;
}

/** Guards of a record against its plan's checklist: every item answered once, a NOK explained. */
export function recordProblems(
  checklist: ReadonlyArray<{ code: string }>,
  items: readonly RecordedItem[],
  hazardItemCodes: readonly string[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const codes = new Set(checklist.map((c) => c.code));
  const answered = items.map((i) => i.code);
  const unknown = answered.filter((code) => !codes.has(code));
  if (unknown.length) problems.items = `not on the plan's checklist: ${unknown.join(', ')}`;
  else if (new Set(answered).size !== answered.length)
    problems.items = 'each checklist item is answered once';
  else if (answered.length !== codes.size)
    problems.items = `answer every checklist item (${[...codes].filter((c) => !answered.includes(c)).join(', ')})`;
  else if (items.some((i) => i.result === SelfCheckItemResult.NOK && !i.note?.trim()))
    problems.items = 'say what is wrong in the note of every NOK item';
  const nok = new Set(items.filter((i) => i.result === SelfCheckItemResult.NOK).map((i) => i.code));
  const notNok = hazardItemCodes.filter((code) => !nok.has(code));
  if (notNok.length) problems.hazards = `hazards come from NOK items only: ${notNok.join(', ')}`;
  else if (new Set(hazardItemCodes).size !== hazardItemCodes.length)
    problems.hazards = 'one hazard per NOK item';
  return problems;
}
