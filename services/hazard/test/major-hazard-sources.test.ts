import { DEMO_ENTERPRISES, demoEnterprise } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: the 包保 history and the cadence windows are relative to this day (a Monday).
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');

const token = (username: string) => subgraph.authority.tokenFor(username);
const call = async (text: string, variables: Record<string, unknown> = {}, username = 'saco.demo') =>
  gql(subgraph.url, text, variables, await token(username));
const query = async (text: string, variables: Record<string, unknown> = {}, username = 'saco.demo') => {
  const response = await call(text, variables, username);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
};
const sql = (text: string, params: unknown[] = []) => subgraph.runtime.dataSource.query(text, params);

const SOURCE = `id enterpriseId unitName unitType betaEdition residentsWithin500m alpha s sExact isMajorHazardSource
  r rExact grade filedAt monitoringLinked principalName technicalLeadName operationsLeadName version
  substances { name cas q criticalQuantity ratio ratioExact hazardClass beta betaBasis betaJustification }`;
const REGISTER = `mutation($input: RegisterMajorHazardSourceInput!) { registerMajorHazardSource(input: $input) { ${SOURCE} } }`;
const UPDATE = `mutation($input: UpdateMajorHazardSourceInput!) { updateMajorHazardSource(input: $input) { ${SOURCE} } }`;
const PERSONS = `mutation($input: AssignBaobaoPersonsInput!) { assignBaobaoPersons(input: $input) { ${SOURCE} } }`;
const CHECK = `mutation($input: RecordBaobaoCheckInput!) { recordBaobaoCheck(input: $input) { id role checkedOn personName } }`;
const MISSES = `query($from: LocalDate, $to: LocalDate, $enterpriseId: ID, $role: BaobaoRole) {
  baobaoMisses(from: $from, to: $to, enterpriseId: $enterpriseId, role: $role) {
    sourceId enterpriseId unitName role personName cadence periodKey periodStart periodEnd } }`;

async function fieldsOf(text: string, variables: Record<string, unknown>, username = 'saco.demo') {
  const response = await call(text, variables, username);
  expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
  return Object.keys(response.errors![0]!.extensions!.fields);
}

