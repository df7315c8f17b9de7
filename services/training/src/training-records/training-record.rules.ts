import type { SpecialWorkType } from './training-record.enums.js';

/**
 * How long a guardian's training for a special-work type counts [D]: a year from completion, like the
 * annual refresher of three-level education (domain §7.3); the day a year later no longer counts.
 */
export const SPECIAL_WORK_TRAINING_VALID_MONTHS = 12;

export interface GateTrainingRecord {
  id: string;
  specialWorkType: SpecialWorkType | null;
  passed: boolean;
  completedOn: string;
}

export type SpecialWorkTrainingOutcome =
  | { ok: true; record: GateTrainingRecord }
  | {
      ok: false;
      failure: 'NO_SPECIAL_WORK_TRAINING' | 'SPECIAL_WORK_TRAINING_EXPIRED';
      record: GateTrainingRecord | null;
    };

/** The last day a training completed on `completedOn` counts. */
export function specialWorkTrainingValidTo(completedOn: string): string {
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  // The same-numbered day N months later (or the month's last day), minus one day.
  const index = y * 12 + (m - 1) + SPECIAL_WORK_TRAINING_VALID_MONTHS;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay) - 1)).toISOString().slice(0, 10);
}

/**
 * Domain §5.9 `GUARDIAN`: "trained for the permit type (training record)". The latest passed record for
 * the type completed by `day` decides: none → NO_SPECIAL_WORK_TRAINING; older than the validity →
 * SPECIAL_WORK_TRAINING_EXPIRED. Failed assessments and other types never count.
 */
export function specialWorkTraining(
  records: readonly GateTrainingRecord[],
  type: SpecialWorkType,
  day: string,
): SpecialWorkTrainingOutcome {
  const latest =
    records
      .filter((r) => r.specialWorkType === type && r.passed && r.completedOn <= day)
      .sort((a, b) => b.completedOn.localeCompare(a.completedOn) || a.id.localeCompare(b.id))[0] ?? null;
  if (!latest) return { ok: false, failure: 'NO_SPECIAL_WORK_TRAINING', record: null };
  if (day > specialWorkTrainingValidTo(latest.completedOn))
    return { ok: false, failure: 'SPECIAL_WORK_TRAINING_EXPIRED', record: latest };
  return { ok: true, record: latest };
}

/** Guards of a record: not in the future, hours within a day's teaching. */
export function trainingRecordProblems(
  input: { completedOn: string; creditedHours: number },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.completedOn > today) problems.completedOn = 'cannot be in the future';
  if (input.creditedHours < 1 || input.creditedHours > 200) problems.creditedHours = 'must be 1 to 200';
  return problems;
}
