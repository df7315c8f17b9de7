import { demoEnterprise, orgId, townByPinyin } from '@safety/reference';
import {
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMBINED_GROUPS,
  CRITERIA_CATALOGUE_VERSION,
  MAJOR_HAZARD_CRITERIA,
  STANDARDS,
} from '../src/criteria/criteria.catalogue.js';
import { toCatalogueCriterion } from '../src/criteria/criteria.persistence.js';
import { activeCriteria, searchCriteria } from '../src/criteria/criteria.rules.js';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: "now" is the start of this day in Asia/Shanghai.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const AT = `${TODAY}T02:00:00.000Z`;
const token = (username = 'emb.staff.demo') => subgraph.authority.tokenFor(username);
async function query(text: string, variables: Record<string, unknown> = {}, username?: string) {
  const response = await gql(subgraph.url, text, variables, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

const CRITERIA = `query($industry: String, $at: DateTimeISO, $search: String, $standard: String, $first: Int, $after: String) {
  criteria(industryCode: $industry, at: $at, search: $search, standardCode: $standard, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id clauseNo judgement effectiveFrom effectiveTo applicableIndustries combinedGroup catalogueVersion standard { code title } }
  } }`;

describe('the criteria catalogue as a service (domain §5.7.1)', () => {
  it('is loaded by migration, row for row the seed data, with the catalogue version', async () => {
    const db = subgraph.runtime.dataSource;
    const rows = await db.getRepository('MajorHazardCriterion').find({ order: { position: 'ASC' } });
    expect(rows.map((row: any) => toCatalogueCriterion(row))).toEqual(
      MAJOR_HAZARD_CRITERIA.map((c) => ({ ...c, applicableIndustries: [...c.applicableIndustries] })),
    );
    const counts = await db.query(`SELECT
      (SELECT count(*)::int FROM major_hazard_standard) AS standards,
      (SELECT count(*)::int FROM major_hazard_combined_group) AS groups`);
    expect(counts[0]).toEqual({ standards: STANDARDS.length, groups: COMBINED_GROUPS.length });
    expect((await query('{ criteriaCatalogueVersion }')).criteriaCatalogueVersion).toBe(
      CRITERIA_CATALOGUE_VERSION,
    );
    // It is reference data, not demo data: the migration ran before any seed.
    const [migration] = await db.query(
      `SELECT name FROM hazard_migrations WHERE name = 'CriteriaCatalogue1764430000000'`,
    );
    expect(migration?.name).toBe('CriteriaCatalogue1764430000000');
  });

  it('lists the criteria active for an industry at a time, as the pure rule decides, with cursors', async () => {
    const all = await query(CRITERIA, { industry: 'HAZCHEM_PRODUCTION', at: AT, first: 200 });
    const expected = activeCriteria('HAZCHEM_PRODUCTION', new Date(AT)).map((c) => c.id);
    expect(all.criteria.nodes.map((n: any) => n.id)).toEqual(expected);
    expect(all.criteria.totalCount).toBe(expected.length);
    const first = await query(CRITERIA, { industry: 'HAZCHEM_PRODUCTION', at: AT, first: 7 });
    const second = await query(CRITERIA, {
      industry: 'HAZCHEM_PRODUCTION',
      at: AT,
      first: 7,
      after: first.criteria.pageInfo.endCursor,
    });
    expect([...first.criteria.nodes, ...second.criteria.nodes].map((n: any) => n.id)).toEqual(
      expected.slice(0, 14),
    );
    expect(first.criteria.nodes[0].standard.code).toBe(first.criteria.nodes[0].id.split(':')[0]);

    const searched = await query(CRITERIA, {
      industry: 'INDUSTRY_TRADE',
      at: AT,
      search: '粉尘',
      first: 200,
    });
    expect(searched.criteria.nodes.map((n: any) => n.id)).toEqual(
      searchCriteria('粉尘', 'INDUSTRY_TRADE', new Date(AT)).map((c) => c.id),
    );
    expect(searched.criteria.totalCount).toBeGreaterThan(0);

    // Fire rules: the 2017 edition until 31 Oct 2025, the 2025 edition from 1 Nov 2025 (both kept).
    const fireOn = async (at: string) =>
      (await query(CRITERIA, { industry: 'CROWDED_PLACE', at, first: 200 })).criteria.nodes.map(
        (n: any) => n.id.split(':')[0],
      );
    expect(new Set(await fireOn('2025-10-31T15:00:00.000Z'))).toEqual(new Set(['GB35181-2017']));
    expect(new Set(await fireOn('2025-10-31T16:00:00.000Z'))).toEqual(new Set(['GB35181-2025']));
    const byStandard = await query(CRITERIA, { standard: 'GB35181-2025', first: 1 });
    expect(byStandard.criteria.totalCount).toBe(
      MAJOR_HAZARD_CRITERIA.filter((c) => c.standardCode === 'GB35181-2025').length,
    );
    const bad = await gql(subgraph.url, CRITERIA, { first: 5, after: 'nonsense' }, await token());
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers criterion(id) and majorHazardStandards with their groups, in a constant number of statements', async () => {
    const one = await query(
      'query($id: ID!) { criterion(id: $id) { id textParaphrase standard { documentNo } } }',
      {
        id: 'SAWS-121-2017-CHEM:12',
      },
    );
    expect(one.criterion).toMatchObject({
      id: 'SAWS-121-2017-CHEM:12',
      standard: { documentNo: '安监总管三〔2017〕121号' },
    });
    expect((await query('{ criterion(id: "nope") { id } }')).criterion).toBeNull();
    let data: any;
    const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
      data = await query(
        '{ majorHazardStandards { code effectiveFrom effectiveTo completenessStatus combinedGroups { id threshold } } }',
      );
    });
    expect(data.majorHazardStandards.map((s: any) => s.code)).toEqual(STANDARDS.map((s) => s.code));
    const fire2017 = data.majorHazardStandards.find((s: any) => s.code === 'GB35181-2017');
    expect(fire2017).toMatchObject({ effectiveTo: '2025-10-31' });
    expect(fire2017.combinedGroups.map((g: any) => g.id)).toEqual(
      COMBINED_GROUPS.filter((g) => g.standardCode === 'GB35181-2017').map((g) => g.id),
    );
    expect(statements.length).toBeLessThanOrEqual(2);
    const anonymous = await gql(subgraph.url, '{ majorHazardStandards { code } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('proposes a grade with its reasons: DIRECT → MAJOR, COMBINED by the group threshold, refusals explained', async () => {
    const PROPOSE = `query($c: ID, $e: [ID!], $industry: String!, $at: DateTimeISO!) {
      proposeHazardGrade(criterionId: $c, combinedElementIds: $e, industryCode: $industry, foundAt: $at) {
        kind grade judgement criterionId groupId threshold counted count problemCode problemSubject reasons } }`;
    const propose = async (variables: Record<string, unknown>) =>
      (await query(PROPOSE, { industry: 'HAZCHEM_PRODUCTION', at: AT, ...variables })).proposeHazardGrade;

    expect(await propose({ c: 'SAWS-121-2017-CHEM:12' })).toMatchObject({
      kind: 'PROPOSED',
      grade: 'MAJOR',
      judgement: 'DIRECT',
      criterionId: 'SAWS-121-2017-CHEM:12',
    });
    const crowded = MAJOR_HAZARD_CRITERIA.filter((c) => c.combinedGroup === 'GB35181-2017#CROWDED').map(
      (c) => c.id,
    );
    const three = await propose({ e: crowded.slice(0, 3), industry: 'CROWDED_PLACE' });
    expect(three).toMatchObject({
      kind: 'PROPOSED',
      grade: 'MAJOR',
      judgement: 'COMBINED',
      threshold: 3,
      count: 3,
    });
    expect(three.reasons.join()).toMatch(/3 ≥ 3/);
    const two = await propose({ e: [crowded[0], crowded[1], crowded[1]], industry: 'CROWDED_PLACE' });
    expect(two).toMatchObject({ kind: 'PROPOSED', grade: 'GENERAL', count: 2, counted: crowded.slice(0, 2) });
    const coal = await propose({ c: 'MEM-4-2020:2.2' });
    expect(coal).toMatchObject({ kind: 'REFUSED', grade: null, problemCode: 'NOT_APPLICABLE_TO_INDUSTRY' });
    expect(coal.reasons[0]).toMatch(/不适用/);
    expect(
      await propose({ c: 'GB35181-2025:direct.crowded-exits', industry: 'CROWDED_PLACE' }),
    ).toMatchObject({
      kind: 'REFUSED',
      problemCode: 'NOT_YET_IN_FORCE',
    });
    expect(await propose({})).toMatchObject({ kind: 'NONE', grade: null });
  });
});

describe('the criterion check plugged into hazards (domain §5.7.1)', () => {
  const REPORT = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id version } }`;
  const CONFIRM = `mutation($input: ConfirmHazardInput!) { confirmHazard(input: $input) { id status grade criterionId } }`;
  const report = async () =>
    (
      await query(
        REPORT,
        {
          input: {
            enterpriseId: chem1.id,
            title: '泵房未设置可燃气体检测报警（测试）',
            description: '二号泵房无可燃有毒气体检测报警装置（测试）',
            grade: 'MAJOR',
            source: 'ENTERPRISE_SELF_CHECK',
            noPhotoReason: '测试',
          },
        },
        'ent.chem1.manager.demo',
      )
    ).reportHazard;
  const confirm = async (hazard: { id: string; version: number }, criterionId: string) =>
    gql(
      subgraph.url,
      CONFIRM,
      {
        input: {
          hazardId: hazard.id,
          expectedVersion: hazard.version,
          grade: 'MAJOR',
          deadline: '2025-09-30',
          determination: 'STANDARD_CLAUSE',
          criterionId,
        },
      },
      await token('emb.staff.demo'),
    );

  it('refuses a MAJOR STANDARD_CLAUSE hazard citing a criterion of another industry or not yet in force', async () => {
    const hazard = await report();
    for (const criterionId of [
      'MEM-4-2020:2.2', // coal mines only
      'GB35181-2025:direct.hazmat-siting', // in force from 2025-11-01; found 2025-06-30
      'SAWS-121-2017-CHEM:nope', // unknown
    ]) {
      const refused = await confirm(hazard, criterionId);
      expect(errorCodes(refused), criterionId).toEqual(['BAD_USER_INPUT']);
      expect(Object.keys(refused.errors![0]!.extensions!.fields as object)).toEqual(['criterionId']);
    }
    const accepted = await confirm(hazard, 'SAWS-121-2017-CHEM:12');
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    expect(accepted.data.confirmHazard).toMatchObject({
      status: 'CONFIRMED',
      grade: 'MAJOR',
      criterionId: 'SAWS-121-2017-CHEM:12',
    });
  });

  it('judges a public-area hazard by its recorded industry, and refuses a criterion without one', async () => {
    const sanlei = townByPinyin('sanlei');
    const finding = {
      orgUnitId: orgId(`TOWN_SAFETY_${sanlei.pinyin}`),
      townshipCode: sanlei.code,
      title: '客运站候车厅违规停放车辆（测试）',
      description: '公共区域重大隐患（测试）',
      grade: 'MAJOR',
      source: 'GOV_INSPECTION',
      determination: 'STANDARD_CLAUSE',
      criterionId: 'MOT-2023-ROAD:3.1',
      deadline: '2025-08-31',
      noPhotoReason: '测试',
    };
    const RECORD = `mutation($input: RecordGovernmentFindingInput!) { recordGovernmentFinding(input: $input) { id criterionId } }`;
    const without = await gql(subgraph.url, RECORD, { input: finding }, await token('saco.demo'));
    expect(errorCodes(without)).toEqual(['BAD_USER_INPUT']);
    expect(without.errors![0]!.extensions!.fields).toHaveProperty('criterionId');
    const withIndustry = await gql(
      subgraph.url,
      RECORD,
      { input: { ...finding, industryCode: 'ROAD_TRANSPORT' } },
      await token('saco.demo'),
    );
    expect(withIndustry.errors, JSON.stringify(withIndustry.errors)).toBeUndefined();
    expect(withIndustry.data.recordGovernmentFinding.criterionId).toBe('MOT-2023-ROAD:3.1');
  });
});
