import { describe, expect, test } from 'vitest';
import { COMBINED_GROUPS, INDUSTRY_CODES, MAJOR_HAZARD_CRITERIA } from './criteria.catalogue.js';
import {
  activeCriteria,
  type CriteriaCatalogue,
  criterionProblem,
  decideCombined,
  filterBySearch,
  isInForce,
  proposalReasons,
  proposeGrade,
  SEED_CATALOGUE,
  searchCriteria,
  toLocalDate,
} from './criteria.rules.js';

const CHINESE = /[\u4e00-\u9fff]/;
const standardsActive = (industry: string, at: string | Date) => [
  ...new Set(activeCriteria(industry, at).map((c) => c.standardCode)),
];
const elementsOf = (groupId: string) =>
  MAJOR_HAZARD_CRITERIA.filter((c) => c.combinedGroup === groupId).map((c) => c.id);

describe('GB 35181 edition switch (domain §5.7.1 F)', () => {
  test.each([
    ['2025-10-31', 'GB35181-2017'],
    ['2025-11-01', 'GB35181-2025'],
    // Instants are judged on the Asia/Shanghai calendar day: 23:59:59 and 00:00:00 local time.
    [new Date('2025-10-31T15:59:59.999Z'), 'GB35181-2017'],
    [new Date('2025-10-31T16:00:00.000Z'), 'GB35181-2025'],
    ['2018-07-01', 'GB35181-2017'],
    ['2030-01-01', 'GB35181-2025'],
  ])('a fire hazard found on %s cites %s only', (at, edition) => {
    const fire = standardsActive('CROWDED_PLACE', at).filter((code) => code.startsWith('GB35181'));
    expect(fire).toEqual([edition]);
  });

  test.each([
    ['GB35181-2017:direct.crowded-exits', '2025-10-31', null],
    ['GB35181-2017:direct.crowded-exits', '2025-11-01', 'NO_LONGER_IN_FORCE'],
    ['GB35181-2025:direct.crowded-exits', '2025-10-31', 'NOT_YET_IN_FORCE'],
    ['GB35181-2025:direct.crowded-exits', '2025-11-01', null],
    ['GB35181-2017:direct.crowded-exits', '2018-06-30', 'NOT_YET_IN_FORCE'],
  ])('citing %s for a hazard found on %s: %s', (id, foundAt, code) => {
    expect(criterionProblem(id, 'CROWDED_PLACE', foundAt)?.code ?? null).toBe(code);
  });

  test('isInForce counts the last day in full and the first day from its start', () => {
    const range = { effectiveFrom: '2018-07-01', effectiveTo: '2025-10-31' };
    expect(isInForce(range, '2018-06-30')).toBe(false);
    expect(isInForce(range, '2018-07-01')).toBe(true);
    expect(isInForce(range, '2025-10-31')).toBe(true);
    expect(isInForce(range, '2025-11-01')).toBe(false);
    expect(isInForce({ effectiveFrom: '2025-11-01' }, '2099-12-31')).toBe(true);
  });
});

