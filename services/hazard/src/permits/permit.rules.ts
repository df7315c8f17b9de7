import type { HazardGrade, HazardSource } from '../hazards/hazard.enums.js';
import {
  addLocalDays,
  checkConfinedSpaceGasTest,
  checkHotWorkGasTest,
  checkLatestGasTests,
  type GasTest,
  type GasTestProfile,
  shanghaiDate,
  shanghaiMidnight,
} from './gas-test.rules.js';
import {
  type CredentialRequirement,
  DEFAULT_NIGHT_HOURS,
  type EnterpriseOperatingStatus,
  HEIGHT_LEVELS,
  type HeightLevel,
  HOT_WORK_LEVELS,
  HOT_WORK_VALIDITY_HOURS,
  type HotWorkLevel,
  LIVE_PERMIT_STATUSES,
  type NightHours,
  OPEN_PERMIT_STATUSES,
  PERMIT_QUALIFICATION_RULES,
  PERMIT_TYPE_LABELS,
  type PermitActor,
  type PermitLevel,
  type PermitPurpose,
  type PermitQualificationRule,
  type PermitReason,
  type PermitStatus,
  type PermitType,
  PURPOSES_ALLOWED_WHILE_STOPPED,
  QUALIFICATION_FAILURE_LABELS,
  reason,
  VALID_CERTIFICATE_STATUSES,
  type WorkerRole,
  type WorkKind,
} from './permit.tables.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface Interval {
  from: Date;
  to: Date;
}

// =========================================================================================================
// P-4 hot-work level

/** One day of `WorkCalendar` (domain §2.7) as replicated from `responsibility`. */
export interface CalendarDayFacts {
  date: string;
  isWorkingDay: boolean;
  /**
   * Set on holidays; note that `responsibility` also names make-up working days (`…调休上班`), so a
   * holiday is a non-working day with a name.
   */
  holidayName: string | null;
}

export interface HotWorkTimeInput {
  /** The periods the work is planned in; by default the whole validity window. */
  periods: readonly Interval[];
  /** Calendar days covering every local date the periods touch. */
  calendar: readonly CalendarDayFacts[];
  nightHours?: NightHours;
  /** P-4 [K?]: whether an official make-up working day (调休) counts as a rest day; default no [D]. */
  makeUpWorkdayIsRestDay?: boolean;
  /** "Other special situations" that the issuer declares (free text). */
  otherSpecialSituation?: string | null;
}

export interface HotWorkTimeFacts {
  holidayNames: string[];
  restDays: string[];
  night: boolean;
  otherSpecialSituation: string | null;
  /** Dates the calendar did not cover: classified by the weekend rule, and refused at approval. */
  missingCalendarDays: string[];
}

/** Minutes after local midnight of `HH:mm`; a malformed setting throws rather than silently meaning "no night". */
function minutesOfDay(hhmm: string): number {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) throw new RangeError(`night hours must be HH:mm, got ${hhmm}`);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The local dates a half-open period [from, to) touches. */
function localDatesOf(period: Interval): string[] {
  if (period.to.getTime() <= period.from.getTime()) return [];
  const last = shanghaiDate(new Date(period.to.getTime() - 1));
  const dates: string[] = [];
  for (let date = shanghaiDate(period.from); date <= last; date = addLocalDays(date, 1)) dates.push(date);
  return dates;
}

/** Whether a half-open period overlaps the night hours (Asia/Shanghai) of any day. Equal bounds mean no night. */
export function overlapsNight(period: Interval, nightHours: NightHours = DEFAULT_NIGHT_HOURS): boolean {
  const start = minutesOfDay(nightHours.from);
  const end = minutesOfDay(nightHours.to);
  if (start === end || period.to.getTime() <= period.from.getTime()) return false;
  // A night that began the day before can still be running at the period's start.
  const first = addLocalDays(shanghaiDate(period.from), -1);
  const last = shanghaiDate(period.to);
  for (let date = first; date <= last; date = addLocalDays(date, 1)) {
    const midnight = shanghaiMidnight(date).getTime();
    const nightFrom = midnight + start * MINUTE_MS;
    const nightTo = midnight + (start < end ? end : end + 24 * 60) * MINUTE_MS;
    if (nightFrom < period.to.getTime() && period.from.getTime() < nightTo) return true;
  }
  return false;
}

/** The P-4 time facts of the planned work: holidays, rest days, night, other special situations. */
export function hotWorkTimeFacts(input: HotWorkTimeInput): HotWorkTimeFacts {
  const byDate = new Map(input.calendar.map((day) => [day.date, day]));
  const dates = [...new Set(input.periods.flatMap(localDatesOf))].sort();
  const holidayNames = new Set<string>();
  const restDays: string[] = [];
  const missingCalendarDays: string[] = [];
  for (const date of dates) {
    const day = byDate.get(date);
    if (!day) {
      missingCalendarDays.push(date);
      if (isWeekend(date)) restDays.push(date);
    } else if (!day.isWorkingDay) {
      if (day.holidayName) holidayNames.add(day.holidayName);
      else restDays.push(date);
    } else if (isWeekend(date) && input.makeUpWorkdayIsRestDay) {
      restDays.push(date);
    }
  }
  return {
    holidayNames: [...holidayNames],
    restDays,
    night: input.periods.some((period) => overlapsNight(period, input.nightHours)),
    otherSpecialSituation: input.otherSpecialSituation?.trim() || null,
    missingCalendarDays,
  };
}

