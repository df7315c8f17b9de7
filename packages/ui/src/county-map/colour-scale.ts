import { RISK_LEVEL_VARIANTS, RISK_LEVELS, type RiskLevel } from '../risk-level-tag/risk-level-tag.js';

/** One class of a choropleth: values from `from` (inclusive) up to the next step's `from` get `colour`. */
export interface ColourStep {
  from: number;
  colour: string;
  /** i18n key (namespace `safety`) naming the class in the legend and tooltip, e.g. `risk.MAJOR`. */
  labelKey?: string;
}

/** Ascending steps; a value below the first step, or a town without a value, is drawn as "no data". */
export type ColourScale = readonly ColourStep[];

/** Sequential blues, light to dark (ColorBrewer Blues, 5 classes). */
export const SEQUENTIAL_BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/** Fill of a town without a value. */
export const NO_DATA_COLOUR = '#f0f0f0';

/** A scale from ascending thresholds; colours are spread over the palette when there are fewer thresholds. */
export function colourScale(
  thresholds: readonly number[],
  colours: readonly string[] = SEQUENTIAL_BLUES,
): ColourScale {
  const n = thresholds.length;
  return thresholds.map((from, i) => ({
    from,
    colour: colours[n <= 1 ? colours.length - 1 : Math.round((i * (colours.length - 1)) / (n - 1))]!,
  }));
}

/** Five equal integer classes from 0 to the largest value (counts: hazards, enterprises, overdue tasks). */
export function equalThresholds(values: readonly number[], classes = SEQUENTIAL_BLUES.length): number[] {
  const max = Math.max(0, ...values);
  const width = Math.max(1, Math.ceil((max + 1) / classes));
  return Array.from({ length: classes }, (_, i) => i * width);
}

/** Risk ranks for `riskLevels` mode: a town's value is the rank of its highest risk level. */
export const RISK_LEVEL_RANK: Record<RiskLevel, number> = { LOW: 1, MODERATE: 2, HIGH: 3, MAJOR: 4 };

/** 安委办〔2016〕11号: the four national colours, low (blue) to major (red). */
export const RISK_LEVEL_SCALE: ColourScale = [...RISK_LEVELS].reverse().map((level) => ({
  from: RISK_LEVEL_RANK[level],
  colour: RISK_LEVEL_VARIANTS[level].colour,
  labelKey: RISK_LEVEL_VARIANTS[level].labelKey,
}));

/** The step a value falls in, or undefined for no data / below the first step. */
export function stepOf(scale: ColourScale, value: number | undefined): ColourStep | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  let found: ColourStep | undefined;
  for (const step of scale) if (value >= step.from) found = step;
  return found;
}

/** Legend text of step `index`: `3–5` for integer classes, `≥ 12` for the last one. */
export function stepRange(scale: ColourScale, index: number): string {
  const step = scale[index]!;
  const next = scale[index + 1];
  if (!next) return `≥ ${step.from}`;
  const integers = Number.isInteger(step.from) && Number.isInteger(next.from);
  if (integers) return next.from - 1 <= step.from ? String(step.from) : `${step.from}–${next.from - 1}`;
  return `${step.from} – ${next.from}`;
}