describe('applicability per industry (domain §3.3 × §5.7.1)', () => {
  const FIRE = 'GB35181-2025';
  // Standards with at least one criterion in force on 2025-12-01, per industry; 城镇燃气 has none loaded yet.
  const EXPECTED: [string, string[]][] = [
    ['COAL_MINE', ['MEM-4-2020', FIRE]],
    ['NON_COAL_MINE', ['NMSA-88-2022', FIRE]],
    ['HAZCHEM_PRODUCTION', ['SAWS-121-2017-CHEM', FIRE]],
    ['HAZCHEM_STORAGE_TRADE', ['SAWS-121-2017-CHEM', FIRE]],
    ['FUEL_STATION', ['SAWS-121-2017-CHEM', FIRE]],
    ['HAZCHEM_TRADE_NO_STORAGE', ['SAWS-121-2017-CHEM', FIRE]],
    ['FIREWORKS', ['SAWS-121-2017-FIREWORKS', FIRE]],
    ['METALLURGY', ['MEM-10-2023', FIRE]],
    ['INDUSTRY_TRADE', ['MEM-10-2023', FIRE]],
    ['CONSTRUCTION', ['MOHURD-2022-BUILDING', FIRE]],
    ['URBAN_GAS', [FIRE]],
    ['ROAD_TRANSPORT', ['MOT-2023-ROAD', FIRE]],
    ['CROWDED_PLACE', [FIRE]],
    ['TOURISM', [FIRE]],
    ['LOGISTICS', [FIRE]],
    ['NEW_ENERGY', [FIRE]],
    ['AGRI_MACHINERY', [FIRE]],
    ['WATER_WORKS', [FIRE]],
    ['CIVIL_EXPLOSIVES', ['MIIT-337-2023', FIRE]],
    ['OTHER', [FIRE]],
  ];

  test.each(EXPECTED)('%s: %o', (industry, standards) => {
    expect(standardsActive(industry, '2025-12-01').sort()).toEqual([...standards].sort());
  });

  test('the table above covers every industry of domain §3.3', () => {
    expect(EXPECTED.map(([industry]) => industry).sort()).toEqual([...INDUSTRY_CODES].sort());
  });

  test.each([
    // 工贸 general items apply to both 工贸 codes; the 冶金 sector only to METALLURGY; 轻工 only to 工贸.
    ['MEM-10-2023:3.2', 'INDUSTRY_TRADE', null],
    ['MEM-10-2023:3.2', 'METALLURGY', null],
    ['MEM-10-2023:3.2', 'HAZCHEM_PRODUCTION', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['MEM-10-2023:metallurgy.1', 'METALLURGY', null],
    ['MEM-10-2023:metallurgy.1', 'INDUSTRY_TRADE', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['MEM-10-2023:light-industry.liquor-ethanol', 'METALLURGY', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['MEM-10-2023:dust.1', 'METALLURGY', null],
    // Production-only chemical items are refused for trade and fuel stations.
    ['SAWS-121-2017-CHEM:4', 'HAZCHEM_PRODUCTION', null],
    ['SAWS-121-2017-CHEM:4', 'FUEL_STATION', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['SAWS-121-2017-CHEM:20', 'FUEL_STATION', null],
    ['SAWS-121-2017-CHEM:1', 'HAZCHEM_TRADE_NO_STORAGE', null],
    ['MEM-4-2020:2.2', 'COAL_MINE', null],
    ['MEM-4-2020:2.2', 'NON_COAL_MINE', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['NMSA-88-2022:tailings.outer-slope', 'NON_COAL_MINE', null],
    ['GB35181-2025:direct.class-ab-basement', 'COAL_MINE', null],
    ['GB35181-2025:direct.class-ab-basement', 'OTHER', null],
    ['MOHURD-2022-BUILDING:3.3', 'CONSTRUCTION', null],
    ['MOHURD-2022-BUILDING:3.3', 'WATER_WORKS', 'NOT_APPLICABLE_TO_INDUSTRY'],
  ])('%s for %s on 2025-12-01: %s', (id, industry, code) => {
    expect(criterionProblem(id, industry, '2025-12-01')?.code ?? null).toBe(code);
  });

  test('an unknown industry has no active criteria', () => {
    expect(activeCriteria('SPACE_MINING', '2025-12-01')).toEqual([]);
  });

  test('a standard is not active before its first day: 工贸 on 2023-05-14 and 2023-05-15', () => {
    expect(standardsActive('INDUSTRY_TRADE', '2023-05-14')).toEqual(['GB35181-2017']);
    expect(standardsActive('INDUSTRY_TRADE', '2023-05-15').sort()).toEqual(['GB35181-2017', 'MEM-10-2023']);
  });
});

describe('criterionProblem reasons', () => {
  test.each([
    ['NO-SUCH:1', 'INDUSTRY_TRADE', '2025-12-01', 'UNKNOWN_CRITERION'],
    ['MEM-10-2023:3.1', 'INDUSTRY_TRADE', '2023-05-14', 'NOT_YET_IN_FORCE'],
    ['GB35181-2017:direct.hazmat-siting', 'HAZCHEM_STORAGE_TRADE', '2025-11-01', 'NO_LONGER_IN_FORCE'],
    ['MEM-4-2020:2.7', 'INDUSTRY_TRADE', '2025-12-01', 'NOT_APPLICABLE_TO_INDUSTRY'],
    ['GB35181-2025:crowded.escape-route-bars', 'CROWDED_PLACE', '2025-12-01', 'COMBINED_CITED_ALONE'],
    ['GB35181-2017:other.fire-lane', 'LOGISTICS', '2024-06-01', 'COMBINED_CITED_ALONE'],
  ])('%s for %s found %s → %s, with both messages', (id, industry, foundAt, code) => {
    const found = criterionProblem(id, industry, foundAt);
    expect(found?.code).toBe(code);
    expect(found?.subject).toBe(id);
    expect(found?.messageZh).toMatch(CHINESE);
    expect(found?.messageEn).toMatch(/[a-z]/);
  });

  test('a direct criterion in force for the industry is citable', () => {
    expect(criterionProblem('MEM-10-2023:confined-space.2', 'INDUSTRY_TRADE', '2025-12-01')).toBeNull();
    expect(criterionProblem('MEM-4-2020:2.1', 'COAL_MINE', new Date('2021-01-01T00:00:00+08:00'))).toBeNull();
  });

  test('dates are checked before the industry, and both before the judgement', () => {
    // Not yet in force and not applicable: the date reason wins.
    expect(criterionProblem('GB35181-2025:other.fire-lane', 'OTHER', '2025-10-31')?.code).toBe(
      'NOT_YET_IN_FORCE',
    );
    expect(criterionProblem('MEM-4-2020:2.7', 'INDUSTRY_TRADE', '2020-12-31')?.code).toBe('NOT_YET_IN_FORCE');
  });

  test('a catalogue passed in (e.g. the persisted one) is used instead of the seed', () => {
    const withoutFirst: CriteriaCatalogue = {
      ...SEED_CATALOGUE,
      criteria: MAJOR_HAZARD_CRITERIA.filter((c) => c.id !== 'MEM-10-2023:3.1'),
    };
    expect(criterionProblem('MEM-10-2023:3.1', 'INDUSTRY_TRADE', '2025-12-01', withoutFirst)?.code).toBe(
      'UNKNOWN_CRITERION',
    );
    expect(criterionProblem('MEM-10-2023:3.2', 'INDUSTRY_TRADE', '2025-12-01', withoutFirst)).toBeNull();
  });
});

describe('decideCombined thresholds (domain §5.7.1 F: crowded ≥3, listed types ≥4, other ≥6)', () => {
  const THRESHOLDS: [string, number][] = [
    ['GB35181-2017#CROWDED', 3],
    ['GB35181-2017#FLAMMABLE', 3],
    ['GB35181-2017#LISTED_ANY', 4],
    ['GB35181-2017#OTHER', 6],
    ['GB35181-2025#CROWDED', 3],
    ['GB35181-2025#LISTED_ANY', 4],
    ['GB35181-2025#OTHER', 6],
  ];

  test('the table covers every group of the catalogue', () => {
    expect(THRESHOLDS.map(([id]) => id).sort()).toEqual(COMBINED_GROUPS.map((g) => g.id).sort());
  });

  const cases = THRESHOLDS.flatMap(([group, threshold]) => [
    [group, threshold, threshold - 1, 'GENERAL'] as const,
    [group, threshold, threshold, 'MAJOR'] as const,
    [group, threshold, threshold + 1, 'MAJOR'] as const,
  ]);

  test.each(cases)('%s (threshold %i) with %i elements → %s', (group, threshold, count, grade) => {
    const found = elementsOf(group).slice(0, count);
    expect(found).toHaveLength(count);
    const decision = decideCombined(group, found);
    expect(decision).toEqual({ ok: true, groupId: group, threshold, counted: found, count, grade });
  });

  test('an element reported twice counts once', () => {
    const [a, b] = elementsOf('GB35181-2025#CROWDED');
    const decision = decideCombined('GB35181-2025#CROWDED', [a!, b!, a!]);
    expect(decision.ok && decision.count).toBe(2);
    expect(decision.ok && decision.grade).toBe('GENERAL');
  });

  test('no element found is not major', () => {
    expect(decideCombined('GB35181-2025#OTHER', [])).toMatchObject({ ok: true, count: 0, grade: 'GENERAL' });
  });

  test.each([
    // Another group of the same edition.
    [
      'GB35181-2017#OTHER',
      ['GB35181-2017:other.fire-lane', 'GB35181-2017:crowded.refuge-areas'],
      'ELEMENT_OF_OTHER_GROUP',
    ],
    // The same group of the other edition.
    [
      'GB35181-2025#CROWDED',
      ['GB35181-2025:crowded.refuge-areas', 'GB35181-2017:crowded.crowded-stair-form'],
      'ELEMENT_OF_OTHER_GROUP',
    ],
    ['GB35181-2025#CROWDED', ['GB35181-2025:direct.crowded-exits'], 'NOT_A_COMBINED_ELEMENT'],
    ['GB35181-2025#CROWDED', ['GB35181-2025:crowded.no-such'], 'UNKNOWN_CRITERION'],
    ['GB35181-2025#NOPE', ['GB35181-2025:crowded.refuge-areas'], 'UNKNOWN_GROUP'],
  ])('%s with %o is refused: %s', (group, ids, code) => {
    const decision = decideCombined(group, ids);
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.problem.code).toBe(code);
      expect(decision.problem.messageZh).toMatch(CHINESE);
    }
  });
});

describe('proposeGrade', () => {
  const crowded2025 = elementsOf('GB35181-2025#CROWDED');
  const base = { industryCode: 'CROWDED_PLACE', foundAt: '2025-12-01' };

  test('a DIRECT criterion proposes MAJOR', () => {
    expect(proposeGrade({ ...base, criterionId: 'GB35181-2025:direct.sprinkler-alarm-missing' })).toEqual({
      kind: 'PROPOSED',
      grade: 'MAJOR',
      judgement: 'DIRECT',
      criterionId: 'GB35181-2025:direct.sprinkler-alarm-missing',
    });
  });

  test.each([
    [2, 'GENERAL'],
    [3, 'MAJOR'],
    [4, 'MAJOR'],
  ] as const)('%i combined elements of the crowded group (threshold 3) propose %s', (count, grade) => {
    const ids = crowded2025.slice(0, count);
    expect(proposeGrade({ ...base, combinedElementIds: ids })).toEqual({
      kind: 'PROPOSED',
      grade,
      judgement: 'COMBINED',
      groupId: 'GB35181-2025#CROWDED',
      threshold: 3,
      counted: ids,
      count,
    });
  });

  test.each([
    [{}],
    [{ criterionId: null, combinedElementIds: null }],
    [{ criterionId: '', combinedElementIds: [] }],
  ])('no criterion (%o) makes no proposal', (basis) => {
    expect(proposeGrade({ ...base, ...basis })).toEqual({ kind: 'NONE' });
  });

  test.each([
    [{ criterionId: 'GB35181-2017:direct.crowded-exits' }, 'NO_LONGER_IN_FORCE'],
    [{ criterionId: 'MEM-4-2020:2.5' }, 'NOT_APPLICABLE_TO_INDUSTRY'],
    [{ criterionId: 'GB35181-2025:crowded.refuge-areas' }, 'COMBINED_CITED_ALONE'],
    [{ criterionId: 'X:1' }, 'UNKNOWN_CRITERION'],
    [
      { criterionId: 'GB35181-2025:direct.crowded-exits', combinedElementIds: crowded2025.slice(0, 3) },
      'DIRECT_AND_COMBINED',
    ],
    [
      { combinedElementIds: ['GB35181-2025:direct.crowded-exits', ...crowded2025.slice(0, 3)] },
      'NOT_A_COMBINED_ELEMENT',
    ],
    [{ combinedElementIds: ['GB35181-2025:crowded.nope'] }, 'UNKNOWN_CRITERION'],
    [
      { combinedElementIds: [...crowded2025.slice(0, 2), 'GB35181-2025:other.fire-lane'] },
      'ELEMENT_OF_OTHER_GROUP',
    ],
    [{ combinedElementIds: elementsOf('GB35181-2017#CROWDED').slice(0, 3) }, 'NO_LONGER_IN_FORCE'],
  ])('%o is refused: %s', (basis, code) => {
    const proposal = proposeGrade({ ...base, ...basis });
    expect(proposal.kind).toBe('REFUSED');
    if (proposal.kind === 'REFUSED') expect(proposal.problem.code).toBe(code);
  });

  test('2017 combined elements still decide a hazard found on 2025-10-31', () => {
    const ids = elementsOf('GB35181-2017#OTHER').slice(0, 6);
    const proposal = proposeGrade({
      industryCode: 'LOGISTICS',
      foundAt: '2025-10-31',
      combinedElementIds: ids,
    });
    expect(proposal).toMatchObject({
      kind: 'PROPOSED',
      grade: 'MAJOR',
      count: 6,
      groupId: 'GB35181-2017#OTHER',
    });
  });
});

describe('searchCriteria (picker)', () => {
  test('finds by paraphrase among the criteria active for the industry', () => {
    const found = searchCriteria('粉尘', 'INDUSTRY_TRADE', '2025-12-01');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.standardCode === 'MEM-10-2023' || c.standardCode === 'GB35181-2025')).toBe(
      true,
    );
    expect(found.map((c) => c.id)).toContain('MEM-10-2023:dust.3');
  });

  test('every term must match', () => {
    const found = searchCriteria('粉尘 重力沉降室', 'INDUSTRY_TRADE', '2025-12-01');
    expect(found.map((c) => c.id)).toEqual(['MEM-10-2023:dust.5']);
  });

  test('clause-number hits come first, and half-width brackets find full-width ones', () => {
    const found = searchCriteria('第三条(二)', 'METALLURGY', '2025-12-01');
    expect(found[0]?.id).toBe('MEM-10-2023:3.2');
    expect(searchCriteria('6.5', 'CROWDED_PLACE', '2025-10-31')[0]?.id).toBe(
      'GB35181-2017:direct.crowded-exits',
    );
  });

  test('criteria of other industries or editions are not offered', () => {
    expect(searchCriteria('瓦斯', 'INDUSTRY_TRADE', '2025-12-01')).toEqual([]);
    expect(searchCriteria('瓦斯', 'COAL_MINE', '2025-12-01').length).toBeGreaterThan(0);
    expect(searchCriteria('安全出口', 'CROWDED_PLACE', '2025-11-01').some((c) => c.version === '2017')).toBe(
      false,
    );
  });

  test('an empty query lists every active criterion', () => {
    expect(searchCriteria('  ', 'FIREWORKS', '2025-12-01')).toEqual(
      activeCriteria('FIREWORKS', '2025-12-01'),
    );
  });
});

describe('toLocalDate', () => {
  test.each(['2025-02-30', '2025/11/01', '20251101', ''])('%o is not a calendar day', (day) => {
    expect(() => toLocalDate(day)).toThrow(RangeError);
  });

  test('an invalid Date is refused', () => {
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('filterBySearch and proposalReasons (used by the service)', () => {
  test('filterBySearch over any list is searchCriteria over the active ones', () => {
    const active = activeCriteria('INDUSTRY_TRADE', '2025-06-30');
    for (const query of ['', '粉尘', '3(', '有限空间 警示', 'nothing-matches'])
      expect(filterBySearch(query, active).map((c) => c.id)).toEqual(
        searchCriteria(query, 'INDUSTRY_TRADE', '2025-06-30').map((c) => c.id),
      );
  });

  test('explains every kind of proposal in Chinese', () => {
    const direct = proposeGrade({
      criterionId: 'SAWS-121-2017-CHEM:12',
      industryCode: 'HAZCHEM_PRODUCTION',
      foundAt: '2025-06-30',
    });
    expect(proposalReasons(direct)[0]).toMatch(/直接判定/);
    const crowded = elementsOf('GB35181-2017#CROWDED');
    const below = proposeGrade({
      combinedElementIds: crowded.slice(0, 2),
      industryCode: 'CROWDED_PLACE',
      foundAt: '2025-06-30',
    });
    expect(proposalReasons(below).join()).toMatch(/2 < 3/);
    const refused = proposeGrade({
      criterionId: 'MEM-4-2020:2.2',
      industryCode: 'HAZCHEM_PRODUCTION',
      foundAt: '2025-06-30',
    });
    expect(proposalReasons(refused)).toEqual([refused.kind === 'REFUSED' ? refused.problem.messageZh : '']);
    for (const reason of [...proposalReasons(proposeGrade({ industryCode: 'OTHER', foundAt: '2025-06-30' }))])
      expect(reason).toMatch(CHINESE);
  });
});