/** Facts about where the hot work happens (P-4). */
export interface HotWorkSiteFacts {
  /** In a fire or explosion hazard area (火灾爆炸危险场所). */
  fireExplosionHazardArea: boolean;
  /** On running equipment, pipes, tanks or vessels. */
  onRunningEquipment: boolean;
  /** Under pressure without displacement (带压不置换). */
  pressurisedWithoutDisplacement: boolean;
  /** Inside the dike of a major-hazard tank farm holding flammable or explosive media. */
  insideMajorHazardTankFarmDike: boolean;
  /** On a pipe rack (管廊). */
  onPipeRack: boolean;
  /** Inside the enterprise's fixed hot-work area (固定动火区). */
  inFixedHotWorkArea: boolean;
  /** The unit or system is fully shut down, purged, cleaned, tested and isolated … */
  unitShutDownPurgedIsolated: boolean;
  /** … and managing its hot work as 二级 has been approved. */
  shutdownDowngradeApproved: boolean;
}

export const HOT_WORK_LEVEL_REASONS = {
  RUNNING_EQUIPMENT_IN_HAZARD_AREA: '火灾爆炸危险场所内处于运行状态的设备、管道、储罐、容器上动火',
  PRESSURISED_WITHOUT_DISPLACEMENT: '带压不置换动火',
  MAJOR_HAZARD_TANK_FARM_DIKE: '重大危险源罐区防火堤内动火（易燃易爆介质）',
  HAZARD_AREA: '火灾爆炸危险场所内的其他动火',
  PIPE_RACK: '管廊上动火按一级动火管理',
  ELSEWHERE: '固定动火区外的其他动火',
  FIXED_HOT_WORK_AREA: '固定动火区内动火，不需办理动火作业票',
  SHUTDOWN_DOWNGRADE: '装置全部停车并清洗、置换、分析合格、隔离，经批准按二级动火管理',
  HOLIDAY: '节假日动火，升级管理',
  REST_DAY: '休息日动火，升级管理',
  NIGHT: '夜间动火，升级管理',
  SPECIAL_SITUATION: '特殊情况动火，升级管理',
} as const;
export type HotWorkLevelReasonCode = keyof typeof HOT_WORK_LEVEL_REASONS;

export interface HotWorkLevelAssessment {
  /** False inside a fixed hot-work area, where no permit is needed. */
  permitRequired: boolean;
  baseLevel: HotWorkLevel | null;
  /** The level the permit is managed at: one up on holidays, rest days, at night, in special situations. */
  managedLevel: HotWorkLevel | null;
  reasons: { code: HotWorkLevelReasonCode; messageZh: string; detail?: string }[];
}

const levelReason = (code: HotWorkLevelReasonCode, detail?: string) => ({
  code,
  messageZh: HOT_WORK_LEVEL_REASONS[code],
  ...(detail ? { detail } : {}),
});

/** Strictness rank: SPECIAL 0 < LEVEL_1 1 < LEVEL_2 2. */
const rank = (level: HotWorkLevel): number => HOT_WORK_LEVELS.indexOf(level);
/** The stricter of two hot-work levels. */
export const stricterLevel = (a: HotWorkLevel, b: HotWorkLevel): HotWorkLevel => (rank(a) <= rank(b) ? a : b);
/** One level up; SPECIAL stays SPECIAL. */
export const upgradeLevel = (level: HotWorkLevel): HotWorkLevel =>
  HOT_WORK_LEVELS[Math.max(0, rank(level) - 1)]!;

