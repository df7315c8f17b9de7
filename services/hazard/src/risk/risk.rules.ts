import { addYears, localDate } from '@safety/subgraph-kit';
import { Decimal } from 'decimal.js';
import type { MajorHazardSourceGrade } from '../major-hazard-sources/major-hazard-source.tables.js';
import {
  CONTROL_LEVEL_RANK,
  type ControlLevel,
  DEFAULT_CONTROL_LEVEL,
  DEFAULT_LEC_BANDS,
  DEFAULT_MATRIX_BANDS,
  DEFAULT_RISK_CRITERIA_PROFILES,
  type IndustryCode,
  LEC_C_VALUES,
  LEC_E_VALUES,
  LEC_L_VALUES,
  type LecBand,
  type LecBands,
  MATRIX_VALUES,
  MAX_REVIEW_INTERVAL_MONTHS,
  type MatrixBand,
  type MatrixValue,
  type ReviewTrigger,
  RISK_LEVEL_RANK,
  RISK_LEVELS,
  type RiskCriteriaProfile,
  type RiskLevel,
  type RiskMethod,
  type ScaleValue,
} from './risk.tables.js';

// ---------------------------------------------------------------------------------------------
// Problems: expected input failures, each naming its field (architecture §5 BAD_USER_INPUT).

export interface Problem {
  /** Path inside the input object the function was given, e.g. `l`, `manualOverride.reason`. */
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });

/** The `fields` map `badUserInput` of the subgraph kit expects, optionally under a path prefix. */
export function problemFields(problems: readonly Problem[], prefix = ''): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [prefix ? `${prefix}.${p.field}` : p.field, p.message]));
}

/** A finite decimal from a number or a decimal string; null for anything else (NaN, '', 'abc', Infinity). */
export function parseDecimal(value: unknown): Decimal | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  try {
    const parsed = new Decimal(typeof value === 'string' ? value.trim() : value);
    return parsed.isFinite() ? parsed : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Risk levels.

export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVEL_RANK[a] - RISK_LEVEL_RANK[b];
}

/** The most severe level, or null for none. */
export function maxRiskLevel(levels: readonly RiskLevel[]): RiskLevel | null {
  return levels.reduce<RiskLevel | null>(
    (max, level) => (max === null || compareRiskLevels(level, max) > 0 ? level : max),
    null,
  );
}

/** Raise by `steps`, capped at MAJOR. */
export function raiseRiskLevel(level: RiskLevel, steps = 1): RiskLevel {
  const rank = Math.min(RISK_LEVEL_RANK[level] + steps, RISK_LEVEL_RANK.MAJOR);
  return RISK_LEVELS.find((l) => RISK_LEVEL_RANK[l] === rank)!;
}

// ---------------------------------------------------------------------------------------------
// (a) LEC, D = L × E × C (domain §5.2 a).

export interface LecInputs {
  l: number | string;
  e: number | string;
  c: number | string;
}

export interface LecScore {
  /** Exact D as a plain decimal string ('24', '0.05'). */
  d: string;
  l: ScaleValue;
  e: ScaleValue;
  c: ScaleValue;
}

function tableValue(table: readonly ScaleValue[], raw: unknown, field: string, name: string) {
  const value = parseDecimal(raw);
  const entry = value && table.find((t) => value.eq(t.value));
  if (entry) return { entry };
  const allowed = table.map((t) => t.value).join(', ');
  return { problem: { field, message: `${name} must be one of ${allowed}; got ${String(raw)}` } };
}

/** D with exact decimal arithmetic; any L, E or C outside the tables is a problem on that field [D]. */
export function lecScore(inputs: LecInputs): Result<LecScore> {
  const l = tableValue(LEC_L_VALUES, inputs.l, 'l', 'L (likelihood)');
  const e = tableValue(LEC_E_VALUES, inputs.e, 'e', 'E (exposure)');
  const c = tableValue(LEC_C_VALUES, inputs.c, 'c', 'C (consequence)');
  if (!l.entry || !e.entry || !c.entry)
    return fail([l.problem, e.problem, c.problem].filter((p): p is Problem => p !== undefined));
  const d = new Decimal(l.entry.value).mul(e.entry.value).mul(c.entry.value);
  return ok({ d: d.toFixed(), l: l.entry, e: e.entry, c: c.entry });
}

export interface LecBandResult {
  band: LecBand;
  wording: string;
  level: RiskLevel;
}

