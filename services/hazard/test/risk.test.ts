import { DEMO_ENTERPRISES, demoEnterprise, TOWNS } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRiskLevels } from '../src/risk/risk.sweeps.js';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: the seed and the review dates are relative to this day.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const sanlei = TOWNS.find((t) => t.name.startsWith('三雷'))!.code;

const token = (username: string) => subgraph.authority.tokenFor(username);
const call = async (text: string, variables: Record<string, unknown> = {}, username = 'saco.demo') =>
  gql(subgraph.url, text, variables, await token(username));
const query = async (text: string, variables: Record<string, unknown> = {}, username = 'saco.demo') => {
  const response = await call(text, variables, username);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
};
const sql = (text: string, params: unknown[] = []) => subgraph.runtime.dataSource.query(text, params);

const LIST = `query($first: Int, $after: String, $enterpriseId: ID, $level: RiskLevel, $kind: RiskPointKind,
    $reviewDue: Boolean, $town: String, $industry: String, $includeRetired: Boolean) {
  riskPoints(first: $first, after: $after, enterpriseId: $enterpriseId, level: $level, kind: $kind,
      reviewDue: $reviewDue, townshipCode: $town, industryCode: $industry, includeRetired: $includeRetired) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id enterpriseId name kind riskLevel controlLevel nextReviewDue reviewDue version townshipCode industryCode }
  }
}`;
const total = async (variables: Record<string, unknown>, username = 'saco.demo') =>
  (await query(LIST, { first: 1, ...variables }, username)).riskPoints.totalCount;

const POINT = `id enterpriseId name kind riskLevel levelBasis controlLevel controlLevelReason defaultControlLevel
  nextReviewDue reviewDue version floorPlanPolygon retiredAt
  currentAssessment { method inputs { l e c s } score band bandWording computedLevel overrideLevel overrideReason criteriaVersion assessorIds }`;
const CREATE = `mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { ${POINT} } }`;
const UPDATE = `mutation($input: UpdateRiskPointInput!) { updateRiskPoint(input: $input) { ${POINT} } }`;
const ASSESS = `mutation($input: AssessRiskInput!) { assessRisk(input: $input) { ${POINT} } }`;
const RETIRE = `mutation($input: RetireRiskPointInput!) { retireRiskPoint(input: $input) { ${POINT} } }`;

const square = [
  [100, 100],
  [300, 100],
  [300, 250],
  [100, 250],
];
const newPoint = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: chem1.id,
  kind: 'FACILITY_AREA',
  name: '测试风险点（测试）',
  location: '厂区东侧',
  floorPlanPolygon: square,
  accidentTypes: ['火灾'],
  hazardFactors: ['物：设备缺陷'],
  controls: [{ kind: 'MANAGEMENT', text: '巡检' }],
  ...overrides,
});

async function create(input: Record<string, unknown>, username = 'saco.demo') {
  return (await query(CREATE, { input }, username)).createRiskPoint;
}

async function fieldsOf(text: string, variables: Record<string, unknown>, username = 'saco.demo') {
  const response = await call(text, variables, username);
  expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
  return Object.keys(response.errors![0]!.extensions!.fields);
}

const eventsFor = (enterpriseId: string) =>
  sql(
    `SELECT payload FROM event_log WHERE type = 'EnterpriseRiskLevelChanged' AND payload->>'enterpriseId' = $1 ORDER BY created_at`,
    [enterpriseId],
  );