/** P-4: the base level from the site, then the managed level from the time facts, with the reasons. */
export function assessHotWorkLevel(site: HotWorkSiteFacts, time: HotWorkTimeFacts): HotWorkLevelAssessment {
  const reasons: HotWorkLevelAssessment['reasons'] = [];
  const running = site.fireExplosionHazardArea && site.onRunningEquipment;
  // 带压不置换 is listed as a case of 特级; treated as 特级 wherever it happens, the stricter reading [D].
  if (running) reasons.push(levelReason('RUNNING_EQUIPMENT_IN_HAZARD_AREA'));
  if (site.pressurisedWithoutDisplacement) reasons.push(levelReason('PRESSURISED_WITHOUT_DISPLACEMENT'));
  if (site.insideMajorHazardTankFarmDike) reasons.push(levelReason('MAJOR_HAZARD_TANK_FARM_DIKE'));
  let base: HotWorkLevel | null;
  if (reasons.length > 0) base = 'SPECIAL';
  else if (site.fireExplosionHazardArea || site.onPipeRack) {
    if (site.fireExplosionHazardArea) reasons.push(levelReason('HAZARD_AREA'));
    if (site.onPipeRack) reasons.push(levelReason('PIPE_RACK'));
    base = 'LEVEL_1';
  } else if (site.inFixedHotWorkArea) {
    return {
      permitRequired: false,
      baseLevel: null,
      managedLevel: null,
      reasons: [levelReason('FIXED_HOT_WORK_AREA')],
    };
  } else {
    reasons.push(levelReason('ELSEWHERE'));
    base = 'LEVEL_2';
  }
  // [K?] A shut-down, purged and isolated unit may be managed as 二级 with approval; never for work on
  // running or pressurised equipment, which contradicts a shut-down unit.
  const downgradable = !site.onRunningEquipment && !site.pressurisedWithoutDisplacement;
  if (
    base !== 'LEVEL_2' &&
    downgradable &&
    site.unitShutDownPurgedIsolated &&
    site.shutdownDowngradeApproved
  ) {
    reasons.push(levelReason('SHUTDOWN_DOWNGRADE'));
    base = 'LEVEL_2';
  }
  const upgrades = [
    ...time.holidayNames.map((name) => levelReason('HOLIDAY', name)),
    ...time.restDays.map((date) => levelReason('REST_DAY', date)),
    ...(time.night ? [levelReason('NIGHT')] : []),
    ...(time.otherSpecialSituation ? [levelReason('SPECIAL_SITUATION', time.otherSpecialSituation)] : []),
  ];
  reasons.push(...upgrades);
  return {
    permitRequired: true,
    baseLevel: base,
    managedLevel: upgrades.length > 0 ? upgradeLevel(base) : base,
    reasons,
  };
}

// =========================================================================================================
// Validity

export const isHotWorkLevel = (level: PermitLevel | null | undefined): level is HotWorkLevel =>
  (HOT_WORK_LEVELS as readonly string[]).includes(level as string);
export const isHeightLevel = (level: PermitLevel | null | undefined): level is HeightLevel =>
  (HEIGHT_LEVELS as readonly string[]).includes(level as string);

/** Longest validity of a hot-work permit at its managed level, in hours (SPECIAL/LEVEL_1 8 h, LEVEL_2 72 h). */
export function hotWorkValidityLimitHours(managedLevel: HotWorkLevel): number {
  return HOT_WORK_VALIDITY_HOURS[managedLevel];
}

/**
 * The requested validity window: it must end after it starts, and a hot-work permit may last at most the
 * limit of its managed level (exactly the limit is allowed). Other types have no limit in the spec.
 */
export function validityProblems(
  type: PermitType,
  managedLevel: PermitLevel | null,
  validFrom: Date,
  validTo: Date,
): PermitReason[] {
  const span = validTo.getTime() - validFrom.getTime();
  if (span <= 0) return [reason('VALIDITY_INVALID')];
  if (type !== 'HOT_WORK') return [];
  if (!isHotWorkLevel(managedLevel)) return [reason('LEVEL_MISSING')];
  const limit = hotWorkValidityLimitHours(managedLevel);
  return span > limit * HOUR_MS
    ? [reason('VALIDITY_TOO_LONG', { detail: `${span / HOUR_MS} h > ${limit} h (${managedLevel})` })]
    : [];
}

// =========================================================================================================
// Qualification (domain §5.9 table, §7.6, P-1)

/** The unit that hired a worker (domain §5.9 `engagedBy`): the enterprise itself or a contractor. */
export interface EngagingUnit {
  enterpriseId: string | null;
  name: string;
}

export interface PermitWorker {
  personId: string;
  role: WorkerRole;
  engagedBy: EngagingUnit;
  workKinds?: readonly WorkKind[];
  /** Certificates the qualification check relied on (its evidence snapshot), for P-2. */
  certificateIds?: readonly string[];
}

export interface RequiredCredential {
  ruleId: string;
  ruleVersion: string;
  requirement: CredentialRequirement;
}

/** A stable key for a requirement, to match training's answers to what was asked. */
export function credentialKey(requirement: CredentialRequirement): string {
  switch (requirement.kind) {
    case 'CERTIFICATE':
      return ['CERTIFICATE', requirement.certType, requirement.category, requirement.subType ?? ''].join('|');
    case 'EMPLOYMENT_AND_THREE_LEVEL':
      return 'EMPLOYMENT_AND_THREE_LEVEL';
    case 'PERMIT_TYPE_TRAINING':
      return `PERMIT_TYPE_TRAINING|${requirement.permitType}`;
  }
}

/** Chinese label of a requirement for the UI. */
export function credentialLabel(requirement: CredentialRequirement): string {
  switch (requirement.kind) {
    case 'CERTIFICATE': {
      const type = requirement.certType === 'SPECIAL_OPERATION' ? '特种作业操作证' : '特种设备作业人员证';
      return `${type}（${requirement.subType ?? requirement.category}）`;
    }
    case 'EMPLOYMENT_AND_THREE_LEVEL':
      return '在岗及三级安全教育';
    case 'PERMIT_TYPE_TRAINING':
      return `${PERMIT_TYPE_LABELS[requirement.permitType]}监护培训`;
  }
}

/** The qualification rows in force on a local date (both ends inclusive). */
export function activeQualificationRules(
  date: string,
  rules: readonly PermitQualificationRule[] = PERMIT_QUALIFICATION_RULES,
): PermitQualificationRule[] {
  return rules.filter(
    (rule) => rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo),
  );
}

