import { type DateInput, shanghaiDayNumber } from '../time/shanghai.js';

export type DeadlineUrgency = 'DONE' | 'OVERDUE' | 'DUE_TODAY' | 'DUE_SOON' | 'ON_TRACK';

export interface DeadlineState {
  urgency: DeadlineUrgency;
  /** Whole calendar days left (ON_TRACK, DUE_SOON) or past (OVERDUE); 0 otherwise. */
  days: number;
}

/** Pure: where a deadline stands on `today`, both taken as Asia/Shanghai calendar days. */
export function deadlineState(
  deadline: DateInput,
  today: DateInput,
  { closed = false, soonWithinDays = 3 }: { closed?: boolean; soonWithinDays?: number } = {},
): DeadlineState {
  if (closed) return { urgency: 'DONE', days: 0 };
  const diff = shanghaiDayNumber(deadline) - shanghaiDayNumber(today);
  if (diff < 0) return { urgency: 'OVERDUE', days: -diff };
  if (diff === 0) return { urgency: 'DUE_TODAY', days: 0 };
  return { urgency: diff <= soonWithinDays ? 'DUE_SOON' : 'ON_TRACK', days: diff };
}