describe('risk points and assessments (domain §5.2, §11.4)', () => {
  it('seeds 900 points with the 3/12/35/50 % mix, assessed through the rules', async () => {
    expect(await total({})).toBe(900);
    expect(await total({ level: 'MAJOR' })).toBe(27);
    // One LOW point of the grade II ammonia tank farm is lifted to HIGH (domain §5.2 c).
    expect(await total({ level: 'HIGH' })).toBe(109);
    expect(await total({ level: 'MODERATE' })).toBe(315);
    expect(await total({ level: 'LOW' })).toBe(449);
    expect(await total({ reviewDue: true })).toBe(14);
    expect(await total({ reviewDue: false })).toBe(886);

    // Every level comes from an assessment: LEC D, or the matrix for hazchem; never below the computed one.
    const methods = await sql(`
      SELECT p.industry_code LIKE 'HAZCHEM%' AS hazchem, a.method, a.criteria_version, count(*)::int AS n
      FROM risk_point p JOIN risk_assessment a ON a.id = p.current_assessment_id GROUP BY 1, 2, 3 ORDER BY 1`);
    expect(methods).toEqual([
      { hazchem: false, method: 'LEC', criteria_version: 'DEFAULT-LEC@1', n: 760 },
      { hazchem: true, method: 'MATRIX', criteria_version: 'HAZCHEM-MATRIX@1', n: 140 },
    ]);
    const rank = `CASE %s WHEN 'MAJOR' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MODERATE' THEN 2 ELSE 1 END`;
    const lowered =
      await sql(`SELECT p.id FROM risk_point p JOIN risk_assessment a ON a.id = p.current_assessment_id
      WHERE ${rank.replace('%s', 'p.risk_level')} < ${rank.replace('%s', 'a.computed_level')}
         OR p.floor_plan_polygon IS NULL OR p.next_review_due IS NULL`);
    expect(lowered).toEqual([]);
    const lifted = await query(`{ riskPoints(first: 5, enterpriseId: "${chem1.id}", level: HIGH) {
      nodes { name levelBasis currentAssessment { computedLevel } } } }`);
    expect(lifted.riskPoints.nodes).toContainEqual({
      name: '液氨储罐区',
      levelBasis: ['MAJOR_HAZARD_SOURCE_GRADE'],
      currentAssessment: { computedLevel: 'LOW' },
    });
  });

  it('lists with cursors and filters by enterprise, town, industry, level and kind', async () => {
    const first = await query(LIST, { first: 40 });
    const second = await query(LIST, { first: 40, after: first.riskPoints.pageInfo.endCursor });
    const ids = [...first.riskPoints.nodes, ...second.riskPoints.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(80);

    const atChem1 = (await query(LIST, { first: 100, enterpriseId: chem1.id })).riskPoints;
    expect(atChem1.totalCount).toBe(35);
    expect(atChem1.nodes.every((n: any) => n.enterpriseId === chem1.id)).toBe(true);
    const inTown = (await query(LIST, { first: 200, town: coal1.townshipCode, industry: 'COAL_MINE' }))
      .riskPoints;
    expect(inTown.totalCount).toBe(80);
    const activities = (await query(LIST, { first: 200, kind: 'ACTIVITY', level: 'MAJOR' })).riskPoints;
    expect(activities.nodes.every((n: any) => n.kind === 'ACTIVITY' && n.riskLevel === 'MAJOR')).toBe(true);
    const due = (await query(LIST, { first: 200, reviewDue: true })).riskPoints.nodes;
    expect(due.every((n: any) => n.reviewDue && n.nextReviewDue <= TODAY)).toBe(true);
  });

  it('creates, assesses (LEC: exact D, band, level), updates and retires a point, audited', async () => {
    const point = await create(newPoint());
    expect(point).toMatchObject({ riskLevel: null, controlLevel: 'POST', reviewDue: true, version: 1 });
    expect(point.floorPlanPolygon).toEqual(square);

    // chem1 is a hazchem producer: its profile is the matrix.
    const asLec = await fieldsOf(ASSESS, {
      input: { riskPointId: point.id, expectedVersion: 1, method: 'LEC', lec: { l: '3', e: '6', c: '7' } },
    });
    expect(asLec).toEqual(['method']);
    const assessed = (
      await query(ASSESS, {
        input: { riskPointId: point.id, expectedVersion: 1, method: 'MATRIX', matrix: { l: 4, s: 4 } },
      })
    ).assessRisk;
    expect(assessed).toMatchObject({
      riskLevel: 'HIGH',
      levelBasis: ['COMPUTED'],
      controlLevel: 'DEPARTMENT',
      defaultControlLevel: 'DEPARTMENT',
      nextReviewDue: '2026-06-30',
      reviewDue: false,
      version: 2,
      currentAssessment: {
        method: 'MATRIX',
        score: '16',
        band: null,
        computedLevel: 'HIGH',
        criteriaVersion: 'HAZCHEM-MATRIX@1',
      },
    });

    // An LEC enterprise: 0.2 × 3 × 40 is exactly 24 (4级 一般危险).
    const it7 = demoEnterprise('it7');
    const lecPoint = await create(newPoint({ enterpriseId: it7.id, kind: 'ACTIVITY' }));
    const lec = (
      await query(ASSESS, {
        input: {
          riskPointId: lecPoint.id,
          expectedVersion: 1,
          method: 'LEC',
          lec: { l: '0.2', e: '3', c: '40' },
          overrideLevel: 'MODERATE',
          overrideReason: '近期同类作业发生未遂事件',
          reviewIntervalMonths: 6,
        },
      })
    ).assessRisk;
    expect(lec).toMatchObject({
      riskLevel: 'MODERATE',
      levelBasis: ['MANUAL_OVERRIDE'],
      controlLevel: 'TEAM',
      nextReviewDue: '2025-12-30',
      currentAssessment: {
        score: '24',
        band: 4,
        bandWording: '一般危险，需要注意',
        computedLevel: 'LOW',
        overrideLevel: 'MODERATE',
        inputs: { l: '0.2', e: '3', c: '40', s: null },
      },
    });

    const updated = (
      await query(UPDATE, {
        input: {
          riskPointId: point.id,
          expectedVersion: 2,
          name: '测试风险点更名（测试）',
          controlLevel: 'TEAM',
          controlLevelReason: '车间撤并，由班组直接管控',
          noticeCardFileId: 'ab'.repeat(32),
        },
      })
    ).updateRiskPoint;
    expect(updated).toMatchObject({ name: '测试风险点更名（测试）', controlLevel: 'TEAM', version: 3 });

    const retired = (
      await query(RETIRE, { input: { riskPointId: point.id, expectedVersion: 3, reason: '装置拆除' } })
    ).retireRiskPoint;
    expect(retired.retiredAt).not.toBeNull();
    expect(await total({ enterpriseId: chem1.id })).toBe(35);
    expect(await total({ enterpriseId: chem1.id, includeRetired: true })).toBe(36);
    const again = await call(RETIRE, {
      input: { riskPointId: point.id, expectedVersion: 4, reason: '再次' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    const audit = await sql('SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY at, id', [
      point.id,
    ]);
    expect(audit.map((a: any) => a.operation)).toEqual([
      'createRiskPoint',
      'assessRisk',
      'updateRiskPoint',
      'retireRiskPoint',
    ]);
  });

  it('rejects bad input naming the field; stale versions conflict; unknown ids are not found', async () => {
    const point = await create(newPoint({ enterpriseId: demoEnterprise('it8').id }));
    const assess = (extra: Record<string, unknown>) => ({
      input: { riskPointId: point.id, expectedVersion: 1, method: 'LEC', ...extra },
    });
    expect(await fieldsOf(ASSESS, assess({ lec: { l: '2', e: '6', c: '7' } }))).toEqual(['lec.l']);
    expect(await fieldsOf(ASSESS, assess({ lec: { l: '3', e: '4', c: '8' } }))).toEqual(['lec.e', 'lec.c']);
    expect(await fieldsOf(ASSESS, assess({}))).toEqual(['lec']);
    const high = { l: '6', e: '6', c: '7' };
    expect(
      await fieldsOf(ASSESS, assess({ lec: high, overrideLevel: 'LOW', overrideReason: '理由' })),
    ).toEqual(['overrideLevel']);
    expect(await fieldsOf(ASSESS, assess({ lec: high, overrideLevel: 'MAJOR' }))).toEqual(['overrideReason']);
    expect(await fieldsOf(ASSESS, assess({ lec: high, controlLevel: 'POST' }))).toEqual([
      'controlLevelReason',
    ]);
    expect(await fieldsOf(ASSESS, assess({ lec: high, assessedAt: '2025-07-02T00:00:00+08:00' }))).toEqual([
      'assessedAt',
    ]);
    expect(
      await fieldsOf(CREATE, {
        input: newPoint({
          floorPlanPolygon: [
            [0, 0],
            [1, 1],
          ],
        }),
      }),
    ).toEqual(['floorPlanPolygon']);
    expect(
      await fieldsOf(CREATE, {
        input: newPoint({
          floorPlanPolygon: [
            [0, 0],
            [1, 1],
            [5, 1200],
          ],
        }),
      }),
    ).toEqual(['floorPlanPolygon']);
    expect(await fieldsOf(CREATE, { input: newPoint({ enterpriseId: undefined }) })).toEqual([
      'orgUnitId',
      'townshipCode',
    ]);
    expect(await fieldsOf(CREATE, { input: newPoint({ noticeCardFileId: 'x' }) })).toEqual([
      'noticeCardFileId',
    ]);
    expect(
      await fieldsOf(CREATE, { input: newPoint({ enterpriseId: '00000000-0000-4000-8000-000000000000' }) }),
    ).toEqual(['enterpriseId']);

    const ok = await call(ASSESS, assess({ lec: high }));
    expect(ok.data.assessRisk).toMatchObject({ riskLevel: 'HIGH', controlLevel: 'DEPARTMENT', version: 2 });
    expect(
      await fieldsOf(UPDATE, { input: { riskPointId: point.id, expectedVersion: 2, controlLevel: 'POST' } }),
    ).toEqual(['controlLevelReason']);
    const stale = await call(ASSESS, assess({ lec: high }));
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const unknown = await call(RETIRE, {
      input: { riskPointId: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, reason: '不存在' },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('authorizes by role and by scope', async () => {
    expect(errorCodes(await call(CREATE, { input: newPoint() }, 'public.demo'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(CREATE, { input: newPoint() }, 'ent.coal1.staff.demo'))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await call(CREATE, { input: newPoint() }, 'ent.coal1.principal.demo'))).toEqual([
      'FORBIDDEN',
    ]);
    const own = await create(newPoint({ enterpriseId: coal1.id }), 'ent.coal1.principal.demo');
    const foreign = await call(
      ASSESS,
      { input: { riskPointId: own.id, expectedVersion: 1, method: 'LEC', lec: { l: '1', e: '1', c: '1' } } },
      'ent.chem1.manager.demo',
    );
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    // A public-area point (a dangerous road section): by the town's office or the county.
    const road = newPoint({
      enterpriseId: undefined,
      orgUnitId: '6f1c1a52-3b1e-4c59-9a7b-1d2e3f4a5b6c',
      townshipCode: sanlei,
      name: 'S212线急弯陡坡路段（测试）',
    });
    expect(errorCodes(await call(CREATE, { input: road }, 'town.hongshagang.demo'))).toEqual(['FORBIDDEN']);
    const publicPoint = await create(road);
    expect(publicPoint.enterpriseId).toBeNull();
    const byId = `query($id: ID!) { riskPoint(id: $id) { id } }`;
    expect((await query(byId, { id: publicPoint.id }, 'village.grid.demo')).riskPoint).toEqual({
      id: publicPoint.id,
    });
    expect((await query(byId, { id: publicPoint.id }, 'town.hongshagang.demo')).riskPoint).toBeNull();
  });

  it('an open MAJOR hazard lifts the point to MAJOR and the enterprise level changes, emitted once', async () => {
    const map = await query('{ riskMap { enterprises { enterpriseId riskLevel } } }');
    const target = DEMO_ENTERPRISES.find(
      (e) =>
        e.industryCode === 'CROWDED_PLACE' &&
        map.riskMap.enterprises.find((m: any) => m.enterpriseId === e.id)?.riskLevel === 'MODERATE',
    )!;
    const point = await create(newPoint({ enterpriseId: target.id }));
    const assessed = (
      await query(ASSESS, {
        input: { riskPointId: point.id, expectedVersion: 1, method: 'LEC', lec: { l: '1', e: '6', c: '3' } },
      })
    ).assessRisk;
    expect(assessed).toMatchObject({
      riskLevel: 'LOW',
      currentAssessment: { score: '18', band: 5, bandWording: '稍有危险，可以接受' },
    });
    expect(await eventsFor(target.id)).toEqual([]);

    const report = await query(
      `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id status } }`,
      {
        input: {
          enterpriseId: target.id,
          riskPointId: point.id,
          title: '安全出口被封堵（测试）',
          description: '二楼安全出口被铁链锁闭（测试）',
          grade: 'MAJOR',
          source: 'GOV_INSPECTION',
          evidence: [{ fileId: 'cd'.repeat(32), kind: 'BEFORE' }],
        },
      },
      'saco.demo',
    );
    expect(report.reportHazard.status).toBe('REPORTED');

    const changed = await sweepRiskLevels(subgraph.runtime);
    expect(changed).toEqual([target.id]);
    const lifted = (
      await query(`query($id: ID!) { riskPoint(id: $id) { riskLevel levelBasis } }`, { id: point.id })
    ).riskPoint;
    expect(lifted).toEqual({ riskLevel: 'MAJOR', levelBasis: ['OPEN_MAJOR_HAZARD'] });
    const entity = await query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { riskLevel riskPointCount } } }`,
      { r: [{ __typename: 'Enterprise', id: target.id }] },
    );
    expect(entity._entities[0].riskLevel).toBe('MAJOR');

    expect(await sweepRiskLevels(subgraph.runtime)).toEqual([]);
    const events = await eventsFor(target.id);
    expect(events).toEqual([
      {
        payload: expect.objectContaining({
          enterpriseId: target.id,
          from: 'MODERATE',
          to: 'MAJOR',
          direction: 'UP',
          reasons: [expect.objectContaining({ code: 'MAX_OF_RISK_POINTS', level: 'MAJOR' })],
        }),
      },
    ]);
  });

  it('an assessment raising the enterprise level emits at once; retiring the point lowers it again', async () => {
    const map = await query('{ riskMap { enterprises { enterpriseId riskLevel } } }');
    const target = DEMO_ENTERPRISES.find(
      (e) =>
        e.industryCode === 'NEW_ENERGY' &&
        map.riskMap.enterprises.find((m: any) => m.enterpriseId === e.id)?.riskLevel === 'MODERATE',
    )!;
    const point = await create(
      newPoint({ enterpriseId: target.id, kind: 'ACTIVITY', name: '储能舱检修（测试）' }),
    );
    const assessed = (
      await query(ASSESS, {
        input: { riskPointId: point.id, expectedVersion: 1, method: 'LEC', lec: { l: '3', e: '6', c: '40' } },
      })
    ).assessRisk;
    expect(assessed).toMatchObject({
      riskLevel: 'MAJOR',
      controlLevel: 'COMPANY',
      currentAssessment: { score: '720', band: 1, bandWording: '极其危险，不能继续作业' },
    });
    expect((await eventsFor(target.id)).map((e: any) => [e.payload.from, e.payload.to])).toEqual([
      ['MODERATE', 'MAJOR'],
    ]);
    await query(RETIRE, { input: { riskPointId: point.id, expectedVersion: 2, reason: '储能舱拆除' } });
    expect(
      (await eventsFor(target.id)).map((e: any) => [e.payload.from, e.payload.to, e.payload.direction]),
    ).toEqual([
      ['MODERATE', 'MAJOR', 'UP'],
      ['MAJOR', 'MODERATE', 'DOWN'],
    ]);
    expect(await sweepRiskLevels(subgraph.runtime)).toEqual([]);
  });

  it('draws the county map (enterprises in scope by level and town) and the enterprise map', async () => {
    const MAP = `{ riskMap { enterprises { enterpriseId enterprise { id } townshipCode riskLevel riskPointCount
      majorHazardSourceGrade }
      byTown { townshipCode major high moderate low unassessed } } }`;
    const county = (await query(MAP)).riskMap;
    expect(county.enterprises).toHaveLength(DEMO_ENTERPRISES.length);
    const sum = county.byTown.reduce(
      (n: number, t: any) => n + t.major + t.high + t.moderate + t.low + t.unassessed,
      0,
    );
    expect(sum).toBe(DEMO_ENTERPRISES.length);
    const chem = county.enterprises.find((e: any) => e.enterpriseId === chem1.id);
    expect(chem).toMatchObject({
      riskLevel: 'MAJOR',
      townshipCode: chem1.townshipCode,
      enterprise: { id: chem1.id },
      majorHazardSourceGrade: 'II',
    });
    const graded = county.enterprises.filter((e: any) => e.majorHazardSourceGrade);
    expect(graded.map((e: any) => e.majorHazardSourceGrade).sort()).toEqual(['II', 'III', 'IV', 'IV']);
    const town = (await query(MAP, {}, 'town.hongshagang.demo')).riskMap;
    expect(town.enterprises.every((e: any) => e.townshipCode === coal1.townshipCode)).toBe(true);
    expect(town.byTown.map((t: any) => t.townshipCode)).toEqual([coal1.townshipCode]);
    expect((await query(MAP, {}, 'public.demo')).riskMap).toEqual({ enterprises: [], byTown: [] });

    const ENT_MAP = `query($id: ID!) { enterpriseRiskMap(enterpriseId: $id) { enterpriseId points { name riskLevel floorPlanPolygon } } }`;
    const plan = (await query(ENT_MAP, { id: chem1.id }, 'ent.chem1.manager.demo')).enterpriseRiskMap;
    expect(plan.points.length).toBe(35);
    expect(plan.points.every((p: any) => p.floorPlanPolygon.length >= 3 && p.riskLevel)).toBe(true);
    expect((await query(ENT_MAP, { id: chem1.id }, 'ent.coal1.principal.demo')).enterpriseRiskMap).toBeNull();
  });

  it('serves the versioned criteria profiles read-only', async () => {
    const profiles = (
      await query(`{ riskCriteriaProfiles { criteriaVersion method industryCodes lecBands { band threshold level }
        matrixBands { minScore level } } }`)
    ).riskCriteriaProfiles;
    expect(profiles.map((p: any) => p.criteriaVersion)).toEqual([
      'DEFAULT-LEC@1',
      'DEFAULT-MATRIX@1',
      'HAZCHEM-MATRIX@1',
    ]);
    expect(profiles[0].lecBands.map((b: any) => [b.threshold, b.level])).toEqual([
      ['320', 'MAJOR'],
      ['160', 'HIGH'],
      ['70', 'MODERATE'],
      ['20', 'LOW'],
      ['0', 'LOW'],
    ]);
    expect(profiles[2].industryCodes).toEqual(['HAZCHEM_PRODUCTION', 'HAZCHEM_STORAGE_TRADE']);
  });

  it('loads Enterprise risk fields and list relations in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id riskLevel riskPointCount
      riskPoints(first: 5) { totalCount nodes { id currentAssessment { score } assessments { id } } } } } }`;
    const measureEnterprises = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, ENTITIES, { r }, saco);
      });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities.every((e: any) => e.riskPoints.nodes.length === 5)).toBe(true);
      return statements.length;
    };
    const LISTED = `query($first: Int) { riskPoints(first: $first) { nodes { id enterprise { id }
      currentAssessment { score } assessments { id } } } }`;
    const measureList = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, LISTED, { first }, saco);
      });
      expect(response.data.riskPoints.nodes).toHaveLength(first);
      return statements.length;
    };
    const [five, fifty] = [await measureEnterprises(5), await measureEnterprises(50)];
    const [list5, list50] = [await measureList(5), await measureList(50)];
    console.info(
      `Enterprise risk fields: ${five} vs ${fifty} statements; riskPoints list: ${list5} vs ${list50}`,
    );
    expect(fifty).toBe(five);
    expect(list50).toBe(list5);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'riskPoints', typename: 'RiskPoint', byIdField: 'riskPoint' }],
    enterpriseFields: ['riskPoints'],
  });
});