/**
 * The band of D under the fixed boundary convention of domain §5.2 a: only D > band1Above is 1级,
 * only D < band4From is 5级, inner bands include their lower bound (so D = 70 is 3级, D = 20 is 4级).
 */
export function lecBand(d: string | Decimal, bands: LecBands = DEFAULT_LEC_BANDS): LecBandResult {
  const value = new Decimal(d);
  const band: LecBand = value.gt(bands.band1Above)
    ? 1
    : value.gte(bands.band2From)
      ? 2
      : value.gte(bands.band3From)
        ? 3
        : value.gte(bands.band4From)
          ? 4
          : 5;
  return { band, wording: bands.wording[band], level: bands.levels[band] };
}

// ---------------------------------------------------------------------------------------------
// (b) Risk matrix, R = L × S (domain §5.2 b).

export interface MatrixInputs {
  l: number;
  s: number;
}

function matrixValue(raw: unknown, field: string, name: string): Problem | null {
  return MATRIX_VALUES.includes(raw as MatrixValue)
    ? null
    : { field, message: `${name} must be an integer from 1 to 5; got ${String(raw)}` };
}

/** R = L × S with L, S integers 1–5. */
export function matrixScore(inputs: MatrixInputs): Result<number> {
  const problems = [
    matrixValue(inputs.l, 'l', 'L (likelihood)'),
    matrixValue(inputs.s, 's', 'S (severity)'),
  ].filter((p): p is Problem => p !== null);
  return problems.length ? fail(problems) : ok(inputs.l * inputs.s);
}

/** The first band (most severe first) whose lower bound R reaches. */
export function matrixLevel(r: number, bands: readonly MatrixBand[] = DEFAULT_MATRIX_BANDS): RiskLevel {
  const band = [...bands].sort((a, b) => b.minScore - a.minScore).find((b) => r >= b.minScore);
  if (!band) throw new RangeError(`risk matrix score ${r} is below every band`);
  return band.level;
}

// ---------------------------------------------------------------------------------------------
// RiskCriteriaProfile: selection and assessment (domain §5.2, §0.3 versioned catalogues).

const asLocalDate = (at: Date | string): string => (typeof at === 'string' ? at : localDate(at));

/** What an assessment records as `criteriaVersion`, e.g. `DEFAULT-LEC@1`. */
export function criteriaVersionOf(profile: Pick<RiskCriteriaProfile, 'id' | 'version'>): string {
  return `${profile.id}@${profile.version}`;
}

export function isInForce(
  profile: Pick<RiskCriteriaProfile, 'effectiveFrom' | 'effectiveTo'>,
  at: Date | string,
): boolean {
  const day = asLocalDate(at);
  return profile.effectiveFrom <= day && (profile.effectiveTo === null || day <= profile.effectiveTo);
}

/**
 * The profile in force for an industry on a local day: a profile naming the industry beats an 'ALL'
 * profile; among equals the latest effectiveFrom, then the highest version, wins. Null if none.
 */
export function profileInForce(
  industryCode: IndustryCode,
  at: Date | string,
  catalogue: readonly RiskCriteriaProfile[] = DEFAULT_RISK_CRITERIA_PROFILES,
): RiskCriteriaProfile | null {
  const candidates = catalogue.filter(
    (p) => isInForce(p, at) && (p.industryCodes === 'ALL' || p.industryCodes.includes(industryCode)),
  );
  const specificity = (p: RiskCriteriaProfile) => (p.industryCodes === 'ALL' ? 0 : 1);
  candidates.sort(
    (a, b) =>
      specificity(b) - specificity(a) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom) ||
      b.version - a.version,
  );
  return candidates[0] ?? null;
}

