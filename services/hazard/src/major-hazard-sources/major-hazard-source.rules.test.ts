import { describe, expect, test } from 'vitest';
import type { Problem, Result } from '../risk/risk.rules.js';
import {
  alphaFor,
  assessMajorHazardUnit,
  betaFor,
  cadencePeriodOf,
  enterpriseHasMajorHazardSource,
  findCatalogueSubstance,
  gradeForR,
  isMajorHazardSource,
  type MajorHazardSubstanceInput,
  type MajorHazardUnitInput,
  majorHazardSum,
  missedBaobaoChecks,
} from './major-hazard-source.rules.js';
import { BAOBAO_CADENCE, MAJOR_HAZARD_SUBSTANCES } from './major-hazard-source.tables.js';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}
function fieldsOf<T>(result: Result<T>): string[] {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`);
  return result.problems.map((p: Problem) => p.field);
}

const unit = (substances: MajorHazardSubstanceInput[], residentsWithin500m = 0): MajorHazardUnitInput => ({
  unitName: '液氨罐区',
  unitType: 'STORAGE_UNIT',
  substances,
  residentsWithin500m,
});

describe('identification, S = Σ q/Q (domain §5.4, GB 18218-2018)', () => {
  test('6 t ammonia + 1.5 t hydrogen + 0.5 t chlorine gives exactly 1, so the unit is a major hazard source', () => {
    expect(6 / 10 + 1.5 / 5 + 0.5 / 5).not.toBe(1); // 0.9999999999999999 in binary doubles
    const substances = [
      { q: 6, criticalQuantity: 10 },
      { q: 1.5, criticalQuantity: 5 },
      { q: 0.5, criticalQuantity: 5 },
    ];
    expect(majorHazardSum(substances)).toEqual({ value: '1', exact: true });
    expect(isMajorHazardSource(substances)).toBe(true);

    const assessed = value(
      assessMajorHazardUnit(
        unit([
          { name: '氨', q: '6' },
          { name: '氢气', q: '1.5' },
          { name: '氯', q: '0.5' },
        ]),
      ),
    );
    expect(assessed.s).toEqual({ value: '1', exact: true });
    expect(assessed.isMajorHazardSource).toBe(true);
    expect(assessed.substances.map((s) => [s.criticalQuantity, s.ratio.value, s.cas])).toEqual([
      ['10', '0.6', '7664-41-7'],
      ['5', '0.3', '1333-74-0'],
      ['5', '0.1', '7782-50-5'],
    ]);
  });

  test('250 t methanol + 80 t gasoline gives 0.9: not a major hazard source, no R, grade null (not IV)', () => {
    const assessed = value(
      assessMajorHazardUnit(
        unit(
          [
            { name: '甲醇', q: 250, hazardClass: 'W5.2' },
            { name: '汽油', q: 80, hazardClass: 'W5.1' },
          ],
          200,
        ),
      ),
    );
    expect(assessed.s).toEqual({ value: '0.9', exact: true });
    expect(assessed.isMajorHazardSource).toBe(false);
    expect(assessed.r).toBeNull();
    expect(assessed.grade).toBeNull();
  });

  test('thirds add up exactly (Q = 0.3 t has no finite decimal quotient)', () => {
    const thirds = [1, 2, 3].map(() => ({ q: '0.1', criticalQuantity: '0.3' }));
    expect(majorHazardSum(thirds)).toEqual({ value: '1', exact: true });
    expect(isMajorHazardSource(thirds)).toBe(true);
    expect(majorHazardSum(thirds.slice(0, 1))).toEqual({ value: '0.333333', exact: false });
    expect(majorHazardSum([{ q: '0.2', criticalQuantity: '0.3' }])).toEqual({
      value: '0.666667',
      exact: false,
    });
    expect(isMajorHazardSource(thirds.slice(0, 2))).toBe(false);
  });

  test.each([
    [[{ q: '9.999', criticalQuantity: '10' }], false],
    [[{ q: '10', criticalQuantity: '10' }], true],
    [[{ q: '10.001', criticalQuantity: '10' }], true],
    [[], false],
  ])('S ≥ 1 with equality counting: %o → %s', (substances, major) => {
    expect(isMajorHazardSource(substances)).toBe(major);
  });

  test('invalid quantities are refused by the bare functions', () => {
    expect(() => isMajorHazardSource([{ q: 1, criticalQuantity: 0 }])).toThrow(RangeError);
    expect(() => majorHazardSum([{ q: -1, criticalQuantity: 5 }])).toThrow(RangeError);
    expect(() => majorHazardSum([{ q: 'x', criticalQuantity: 5 }])).toThrow(RangeError);
  });

  test('units are never summed: two storage units at 0.6 each are both below 1', () => {
    const a = value(assessMajorHazardUnit(unit([{ name: '氨', q: 6 }])));
    const b = value(assessMajorHazardUnit({ ...unit([{ name: '液氨', q: 6 }]), unitName: '二号罐区' }));
    expect([a.isMajorHazardSource, b.isMajorHazardSource]).toEqual([false, false]);
    expect(enterpriseHasMajorHazardSource([a, b])).toBe(false);
    const c = value(assessMajorHazardUnit({ ...unit([{ name: '氨', q: 10 }]), unitType: 'PRODUCTION_UNIT' }));
    expect(enterpriseHasMajorHazardSource([a, b, c])).toBe(true);
  });
});

describe('critical quantity catalogue (partial, domain §5.4)', () => {
  test.each([
    ['氨', '10'],
    ['氯', '5'],
    ['硫化氢', '5'],
    ['二氧化硫', '20'],
    ['氢', '5'],
    ['液化石油气', '50'],
    ['天然气', '50'],
    ['甲醇', '500'],
    ['汽油', '200'],
  ])('Q(%s) = %s t', (name, q) => {
    expect(findCatalogueSubstance({ name })?.criticalQuantity).toBe(q);
  });

  test('finds by CAS first, then by name or alias', () => {
    expect(findCatalogueSubstance({ name: 'whatever', cas: '7782-50-5' })?.nameZh).toBe('氯');
    expect(findCatalogueSubstance({ name: '光气' })?.nameZh).toBe('碳酰氯');
    expect(findCatalogueSubstance({ name: '液 氨' })?.nameZh).toBe('氨');
    expect(findCatalogueSubstance({ name: '苯' })).toBeNull();
    expect(findCatalogueSubstance({ name: '氨', cas: '1-23-4' })).toBeNull();
    expect(findCatalogueSubstance({ name: '汽油', cas: '86290-81-5' })?.criticalQuantity).toBe('200');
  });

  test('CAS numbers in the catalogue are unique and well formed (with check digit)', () => {
    const cas = MAJOR_HAZARD_SUBSTANCES.map((s) => s.cas).filter((c): c is string => c !== null);
    expect(new Set(cas).size).toBe(cas.length);
    for (const number of cas) {
      expect(number).toMatch(/^\d{2,7}-\d{2}-\d$/);
      const digits = number.replace(/-/g, '').split('').map(Number);
      const check = digits.pop()!;
      const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i + 1), 0);
      expect(sum % 10).toBe(check);
    }
  });
});

describe('α, β and grading (domain §5.4; 令第40号 annex, GB 18218-2018)', () => {
  test.each([
    [0, '0.5'],
    [1, '1.0'],
    [29, '1.0'],
    [30, '1.2'],
    [49, '1.2'],
    [50, '1.5'],
    [99, '1.5'],
    [100, '2.0'],
    [5000, '2.0'],
  ])('%i residents within 500 m → α %s', (people, alpha) => {
    expect(alphaFor(people)).toBe(alpha);
  });

  test('residents must be a non-negative integer', () => {
    expect(() => alphaFor(-1)).toThrow(RangeError);
    expect(() => alphaFor(1.5)).toThrow(RangeError);
  });

  test.each([
    ['一氧化碳', '630-08-0', '2'],
    ['二氧化硫', '7446-09-5', '2'],
    ['氨', '7664-41-7', '2'],
    ['环氧乙烷', '75-21-8', '2'],
    ['氯化氢', '7647-01-0', '3'],
    ['溴甲烷', '74-83-9', '3'],
    ['氯', '7782-50-5', '4'],
    ['硫化氢', '7783-06-4', '5'],
    ['氟化氢', '7664-39-3', '5'],
    ['二氧化氮', '10102-44-0', '10'],
    ['氰化氢', '74-90-8', '10'],
    ['碳酰氯', '75-44-5', '20'],
    ['磷化氢', '7803-51-2', '20'],
    ['异氰酸甲酯', '624-83-9', '20'],
  ])('named toxic gas %s (%s): β = %s in both editions', (name, cas, beta) => {
    for (const edition of ['GB18218_2018', 'SAWS_ORDER_40_2011'] as const) {
      expect(value(betaFor({ name, q: 1 }, edition))).toEqual({
        beta,
        basis: 'NAMED_TOXIC_GAS',
        hazardClass: null,
      });
      expect(value(betaFor({ name: 'x', cas, q: 1 }, edition)).beta).toBe(beta);
    }
  });

  test.each([
    ['W1.1', '2'],
    ['W1.2', '2'],
    ['W1.3', '2'],
    ['W2', '1.5'],
    ['W5.1', '1.5'],
    ['W5.2', '1'],
    ['W5.3', '1'],
    ['W5.4', '1'],
    ['W6.1', '1.5'],
    ['W6.2', '1'],
    ['W7.1', '1.5'],
    ['W7.2', '1'],
    ['J1', '4'],
    ['J2', '1'],
    ['J3', '2'],
    ['J4', '2'],
    ['J5', '1'],
    ['W3', '1'],
    ['W8', '1'],
    ['W11', '1'],
  ] as const)('GB 18218-2018 表4: class %s → β %s', (hazardClass, beta) => {
    expect(value(betaFor({ name: '某物质', q: 1, hazardClass }, 'GB18218_2018'))).toEqual({
      beta,
      basis: 'HAZARD_CLASS',
      hazardClass,
    });
  });

  test.each([
    ['EXPLOSIVE', '2'],
    ['FLAMMABLE_GAS', '1.5'],
    ['UNLISTED_TOXIC_GAS', '2'],
    ['HIGHLY_TOXIC_GAS', '4'],
    ['OTHER', '1'],
  ] as const)('2011 annex: class %s → β %s', (hazardClass, beta) => {
    expect(value(betaFor({ name: '某物质', q: 1, hazardClass }, 'SAWS_ORDER_40_2011')).beta).toBe(beta);
  });

  test('classes are read in their own edition only', () => {
    expect(fieldsOf(betaFor({ name: '某物质', q: 1, hazardClass: 'W2' }, 'SAWS_ORDER_40_2011'))).toEqual([
      'hazardClass',
    ]);
    expect(fieldsOf(betaFor({ name: '某物质', q: 1, hazardClass: 'EXPLOSIVE' }, 'GB18218_2018'))).toEqual([
      'hazardClass',
    ]);
    expect(
      fieldsOf(betaFor({ name: '某物质', q: 1, hazardClass: 'toString' as 'W2' }, 'GB18218_2018')),
    ).toEqual(['hazardClass']);
  });

  test('hydrogen, LPG and natural gas default to flammable gas (β 1.5); methanol and gasoline need their class', () => {
    for (const name of ['氢', '液化石油气', '天然气']) {
      expect(value(betaFor({ name, q: 1 }, 'GB18218_2018'))).toEqual({
        beta: '1.5',
        basis: 'HAZARD_CLASS',
        hazardClass: 'W2',
      });
      expect(value(betaFor({ name, q: 1 }, 'SAWS_ORDER_40_2011')).hazardClass).toBe('FLAMMABLE_GAS');
    }
    expect(fieldsOf(betaFor({ name: '甲醇', q: 1 }, 'GB18218_2018'))).toEqual(['hazardClass']);
    expect(value(betaFor({ name: '甲醇', q: 1, hazardClass: 'W5.2' }, 'GB18218_2018')).beta).toBe('1');
    expect(value(betaFor({ name: '汽油', q: 1, hazardClass: 'W5.1' }, 'GB18218_2018')).beta).toBe('1.5');
  });

  test('a β override is stored with its justification and needs one', () => {
    expect(
      value(
        betaFor(
          {
            name: '甲醇',
            q: 1,
            hazardClass: 'W5.2',
            betaOverride: { value: '1.5', justification: ' 按企业危险性分类报告 ' },
          },
          'GB18218_2018',
        ),
      ),
    ).toEqual({ beta: '1.5', basis: 'OVERRIDE', hazardClass: 'W5.2', justification: '按企业危险性分类报告' });
    expect(
      fieldsOf(betaFor({ name: '氯', q: 1, betaOverride: { value: 2, justification: '' } }, 'GB18218_2018')),
    ).toEqual(['betaOverride.justification']);
    expect(
      fieldsOf(
        betaFor({ name: '氯', q: 1, betaOverride: { value: 0, justification: '见说明' } }, 'GB18218_2018'),
      ),
    ).toEqual(['betaOverride.value']);
  });

  test.each([
    ['1000', 'I'],
    ['100', 'I'],
    ['99.9999', 'II'],
    ['50', 'II'],
    ['49.9999', 'III'],
    ['10', 'III'],
    ['9.9999', 'IV'],
    ['1', 'IV'],
  ] as const)('R = %s is grade %s', (r, grade) => {
    expect(gradeForR(r)).toBe(grade);
  });

  test.each([
    // chlorine: Q 5 t, β 4. R = α × 4 × q/5.
    [62.5, 100, '100', 'I'],
    [62.5, 99, '75', 'II'],
    [62.5, 10, '50', 'II'],
    [62.4, 10, '49.92', 'III'],
    [25, 0, '10', 'III'],
    [24.9, 0, '9.96', 'IV'],
    [5, 0, '2', 'IV'],
  ])('%s t chlorine with %i residents: R = %s, grade %s', (q, residents, r, grade) => {
    const assessed = value(assessMajorHazardUnit(unit([{ name: '氯', q }], residents)));
    expect(assessed.r).toEqual({ value: r, exact: true });
    expect(assessed.grade).toBe(grade);
  });

  test('R = α × Σ β·q/Q over mixed substances', () => {
    // α 1.5 (60 people); Σ β·q/Q = 2 × 0.6 + 1.5 × 0.3 + 4 × 0.1 = 2.05; R = 3.075.
    const assessed = value(
      assessMajorHazardUnit(
        unit(
          [
            { name: '氨', q: 6 },
            { name: '氢', q: 1.5 },
            { name: '氯', q: 0.5 },
          ],
          60,
        ),
      ),
    );
    expect(assessed).toMatchObject({ alpha: '1.5', r: { value: '3.075', exact: true }, grade: 'IV' });
    expect(assessed.substances.map((s) => [s.beta.beta, s.beta.basis])).toEqual([
      ['2', 'NAMED_TOXIC_GAS'],
      ['1.5', 'HAZARD_CLASS'],
      ['4', 'NAMED_TOXIC_GAS'],
    ]);
  });

  test('the grade is decided on the exact value, not on its rounded rendering', () => {
    // Phosgene with Q given as 0.3 t (the catalogue has no Q for it yet); β 20; 20 residents → α 1.0.
    // Three lines of 0.1 t: S = 3 × 1/3 = 1 exactly, R = 20.
    const thirds = [1, 2, 3].map(() => ({ name: '光气', q: '0.1', criticalQuantity: '0.3' }));
    const exactlyOne = value(assessMajorHazardUnit(unit(thirds, 20)));
    expect(exactlyOne.s).toEqual({ value: '1', exact: true });
    expect(exactlyOne.r).toEqual({ value: '20', exact: true });
    expect(exactlyOne.grade).toBe('III');
    // 1.4999999 t of phosgene: S just under 5 and R just under 100, rendered 99.999993.
    const under = value(
      assessMajorHazardUnit(unit([{ name: '碳酰氯', q: '1.4999999', criticalQuantity: '0.3' }], 20)),
    );
    expect(under.r).toEqual({ value: '99.999993', exact: false });
    expect(under.grade).toBe('II');
    const at = value(
      assessMajorHazardUnit(unit([{ name: '碳酰氯', q: '1.5', criticalQuantity: '0.3' }], 20)),
    );
    expect(at.r).toEqual({ value: '100', exact: true });
    expect(at.grade).toBe('I');
  });

  test('2011 edition grades with the coarse classes', () => {
    const assessed = value(
      assessMajorHazardUnit({
        ...unit(
          [
            { name: '甲醇', q: 600, hazardClass: 'OTHER' },
            { name: '氢', q: 5 },
          ],
          30,
        ),
        betaEdition: 'SAWS_ORDER_40_2011',
      }),
    );
    // S = 1.2 + 1 = 2.2; Σβ·q/Q = 1 × 1.2 + 1.5 × 1 = 2.7; α 1.2 → R = 3.24.
    expect(assessed).toMatchObject({
      betaEdition: 'SAWS_ORDER_40_2011',
      s: { value: '2.2' },
      r: { value: '3.24' },
      grade: 'IV',
    });
  });
});

describe('unit input problems name their field', () => {
  test.each([
    [{ name: '氨', q: -1 }, ['substances.0.q']],
    [{ name: '氨', q: 'many' }, ['substances.0.q']],
    [{ name: '苯', q: 10, hazardClass: 'W5.1' }, ['substances.0.criticalQuantity']],
    [{ name: '苯', q: 10, criticalQuantity: 0, hazardClass: 'W5.1' }, ['substances.0.criticalQuantity']],
    [{ name: '氨', q: 10, criticalQuantity: 20 }, ['substances.0.criticalQuantity']],
    [{ name: '氯', cas: '7664-41-7', q: 1 }, ['substances.0.cas']],
    [{ name: '甲醇', q: 10 }, ['substances.0.hazardClass']],
    [
      { name: '甲醇', q: 10, betaOverride: { value: 1.5, justification: '' } },
      ['substances.0.betaOverride.justification'],
    ],
  ] as const)('%o → %o', (substance, fields) => {
    expect(fieldsOf(assessMajorHazardUnit(unit([substance as MajorHazardSubstanceInput])))).toEqual(fields);
  });

  test('unit type and residents', () => {
    expect(
      fieldsOf(
        assessMajorHazardUnit({
          ...unit([{ name: '氨', q: 1 }], -3),
          unitType: 'TANK_FARM' as 'STORAGE_UNIT',
        }),
      ),
    ).toEqual(['unitType', 'residentsWithin500m']);
  });

  test('Q equal to the catalogue value in another spelling is accepted', () => {
    expect(
      value(assessMajorHazardUnit(unit([{ name: '氨', q: 10, criticalQuantity: '10.0' }])))
        .isMajorHazardSource,
    ).toBe(true);
  });
});

describe('包保 cadence periods (domain §5.4, Asia/Shanghai calendar)', () => {
  test('roles and cadences', () => {
    expect(BAOBAO_CADENCE).toEqual({
      PRINCIPAL: 'QUARTER',
      TECHNICAL_LEAD: 'MONTH',
      OPERATIONS_LEAD: 'ISO_WEEK',
    });
  });

  test.each([
    ['QUARTER', '2025-01-01', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['QUARTER', '2025-03-31', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['QUARTER', '2025-04-01', '2025-Q2', '2025-04-01', '2025-06-30'],
    ['QUARTER', '2025-09-30', '2025-Q3', '2025-07-01', '2025-09-30'],
    ['QUARTER', '2025-12-31', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['MONTH', '2024-02-15', '2024-02', '2024-02-01', '2024-02-29'],
    ['MONTH', '2025-02-28', '2025-02', '2025-02-01', '2025-02-28'],
    ['MONTH', '2025-12-01', '2025-12', '2025-12-01', '2025-12-31'],
    ['ISO_WEEK', '2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['ISO_WEEK', '2025-01-05', '2025-W01', '2024-12-30', '2025-01-05'],
    ['ISO_WEEK', '2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
    ['ISO_WEEK', '2025-06-09', '2025-W24', '2025-06-09', '2025-06-15'],
    ['ISO_WEEK', '2025-06-15', '2025-W24', '2025-06-09', '2025-06-15'],
    ['ISO_WEEK', '2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'],
  ] as const)('%s containing %s is %s (%s – %s)', (cadence, day, key, start, end) => {
    expect(cadencePeriodOf(cadence, day)).toEqual({ cadence, key, start, end });
  });

  const at = (iso: string) => new Date(iso);

  test('a check at 23:30 on the last day of a quarter (Shanghai) counts for that quarter', () => {
    const checks = { PRINCIPAL: [at('2025-03-31T23:30:00+08:00')] };
    const misses = missedBaobaoChecks({
      checks,
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: at('2025-07-01T09:00:00+08:00'),
      roles: ['PRINCIPAL'],
    });
    expect(misses.map((m) => m.key)).toEqual(['2025-Q2']);
  });

  test('00:30 on the first day of the next quarter (Shanghai, still 31 March in UTC) counts for the next one', () => {
    const checks = { PRINCIPAL: [at('2025-03-31T16:30:00Z')] };
    const misses = missedBaobaoChecks({
      checks,
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: at('2025-07-01T09:00:00+08:00'),
      roles: ['PRINCIPAL'],
    });
    expect(misses.map((m) => m.key)).toEqual(['2025-Q1']);
  });

  test('monthly and weekly misses over a range, sorted by period then role', () => {
    const misses = missedBaobaoChecks({
      checks: {
        PRINCIPAL: [at('2025-05-20T10:00:00+08:00')],
        TECHNICAL_LEAD: [at('2025-04-30T18:00:00+08:00'), at('2025-06-01T08:00:00+08:00')],
        OPERATIONS_LEAD: [
          at('2025-06-02T08:00:00+08:00'), // Monday, W23
          at('2025-06-15T22:00:00+08:00'), // Sunday, W24
          at('2025-06-23T08:00:00+08:00'), // Monday, W26
        ],
      },
      from: '2025-06-02',
      to: '2025-06-30',
      asOf: at('2025-07-01T09:00:00+08:00'),
    });
    // Q2 (ends 30 June) met by 20 May although that is before `from`; June met; W25 missed; W27 ends 6 July.
    expect(misses.map((m) => [m.role, m.key, m.start, m.end])).toEqual([
      ['OPERATIONS_LEAD', '2025-W25', '2025-06-16', '2025-06-22'],
    ]);
  });

  test('a period still running on the asOf day is not judged yet; a period is judged when its last day is in range', () => {
    const base = { checks: {}, from: '2025-06-01', to: '2025-06-30' } as const;
    // W22 (26 May – 1 June) ends inside the range, so it is judged as a whole.
    expect(missedBaobaoChecks({ ...base, asOf: at('2025-06-30T23:59:00+08:00') }).map((m) => m.key)).toEqual([
      '2025-W22',
      '2025-W23',
      '2025-W24',
      '2025-W25',
      '2025-W26',
    ]);
    expect(
      missedBaobaoChecks({ ...base, asOf: at('2025-07-01T00:00:00+08:00') }).map((m) => [m.role, m.key]),
    ).toEqual([
      ['PRINCIPAL', '2025-Q2'],
      ['OPERATIONS_LEAD', '2025-W22'],
      ['TECHNICAL_LEAD', '2025-06'],
      ['OPERATIONS_LEAD', '2025-W23'],
      ['OPERATIONS_LEAD', '2025-W24'],
      ['OPERATIONS_LEAD', '2025-W25'],
      ['OPERATIONS_LEAD', '2025-W26'],
    ]);
  });

  test('the ISO week across the new year is one period', () => {
    const misses = missedBaobaoChecks({
      checks: { OPERATIONS_LEAD: [at('2024-12-31T10:00:00+08:00')] },
      from: '2024-12-30',
      to: '2025-01-12',
      asOf: at('2025-02-01T00:00:00+08:00'),
      roles: ['OPERATIONS_LEAD'],
    });
    expect(misses.map((m) => m.key)).toEqual(['2025-W02']);
  });
});
