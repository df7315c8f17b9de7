import {
  CONFIGURED_PERIODS,
  type ConfiguredPeriod,
  HOLIDAY_NOTICES,
  type HolidayNotice,
} from './calendar.data.js';
import type { HolidayKind, KeyPeriodKind } from './calendar.kinds.js';

/** One day of the work calendar (domain §2.7). Dates are `YYYY-MM-DD` in Asia/Shanghai: no time zone maths here. */
export interface CalendarEntry {
  date: string;
  isWorkingDay: boolean;
  holidayName: string | null;
  holidayKind: HolidayKind | null;
  /** The notice that decided the day, or null where only the weekend rule applies. */
  source: string | null;
}

/** The days that a notice decides (holidays and make-up working days), keyed by date. */
export type CalendarOverrides = ReadonlyMap<string, CalendarEntry>;

const DAY_MS = 86_400_000;
/** More than any real span between two working days; stops a corrupt calendar from looping forever. */
const MAX_SCAN_DAYS = 3660;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toUtc(value).toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

export function isWeekend(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Every date a notice decides, with the make-up working days (调休上班) it names. */
export function overridesFromNotices(notices: readonly HolidayNotice[]): Map<string, CalendarEntry> {
  const overrides = new Map<string, CalendarEntry>();
  for (const notice of notices) {
    for (const block of notice.holidays) {
      for (let date = block.from; date <= block.to; date = addDays(date, 1)) {
        overrides.set(date, {
          date,
          isWorkingDay: false,
          holidayName: block.name,
          holidayKind: block.kind,
          source: notice.document,
        });
      }
      for (const date of block.makeUpWorkdays) {
        overrides.set(date, {
          date,
          isWorkingDay: true,
          holidayName: `${block.name}调休上班`,
          holidayKind: block.kind,
          source: notice.document,
        });
      }
    }
  }
  return overrides;
}

/** The calendar as published by the State Council for the years in `HOLIDAY_NOTICES`. */
export const STATUTORY_OVERRIDES: CalendarOverrides = overridesFromNotices(HOLIDAY_NOTICES);

/** Rebuilds the overrides from stored days (the database is the calendar of record once seeded). */
export function overridesFromEntries(entries: Iterable<CalendarEntry>): Map<string, CalendarEntry> {
  const overrides = new Map<string, CalendarEntry>();
  for (const entry of entries) overrides.set(entry.date, entry);
  return overrides;
}

/** One day: a notice's decision if there is one, else weekends off and weekdays working. */
export function calendarEntry(
  date: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
  notices: readonly HolidayNotice[] = HOLIDAY_NOTICES,
): CalendarEntry {
  const decided = overrides.get(date);
  if (decided) return decided;
  const notice = notices.find((n) => n.year === Number(date.slice(0, 4)));
  return {
    date,
    isWorkingDay: !isWeekend(date),
    holidayName: null,
    holidayKind: null,
    source: notice?.document ?? null,
  };
}

export function isWorkingDay(date: string, overrides: CalendarOverrides = STATUTORY_OVERRIDES): boolean {
  return overrides.get(date)?.isWorkingDay ?? !isWeekend(date);
}

/**
 * The date `days` working days after `from`. Counting starts on the next working day; the
 * triggering day is not day 1 (domain §0.3). Zero days gives `from` itself.
 */
export function addWorkingDays(
  from: string,
  days: number,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0: ${days}`);
  let date = from;
  let counted = 0;
  for (let scanned = 0; counted < days; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError('no working days found: the calendar is corrupt');
    date = addDays(date, 1);
    if (isWorkingDay(date, overrides)) counted++;
  }
  return date;
}

/** Every day from `from` to `to` inclusive. */
export function calendarEntries(
  from: string,
  to: string,
  overrides: CalendarOverrides = STATUTORY_OVERRIDES,
  notices: readonly HolidayNotice[] = HOLIDAY_NOTICES,
): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (let date = from; date <= to; date = addDays(date, 1))
    entries.push(calendarEntry(date, overrides, notices));
  return entries;
}

/** The days a seeded calendar holds: from the first day any notice decides to the end of its last year. */
export function noticeCoverage(notices: readonly HolidayNotice[] = HOLIDAY_NOTICES): {
  from: string;
  to: string;
} {
  const firstDays = notices.flatMap((n) => [`${n.year}-01-01`, ...n.holidays.map((h) => h.from)]);
  const lastYear = Math.max(...notices.map((n) => n.year));
  return { from: firstDays.sort()[0]!, to: `${lastYear}-12-31` };
}

/** A major festival or key period (重大节日和重点时段) that drives cadences such as HOLIDAY_LEADER_INSPECTION. */
export interface KeyPeriodFacts {
  kind: KeyPeriodKind;
  name: string;
  from: string;
  to: string;
  source: string | null;
}

/**
 * Key periods of `year` (domain §4.5): each run of consecutive days off of one holiday
 * (a block belongs to the year it ends in, so 30 Dec–1 Jan is next year's New Year), plus
 * the configured periods (two sessions, Safety Month, flood season).
 */
export function keyPeriods(
  year: number,
  entries: readonly CalendarEntry[],
  configured: readonly ConfiguredPeriod[] = CONFIGURED_PERIODS,
): KeyPeriodFacts[] {
  const periods: KeyPeriodFacts[] = [];
  const daysOff = entries
    .filter((e) => !e.isWorkingDay && e.holidayKind !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const entry of daysOff) {
    const last = periods.at(-1);
    if (last && last.kind === entry.holidayKind && addDays(last.to, 1) === entry.date) {
      last.to = entry.date;
      continue;
    }
    periods.push({
      kind: entry.holidayKind!,
      name: entry.holidayName ?? entry.holidayKind!,
      from: entry.date,
      to: entry.date,
      source: entry.source,
    });
  }
  const holidays = periods.filter((p) => Number(p.to.slice(0, 4)) === year);
  const fixed = configured.map((period) => {
    const known = period.byYear?.[year];
    return {
      kind: period.kind,
      name: period.name,
      from: known?.[0] ?? `${year}-${period.from}`,
      to: known?.[1] ?? `${year}-${period.to}`,
      source: period.source,
    };
  });
  return [...holidays, ...fixed].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