/** Configuration checks for a profile before it is loaded (ordered thresholds, known industries, dates). */
export function riskCriteriaProfileProblems(
  profile: RiskCriteriaProfile,
  knownIndustryCodes?: readonly IndustryCode[],
): Problem[] {
  const problems: Problem[] = [];
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
  if (!isDate(profile.effectiveFrom))
    problems.push({ field: 'effectiveFrom', message: 'must be a YYYY-MM-DD date' });
  if (profile.effectiveTo !== null && !isDate(profile.effectiveTo))
    problems.push({ field: 'effectiveTo', message: 'must be a YYYY-MM-DD date or null' });
  else if (profile.effectiveTo !== null && profile.effectiveTo < profile.effectiveFrom)
    problems.push({ field: 'effectiveTo', message: 'must not be before effectiveFrom' });
  if (knownIndustryCodes && profile.industryCodes !== 'ALL') {
    const unknown = profile.industryCodes.filter((code) => !knownIndustryCodes.includes(code));
    if (unknown.length) problems.push({ field: 'industryCodes', message: `unknown: ${unknown.join(', ')}` });
  }
  if (profile.method === 'LEC') {
    const b = profile.lecBands;
    const thresholds = [b.band4From, b.band3From, b.band2From, b.band1Above].map(parseDecimal);
    const ordered = thresholds.every((t, i) => t !== null && (i === 0 || t.gt(thresholds[i - 1]!)));
    if (!ordered)
      problems.push({
        field: 'lecBands',
        message: 'thresholds must be decimals with band4 < band3 < band2 < band1',
      });
    for (const band of [1, 2, 3, 4] as const)
      if (compareRiskLevels(b.levels[band], b.levels[(band + 1) as LecBand]) < 0)
        problems.push({
          field: `lecBands.levels.${band}`,
          message: 'a more dangerous band cannot map lower',
        });
  } else {
    const mins = profile.matrixBands.map((b) => b.minScore);
    if (!mins.every(Number.isInteger) || new Set(mins).size !== mins.length)
      problems.push({ field: 'matrixBands', message: 'lower bounds must be distinct integers' });
    if (!mins.includes(1) || Math.min(...mins) < 1)
      problems.push({ field: 'matrixBands', message: 'the lowest band must start at 1' });
    const byScore = [...profile.matrixBands].sort((a, b) => a.minScore - b.minScore);
    if (byScore.some((b, i) => i > 0 && compareRiskLevels(b.level, byScore[i - 1]!.level) < 0))
      problems.push({ field: 'matrixBands', message: 'a higher score cannot map to a lower level' });
  }
  return problems;
}

export type RiskAssessmentInputs = ({ method: 'LEC' } & LecInputs) | ({ method: 'MATRIX' } & MatrixInputs);

export interface RiskAssessmentOutcome {
  method: RiskMethod;
  /** D (LEC) or R (matrix), exact, as a decimal string. */
  score: string;
  /** LEC only: 1–5 and its classic wording (4级 and 5级 are both LOW, so the band is returned too). */
  band?: LecBand;
  bandWording?: string;
  computedLevel: RiskLevel;
  /** Stored with the assessment so later profile changes never rewrite it (domain §0.3). */
  criteriaVersion: string;
}

/** Assess with the profile's method and bands; inputs of another method are a problem on `method`. */
export function assess(
  profile: RiskCriteriaProfile,
  inputs: RiskAssessmentInputs,
): Result<RiskAssessmentOutcome> {
  const criteriaVersion = criteriaVersionOf(profile);
  if (inputs.method !== profile.method)
    return fail([
      { field: 'method', message: `profile ${criteriaVersion} uses ${profile.method}, not ${inputs.method}` },
    ]);
  if (profile.method === 'LEC' && inputs.method === 'LEC') {
    const scored = lecScore(inputs);
    if (!scored.ok) return scored;
    const band = lecBand(scored.value.d, profile.lecBands);
    return ok({
      method: 'LEC',
      score: scored.value.d,
      band: band.band,
      bandWording: band.wording,
      computedLevel: band.level,
      criteriaVersion,
    });
  }
  if (profile.method === 'MATRIX' && inputs.method === 'MATRIX') {
    const scored = matrixScore(inputs);
    if (!scored.ok) return scored;
    return ok({
      method: 'MATRIX',
      score: String(scored.value),
      computedLevel: matrixLevel(scored.value, profile.matrixBands),
      criteriaVersion,
    });
  }
  throw new Error('unreachable: method mismatch handled above');
}

// ---------------------------------------------------------------------------------------------
// Overrides (domain §5.2 c): they only ever raise.

export type RiskLevelBasis =
  | 'COMPUTED'
  | 'MANUAL_OVERRIDE'
  | 'OPEN_MAJOR_HAZARD'
  | 'MAJOR_HAZARD_SOURCE_GRADE';

export interface EffectiveRiskLevelInput {
  computed: RiskLevel;
  manualOverride?: { level: RiskLevel; reason?: string | null } | null;
  hasOpenMajorHazard: boolean;
  partOfMajorSourceGrade?: MajorHazardSourceGrade | null;
}

export interface EffectiveRiskLevel {
  level: RiskLevel;
  /** Every rule that demands the final level (several can tie). */
  basis: RiskLevelBasis[];
}

