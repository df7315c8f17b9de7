import { INDUSTRIES } from '@safety/reference';
import { addDays, addYears } from '@safety/subgraph-kit';
import { EducationLevel, ThreeLevelStatus } from './three-level.enums.js';

export const LEVELS = [EducationLevel.COMPANY, EducationLevel.WORKSHOP, EducationLevel.TEAM] as const;
/** Levels redone on a post transfer or a return after ≥ 1 year away (domain §7.3). */
export const REDO_LEVELS: readonly EducationLevel[] = [EducationLevel.WORKSHOP, EducationLevel.TEAM];
/** The annual refresher may be this many days overdue before the gate closes (domain §7.3) [D grace]. */
export const REFRESHER_GRACE_DAYS = 30;
/** A return after this many years away requires workshop and team levels again (exactly 12 months counts, §7.2). */
export const RETURN_REDO_YEARS = 1;

/**
 * Pre-job hours of a new hire by the enterprise's sector (domain §7.2): 72 h for the high-risk sectors
 * (coal, non-coal mines, hazchem, fireworks, metal smelting [S]; the reference data's `highRisk` flag), 32 h
 * for construction enterprises [K: 安委〔2012〕10号], 24 h otherwise [S].
 */
export function requiredNewHireHours(industryCode: string): number {
  if (industryCode === 'CONSTRUCTION') return 32;
  return INDUSTRIES.find((i) => i.code === industryCode)?.highRisk ? 72 : 24;
}

/** The default split across the three levels: one third each, rounded up to whole hours (domain §7.3) [D]. */
export function requiredLevelHours(totalHours: number): number {
  return Math.ceil(totalHours / LEVELS.length);
}

export interface LevelRecord {
  level: EducationLevel;
  hours: number;
  passed: boolean;
  completedAt: string;
}

/** The levels still missing for PASSED: not recorded, not passed, or short of the required hours. */
export function missingLevels(levels: readonly LevelRecord[], requiredHours: number): EducationLevel[] {
  const perLevel = requiredLevelHours(requiredHours);
  return LEVELS.filter(
    (level) => !levels.some((record) => record.level === level && record.passed && record.hours >= perLevel),
  );
}

/** The status the recorded levels give (domain §7.3): nothing yet, some, or all three passed. */
export function statusFromLevels(levels: readonly LevelRecord[], requiredHours: number): ThreeLevelStatus {
  if (levels.length === 0) return ThreeLevelStatus.NOT_STARTED;
  return missingLevels(levels, requiredHours).length === 0
    ? ThreeLevelStatus.PASSED
    : ThreeLevelStatus.IN_PROGRESS;
}

/** The transitions of domain §7.3; any other is forbidden. */
const TRANSITIONS: ReadonlyArray<readonly [ThreeLevelStatus, ThreeLevelStatus]> = [
  [ThreeLevelStatus.NOT_STARTED, ThreeLevelStatus.IN_PROGRESS],
  [ThreeLevelStatus.IN_PROGRESS, ThreeLevelStatus.PASSED],
  [ThreeLevelStatus.PASSED, ThreeLevelStatus.REDO_REQUIRED],
  [ThreeLevelStatus.REDO_REQUIRED, ThreeLevelStatus.IN_PROGRESS],
];

export function canTransition(from: ThreeLevelStatus, to: ThreeLevelStatus): boolean {
  return TRANSITIONS.some(([f, t]) => f === from && t === to);
}

/**
 * The path a recording takes from `from` to the status the levels now give: NOT_STARTED may pass
 * through IN_PROGRESS to PASSED in one recording (the last level recorded at once), as may
 * REDO_REQUIRED. Returns null when the result is not reachable by the table (e.g. PASSED back to
 * IN_PROGRESS by recording a failed level: a redo must be declared first).
 */
export function recordingPath(from: ThreeLevelStatus, to: ThreeLevelStatus): ThreeLevelStatus[] | null {
  if (from === to) return from === ThreeLevelStatus.PASSED ? null : [];
  if (canTransition(from, to)) return [to];
  if (canTransition(from, ThreeLevelStatus.IN_PROGRESS) && to === ThreeLevelStatus.PASSED)
    return [ThreeLevelStatus.IN_PROGRESS, ThreeLevelStatus.PASSED];
  return null;
}

/** A return after a break needs the redo when away ≥ 1 year; exactly 12 months counts (domain §7.2). */
export function returnNeedsRedo(lastDayWorked: string, returnDay: string): boolean {
  return returnDay >= addYears(lastDayWorked, RETURN_REDO_YEARS);
}

/** The levels kept on a redo: only the company level; workshop and team are redone (domain §7.3). */
export function levelsAfterRedo<T extends LevelRecord>(levels: readonly T[]): T[] {
  return levels.filter((record) => !REDO_LEVELS.includes(record.level));
}

export interface ThreeLevelFacts {
  status: ThreeLevelStatus;
  /** The day the three levels were passed. */
  passedAt: string | null;
  /** The day the last annual refresher was completed, if any (modelled on the record until training records exist). */
  lastRefresherAt: string | null;
}

/** The annual refresher is due one year after the last one, or after passing if none yet [D]. */
export function refresherDue(record: ThreeLevelFacts): string | null {
  const last = record.lastRefresherAt ?? record.passedAt;
  return last === null ? null : addYears(last, 1);
}

/**
 * Gate `canWork` of domain §7.3 on `day`: PASSED, and the annual refresher not overdue by more than
 * 30 days (the 30th day after the due day still works; the 31st does not, §0.3 counting).
 */
export function canWork(record: ThreeLevelFacts | null, day: string): boolean {
  if (!record || record.status !== ThreeLevelStatus.PASSED) return false;
  const due = refresherDue(record);
  return due !== null && day <= addDays(due, REFRESHER_GRACE_DAYS);
}
