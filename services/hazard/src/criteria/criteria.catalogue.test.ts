import { INDUSTRY_CODES as REFERENCE_INDUSTRY_CODES } from '@safety/reference';
import { addDays } from '@safety/subgraph-kit';
import { describe, expect, test } from 'vitest';
import {
  CATALOGUE_COMPLETENESS,
  COMBINED_GROUPS,
  INDUSTRY_CODES,
  MAJOR_HAZARD_CRITERIA,
  STANDARDS,
} from './criteria.catalogue.js';

const standard = (code: string) => STANDARDS.find((s) => s.code === code);
const CHINESE = /[\u4e00-\u9fff]/;

describe('criteria catalogue integrity (domain §5.7.1)', () => {
  test('the industry codes are exactly those of packages/reference (domain §3.3)', () => {
    expect([...INDUSTRY_CODES].sort()).toEqual([...REFERENCE_INDUSTRY_CODES].sort());
  });

  test('criterion ids are unique, readable `<standard>:<key>` keys with the standard as prefix', () => {
    const ids = MAJOR_HAZARD_CRITERIA.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of MAJOR_HAZARD_CRITERIA) {
      expect(c.id).toMatch(/^[A-Z][A-Z0-9-]*:[a-z0-9][a-z0-9.-]*$/);
      expect(c.id.startsWith(`${c.standardCode}:`)).toBe(true);
    }
  });

  // Ids are stored in hazards: these must keep existing with exactly this spelling.
  test.each([
    'MEM-10-2023:3.1',
    'MEM-10-2023:3.2',
    'MEM-10-2023:3.3',
    'MEM-10-2023:dust.1',
    'MEM-10-2023:ammonia.2',
    'MEM-10-2023:confined-space.2',
    'SAWS-121-2017-CHEM:1',
    'SAWS-121-2017-CHEM:20',
    'SAWS-121-2017-FIREWORKS:explosive-over-quota',
    'NMSA-88-2022:underground.exits',
    'NMSA-88-2022:tailings.over-design',
    'MEM-4-2020:2.1',
    'MEM-4-2020:2.15',
    'GB35181-2017:direct.crowded-exits',
    'GB35181-2017:crowded.refuge-areas',
    'GB35181-2017:other.fire-lane',
    'GB35181-2025:direct.crowded-exits',
    'GB35181-2025:listed.fire-lane',
    'MOHURD-2022-BUILDING:3.1',
    'MOT-2023-ROAD:3.1',
    'MIIT-337-2023:8',
  ])('pinned id %s exists', (id) => {
    expect(MAJOR_HAZARD_CRITERIA.some((c) => c.id === id)).toBe(true);
  });

  test('every criterion names an existing standard and copies its title and version', () => {
    for (const c of MAJOR_HAZARD_CRITERIA) {
      const s = standard(c.standardCode);
      expect(s, c.id).toBeDefined();
      expect(c.standardTitle).toBe(s?.title);
      expect(c.version).toBe(s?.version);
    }
  });

  test('standards have unique codes and sensible ranges', () => {
    expect(new Set(STANDARDS.map((s) => s.code)).size).toBe(STANDARDS.length);
    for (const s of STANDARDS) {
      expect(s.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (s.effectiveTo) expect(s.effectiveTo >= s.effectiveFrom, s.code).toBe(true);
      expect(s.applicableIndustries.length, s.code).toBeGreaterThan(0);
    }
  });

  test('every industry code used exists in packages/reference, and criteria only narrow their standard', () => {
    for (const s of STANDARDS)
      for (const code of s.applicableIndustries) expect(REFERENCE_INDUSTRY_CODES).toContain(code);
    for (const c of MAJOR_HAZARD_CRITERIA) {
      expect(c.applicableIndustries.length, c.id).toBeGreaterThan(0);
      for (const code of c.applicableIndustries) {
        expect(REFERENCE_INDUSTRY_CODES).toContain(code);
        expect(standard(c.standardCode)?.applicableIndustries, c.id).toContain(code);
      }
    }
  });

  test("each criterion's effective range lies inside its standard's range", () => {
    for (const c of MAJOR_HAZARD_CRITERIA) {
      const s = standard(c.standardCode)!;
      expect(c.effectiveFrom >= s.effectiveFrom, c.id).toBe(true);
      if (s.effectiveTo) {
        expect(c.effectiveTo, c.id).toBeDefined();
        expect(c.effectiveTo! <= s.effectiveTo, c.id).toBe(true);
      }
      if (c.effectiveTo) expect(c.effectiveTo >= c.effectiveFrom, c.id).toBe(true);
    }
  });

  test('COMBINED criteria carry their group and its threshold; DIRECT criteria carry neither', () => {
    for (const c of MAJOR_HAZARD_CRITERIA) {
      if (c.judgement === 'DIRECT') {
        expect(c.combinedGroup, c.id).toBeUndefined();
        expect(c.combinedThreshold, c.id).toBeUndefined();
      } else {
        const group = COMBINED_GROUPS.find((g) => g.id === c.combinedGroup);
        expect(group, c.id).toBeDefined();
        expect(group?.standardCode).toBe(c.standardCode);
        expect(c.combinedThreshold).toBe(group?.threshold);
      }
    }
  });

  test('every combined group belongs to a standard and has at least threshold + 1 elements loaded', () => {
    expect(new Set(COMBINED_GROUPS.map((g) => g.id)).size).toBe(COMBINED_GROUPS.length);
    for (const g of COMBINED_GROUPS) {
      expect(g.id.startsWith(`${g.standardCode}#`)).toBe(true);
      expect(standard(g.standardCode)).toBeDefined();
      const elements = MAJOR_HAZARD_CRITERIA.filter((c) => c.combinedGroup === g.id);
      expect(elements.length, g.id).toBeGreaterThan(g.threshold);
    }
  });

  test('every criterion has a Chinese paraphrase, a clause number and a source marker', () => {
    for (const c of MAJOR_HAZARD_CRITERIA) {
      expect(c.textParaphrase, c.id).toMatch(CHINESE);
      expect(c.clauseNo.trim(), c.id).not.toBe('');
      expect(['S', 'K', 'K?']).toContain(c.sourceMarker);
    }
  });

  test('the two GB 35181 editions meet without gap or overlap at 2025-11-01', () => {
    const old = standard('GB35181-2017')!;
    const next = standard('GB35181-2025')!;
    expect(next.effectiveFrom).toBe('2025-11-01');
    expect(old.effectiveTo).toBe('2025-10-31');
    expect(addDays(old.effectiveTo!, 1)).toBe(next.effectiveFrom);
  });

  test.each([
    ['MEM-10-2023', '2023-05-15', '应急管理部令第10号'],
    ['NMSA-88-2022', '2022-09-01', '矿安〔2022〕88号'],
    ['MEM-4-2020', '2021-01-01', '应急管理部令第4号'],
    ['GB35181-2025', '2025-11-01', 'GB 35181-2025'],
  ])('%s is in force from %s (%s), as domain §5.7.1 states', (code, from, documentNo) => {
    expect(standard(code)?.effectiveFrom).toBe(from);
    expect(standard(code)?.documentNo).toBe(documentNo);
  });

  test('domain §5.7.1 counts: 3 general items in A, 20 items in B, 15 categories in E', () => {
    const count = (prefix: string) => MAJOR_HAZARD_CRITERIA.filter((c) => c.id.startsWith(prefix)).length;
    expect(count('MEM-10-2023:3.')).toBe(3);
    expect(count('SAWS-121-2017-CHEM:')).toBe(20);
    expect(count('MEM-4-2020:')).toBe(15);
  });

  test('the catalogue says per standard how complete it is; NONE exactly when nothing is loaded', () => {
    expect(Object.keys(CATALOGUE_COMPLETENESS).sort()).toEqual(STANDARDS.map((s) => s.code).sort());
    for (const s of STANDARDS) {
      const loaded = MAJOR_HAZARD_CRITERIA.some((c) => c.standardCode === s.code);
      expect(CATALOGUE_COMPLETENESS[s.code]?.status, s.code).toBe(loaded ? 'PARTIAL' : 'NONE');
      expect(CATALOGUE_COMPLETENESS[s.code]?.note, s.code).toMatch(CHINESE);
    }
  });

  test('the catalogue data cannot be changed at run time', () => {
    const first = MAJOR_HAZARD_CRITERIA[0]! as { textParaphrase: string };
    expect(Object.isFrozen(MAJOR_HAZARD_CRITERIA)).toBe(true);
    expect(() => {
      first.textParaphrase = 'x';
    }).toThrow(TypeError);
  });
});
