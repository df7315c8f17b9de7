import { INDUSTRY_CODES } from '@safety/reference';
import { describe, expect, test } from 'vitest';
import {
  assess,
  compareRiskLevels,
  controlLevelProblem,
  criteriaVersionOf,
  defaultControlLevel,
  effectiveRiskLevel,
  enterpriseRiskLevel,
  enterpriseRiskLevelChange,
  floorPlanPolygonProblem,
  lecBand,
  lecScore,
  matrixLevel,
  matrixScore,
  maxRiskLevel,
  nextReviewDue,
  type Problem,
  problemFields,
  profileInForce,
  type Result,
  raiseRiskLevel,
  reassessmentStatus,
  riskCriteriaProfileProblems,
} from './risk.rules.js';
import {
  DEFAULT_LEC_BANDS,
  DEFAULT_LEC_PROFILE,
  DEFAULT_MATRIX_PROFILE,
  LEC_C_VALUES,
  LEC_E_VALUES,
  LEC_L_VALUES,
  type LecCriteriaProfile,
  type MatrixCriteriaProfile,
  type RiskCriteriaProfile,
  type RiskLevel,
} from './risk.tables.js';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}
function problems<T>(result: Result<T>): Problem[] {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`);
  return result.problems;
}

describe('risk levels (domain §3.6)', () => {
  test('order, max and one-step raise capped at MAJOR', () => {
    expect(compareRiskLevels('MAJOR', 'HIGH')).toBeGreaterThan(0);
    expect(maxRiskLevel(['LOW', 'HIGH', 'MODERATE'])).toBe('HIGH');
    expect(maxRiskLevel([])).toBeNull();
    expect(raiseRiskLevel('LOW')).toBe('MODERATE');
    expect(raiseRiskLevel('MODERATE')).toBe('HIGH');
    expect(raiseRiskLevel('HIGH')).toBe('MAJOR');
    expect(raiseRiskLevel('MAJOR')).toBe('MAJOR');
  });
});

describe('LEC, D = L × E × C (domain §5.2 a)', () => {
  test('the value tables are the spec tables', () => {
    expect(LEC_L_VALUES.map((v) => v.value)).toEqual(['10', '6', '3', '1', '0.5', '0.2', '0.1']);
    expect(LEC_E_VALUES.map((v) => v.value)).toEqual(['10', '6', '3', '2', '1', '0.5']);
    expect(LEC_C_VALUES.map((v) => v.value)).toEqual(['100', '40', '15', '7', '3', '1']);
    expect(LEC_L_VALUES.find((v) => v.value === '0.2')?.labelZh).toBe('极不可能');
    expect(LEC_C_VALUES.find((v) => v.value === '7')?.labelZh).toBe('严重，重伤');
  });

  test('computes exactly: 0.2 × 3 × 40 is 24, not 24.000000000000004', () => {
    expect(0.2 * 3 * 40).not.toBe(24); // why exact arithmetic is needed
    expect(value(lecScore({ l: 0.2, e: 3, c: 40 })).d).toBe('24');
    expect(value(lecScore({ l: '0.2', e: '3', c: '40' })).d).toBe('24');
  });

  test.each([
    [{ l: 0.1, e: 0.5, c: 1 }, '0.05'],
    [{ l: 10, e: 10, c: 100 }, '10000'],
    [{ l: 0.5, e: 6, c: 7 }, '21'],
    [{ l: 0.1, e: 6, c: 15 }, '9'],
  ])('%o gives D = %s', (inputs, d) => {
    expect(value(lecScore(inputs)).d).toBe(d);
  });

  test.each([
    [{ l: 4, e: 3, c: 40 }, ['l']],
    [{ l: 3, e: 4, c: 40 }, ['e']],
    [{ l: 3, e: 3, c: 50 }, ['c']],
    [{ l: 'abc', e: 3, c: 40 }, ['l']],
    [{ l: Number.NaN, e: Number.POSITIVE_INFINITY, c: '' }, ['l', 'e', 'c']],
    [{ l: 0.3, e: 0.2, c: 7 }, ['l', 'e']],
  ])('rejects values outside the tables: %o → %o', (inputs, fields) => {
    expect(problems(lecScore(inputs)).map((p) => p.field)).toEqual(fields);
  });

  test('a value equal to a table value in another spelling is that value', () => {
    expect(value(lecScore({ l: '0.50', e: '6.0', c: '7' })).d).toBe('21');
  });

  test.each([
    ['10000', 1, 'MAJOR'],
    ['360', 1, 'MAJOR'],
    ['320.0001', 1, 'MAJOR'],
    ['320', 2, 'HIGH'],
    ['300', 2, 'HIGH'],
    ['180', 2, 'HIGH'],
    ['160', 2, 'HIGH'],
    ['159.9999', 3, 'MODERATE'],
    ['150', 3, 'MODERATE'],
    ['70', 3, 'MODERATE'],
    ['69.9999', 4, 'LOW'],
    ['20', 4, 'LOW'],
    ['19.9999', 5, 'LOW'],
    ['18', 5, 'LOW'],
    ['0.05', 5, 'LOW'],
  ] as const)('D = %s is band %i (%s)', (d, band, level) => {
    const result = lecBand(d);
    expect(result.band).toBe(band);
    expect(result.level).toBe(level);
    expect(result.wording).toBe(DEFAULT_LEC_BANDS.wording[band]);
  });

  test('band wording is the classic wording', () => {
    expect(lecBand('400').wording).toBe('极其危险，不能继续作业');
    expect(lecBand('200').wording).toBe('高度危险，需立即整改');
    expect(lecBand('100').wording).toBe('显著危险，需要整改');
    expect(lecBand('50').wording).toBe('一般危险，需要注意');
    expect(lecBand('10').wording).toBe('稍有危险，可以接受');
  });

  test.each([
    [{ l: 10, e: 1, c: 7 }, '70', 3, 'MODERATE'],
    [{ l: 1, e: 10, c: 7 }, '70', 3, 'MODERATE'],
    [{ l: 1, e: 0.5, c: 40 }, '20', 4, 'LOW'],
    [{ l: 0.2, e: 1, c: 100 }, '20', 4, 'LOW'],
    [{ l: 6, e: 6, c: 15 }, '540', 1, 'MAJOR'],
    [{ l: 10, e: 2, c: 15 }, '300', 2, 'HIGH'],
    [{ l: 3, e: 10, c: 15 }, '450', 1, 'MAJOR'],
  ] as const)('reachable boundary case %o: D = %s, band %i, %s', (inputs, d, band, level) => {
    const outcome = value(assess(DEFAULT_LEC_PROFILE, { method: 'LEC', ...inputs }));
    expect(outcome).toMatchObject({ score: d, band, computedLevel: level });
  });

  test('all 7 × 6 × 6 combinations band as the thresholds say (checked with scaled integers)', () => {
    // D × 100 as an integer: L and E carry one decimal place each.
    const tenths = (v: string) => Math.round(Number(v) * 10);
    const decimalOf = (d100: number) => {
      const fraction = String(d100 % 100)
        .padStart(2, '0')
        .replace(/0+$/, '');
      return fraction ? `${Math.trunc(d100 / 100)}.${fraction}` : String(d100 / 100);
    };
    const bandOf = (d100: number) =>
      d100 > 32_000 ? 1 : d100 >= 16_000 ? 2 : d100 >= 7_000 ? 3 : d100 >= 2_000 ? 4 : 5;
    const seen = new Set<number>();
    let count = 0;
    for (const l of LEC_L_VALUES)
      for (const e of LEC_E_VALUES)
        for (const c of LEC_C_VALUES) {
          const d100 = tenths(l.value) * tenths(e.value) * Number(c.value);
          const outcome = value(
            assess(DEFAULT_LEC_PROFILE, { method: 'LEC', l: l.value, e: e.value, c: c.value }),
          );
          expect(outcome.score).toBe(decimalOf(d100));
          const band = bandOf(d100);
          expect(outcome.band).toBe(band);
          expect(outcome.computedLevel).toBe(DEFAULT_LEC_BANDS.levels[band as 1 | 2 | 3 | 4 | 5]);
          seen.add(d100);
          count++;
        }
    expect(count).toBe(252);
    expect(seen.has(7_000)).toBe(true);
    expect(seen.has(2_000)).toBe(true);
    expect(seen.has(16_000)).toBe(false);
    expect(seen.has(32_000)).toBe(false);
    expect(Math.min(...seen)).toBe(5);
    expect(Math.max(...seen)).toBe(1_000_000);
  });
});

describe('risk matrix, R = L × S (domain §5.2 b)', () => {
  const expected = (r: number): RiskLevel =>
    r >= 20 ? 'MAJOR' : r >= 15 ? 'HIGH' : r >= 9 ? 'MODERATE' : 'LOW';

  test('all 25 cells follow the default bands; 13, 14 and 17–19 never occur', () => {
    const products = new Set<number>();
    for (let l = 1; l <= 5; l++)
      for (let s = 1; s <= 5; s++) {
        const outcome = value(assess(DEFAULT_MATRIX_PROFILE, { method: 'MATRIX', l, s }));
        expect(outcome.score).toBe(String(l * s));
        expect(outcome.computedLevel).toBe(expected(l * s));
        expect(outcome.band).toBeUndefined();
        products.add(l * s);
      }
    for (const impossible of [13, 14, 17, 18, 19]) expect(products.has(impossible)).toBe(false);
  });

  test.each([
    [25, 'MAJOR'],
    [20, 'MAJOR'],
    [16, 'HIGH'],
    [15, 'HIGH'],
    [12, 'MODERATE'],
    [9, 'MODERATE'],
    [8, 'LOW'],
    [1, 'LOW'],
  ] as const)('R = %i is %s', (r, level) => {
    expect(matrixLevel(r)).toBe(level);
  });

  test.each([
    [{ l: 0, s: 3 }, ['l']],
    [{ l: 6, s: 3 }, ['l']],
    [{ l: 2.5, s: 3 }, ['l']],
    [{ l: 3, s: '3' as unknown as number }, ['s']],
    [{ l: -1, s: 9 }, ['l', 's']],
  ])('only integers 1–5: %o → %o', (inputs, fields) => {
    expect(problems(matrixScore(inputs)).map((p) => p.field)).toEqual(fields);
  });
});

describe('RiskCriteriaProfile (domain §5.2, §0.3 versioned catalogues)', () => {
  const lecV2: LecCriteriaProfile = {
    ...DEFAULT_LEC_PROFILE,
    id: 'GANSU-LEC',
    version: 2,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    lecBands: { ...DEFAULT_LEC_BANDS, band1Above: '240' },
  };
  const constructionMatrix: MatrixCriteriaProfile = {
    ...DEFAULT_MATRIX_PROFILE,
    id: 'CONSTRUCTION-MATRIX',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-12-31',
    industryCodes: ['CONSTRUCTION', 'WATER_WORKS'],
  };
  const catalogue: RiskCriteriaProfile[] = [DEFAULT_LEC_PROFILE, lecV2, constructionMatrix];

  test('the default catalogue gives LEC for every industry', () => {
    for (const code of INDUSTRY_CODES) expect(profileInForce(code, '2025-06-10')?.id).toBe('DEFAULT-LEC');
  });

  test.each([
    ['HAZCHEM_PRODUCTION', '2025-12-31', 'DEFAULT-LEC@1'],
    ['HAZCHEM_PRODUCTION', '2026-01-01', 'GANSU-LEC@2'],
    ['CONSTRUCTION', '2024-12-31', 'DEFAULT-LEC@1'],
    ['CONSTRUCTION', '2025-01-01', 'CONSTRUCTION-MATRIX@1'],
    ['WATER_WORKS', '2025-12-31', 'CONSTRUCTION-MATRIX@1'],
    ['CONSTRUCTION', '2026-01-01', 'GANSU-LEC@2'],
    ['NOT_A_CODE', '2026-03-01', 'GANSU-LEC@2'],
    ['OTHER', '1999-12-31', null],
  ] as const)('%s on %s uses %s', (industry, day, version) => {
    const profile = profileInForce(industry, day, catalogue);
    expect(profile ? criteriaVersionOf(profile) : null).toBe(version);
  });

  test('an instant is read as its Asia/Shanghai day', () => {
    // 2025-12-31T16:30Z is already 1 January 2026 in Shanghai.
    expect(profileInForce('HAZCHEM_PRODUCTION', new Date('2025-12-31T16:30:00Z'), catalogue)?.id).toBe(
      'GANSU-LEC',
    );
    expect(profileInForce('HAZCHEM_PRODUCTION', new Date('2025-12-31T15:30:00Z'), catalogue)?.id).toBe(
      'DEFAULT-LEC',
    );
  });

  test('assess uses the profile bands and records the criteria version', () => {
    expect(value(assess(lecV2, { method: 'LEC', l: 10, e: 2, c: 15 }))).toEqual({
      method: 'LEC',
      score: '300',
      band: 1,
      bandWording: '极其危险，不能继续作业',
      computedLevel: 'MAJOR',
      criteriaVersion: 'GANSU-LEC@2',
    });
    expect(value(assess(DEFAULT_LEC_PROFILE, { method: 'LEC', l: 0.2, e: 3, c: 40 }))).toEqual({
      method: 'LEC',
      score: '24',
      band: 4,
      bandWording: '一般危险，需要注意',
      computedLevel: 'LOW',
      criteriaVersion: 'DEFAULT-LEC@1',
    });
    expect(value(assess(constructionMatrix, { method: 'MATRIX', l: 4, s: 4 }))).toEqual({
      method: 'MATRIX',
      score: '16',
      computedLevel: 'HIGH',
      criteriaVersion: 'CONSTRUCTION-MATRIX@1',
    });
  });

  test('inputs of another method, or outside the tables, are problems naming the field', () => {
    expect(
      problems(assess(DEFAULT_LEC_PROFILE, { method: 'MATRIX', l: 3, s: 3 })).map((p) => p.field),
    ).toEqual(['method']);
    const bad = problems(assess(DEFAULT_LEC_PROFILE, { method: 'LEC', l: 2, e: 3, c: 40 }));
    expect(problemFields(bad, 'inputs')).toEqual({
      'inputs.l': expect.stringContaining('10, 6, 3, 1, 0.5, 0.2, 0.1'),
    });
  });

  test('profile configuration checks', () => {
    expect(riskCriteriaProfileProblems(DEFAULT_LEC_PROFILE, INDUSTRY_CODES)).toEqual([]);
    expect(riskCriteriaProfileProblems(DEFAULT_MATRIX_PROFILE, INDUSTRY_CODES)).toEqual([]);
    expect(riskCriteriaProfileProblems(constructionMatrix, INDUSTRY_CODES)).toEqual([]);
    const fields = (p: RiskCriteriaProfile) =>
      riskCriteriaProfileProblems(p, INDUSTRY_CODES).map((x) => x.field);
    expect(fields({ ...lecV2, lecBands: { ...DEFAULT_LEC_BANDS, band3From: '200' } })).toEqual(['lecBands']);
    expect(
      fields({
        ...lecV2,
        lecBands: { ...DEFAULT_LEC_BANDS, levels: { ...DEFAULT_LEC_BANDS.levels, 2: 'LOW' } },
      }),
    ).toEqual(['lecBands.levels.2']);
    expect(fields({ ...constructionMatrix, effectiveTo: '2024-12-31', industryCodes: ['BAKERY'] })).toEqual([
      'effectiveTo',
      'industryCodes',
    ]);
    expect(
      fields({
        ...constructionMatrix,
        matrixBands: [
          { minScore: 15, level: 'LOW' },
          { minScore: 1, level: 'MODERATE' },
        ],
      }),
    ).toEqual(['matrixBands']);
    expect(fields({ ...constructionMatrix, matrixBands: [{ minScore: 5, level: 'LOW' }] })).toEqual([
      'matrixBands',
    ]);
  });
});

describe('overrides only raise (domain §5.2 c)', () => {
  test.each([
    // computed, manual override, open MAJOR hazard, major source grade → level, basis
    ['LOW', null, false, null, 'LOW', ['COMPUTED']],
    ['LOW', null, true, null, 'MAJOR', ['OPEN_MAJOR_HAZARD']],
    ['MAJOR', null, true, null, 'MAJOR', ['COMPUTED', 'OPEN_MAJOR_HAZARD']],
    ['LOW', null, false, 'I', 'HIGH', ['MAJOR_HAZARD_SOURCE_GRADE']],
    ['MODERATE', null, false, 'II', 'HIGH', ['MAJOR_HAZARD_SOURCE_GRADE']],
    ['MODERATE', null, false, 'III', 'MODERATE', ['COMPUTED']],
    ['LOW', null, false, 'IV', 'LOW', ['COMPUTED']],
    ['MAJOR', null, false, 'I', 'MAJOR', ['COMPUTED']],
    ['HIGH', null, false, 'II', 'HIGH', ['COMPUTED', 'MAJOR_HAZARD_SOURCE_GRADE']],
    ['LOW', 'MODERATE', false, null, 'MODERATE', ['MANUAL_OVERRIDE']],
    ['LOW', 'MODERATE', false, 'I', 'HIGH', ['MAJOR_HAZARD_SOURCE_GRADE']],
    ['LOW', 'HIGH', true, 'II', 'MAJOR', ['OPEN_MAJOR_HAZARD']],
    ['HIGH', 'HIGH', false, null, 'HIGH', ['COMPUTED', 'MANUAL_OVERRIDE']],
  ] as const)(
    '%s + override %s + open major %s + grade %s → %s',
    (computed, manual, open, grade, level, basis) => {
      const result = effectiveRiskLevel({
        computed,
        manualOverride: manual ? { level: manual, reason: '专家会审' } : null,
        hasOpenMajorHazard: open,
        partOfMajorSourceGrade: grade,
      });
      expect(value(result)).toEqual({ level, basis });
    },
  );

  test('a lowering override, or one without a reason, is a problem', () => {
    const base = { computed: 'HIGH' as const, hasOpenMajorHazard: false };
    expect(
      problems(
        effectiveRiskLevel({ ...base, manualOverride: { level: 'MODERATE', reason: '措施到位' } }),
      ).map((p) => p.field),
    ).toEqual(['manualOverride.level']);
    expect(
      problems(effectiveRiskLevel({ ...base, manualOverride: { level: 'MAJOR', reason: '  ' } })).map(
        (p) => p.field,
      ),
    ).toEqual(['manualOverride.reason']);
    expect(
      problems(effectiveRiskLevel({ ...base, manualOverride: { level: 'LOW' } })).map((p) => p.field),
    ).toEqual(['manualOverride.level', 'manualOverride.reason']);
  });
});

describe('control level (domain §5.2)', () => {
  test.each([
    ['MAJOR', 'COMPANY'],
    ['HIGH', 'DEPARTMENT'],
    ['MODERATE', 'TEAM'],
    ['LOW', 'POST'],
  ] as const)('%s is controlled at %s by default', (level, control) => {
    expect(defaultControlLevel(level)).toBe(control);
  });

  test.each([
    ['MAJOR', 'COMPANY', null, false],
    ['MAJOR', 'DEPARTMENT', null, true],
    ['MAJOR', 'DEPARTMENT', '由分管副总负责', false],
    ['HIGH', 'COMPANY', null, false],
    ['HIGH', 'TEAM', '', true],
    ['MODERATE', 'POST', ' ', true],
    ['LOW', 'POST', null, false],
    ['LOW', 'COMPANY', null, false],
  ] as const)(
    '%s controlled at %s with reason %o needs a reason: %s',
    (riskLevel, controlLevel, reason, problem) => {
      const result = controlLevelProblem({ riskLevel, controlLevel, reason });
      expect(result !== null).toBe(problem);
      if (result) expect(result.field).toBe('controlLevelReason');
    },
  );
});

describe('re-assessment (domain §5.2)', () => {
  test.each([
    ['2025-06-10', '2026-06-10'],
    ['2024-02-29', '2025-02-28'],
    ['2025-12-31', '2026-12-31'],
  ])('assessed %s → due by %s', (day, due) => {
    expect(nextReviewDue(day)).toBe(due);
  });

  test('uses the Asia/Shanghai day of the assessment instant', () => {
    expect(nextReviewDue(new Date('2025-06-10T15:30:00Z'))).toBe('2026-06-10');
    expect(nextReviewDue(new Date('2025-06-10T16:30:00Z'))).toBe('2026-06-11');
  });

  test('a shorter interval is allowed, never more than 12 months', () => {
    expect(nextReviewDue('2025-08-31', 6)).toBe('2026-02-28');
    expect(nextReviewDue('2023-08-31', 6)).toBe('2024-02-29');
    expect(nextReviewDue('2025-01-31', 1)).toBe('2025-02-28');
    expect(() => nextReviewDue('2025-01-01', 13)).toThrow(RangeError);
    expect(() => nextReviewDue('2025-01-01', 0)).toThrow(RangeError);
  });

  const assessedAt = new Date('2025-03-01T10:00:00+08:00');

  test('periodic: due on the anniversary, overdue the day after', () => {
    const at = (iso: string) => reassessmentStatus({ assessedAt, triggers: [] }, new Date(iso));
    expect(at('2026-02-28T23:59:00+08:00')).toEqual({
      dueDate: '2026-03-01',
      due: false,
      overdue: false,
      reasons: [],
    });
    expect(at('2026-03-01T08:00:00+08:00')).toEqual({
      dueDate: '2026-03-01',
      due: true,
      overdue: false,
      reasons: ['PERIODIC'],
    });
    expect(at('2026-03-02T00:00:00+08:00').overdue).toBe(true);
  });

  test('a trigger after the assessment makes it due that day; earlier triggers are already covered', () => {
    const status = reassessmentStatus(
      {
        assessedAt,
        triggers: [
          { trigger: 'LAW_OR_STANDARD_CHANGE', occurredAt: new Date('2025-02-01T10:00:00+08:00') },
          { trigger: 'NEAR_MISS_AT_POINT', occurredAt: new Date('2025-07-02T09:00:00+08:00') },
          { trigger: 'EQUIPMENT_CHANGE', occurredAt: new Date('2025-07-05T09:00:00+08:00') },
          { trigger: 'NEAR_MISS_AT_POINT', occurredAt: new Date('2025-07-06T09:00:00+08:00') },
          { trigger: 'MAJOR_HAZARD_FOUND', occurredAt: new Date('2025-09-01T09:00:00+08:00') },
        ],
      },
      new Date('2025-07-10T12:00:00+08:00'),
    );
    expect(status).toEqual({
      dueDate: '2025-07-02',
      due: true,
      overdue: true,
      reasons: ['NEAR_MISS_AT_POINT', 'EQUIPMENT_CHANGE'],
    });
  });

  test('on the trigger day itself it is due but not yet overdue', () => {
    const status = reassessmentStatus(
      {
        assessedAt,
        triggers: [{ trigger: 'ACCIDENT_AT_POINT', occurredAt: new Date('2025-05-05T22:00:00+08:00') }],
      },
      new Date('2025-05-05T23:00:00+08:00'),
    );
    expect(status).toMatchObject({
      dueDate: '2025-05-05',
      due: true,
      overdue: false,
      reasons: ['ACCIDENT_AT_POINT'],
    });
  });
});

describe('enterprise risk level (domain §5.2 last paragraph)', () => {
  const now = new Date('2025-06-10T12:00:00+08:00');

  test.each([
    [['LOW', 'MODERATE'], false, [], 'MODERATE', false],
    [['LOW', 'MODERATE'], true, [], 'HIGH', true],
    [['LOW'], false, ['2025-01-15T08:00:00+08:00'], 'MODERATE', true],
    [['HIGH'], true, ['2025-01-15T08:00:00+08:00'], 'MAJOR', true],
    [['MAJOR'], true, [], 'MAJOR', false],
    [[], true, [], null, false],
    // 12 months from 10 June 2024 end on 10 June 2025 (domain §0.3): still counts today, not tomorrow.
    [['LOW'], false, ['2024-06-10T09:00:00+08:00'], 'MODERATE', true],
    [['LOW'], false, ['2024-06-09T23:00:00+08:00'], 'LOW', false],
    // An accident after `now` is not in the last 12 months.
    [['LOW'], false, ['2025-06-11T09:00:00+08:00'], 'LOW', false],
  ] as const)(
    'points %o, overdue major %s, fatal accidents %o → %s',
    (points, overdue, accidents, level, raised) => {
      const result = enterpriseRiskLevel({
        pointLevels: points,
        hasOverdueMajorHazard: overdue,
        fatalAccidentsAt: accidents.map((iso) => new Date(iso)),
        now,
      });
      expect(result.level).toBe(level);
      expect(result.raised).toBe(raised);
    },
  );

  test('returns the reasons for the event payload and the UI', () => {
    const result = enterpriseRiskLevel({
      pointLevels: ['MODERATE', 'LOW'],
      hasOverdueMajorHazard: true,
      fatalAccidentsAt: [new Date('2024-12-01T10:00:00+08:00'), new Date('2025-03-01T10:00:00+08:00')],
      now,
    });
    expect(result).toEqual({
      level: 'HIGH',
      baseLevel: 'MODERATE',
      raised: true,
      reasons: [
        { code: 'MAX_OF_RISK_POINTS', level: 'MODERATE', labelZh: '风险点最高风险等级' },
        { code: 'OVERDUE_MAJOR_HAZARD', labelZh: '存在逾期未整改重大事故隐患' },
        {
          code: 'FATAL_ACCIDENT_WITHIN_12_MONTHS',
          accidentDate: '2025-03-01',
          labelZh: '近12个月发生亡人事故',
        },
      ],
    });
  });

  test('tells whether the level changed (EnterpriseRiskLevelChanged)', () => {
    expect(enterpriseRiskLevelChange('LOW', 'LOW')).toBeNull();
    expect(enterpriseRiskLevelChange(null, null)).toBeNull();
    expect(enterpriseRiskLevelChange('LOW', 'HIGH')).toEqual({ from: 'LOW', to: 'HIGH', direction: 'UP' });
    expect(enterpriseRiskLevelChange('MAJOR', 'MODERATE')).toEqual({
      from: 'MAJOR',
      to: 'MODERATE',
      direction: 'DOWN',
    });
    expect(enterpriseRiskLevelChange(null, 'LOW')).toEqual({ from: null, to: 'LOW', direction: 'UP' });
    expect(enterpriseRiskLevelChange('LOW', null)).toEqual({ from: 'LOW', to: null, direction: 'DOWN' });
  });
});

describe('floor-plan polygon (domain §5.2, §5.3)', () => {
  test.each([
    [null, null],
    [undefined, null],
    [
      [
        [0, 0],
        [1000, 0],
        [1000, 1000],
      ],
      null,
    ],
    [
      [
        [0, 0],
        [10, 10],
      ],
      'a polygon needs at least 3 vertices',
    ],
    [
      [
        [0, 0],
        [10, 10],
        [5, 1000.5],
      ],
      'each vertex is [x, y] with 0 ≤ x, y ≤ 1000',
    ],
    [
      [
        [0, 0],
        [10, 10, 1],
        [5, 5],
      ],
      'each vertex is [x, y] with 0 ≤ x, y ≤ 1000',
    ],
    [
      [
        [0, 0],
        [-1, 10],
        [5, 5],
      ],
      'each vertex is [x, y] with 0 ≤ x, y ≤ 1000',
    ],
    [
      [
        [0, 0],
        [Number.NaN, 10],
        [5, 5],
      ],
      'each vertex is [x, y] with 0 ≤ x, y ≤ 1000',
    ],
  ])('%j → %s', (polygon, problem) => {
    expect(floorPlanPolygonProblem(polygon)).toBe(problem);
  });
});
