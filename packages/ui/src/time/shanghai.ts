/** China has one time zone, UTC+8, and no daylight saving: Asia/Shanghai is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateInput = Date | string | number;

/**
 * The calendar day in Asia/Shanghai as a day number (days since 1970-01-01).
 * A bare `YYYY-MM-DD` is already a Shanghai calendar date; anything else is an instant.
 */
export function shanghaiDayNumber(input: DateInput): number {
  if (typeof input === 'string') {
    const m = DATE_ONLY.exec(input);
    if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  }
  const ms = input instanceof Date ? input.getTime() : new Date(input).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(input)}`);
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of the Shanghai calendar day. */
export function formatShanghaiDate(input: DateInput): string {
  return new Date(shanghaiDayNumber(input) * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever the browser's own time zone. */
export function formatShanghaiDateTime(input: DateInput): string {
  const ms = input instanceof Date ? input.getTime() : new Date(input).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(input)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