const matches = <T>(list: readonly T[] | 'ANY', value: T): boolean => list === 'ANY' || list.includes(value);

/**
 * The credentials a worker needs for a permit, under the rules in force on the local date of `validFrom`;
 * the caller turns each into a `training.qualificationCheck(personId, requirement, enterpriseId, validFrom)`.
 * A certificate with a sub-type replaces the same certificate without one.
 */
export function requiredCredentials(
  permit: { type: PermitType; validFrom: Date },
  worker: Pick<PermitWorker, 'role' | 'workKinds'>,
  rules: readonly PermitQualificationRule[] = PERMIT_QUALIFICATION_RULES,
): RequiredCredential[] {
  const kinds = worker.workKinds ?? [];
  const found = activeQualificationRules(shanghaiDate(permit.validFrom), rules)
    .filter(
      (rule) =>
        matches(rule.permitTypes, permit.type) &&
        matches(rule.roles, worker.role) &&
        (rule.workKinds === 'ANY' ||
          kinds.some((kind) => (rule.workKinds as readonly WorkKind[]).includes(kind))),
    )
    .map((rule) => ({ ruleId: rule.id, ruleVersion: rule.version, requirement: rule.requirement }));
  const unique = [...new Map(found.map((item) => [credentialKey(item.requirement), item])).values()];
  return unique.filter(
    (item) =>
      item.requirement.kind !== 'CERTIFICATE' ||
      item.requirement.subType !== undefined ||
      !unique.some(
        (other) =>
          other.requirement.kind === 'CERTIFICATE' &&
          item.requirement.kind === 'CERTIFICATE' &&
          other.requirement.subType !== undefined &&
          other.requirement.certType === item.requirement.certType &&
          other.requirement.category === item.requirement.category,
      ),
  );
}

/** One answer of `training.qualificationCheck` (domain §7.6), kept with what was asked. */
export interface QualificationResult {
  personId: string;
  requirement: CredentialRequirement;
  /** The moment the check was made for; the gate needs answers for `validFrom`. */
  at: Date;
  ok: boolean;
  /** `QualificationFailure` codes; unknown codes are shown as they come. */
  reasons: readonly string[];
}

/** P-1: training's failing answers as the reasons the UI shows, one per failure. */
export function gateReasons(results: readonly QualificationResult[]): PermitReason[] {
  return results
    .filter((result) => !result.ok)
    .flatMap((result) => {
      const failures = result.reasons.length > 0 ? result.reasons : ['NO_CERTIFICATE'];
      return failures.map((failure) => ({
        code: 'QUALIFICATION_FAILED' as const,
        messageZh: `${credentialLabel(result.requirement)}：${
          (QUALIFICATION_FAILURE_LABELS as Record<string, string>)[failure] ?? `资格校验未通过（${failure}）`
        }`,
        personId: result.personId,
        detail: failure,
      }));
    });
}

/**
 * The qualification gate of the approval (domain §5.9): every worker has, for every required credential,
 * an answer from training made for `validFrom`, and every answer passes. There is no override (P-1).
 */