describe('major hazard sources (domain §5.4)', () => {
  it('seeds the hazchem units graded through the rules, with 包保 history', async () => {
    const all = (
      await query(`{ majorHazardSources(first: 50) { totalCount nodes { unitName grade r s isMajorHazardSource enterpriseId
        baobaoChecks { role } } } }`)
    ).majorHazardSources;
    expect(all.totalCount).toBe(8);
    const byName = Object.fromEntries(all.nodes.map((n: any) => [n.unitName, n]));
    expect(byName.液氨罐区).toMatchObject({ grade: 'II', r: '60', s: '20', enterpriseId: chem1.id });
    expect(byName.甲醇罐区).toMatchObject({ grade: 'III', r: '15' });
    expect(byName.液氯库).toMatchObject({ grade: 'III', r: '20' });
    expect(byName.溶剂罐区).toMatchObject({ isMajorHazardSource: false, s: '0.9', r: null, grade: null });
    expect(all.nodes.filter((n: any) => n.grade === 'IV')).toHaveLength(4);
    expect(byName.液氨罐区.baobaoChecks.length).toBeGreaterThan(40);

    const misses = (await query(MISSES, { from: '2024-07-01', to: TODAY })).baobaoMisses;
    expect(misses.length).toBeGreaterThan(0);
    expect(new Set(misses.map((m: any) => m.role))).toEqual(
      new Set(['PRINCIPAL', 'TECHNICAL_LEAD', 'OPERATIONS_LEAD']),
    );
    for (const miss of misses) {
      expect(miss.periodEnd < TODAY).toBe(true);
      const checks = await sql(
        'SELECT 1 FROM baobao_check WHERE source_id = $1 AND role = $2 AND checked_on BETWEEN $3 AND $4',
        [miss.sourceId, miss.role, miss.periodStart, miss.periodEnd],
      );
      expect(checks).toEqual([]);
    }
    const weekly = (await query(MISSES, { from: '2024-07-01', role: 'OPERATIONS_LEAD' })).baobaoMisses;
    expect(weekly.every((m: any) => m.cadence === 'ISO_WEEK' && /^\d{4}-W\d{2}$/.test(m.periodKey))).toBe(
      true,
    );
  });

  it('filters units by the town of their enterprise, in SQL, in as many statements as unfiltered', async () => {
    const LIST = `query($town: String) { majorHazardSources(first: 50, townshipCode: $town) {
      totalCount nodes { enterpriseId } } }`;
    const all = (await query(LIST)).majorHazardSources;
    const townOf = new Map(DEMO_ENTERPRISES.map((e) => [e.id, e.townshipCode]));
    const towns = [...new Set(all.nodes.map((n: any) => townOf.get(n.enterpriseId)))];
    let seen = 0;
    for (const town of towns) {
      const page = (await query(LIST, { town })).majorHazardSources;
      expect(page.totalCount).toBe(page.nodes.length);
      expect(page.nodes.every((n: any) => townOf.get(n.enterpriseId) === town)).toBe(true);
      seen += page.totalCount;
    }
    expect(seen).toBe(all.totalCount);
    const empty = DEMO_ENTERPRISES.map((e) => e.townshipCode).find((town) => !towns.includes(town));
    if (empty) expect((await query(LIST, { town: empty })).majorHazardSources.totalCount).toBe(0);
    expect(await fieldsOf(LIST, { town: 'nowhere' })).toEqual(['townshipCode']);
    const saco = await token('saco.demo');
    const count = (variables: Record<string, unknown>) =>
      sqlStatements(subgraph.runtime.dataSource, () => gql(subgraph.url, LIST, variables, saco));
    expect((await count({ town: towns[0] })).length).toBe((await count({})).length);
  });

  it('registers a unit: S, α, β, R and grade exactly; updates recompute; the grade lifts its risk points', async () => {
    // 6 t ammonia + 1.5 t hydrogen + 0.5 t chlorine is exactly S = 1 (domain §5.4).
    const registered = (
      await query(REGISTER, {
        input: {
          enterpriseId: chem1.id,
          unitName: '合成氨装置（测试）',
          unitType: 'PRODUCTION_UNIT',
          substances: [
            { name: '氨', q: '6' },
            { name: '氢气', q: '1.5' },
            { name: '氯', q: '0.5' },
          ],
          residentsWithin500m: 60,
          filedAt: '2025-06-01',
          monitoringLinked: true,
        },
      })
    ).registerMajorHazardSource;
    expect(registered).toMatchObject({
      s: '1',
      sExact: true,
      isMajorHazardSource: true,
      alpha: '1.5',
      r: '3.075',
      grade: 'IV',
      version: 1,
    });
    expect(registered.substances.map((s: any) => [s.criticalQuantity, s.ratio, s.beta, s.betaBasis])).toEqual(
      [
        ['10', '0.6', '2', 'NAMED_TOXIC_GAS'],
        ['5', '0.3', '1.5', 'HAZARD_CLASS'],
        ['5', '0.1', '4', 'NAMED_TOXIC_GAS'],
      ],
    );

    // A risk point of the unit, assessed LOW, is lifted to HIGH once the unit is grade II.
    const point = (
      await query(
        `mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { id version } }`,
        {
          input: {
            enterpriseId: chem1.id,
            kind: 'FACILITY_AREA',
            name: '合成氨装置区（测试）',
            majorHazardSourceId: registered.id,
          },
        },
      )
    ).createRiskPoint;
    const assessed = (
      await query(
        `mutation($input: AssessRiskInput!) { assessRisk(input: $input) { riskLevel levelBasis version } }`,
        { input: { riskPointId: point.id, expectedVersion: 1, method: 'MATRIX', matrix: { l: 2, s: 2 } } },
      )
    ).assessRisk;
    expect(assessed).toMatchObject({ riskLevel: 'LOW', levelBasis: ['COMPUTED'] });

    const updated = (
      await query(UPDATE, {
        input: {
          majorHazardSourceId: registered.id,
          expectedVersion: 1,
          substances: [
            { name: '氨', q: '160' },
            {
              name: '甲醇',
              q: '100',
              hazardClass: 'W5.2',
              betaOverride: { value: '1.5', justification: '按企业危险性分类报告取W5.1' },
            },
          ],
        },
      })
    ).updateMajorHazardSource;
    // α 1.5 × (2 × 16 + 1.5 × 0.2) = 48.45: grade III.
    expect(updated).toMatchObject({ s: '16.2', r: '48.45', grade: 'III', version: 2 });
    expect(updated.substances[1]).toMatchObject({
      beta: '1.5',
      betaBasis: 'OVERRIDE',
      hazardClass: 'W5.2',
      betaJustification: '按企业危险性分类报告取W5.1',
    });
    const graded = (
      await query(UPDATE, {
        input: { majorHazardSourceId: registered.id, expectedVersion: 2, residentsWithin500m: 120 },
      })
    ).updateMajorHazardSource;
    expect(graded).toMatchObject({ alpha: '2.0', r: '64.6', grade: 'II' });
    const lifted = (
      await query(`query($id: ID!) { riskPoint(id: $id) { riskLevel levelBasis } }`, { id: point.id })
    ).riskPoint;
    expect(lifted).toEqual({ riskLevel: 'HIGH', levelBasis: ['MAJOR_HAZARD_SOURCE_GRADE'] });

    const stale = await call(UPDATE, { input: { majorHazardSourceId: registered.id, expectedVersion: 2 } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const audit = await sql('SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY at, id', [
      registered.id,
    ]);
    expect(audit.map((a: any) => a.operation)).toEqual([
      'registerMajorHazardSource',
      'updateMajorHazardSource',
      'updateMajorHazardSource',
    ]);
  });

  it('rejects bad units naming the field', async () => {
    const unit = (extra: Record<string, unknown>) => ({
      input: {
        enterpriseId: chem1.id,
        unitName: '测试单元',
        unitType: 'STORAGE_UNIT',
        residentsWithin500m: 0,
        substances: [{ name: '氨', q: '1' }],
        ...extra,
      },
    });
    expect(await fieldsOf(REGISTER, unit({ substances: [{ name: '甲醇', q: '10' }] }))).toEqual([
      'substances.0.hazardClass',
    ]);
    expect(await fieldsOf(REGISTER, unit({ substances: [{ name: '氨', q: '-1' }] }))).toEqual([
      'substances.0.q',
    ]);
    expect(
      await fieldsOf(REGISTER, unit({ substances: [{ name: '苯', q: '10', hazardClass: 'W5.1' }] })),
    ).toEqual(['substances.0.criticalQuantity']);
    expect(
      await fieldsOf(
        REGISTER,
        unit({ substances: [{ name: '氨', q: '1', betaOverride: { value: '3', justification: '' } }] }),
      ),
    ).toEqual(['substances.0.betaOverride.justification']);
    expect(await fieldsOf(REGISTER, unit({ filedAt: '2025-07-01' }))).toEqual(['filedAt']);
    expect(await fieldsOf(REGISTER, unit({ residentsWithin500m: undefined }))).toEqual([
      'residentsWithin500m',
    ]);
  });

  it('names the 包保 persons, records checks, and shows the misses to the regulator', async () => {
    const source = (
      await query(
        REGISTER,
        {
          input: {
            enterpriseId: chem1.id,
            unitName: '液氨罐区二期（测试）',
            unitType: 'STORAGE_UNIT',
            substances: [{ name: '液氨', q: '50' }],
            residentsWithin500m: 10,
            filedAt: '2025-04-01',
          },
        },
        'ent.chem1.manager.demo',
      )
    ).registerMajorHazardSource;
    expect(source).toMatchObject({ grade: 'III', r: '10' });
    const check = (role: string, checkedOn: string, username = 'ent.chem1.manager.demo') =>
      call(CHECK, { input: { majorHazardSourceId: source.id, role, checkedOn } }, username);
    expect(Object.keys((await check('PRINCIPAL', '2025-04-10')).errors![0]!.extensions!.fields)).toEqual([
      'role',
    ]);
    const persons = (
      await query(
        PERSONS,
        {
          input: {
            majorHazardSourceId: source.id,
            expectedVersion: 1,
            principal: { name: '王建国（测试）' },
            technicalLead: { name: '李明（测试）', id: 'P-0002' },
            operationsLead: { name: '赵强（测试）' },
          },
        },
        'ent.chem1.director.demo',
      )
    ).assignBaobaoPersons;
    expect(persons).toMatchObject({ principalName: '王建国（测试）', version: 2 });
    expect((await check('PRINCIPAL', '2025-04-10')).data.recordBaobaoCheck).toMatchObject({
      role: 'PRINCIPAL',
      personName: '王建国（测试）',
    });
    expect((await check('TECHNICAL_LEAD', '2025-05-20')).errors).toBeUndefined();
    expect(errorCodes(await check('OPERATIONS_LEAD', '2025-07-01'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await check('OPERATIONS_LEAD', '2025-06-02', 'emb.staff.demo'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await check('OPERATIONS_LEAD', '2025-06-02', 'ent.coal1.principal.demo'))).toEqual([
      'NOT_FOUND',
    ]);

    const misses = (
      await query(
        `query($id: ID!) { majorHazardSource(id: $id) { baobaoMisses(from: "2025-04-01") {
        role periodKey } } }`,
        { id: source.id },
      )
    ).majorHazardSource.baobaoMisses;
    // Q2 and June end today, so they are not judged yet; April lacks the technical lead; every
    // finished week (W14–W26) lacks the operations lead.
    expect(misses.filter((m: any) => m.role === 'PRINCIPAL')).toEqual([]);
    expect(misses.filter((m: any) => m.role === 'TECHNICAL_LEAD').map((m: any) => m.periodKey)).toEqual([
      '2025-04',
    ]);
    expect(misses.filter((m: any) => m.role === 'OPERATIONS_LEAD')).toHaveLength(13);
    const regulator = (await query(MISSES, { from: '2025-04-01', enterpriseId: chem1.id }, 'emb.staff.demo'))
      .baobaoMisses;
    expect(regulator.filter((m: any) => m.sourceId === source.id)).toHaveLength(14);
    expect((await query(MISSES, {}, 'ent.coal1.principal.demo')).baobaoMisses).toEqual([]);
  });

  it('authorizes registration by role and scope', async () => {
    const input = {
      enterpriseId: coal1.id,
      unitName: '炸药库（测试）',
      unitType: 'STORAGE_UNIT',
      substances: [{ name: '硝酸铵炸药', q: '5', criticalQuantity: '1', hazardClass: 'W1.1' }],
      residentsWithin500m: 0,
    };
    expect(errorCodes(await call(REGISTER, { input }, 'public.demo'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(REGISTER, { input }, 'ent.chem1.manager.demo'))).toEqual(['FORBIDDEN']);
    const own = await call(REGISTER, { input }, 'ent.coal1.principal.demo');
    expect(own.data.registerMajorHazardSource).toMatchObject({ s: '5', r: '5', grade: 'IV' });
  });

  it('loads Enterprise.majorHazardSources and unit relations in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id
      majorHazardSources(first: 5) { totalCount nodes { id baobaoChecks { id } baobaoMisses { periodKey } } } } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors).toBeUndefined();
      return statements.length;
    };
    const [five, fifty] = [await measure(5), await measure(50)];
    console.info(`Enterprise.majorHazardSources: ${five} statements for 5 enterprises, ${fifty} for 50`);
    expect(fifty).toBe(five);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [
      { field: 'majorHazardSources', typename: 'MajorHazardSource', byIdField: 'majorHazardSource' },
    ],
    enterpriseFields: ['majorHazardSources'],
  });
});
