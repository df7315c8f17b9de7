import { addDays, localDate } from '@safety/subgraph-kit';
import { type Problem, parseDecimal, type Result } from '../risk/risk.rules.js';
import {
  ALPHA_BY_POPULATION,
  BAOBAO_CADENCE,
  BAOBAO_ROLES,
  type BaobaoRole,
  BETA_BY_CLASS_2011,
  BETA_BY_CLASS_2018,
  type BetaEdition,
  type CadencePeriod,
  type CatalogueSubstance,
  type HazardClass2011,
  type HazardClass2018,
  MAJOR_HAZARD_GRADE_BANDS,
  MAJOR_HAZARD_SUBSTANCES,
  type MajorHazardSourceGrade,
  MajorHazardUnitType,
} from './major-hazard-source.tables.js';

// ---------------------------------------------------------------------------------------------
// Exact rationals. S and R divide by critical quantities such as 0.3 t, so decimal division alone
// would round (1/3 + 1/3 + 1/3 ≠ 1); fractions of bigints keep every comparison exact.

interface Ratio {
  n: bigint;
  /** Always > 0; the fraction is kept reduced. */
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}
function ratio(n: bigint, d: bigint): Ratio {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}
const ZERO = ratio(0n, 1n);
const add = (a: Ratio, b: Ratio) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Ratio, b: Ratio) => ratio(a.n * b.n, a.d * b.d);
const div = (a: Ratio, b: Ratio) => ratio(a.n * b.d, a.d * b.n);
const cmp = (a: Ratio, b: Ratio) => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};

/** An exact ratio from a decimal number or string; null if it is not a finite decimal. */
function toRatio(value: unknown): Ratio | null {
  const dec = parseDecimal(value);
  if (!dec) return null;
  const [int, frac = ''] = dec.abs().toFixed().split('.') as [string, string?];
  return ratio(BigInt(int + frac) * (dec.isNeg() ? -1n : 1n), 10n ** BigInt(frac.length));
}
const mustRatio = (value: unknown, what: string): Ratio => {
  const r = toRatio(value);
  if (!r) throw new RangeError(`${what} must be a finite decimal, got ${String(value)}`);
  return r;
};

/** Digits shown for a value that has no finite decimal expansion (q/Q with Q = 0.3 t, say). */
export const NON_TERMINATING_DIGITS = 6;

export interface ExactDecimal {
  /** Plain decimal string: exact when `exact`, otherwise rounded half-up to NON_TERMINATING_DIGITS places. */
  value: string;
  exact: boolean;
}