export function qualificationGate(
  permit: { type: PermitType; validFrom: Date; workers: readonly PermitWorker[] },
  results: readonly QualificationResult[],
  rules: readonly PermitQualificationRule[] = PERMIT_QUALIFICATION_RULES,
): PermitReason[] {
  const problems: PermitReason[] = [];
  const used: QualificationResult[] = [];
  const seen = new Set<string>();
  for (const worker of permit.workers) {
    for (const { requirement } of requiredCredentials(permit, worker, rules)) {
      const key = `${worker.personId}#${credentialKey(requirement)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const answer = results.find(
        (result) =>
          result.personId === worker.personId &&
          credentialKey(result.requirement) === credentialKey(requirement) &&
          result.at.getTime() === permit.validFrom.getTime(),
      );
      if (answer) used.push(answer);
      else
        problems.push(
          reason('QUALIFICATION_NOT_CHECKED', {
            personId: worker.personId,
            detail: credentialLabel(requirement),
          }),
        );
    }
  }
  return [...gateReasons(used), ...problems];
}

// =========================================================================================================
// State machine (domain §5.9)

export interface EquipmentCheck {
  equipmentId: string;
  /** Local date of the inspection. */
  inspectedAt: string;
  /** The Plan bans obsolete or defective welding equipment [SEED]. */
  result: 'OK' | 'DEFECTIVE' | 'OBSOLETE';
}

/** What the rules need to know about a permit. */
export interface PermitFacts {
  type: PermitType;
  status: PermitStatus;
  /** HOT_WORK: the level the permit is managed at; WORK_AT_HEIGHT: I–IV; otherwise null. */
  level: PermitLevel | null;
  purpose: PermitPurpose;
  /** Required when `purpose` is RECTIFICATION. */
  hazardId?: string | null;
  validFrom: Date;
  validTo: Date;
  /** Planned work periods inside the validity (e.g. day shifts of a multi-day 二级 permit); default: all of it. */
  workPeriods?: readonly Interval[] | null;
  /** Required for HOT_WORK (P-4). */
  hotWorkSite?: HotWorkSiteFacts | null;
  workers: readonly PermitWorker[];
  equipmentChecks: readonly EquipmentCheck[];
  gasTests: readonly GasTest[];
  /** An oxygen-enriched environment declared on the permit (P-7). */
  oxygenEnriched?: boolean;
  /** When the permit was last suspended (SUSPENDED → IN_PROGRESS). */
  suspendedAt?: Date | null;
}

/** Facts from outside the permit, passed in by the caller; what a transition needs but lacks is refused. */
export interface PermitContext {
  now: Date;
  /** Free-text reason (revocation). */
  reasonText?: string | null;
  /** The enterprise's `operatingStatus` from `supervision` (approval). */
  enterpriseStatus?: EnterpriseOperatingStatus;
  /** Training's answers for every worker and required credential at `validFrom` (approval). */
  qualificationResults?: readonly QualificationResult[];
  /** Work calendar days covering the work (hot-work approval). */
  calendar?: readonly CalendarDayFacts[];
  nightHours?: NightHours;
  makeUpWorkdayIsRestDay?: boolean;
  otherSpecialSituation?: string | null;
  /** Continuous gas monitoring in place (SPECIAL hot work, confined space) at start or resumption. */
  continuousMonitoring?: boolean;
  /** The issuer checked the site after completion (e.g. no residual fire). */
  siteChecked?: boolean;
  qualificationRules?: readonly PermitQualificationRule[];
}

export type PermitGuard =
  | 'GAS_TEST_RECORDED'
  | 'APPROVAL_WITHOUT_GAS_TEST'
  | 'APPROVAL'
  | 'START'
  | 'RESUME'
  | 'NONE'
  | 'SITE_CHECKED'
  | 'REASON_GIVEN'
  | 'VALIDITY_PASSED';

export interface PermitTransition {
  from: PermitStatus;
  to: PermitStatus;
  actors: readonly PermitActor[];
  /** ALL: every listed actor confirms together; ANY: one of them acts. */
  mode: 'ANY' | 'ALL';
  guard: PermitGuard;
}

const REVOKERS: readonly PermitActor[] = ['APPROVER', 'GUARDIAN', 'REGULATOR', 'SYSTEM'];

/**
 * The transition table of domain §5.9; any pair not listed is forbidden. SYSTEM may revoke because P-2
 * revokes on a `CertificateStatusChanged` event.
 */
export const PERMIT_TRANSITIONS: readonly PermitTransition[] = [
  { from: 'DRAFT', to: 'GAS_TESTED', actors: ['ANALYST'], mode: 'ANY', guard: 'GAS_TEST_RECORDED' },
  { from: 'DRAFT', to: 'APPROVED', actors: ['APPROVER'], mode: 'ANY', guard: 'APPROVAL_WITHOUT_GAS_TEST' },
  { from: 'GAS_TESTED', to: 'APPROVED', actors: ['APPROVER'], mode: 'ANY', guard: 'APPROVAL' },
  { from: 'APPROVED', to: 'IN_PROGRESS', actors: ['GUARDIAN'], mode: 'ANY', guard: 'START' },
  { from: 'IN_PROGRESS', to: 'SUSPENDED', actors: ['GUARDIAN'], mode: 'ANY', guard: 'NONE' },
  { from: 'SUSPENDED', to: 'IN_PROGRESS', actors: ['GUARDIAN'], mode: 'ANY', guard: 'RESUME' },
  { from: 'IN_PROGRESS', to: 'COMPLETED', actors: ['EXECUTOR', 'GUARDIAN'], mode: 'ALL', guard: 'NONE' },
  { from: 'COMPLETED', to: 'CLOSED', actors: ['ISSUER'], mode: 'ANY', guard: 'SITE_CHECKED' },
  { from: 'APPROVED', to: 'REVOKED', actors: REVOKERS, mode: 'ANY', guard: 'REASON_GIVEN' },
  { from: 'IN_PROGRESS', to: 'REVOKED', actors: REVOKERS, mode: 'ANY', guard: 'REASON_GIVEN' },
  ...OPEN_PERMIT_STATUSES.map(
    (from): PermitTransition => ({
      from,
      to: 'EXPIRED',
      actors: ['SYSTEM'],
      mode: 'ANY',
      guard: 'VALIDITY_PASSED',
    }),
  ),
];

export function permitTransitionOf(from: PermitStatus, to: PermitStatus): PermitTransition | undefined {
  return PERMIT_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Side effects the caller must carry out after an allowed transition. */
export type PermitEffect = 'COPY_TO_REGULATOR' | 'NOTIFY_GUARDIAN';

export type PermitDecision =
  | { allowed: true; effects: PermitEffect[] }
  | { allowed: false; reasons: PermitReason[] };

/** Permit types whose gas test is required before approval and at start (domain §5.9). */
export const GAS_TESTED_TYPES: readonly PermitType[] = ['HOT_WORK', 'CONFINED_SPACE'];

function gasProfile(type: PermitType): GasTestProfile {
  return type === 'HOT_WORK' || type === 'CONFINED_SPACE' ? type : 'GENERAL';
}

const missing = (fact: string) => reason('FACT_MISSING', { detail: fact });

/** The level check of the approval; returns the level that bounds the validity, if any. */
function levelProblems(
  permit: PermitFacts,
  context: PermitContext,
): { problems: PermitReason[]; managed: PermitLevel | null } {
  if (permit.type === 'WORK_AT_HEIGHT')
    return { problems: isHeightLevel(permit.level) ? [] : [reason('LEVEL_MISSING')], managed: permit.level };
  if (permit.type !== 'HOT_WORK') return { problems: [], managed: null };
  const problems: PermitReason[] = [];
  if (!isHotWorkLevel(permit.level)) problems.push(reason('LEVEL_MISSING'));
  if (!permit.hotWorkSite) problems.push(missing('hotWorkSite'));
  if (!context.calendar) problems.push(missing('calendar'));
  if (!permit.hotWorkSite || !context.calendar || !isHotWorkLevel(permit.level))
    return { problems, managed: isHotWorkLevel(permit.level) ? permit.level : null };
  const time = hotWorkTimeFacts({
    periods: permit.workPeriods?.length
      ? permit.workPeriods
      : [{ from: permit.validFrom, to: permit.validTo }],
    calendar: context.calendar,
    nightHours: context.nightHours,
    makeUpWorkdayIsRestDay: context.makeUpWorkdayIsRestDay,
    otherSpecialSituation: context.otherSpecialSituation,
  });
  if (time.missingCalendarDays.length > 0)
    problems.push(reason('CALENDAR_MISSING', { detail: time.missingCalendarDays.join(',') }));
  const assessed = assessHotWorkLevel(permit.hotWorkSite, time);
  if (assessed.managedLevel === null) return { problems, managed: permit.level };
  if (stricterLevel(permit.level, assessed.managedLevel) !== permit.level)
    problems.push(reason('LEVEL_TOO_LOW', { detail: assessed.managedLevel }));
  return { problems, managed: stricterLevel(permit.level, assessed.managedLevel) };
}

function approvalProblems(permit: PermitFacts, context: PermitContext): PermitReason[] {
  const problems: PermitReason[] = [];
  const level = levelProblems(permit, context);
  problems.push(...level.problems);
  const validity = validityProblems(permit.type, level.managed, permit.validFrom, permit.validTo);
  // LEVEL_MISSING is already reported by the level check.
  problems.push(...validity.filter((p) => p.code !== 'LEVEL_MISSING'));

  if (context.qualificationResults === undefined) problems.push(missing('qualificationResults'));
  else problems.push(...qualificationGate(permit, context.qualificationResults, context.qualificationRules));

  if (context.enterpriseStatus === undefined) problems.push(missing('enterpriseStatus'));
  else if (
    enterpriseStopped(context.enterpriseStatus) &&
    !PURPOSES_ALLOWED_WHILE_STOPPED.includes(permit.purpose)
  )
    problems.push(reason('ENTERPRISE_STOPPED_PURPOSE', { detail: context.enterpriseStatus }));
  if (permit.purpose === 'RECTIFICATION' && !permit.hazardId)
    problems.push(reason('RECTIFICATION_HAZARD_MISSING'));

  if (!permit.workers.some((worker) => worker.role === 'GUARDIAN')) problems.push(reason('GUARDIAN_MISSING'));

  for (const check of permit.equipmentChecks)
    if (check.result !== 'OK')
      problems.push(reason('EQUIPMENT_CHECK_FAILED', { detail: `${check.equipmentId}: ${check.result}` }));
  const welds = permit.workers.some((worker) =>
    worker.workKinds?.some((kind) => kind === 'WELDING' || kind === 'THERMAL_CUTTING'),
  );
  if (permit.type === 'HOT_WORK' && welds && permit.equipmentChecks.length === 0)
    problems.push(reason('EQUIPMENT_CHECK_MISSING'));

  if (GAS_TESTED_TYPES.includes(permit.type)) {
    if (permit.status !== 'GAS_TESTED') problems.push(reason('GAS_TEST_MISSING'));
    else {
      const gas = checkLatestGasTests(
        permit.gasTests,
        context.now,
        gasProfile(permit.type),
        permit.oxygenEnriched,
      );
      problems.push(...gas.reasons);
    }
  }
  return problems;
}

const enterpriseStopped = (status: EnterpriseOperatingStatus): boolean =>
  status === 'SUSPENDED' || status === 'ORDERED_RECTIFICATION';

function startProblems(permit: PermitFacts, context: PermitContext, resuming: boolean): PermitReason[] {
  const problems: PermitReason[] = [];
  const now = context.now.getTime();
  if (now < permit.validFrom.getTime()) problems.push(reason('NOT_YET_VALID'));
  if (now > permit.validTo.getTime()) problems.push(reason('VALIDITY_PASSED'));
  const stoppedAt = resuming ? (permit.suspendedAt ?? null) : null;
  if (resuming && stoppedAt === null && GAS_TESTED_TYPES.includes(permit.type)) {
    problems.push(missing('suspendedAt'));
    return problems;
  }
  const continuousMonitoring = context.continuousMonitoring ?? false;
  if (permit.type === 'HOT_WORK') {
    if (!isHotWorkLevel(permit.level)) return [...problems, reason('LEVEL_MISSING')];
    const gas = checkHotWorkGasTest({
      level: permit.level,
      tests: permit.gasTests,
      startAt: context.now,
      stoppedAt,
      continuousMonitoring,
    });
    problems.push(...gas.reasons);
  } else if (permit.type === 'CONFINED_SPACE') {
    const gas = checkConfinedSpaceGasTest({
      tests: permit.gasTests,
      entryAt: context.now,
      stoppedAt,
      oxygenEnriched: permit.oxygenEnriched ?? false,
      continuousMonitoring,
    });
    problems.push(...gas.reasons);
  }
  return problems;
}

function guardProblems(guard: PermitGuard, permit: PermitFacts, context: PermitContext): PermitReason[] {
  switch (guard) {
    case 'GAS_TEST_RECORDED':
      return checkLatestGasTests(permit.gasTests, context.now, gasProfile(permit.type), permit.oxygenEnriched)
        .reasons;
    case 'APPROVAL_WITHOUT_GAS_TEST':
    case 'APPROVAL':
      return approvalProblems(permit, context);
    case 'START':
      return startProblems(permit, context, false);
    case 'RESUME':
      return startProblems(permit, context, true);
    case 'NONE':
      return [];
    case 'SITE_CHECKED':
      return context.siteChecked ? [] : [reason('SITE_NOT_CHECKED')];
    case 'REASON_GIVEN':
      return context.reasonText?.trim() ? [] : [reason('REASON_REQUIRED')];
    case 'VALIDITY_PASSED':
      return context.now.getTime() > permit.validTo.getTime() ? [] : [reason('NOT_EXPIRED')];
  }
}

function effectsOf(transition: PermitTransition, context: PermitContext): PermitEffect[] {
  if (transition.to === 'APPROVED' && context.enterpriseStatus === 'ORDERED_RECTIFICATION')
    return ['COPY_TO_REGULATOR'];
  if (transition.to === 'REVOKED') return ['NOTIFY_GUARDIAN'];
  return [];
}

/**
 * Decides a permit transition: allowed (with the side effects to carry out) or refused with every failing
 * reason. Never throws: malformed input is refused as `FACT_MISSING`. `actor` may name several parties when
 * they confirm together (IN_PROGRESS → COMPLETED needs executor and guardian).
 */
export function decidePermitTransition(
  permit: PermitFacts,
  to: PermitStatus,
  actor: PermitActor | readonly PermitActor[],
  context: PermitContext,
): PermitDecision {
  const transition = permitTransitionOf(permit.status, to);
  if (!transition) return { allowed: false, reasons: [reason('TRANSITION_NOT_ALLOWED')] };
  const actors: readonly PermitActor[] = typeof actor === 'string' ? [actor] : actor;
  const involved = actors.filter((a) => transition.actors.includes(a));
  if (involved.length === 0) return { allowed: false, reasons: [reason('ACTOR_NOT_PERMITTED')] };
  if (transition.mode === 'ALL' && !transition.actors.every((a) => actors.includes(a)))
    return { allowed: false, reasons: [reason('JOINT_CONFIRMATION_REQUIRED')] };
  try {
    const reasons = guardProblems(transition.guard, permit, context);
    return reasons.length > 0
      ? { allowed: false, reasons }
      : { allowed: true, effects: effectsOf(transition, context) };
  } catch (error) {
    return {
      allowed: false,
      reasons: [missing(error instanceof Error ? `invalid input: ${error.message}` : 'invalid input')],
    };
  }
}

// =========================================================================================================
// P-2: certificate invalidated → revoke live permits

/** Payload of `CertificateStatusChanged` (domain §10.1), as far as P-2 needs it. */
export interface CertificateStatusChanged {
  certificateId: string;
  personId: string;
  newStatus: string;
}

export interface LivePermit {
  permitId: string;
  status: PermitStatus;
  workers: readonly PermitWorker[];
}

export interface PermitRevocation {
  permitId: string;
  personId: string;
  reason: PermitReason;
  /** Guardians to notify (P-2). */
  notifyPersonIds: string[];
}

/**
 * P-2: the APPROVED / IN_PROGRESS permits to revoke when a certificate stops counting as valid. A permit is
 * hit when the person works on it and the qualification snapshot relied on that certificate; a worker
 * without a snapshot is treated as relying on it (fail safe).
 */
export function permitsToRevoke(
  event: CertificateStatusChanged,
  permits: readonly LivePermit[],
): PermitRevocation[] {
  if (VALID_CERTIFICATE_STATUSES.includes(event.newStatus)) return [];
  return permits
    .filter((permit) => LIVE_PERMIT_STATUSES.includes(permit.status))
    .filter((permit) =>
      permit.workers.some(
        (worker) =>
          worker.personId === event.personId &&
          (worker.certificateIds === undefined || worker.certificateIds.includes(event.certificateId)),
      ),
    )
    .map((permit) => ({
      permitId: permit.permitId,
      personId: event.personId,
      reason: reason('CERTIFICATE_INVALIDATED', { personId: event.personId, detail: event.newStatus }),
      notifyPersonIds: [
        ...new Set(permit.workers.filter((w) => w.role === 'GUARDIAN').map((w) => w.personId)),
      ],
    }));
}

// =========================================================================================================
// P-3: unlicensed worker found on a live operation

/** Industry codes (domain §3.3) under 《工贸企业重大事故隐患判定标准》(令第10号), whose sectors include 冶金 [K]. */
export const INDUSTRY_TRADE_CODES: readonly string[] = ['INDUSTRY_TRADE', 'METALLURGY'];
/** Industry codes under 化工和危险化学品 判定标准 (安监总管三〔2017〕121号); fuel stations as 危化经营 [K?]. */
export const HAZCHEM_CODES: readonly string[] = [
  'HAZCHEM_PRODUCTION',
  'HAZCHEM_STORAGE_TRADE',
  'HAZCHEM_TRADE_NO_STORAGE',
  'FUEL_STATION',
];

/** The criteria (domain §5.7.1) that make an uncertified special-operation worker a major hazard. */
export const UNLICENSED_WORKER_CRITERIA = {
  INDUSTRY_TRADE: {
    standardCode: '应急管理部令第10号',
    clauseNo: '3(2)',
    // Paraphrases of the spec (§5.7.1); the catalogue holds the official wording.
    textZh: '特种作业人员未经专门安全作业培训、未取得相应资格上岗作业',
  },
  HAZCHEM: {
    standardCode: '安监总管三〔2017〕121号（化工和危险化学品）',
    clauseNo: '2',
    textZh: '特种作业人员未持证上岗',
  },
} as const;

export interface UnlicensedWorkerFinding {
  enterpriseId: string;
  industryCode: string;
  personId: string;
  engagedBy: EngagingUnit;
  /** The permit of the live operation, if there is one. */
  permitId?: string | null;
  /** What the worker was doing, e.g. 焊接. */
  operation: string;
  foundAt: Date;
  /** The regulator who recorded the finding. */
  foundBy: string;
  /** Training's failure codes, if the finding came with a qualification check. */
  failures?: readonly string[];
}

export interface UnlicensedWorkerOutcome {
  hazard: {
    enterpriseId: string;
    grade: `${HazardGrade}`;
    /** STANDARD_CLAUSE when a criterion applies; otherwise the regulator grades it (no criterion here). */
    determination: 'STANDARD_CLAUSE' | null;
    criterion: (typeof UNLICENSED_WORKER_CRITERIA)[keyof typeof UNLICENSED_WORKER_CRITERIA] | null;
    category: 'MANAGEMENT_DEFECT';
    source: `${HazardSource}`;
    /** Found by government: the hazard enters at CONFIRMED (domain §5.6). */
    initialStatus: 'CONFIRMED';
    description: string;
    foundAt: Date;
    foundBy: string;
  };
  accountabilityCase: {
    trigger: 'UNLICENSED_WORKER_HIRED';
    /** "谁招请无证人员，谁负责任": the unit that hired the worker. */
    subject: EngagingUnit;
    enterpriseId: string;
    personId: string;
    permitId: string | null;
    basisZh: string;
  };
}

/**
 * P-3: the hazard to create (MAJOR under 令第10号 3(2) for 工贸 and 121号 item 2 for hazchem; otherwise
 * GENERAL for the regulator to grade) and the accountability-case proposal against `engagedBy`.
 */
export function unlicensedWorkerOutcome(finding: UnlicensedWorkerFinding): UnlicensedWorkerOutcome {
  const criterion = INDUSTRY_TRADE_CODES.includes(finding.industryCode)
    ? UNLICENSED_WORKER_CRITERIA.INDUSTRY_TRADE
    : HAZCHEM_CODES.includes(finding.industryCode)
      ? UNLICENSED_WORKER_CRITERIA.HAZCHEM
      : null;
  const failures = (finding.failures ?? [])
    .map((code) => (QUALIFICATION_FAILURE_LABELS as Record<string, string>)[code] ?? code)
    .join('、');
  return {
    hazard: {
      enterpriseId: finding.enterpriseId,
      grade: criterion ? 'MAJOR' : 'GENERAL',
      determination: criterion ? 'STANDARD_CLAUSE' : null,
      criterion,
      category: 'MANAGEMENT_DEFECT',
      source: 'GOV_INSPECTION',
      initialStatus: 'CONFIRMED',
      description: `作业人员无有效证书从事${finding.operation}${failures ? `（${failures}）` : ''}，由${finding.engagedBy.name}招用`,
      foundAt: finding.foundAt,
      foundBy: finding.foundBy,
    },
    accountabilityCase: {
      trigger: 'UNLICENSED_WORKER_HIRED',
      subject: finding.engagedBy,
      enterpriseId: finding.enterpriseId,
      personId: finding.personId,
      permitId: finding.permitId ?? null,
      basisZh: '谁招请无证人员，谁负责任',
    },
  };
}