/**
 * The level a risk point carries: computed, raised by a reasoned manual override, at least MAJOR with
 * an open MAJOR hazard, at least HIGH inside a grade I/II major hazard source. Lowering is a problem.
 */
export function effectiveRiskLevel(input: EffectiveRiskLevelInput): Result<EffectiveRiskLevel> {
  const floors: [RiskLevelBasis, RiskLevel][] = [['COMPUTED', input.computed]];
  const override = input.manualOverride;
  if (override) {
    const problems: Problem[] = [];
    if (compareRiskLevels(override.level, input.computed) < 0)
      problems.push({
        field: 'manualOverride.level',
        message: `an override may only raise the computed level ${input.computed}`,
      });
    if (!override.reason?.trim())
      problems.push({ field: 'manualOverride.reason', message: 'an override needs a reason' });
    if (problems.length) return fail(problems);
    floors.push(['MANUAL_OVERRIDE', override.level]);
  }
  if (input.hasOpenMajorHazard) floors.push(['OPEN_MAJOR_HAZARD', 'MAJOR']);
  if (input.partOfMajorSourceGrade === 'I' || input.partOfMajorSourceGrade === 'II')
    floors.push(['MAJOR_HAZARD_SOURCE_GRADE', 'HIGH']);
  const level = maxRiskLevel(floors.map(([, l]) => l))!;
  return ok({ level, basis: floors.filter(([, l]) => l === level).map(([basis]) => basis) });
}

// ---------------------------------------------------------------------------------------------
// Floor-plan polygon (domain §5.2 `floorPlanPolygon`, §5.3 enterprise four-colour map).

/** Side of the square plan space polygons are drawn in, so maps scale to any floor plan. */
export const FLOOR_PLAN_SIZE = 1000;

/** A polygon is at least 3 vertices [x, y] inside 0–1000; null/absent is fine (no map shape yet). */
export function floorPlanPolygonProblem(
  polygon: readonly (readonly number[])[] | null | undefined,
): string | null {
  if (polygon === null || polygon === undefined) return null;
  if (polygon.length < 3) return 'a polygon needs at least 3 vertices';
  const inside = (v: number) => Number.isFinite(v) && v >= 0 && v <= FLOOR_PLAN_SIZE;
  return polygon.every((p) => p.length === 2 && p.every(inside))
    ? null
    : `each vertex is [x, y] with 0 ≤ x, y ≤ ${FLOOR_PLAN_SIZE}`;
}

// ---------------------------------------------------------------------------------------------
// Control level (domain §5.2).

export function defaultControlLevel(level: RiskLevel): ControlLevel {
  return DEFAULT_CONTROL_LEVEL[level];
}

/** A control level below the default for the risk level needs a reason; higher is always fine. */
export function controlLevelProblem(input: {
  riskLevel: RiskLevel;
  controlLevel: ControlLevel;
  reason?: string | null;
}): Problem | null {
  const expected = defaultControlLevel(input.riskLevel);
  if (CONTROL_LEVEL_RANK[input.controlLevel] >= CONTROL_LEVEL_RANK[expected]) return null;
  return input.reason?.trim()
    ? null
    : {
        field: 'controlLevelReason',
        message: `${input.riskLevel} risks are controlled at ${expected} level by default; a lower level needs a reason`,
      };
}

// ---------------------------------------------------------------------------------------------
// Re-assessment (domain §5.2): at least every 12 months, at once after a trigger.

/** Add whole months to a local date; a missing day becomes the month's last day (民法典 第202条, domain §0.3). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The last local day by which the point must be re-assessed: `months` (≤ 12) after the assessment day,
 * counted as domain §0.3 counts periods (10 June → 10 June; 29 Feb 2024 → 28 Feb 2025).
 */
export function nextReviewDue(assessedAt: Date | string, months = MAX_REVIEW_INTERVAL_MONTHS): string {
  if (!Number.isInteger(months) || months < 1 || months > MAX_REVIEW_INTERVAL_MONTHS)
    throw new RangeError(`review interval must be 1–${MAX_REVIEW_INTERVAL_MONTHS} months, got ${months}`);
  const day = asLocalDate(assessedAt);
  return months === 12 ? addYears(day, 1) : addMonths(day, months);
}

export interface ReviewTriggerEvent {
  trigger: ReviewTrigger;
  occurredAt: Date;
}