function formatRatio(r: Ratio): ExactDecimal {
  let rest = r.d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  const exact = rest === 1n;
  const places = exact ? Math.max(twos, fives) : NON_TERMINATING_DIGITS;
  const scale = 10n ** BigInt(places);
  const negative = r.n < 0n;
  // Half-up on the magnitude; exact values divide evenly.
  const scaled = (abs(r.n) * scale * 2n + r.d) / (2n * r.d);
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  const text = `${negative && scaled !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  return { value: text, exact };
}

// ---------------------------------------------------------------------------------------------
// Substances, α and β (domain §5.4).

const normaliseCas = (cas: string) => cas.trim();
const normaliseName = (name: string) => name.trim().replace(/\s+/g, '');

/**
 * The catalogue entry for a substance: by CAS when given, otherwise by name or alias. A CAS the
 * catalogue does not know still matches by name an entry whose CAS is not recorded yet (汽油).
 */
export function findCatalogueSubstance(
  substance: { name: string; cas?: string | null },
  catalogue: readonly CatalogueSubstance[] = MAJOR_HAZARD_SUBSTANCES,
): CatalogueSubstance | null {
  const name = normaliseName(substance.name);
  const byName = catalogue.find((s) => s.nameZh === name || s.aliases.includes(name)) ?? null;
  if (!substance.cas?.trim()) return byName;
  const cas = normaliseCas(substance.cas);
  return catalogue.find((s) => s.cas === cas) ?? (byName?.cas === null ? byName : null);
}

/** α for the residents within 500 m outside the boundary (domain §5.4 table). */
export function alphaFor(residentsWithin500m: number): string {
  if (!Number.isInteger(residentsWithin500m) || residentsWithin500m < 0)
    throw new RangeError(`residents must be a non-negative integer, got ${residentsWithin500m}`);
  return ALPHA_BY_POPULATION.find((row) => residentsWithin500m >= row.minPeople)!.alpha;
}

export type BetaBasis = 'NAMED_TOXIC_GAS' | 'HAZARD_CLASS' | 'OVERRIDE';

export interface BetaOverride {
  value: number | string;
  justification: string;
}

export interface MajorHazardSubstanceInput {
  name: string;
  cas?: string | null;
  /** q: the maximum quantity present in the unit, tonnes. */
  q: number | string;
  /** Q in tonnes; taken from the catalogue when omitted. */
  criticalQuantity?: number | string | null;
  /** The class used for β, read in the unit's edition (表4 W/J codes, or the 2011 coarse classes). */
  hazardClass?: HazardClass2018 | HazardClass2011 | null;
  betaOverride?: BetaOverride | null;
}

export interface BetaChoice {
  beta: string;
  basis: BetaBasis;
  /** The class β was read from (stored with the substance, domain §5.4); null for a named toxic gas or an override without one. */
  hazardClass: HazardClass2018 | HazardClass2011 | null;
  justification?: string;
}

function classBeta(edition: BetaEdition, hazardClass: string): string | undefined {
  const table: Readonly<Record<string, string>> =
    edition === 'GB18218_2018' ? BETA_BY_CLASS_2018 : BETA_BY_CLASS_2011;
  return Object.hasOwn(table, hazardClass) ? table[hazardClass] : undefined;
}

/**
 * β of one substance: a justified override first, then the named toxic gas table, then the hazard
 * class of the chosen edition (given, or the catalogue default). Field names are relative to the substance.
 */
export function betaFor(
  substance: MajorHazardSubstanceInput,
  edition: BetaEdition,
  catalogue: readonly CatalogueSubstance[] = MAJOR_HAZARD_SUBSTANCES,
): Result<BetaChoice> {
  const entry = findCatalogueSubstance(substance, catalogue);
  const hazardClass =
    substance.hazardClass ??
    (edition === 'GB18218_2018' ? entry?.hazardClass2018 : entry?.hazardClass2011) ??
    null;
  if (hazardClass !== null && classBeta(edition, hazardClass) === undefined)
    return {
      ok: false,
      problems: [{ field: 'hazardClass', message: `${hazardClass} is not a class of ${edition}` }],
    };
  if (substance.betaOverride) {
    const problems: Problem[] = [];
    const value = parseDecimal(substance.betaOverride.value);
    if (!value || value.lte(0))
      problems.push({ field: 'betaOverride.value', message: 'β must be a positive decimal' });
    if (!substance.betaOverride.justification?.trim())
      problems.push({ field: 'betaOverride.justification', message: 'a β override needs a justification' });
    if (problems.length || !value) return { ok: false, problems };
    return {
      ok: true,
      value: {
        beta: value.toFixed(),
        basis: 'OVERRIDE',
        hazardClass,
        justification: substance.betaOverride.justification.trim(),
      },
    };
  }
  if (entry?.toxicGasBeta)
    return { ok: true, value: { beta: entry.toxicGasBeta, basis: 'NAMED_TOXIC_GAS', hazardClass: null } };
  if (hazardClass === null)
    return {
      ok: false,
      problems: [
        {
          field: 'hazardClass',
          message: `give the ${edition} hazard class used for β, or a justified override`,
        },
      ],
    };
  return { ok: true, value: { beta: classBeta(edition, hazardClass)!, basis: 'HAZARD_CLASS', hazardClass } };
}

// ---------------------------------------------------------------------------------------------
// Identification S = Σ q/Q and grading R = α × Σ β·q/Q (domain §5.4).

/** S = Σ qᵢ/Qᵢ, exact. Inputs must already be valid (q ≥ 0, Q > 0); otherwise RangeError. */
export function majorHazardSum(
  substances: readonly { q: number | string; criticalQuantity: number | string }[],
): ExactDecimal {
  return formatRatio(sumRatio(substances));
}

function sumRatio(substances: readonly { q: number | string; criticalQuantity: number | string }[]): Ratio {
  return substances.reduce((sum, s, i) => {
    const q = mustRatio(s.q, `substances.${i}.q`);
    const bigQ = mustRatio(s.criticalQuantity, `substances.${i}.criticalQuantity`);
    if (q.n < 0n || bigQ.n <= 0n) throw new RangeError(`substances.${i}: q must be ≥ 0 and Q > 0`);
    return add(sum, div(q, bigQ));
  }, ZERO);
}

/** S ≥ 1: "等于或超过临界量", so equality counts. Units are never summed with each other. */
export function isMajorHazardSource(
  substances: readonly { q: number | string; criticalQuantity: number | string }[],
): boolean {
  return cmp(sumRatio(substances), ratio(1n, 1n)) >= 0;
}

/** Grade of a major hazard source by R: I ≥ 100, II ≥ 50, III ≥ 10, IV below. */
export function gradeForR(r: number | string): MajorHazardSourceGrade {
  return gradeOf(mustRatio(r, 'R'));
}

// Grades compare the exact fraction, never a rounded rendering.
function gradeOf(r: Ratio): MajorHazardSourceGrade {
  return MAJOR_HAZARD_GRADE_BANDS.find((band) => cmp(r, mustRatio(band.minR, 'minR')) >= 0)?.grade ?? 'IV';
}

export interface MajorHazardUnitInput {
  unitName: string;
  unitType: MajorHazardUnitType;
  substances: readonly MajorHazardSubstanceInput[];
  residentsWithin500m: number;
  /** Which β-by-class table to read; GB 18218-2018 unless stated. */
  betaEdition?: BetaEdition;
}

export interface AssessedSubstance {
  name: string;
  cas: string | null;
  q: string;
  criticalQuantity: string;
  /** qᵢ/Qᵢ. */
  ratio: ExactDecimal;
  beta: BetaChoice;
}

export interface MajorHazardUnitAssessment {
  unitName: string;
  unitType: MajorHazardUnitType;
  betaEdition: BetaEdition;
  s: ExactDecimal;
  isMajorHazardSource: boolean;
  alpha: string;
  /** Null unless S ≥ 1 (domain §5.4: R and the grade exist only for a major hazard source). */
  r: ExactDecimal | null;
  /** Null (not IV) when the unit is not a major hazard source. */
  grade: MajorHazardSourceGrade | null;
  substances: AssessedSubstance[];
}

/**
 * Identify and grade ONE unit. GB 18218-2018 dropped the 2009 rule that merged installations less
 * than 500 m apart, so separate units are never summed: call this once per unit.
 */
export function assessMajorHazardUnit(
  unit: MajorHazardUnitInput,
  catalogue: readonly CatalogueSubstance[] = MAJOR_HAZARD_SUBSTANCES,
): Result<MajorHazardUnitAssessment> {
  const edition = unit.betaEdition ?? 'GB18218_2018';
  const problems: Problem[] = [];
  if (!Object.hasOwn(MajorHazardUnitType, unit.unitType))
    problems.push({ field: 'unitType', message: 'must be PRODUCTION_UNIT or STORAGE_UNIT' });
  if (!Number.isInteger(unit.residentsWithin500m) || unit.residentsWithin500m < 0)
    problems.push({ field: 'residentsWithin500m', message: 'must be a non-negative integer' });

  const assessed: { input: MajorHazardSubstanceInput; q: Ratio; bigQ: Ratio; beta: BetaChoice }[] = [];
  unit.substances.forEach((s, i) => {
    const at = (field: string) => `substances.${i}.${field}`;
    const before = problems.length;
    const entry = findCatalogueSubstance(s, catalogue);
    if (s.cas?.trim()) {
      // A CAS that names another catalogue substance than the name does is a data-entry error.
      const byName = findCatalogueSubstance({ name: s.name }, catalogue);
      if (byName?.cas && byName !== entry)
        problems.push({ field: at('cas'), message: `${byName.nameZh} is CAS ${byName.cas}` });
    }
    const q = toRatio(s.q);
    if (!q || q.n < 0n) problems.push({ field: at('q'), message: 'q must be a non-negative decimal (t)' });
    const givenQ = s.criticalQuantity ?? null;
    const bigQ =
      givenQ === null ? (entry?.criticalQuantity ? toRatio(entry.criticalQuantity) : null) : toRatio(givenQ);
    if (givenQ === null && !bigQ)
      problems.push({
        field: at('criticalQuantity'),
        message: 'not in the catalogue: give Q from GB 18218-2018',
      });
    else if (!bigQ || bigQ.n <= 0n)
      problems.push({ field: at('criticalQuantity'), message: 'Q must be a positive decimal (t)' });
    else if (givenQ !== null && entry?.criticalQuantity && cmp(bigQ, toRatio(entry.criticalQuantity)!) !== 0)
      problems.push({
        field: at('criticalQuantity'),
        message: `GB 18218-2018 gives Q = ${entry.criticalQuantity} t for ${entry.nameZh}`,
      });
    const beta = betaFor(s, edition, catalogue);
    if (!beta.ok) problems.push(...beta.problems.map((p) => ({ ...p, field: at(p.field) })));
    if (problems.length === before && q && bigQ && beta.ok)
      assessed.push({ input: s, q, bigQ, beta: beta.value });
  });
  if (problems.length) return { ok: false, problems };

  const s = assessed.reduce((sum, a) => add(sum, div(a.q, a.bigQ)), ZERO);
  const alpha = alphaFor(unit.residentsWithin500m);
  const isMajor = cmp(s, ratio(1n, 1n)) >= 0;
  const weighted = assessed.reduce(
    (sum, a) => add(sum, mul(mustRatio(a.beta.beta, 'β'), div(a.q, a.bigQ))),
    ZERO,
  );
  const r = isMajor ? mul(mustRatio(alpha, 'α'), weighted) : null;
  return {
    ok: true,
    value: {
      unitName: unit.unitName,
      unitType: unit.unitType,
      betaEdition: edition,
      s: formatRatio(s),
      isMajorHazardSource: isMajor,
      alpha,
      r: r ? formatRatio(r) : null,
      grade: r ? gradeOf(r) : null,
      substances: assessed.map((a) => ({
        name: a.input.name,
        cas: a.input.cas?.trim() || findCatalogueSubstance(a.input, catalogue)?.cas || null,
        q: formatRatio(a.q).value,
        criticalQuantity: formatRatio(a.bigQ).value,
        ratio: formatRatio(div(a.q, a.bigQ)),
        beta: a.beta,
      })),
    },
  };
}

/** Whether an enterprise has a major hazard source: any one unit qualifies; units are not summed. */
export function enterpriseHasMajorHazardSource(
  units: readonly Pick<MajorHazardUnitAssessment, 'isMajorHazardSource'>[],
) {
  return units.some((u) => u.isMajorHazardSource);
}

// ---------------------------------------------------------------------------------------------
// 包保 cadence (domain §5.4 last bullet): PRINCIPAL quarterly, TECHNICAL_LEAD monthly, OPERATIONS_LEAD weekly.

export interface CadenceWindow {
  cadence: CadencePeriod;
  /** `2025-Q1`, `2025-03`, or the ISO week `2025-W01` (ISO week-year). */
  key: string;
  /** First and last local day (Asia/Shanghai), inclusive. */
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The cadence period that contains a local day. ISO weeks run Monday to Sunday; week 1 holds the year's first Thursday. */
export function cadencePeriodOf(cadence: CadencePeriod, day: string): CadenceWindow {
  const [y, m] = day.split('-').map(Number) as [number, number, number];
  if (cadence === 'MONTH')
    return {
      cadence,
      key: `${y}-${pad(m)}`,
      start: `${y}-${pad(m)}-01`,
      end: `${y}-${pad(m)}-${lastDayOfMonth(y, m)}`,
    };
  if (cadence === 'QUARTER') {
    const quarter = Math.floor((m - 1) / 3) + 1;
    const first = quarter * 3 - 2;
    const last = quarter * 3;
    return {
      cadence,
      key: `${y}-Q${quarter}`,
      start: `${y}-${pad(first)}-01`,
      end: `${y}-${pad(last)}-${lastDayOfMonth(y, last)}`,
    };
  }
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(day, -weekday);
  const thursday = addDays(start, 3);
  const isoYear = Number(thursday.slice(0, 4));
  const week =
    Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
  return { cadence, key: `${isoYear}-W${pad(week)}`, start, end: addDays(start, 6) };
}

export interface BaobaoMiss extends CadenceWindow {
  role: BaobaoRole;
}

/**
 * The cadence periods in which a 包保 person made no check. A period is judged when its last day lies
 * in [from, to] and before the local day of `asOf` (a period still running cannot be missed yet); a
 * check anywhere in the period fulfils it, even before `from`. Sorted by period start, then role.
 */
export function missedBaobaoChecks(input: {
  checks: Readonly<Partial<Record<BaobaoRole, readonly Date[]>>>;
  from: string;
  to: string;
  asOf: Date;
  roles?: readonly BaobaoRole[];
}): BaobaoMiss[] {
  const today = localDate(input.asOf);
  const misses: BaobaoMiss[] = [];
  for (const role of input.roles ?? BAOBAO_ROLES) {
    const checkDays = (input.checks[role] ?? []).map(localDate);
    let period = cadencePeriodOf(BAOBAO_CADENCE[role], input.from);
    while (period.end <= input.to && period.end < today) {
      const { start, end } = period;
      if (!checkDays.some((d) => d >= start && d <= end)) misses.push({ role, ...period });
      period = cadencePeriodOf(period.cadence, addDays(end, 1));
    }
  }
  const roleOrder = (r: BaobaoRole) => BAOBAO_ROLES.indexOf(r);
  return misses.sort((a, b) => a.start.localeCompare(b.start) || roleOrder(a.role) - roleOrder(b.role));
}
