import type { SelfCheckCadence } from '../gql/graphql.js';

/** A plan's running period (inclusive local days) and how many checks it needs. */
export interface RunningPeriod {
  start: string;
  end: string;
  required: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Today in Asia/Shanghai (the platform's local day, domain §0.3). */
export function shanghaiToday(now = Date.now()): string {
  return iso(now + 8 * 3_600_000);
}

export const addDays = (day: string, days: number) => iso(utc(day) + days * DAY);

/** Monday–Sunday of the ISO week holding `day`. */
export function weekOf(day: string): { start: string; end: string } {
  const start = addDays(day, -((new Date(utc(day)).getUTCDay() + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/**
 * The calendar period of a cadence holding `day`, as the service counts it (services/hazard
 * self-check.rules.ts: ISO weeks, months, quarters, half-years; each shift is a day needing one check
 * per shift). Pre-holiday checks follow the key-period calendar, which only the service knows: null.
 */
export function runningPeriod(
  cadence: SelfCheckCadence,
  day: string,
  shiftsPerDay = 1,
): RunningPeriod | null {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const monthStart = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  const monthEnd = (m: number) => addDays(m === 12 ? `${year + 1}-01-01` : monthStart(m + 1), -1);
  switch (cadence) {
    case 'EACH_SHIFT':
      return { start: day, end: day, required: shiftsPerDay };
    case 'WEEKLY':
      return { ...weekOf(day), required: 1 };
    case 'MONTHLY':
      return { start: monthStart(month), end: monthEnd(month), required: 1 };
    case 'QUARTERLY': {
      const q = Math.ceil(month / 3);
      return { start: monthStart(q * 3 - 2), end: monthEnd(q * 3), required: 1 };
    }
    case 'HALF_YEARLY': {
      const h = month <= 6 ? 1 : 2;
      return { start: monthStart(h * 6 - 5), end: monthEnd(h * 6), required: 1 };
    }
    default:
      return null;
  }
}