export interface ReassessmentStatus {
  /** The local day the next assessment is due: the periodic date, or a trigger's day if earlier. */
  dueDate: string;
  /** The due date has come (today ≥ dueDate). */
  due: boolean;
  /** The due date has passed (its 23:59:59 local is behind us). */
  overdue: boolean;
  /** What makes it due now: 'PERIODIC' once the periodic date has come, and every trigger since the assessment. */
  reasons: (ReviewTrigger | 'PERIODIC')[];
}

/** Triggers at or before the assessment instant were already taken into account and are ignored. */
export function reassessmentStatus(
  input: { assessedAt: Date; triggers: readonly ReviewTriggerEvent[]; intervalMonths?: number },
  now: Date,
): ReassessmentStatus {
  const today = localDate(now);
  const periodic = nextReviewDue(input.assessedAt, input.intervalMonths);
  const pending = input.triggers
    .filter(
      (t) => t.occurredAt.getTime() > input.assessedAt.getTime() && t.occurredAt.getTime() <= now.getTime(),
    )
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const firstTriggerDay = pending[0] ? localDate(pending[0].occurredAt) : null;
  const dueDate = firstTriggerDay && firstTriggerDay < periodic ? firstTriggerDay : periodic;
  const reasons: (ReviewTrigger | 'PERIODIC')[] = [
    ...(today >= periodic ? (['PERIODIC'] as const) : []),
    ...new Set(pending.map((t) => t.trigger)),
  ];
  return { dueDate, due: today >= dueDate, overdue: today > dueDate, reasons };
}

// ---------------------------------------------------------------------------------------------
// Enterprise risk level (domain §5.2 last paragraph) and its change event.

export type EnterpriseRiskReason =
  | { code: 'MAX_OF_RISK_POINTS'; level: RiskLevel; labelZh: string }
  | { code: 'OVERDUE_MAJOR_HAZARD'; labelZh: string }
  | { code: 'FATAL_ACCIDENT_WITHIN_12_MONTHS'; accidentDate: string; labelZh: string };

export interface EnterpriseRiskLevelResult {
  /** Null while the enterprise has no assessed risk point (shown as 未评估). */
  level: RiskLevel | null;
  /** The max over risk points before raising. */
  baseLevel: RiskLevel | null;
  raised: boolean;
  reasons: EnterpriseRiskReason[];
}

/**
 * max(level of the risk points), raised one step (capped at MAJOR) while the enterprise has an overdue
 * major hazard or had a fatal accident in the last 12 months. Both together still raise one step.
 * An accident on day A counts through the same-numbered day 12 months later (domain §0.3).
 */
export function enterpriseRiskLevel(input: {
  pointLevels: readonly RiskLevel[];
  hasOverdueMajorHazard: boolean;
  fatalAccidentsAt: readonly Date[];
  now: Date;
}): EnterpriseRiskLevelResult {
  const today = localDate(input.now);
  const baseLevel = maxRiskLevel(input.pointLevels);
  const reasons: EnterpriseRiskReason[] = [];
  if (baseLevel)
    reasons.push({ code: 'MAX_OF_RISK_POINTS', level: baseLevel, labelZh: '风险点最高风险等级' });
  if (input.hasOverdueMajorHazard)
    reasons.push({ code: 'OVERDUE_MAJOR_HAZARD', labelZh: '存在逾期未整改重大事故隐患' });
  const recentFatal = input.fatalAccidentsAt
    .map(localDate)
    .filter((day) => day <= today && today <= addYears(day, 1))
    .sort()
    .at(-1);
  if (recentFatal)
    reasons.push({
      code: 'FATAL_ACCIDENT_WITHIN_12_MONTHS',
      accidentDate: recentFatal,
      labelZh: '近12个月发生亡人事故',
    });
  const aggravated = input.hasOverdueMajorHazard || recentFatal !== undefined;
  const level = baseLevel && aggravated ? raiseRiskLevel(baseLevel) : baseLevel;
  return { level, baseLevel, raised: level !== baseLevel, reasons };
}

export interface RiskLevelChange {
  from: RiskLevel | null;
  to: RiskLevel | null;
  direction: 'UP' | 'DOWN';
}

/** The `EnterpriseRiskLevelChanged` payload core, or null when nothing changed. */
export function enterpriseRiskLevelChange(
  previous: RiskLevel | null,
  next: RiskLevel | null,
): RiskLevelChange | null {
  if (previous === next) return null;
  const rank = (l: RiskLevel | null) => (l === null ? 0 : RISK_LEVEL_RANK[l]);
  return { from: previous, to: next, direction: rank(next) > rank(previous) ? 'UP' : 'DOWN' };
}
