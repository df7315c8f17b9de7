import { DEMO_ENTERPRISES, demoEnterprise, industry } from '@safety/reference';
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

// Tests pin the clock: the seed and the periods are relative to this day (a Monday).
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const HIGH_RISK = DEMO_ENTERPRISES.filter((e) => industry(e.industryCode).highRisk);

const token = (username: string) => subgraph.authority.tokenFor(username);
async function call(username: string, query: string, variables: Record<string, unknown> = {}) {
  return gql(subgraph.url, query, variables, await token(username));
}
async function data(username: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await call(username, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

const CREATE = `mutation($input: CreateSelfCheckPlanInput!) {
  createSelfCheckPlan(input: $input) { id enterpriseId kind cadence shiftsPerDay startsOn endsOn version checklist { code text } }
}`;
const RETIRE = `mutation($input: RetireSelfCheckPlanInput!) { retireSelfCheckPlan(input: $input) { id endsOn version } }`;
const RECORD = `mutation($input: RecordSelfCheckInput!) {
  recordSelfCheck(input: $input) {
    id planId enterpriseId performedOn items { code result note hazardId } hazardIds
    plan { id name } hazardsCreated { id status source sourceRef enterpriseId grade }
  }
}`;
const MISSED = `query($planId: ID, $enterpriseId: ID, $from: LocalDate, $to: LocalDate, $first: Int, $after: String) {
  missedSelfChecks(planId: $planId, enterpriseId: $enterpriseId, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id planId enterpriseId periodStart periodEnd label required performed plan { kind } }
  }
}`;

const checklist = [
  { code: 'A1', text: '储罐区防火堤完好' },
  { code: 'A2', text: '可燃气体报警器在线' },
];
const newPlan = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: chem1.id,
  name: '储罐区周检（测试）',
  kind: 'TEAM_WEEKLY',
  checklist,
  responsibleRole: 'ENT_SAFETY_MANAGER',
  ...overrides,
});

describe('self-checks (domain §5.8)', () => {
  it('seeds 12 plans per high-risk enterprise with the default cadences and ≈ 4 % missed checks', async () => {
    const plans = await data('saco.demo', '{ selfCheckPlans(first: 1) { totalCount } }');
    expect(plans.selfCheckPlans.totalCount).toBe(12 * HIGH_RISK.length);
    const rows = await subgraph.runtime.dataSource.query(
      'SELECT kind, cadence, count(*)::int AS n FROM self_check_plan GROUP BY kind, cadence ORDER BY kind',
    );
    expect(rows.map((r: any) => [r.kind, r.cadence])).toEqual([
      ['COMPREHENSIVE', 'HALF_YEARLY'],
      ['PATROL', 'EACH_SHIFT'],
      ['PLANT_MONTHLY', 'MONTHLY'],
      ['PRE_HOLIDAY', 'BEFORE_KEY_PERIOD'],
      ['SEASONAL', 'QUARTERLY'],
      ['TEAM_WEEKLY', 'WEEKLY'],
    ]);
    // Compliance over the whole history, summed over the enterprises.
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      selfCheckCompliance(from: "2024-01-01") { due met missed rate } } } }`;
    const r = HIGH_RISK.map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const result = await data('saco.demo', query, { r });
    const sum = (key: 'due' | 'missed') =>
      result._entities.reduce((n: number, e: any) => n + e.selfCheckCompliance[key], 0);
    const missedShare = sum('missed') / sum('due');
    expect(sum('due')).toBeGreaterThan(5000);
    expect(missedShare).toBeGreaterThan(0.03);
    expect(missedShare).toBeLessThan(0.05);
    const missed = await data('saco.demo', MISSED, { from: '2024-01-01', first: 1 });
    expect(missed.missedSelfChecks.totalCount).toBe(sum('missed'));
  });

  it('lists a plan’s missed periods exactly where no record was made, newest first with cursors', async () => {
    const plans = await data(
      'saco.demo',
      `query($e: ID) { selfCheckPlans(enterpriseId: $e, kind: TEAM_WEEKLY, first: 5) { nodes { id startsOn } } }`,
      { e: chem1.id },
    );
    const plan = plans.selfCheckPlans.nodes[0];
    const records = await data(
      'saco.demo',
      `query($p: ID) { selfCheckRecords(planId: $p, first: 200) { totalCount nodes { performedOn } } }`,
      { p: plan.id },
    );
    const days = records.selfCheckRecords.nodes.map((n: any) => n.performedOn);
    const missed = await data('saco.demo', MISSED, { planId: plan.id, from: plan.startsOn, first: 200 });
    const weeks = missed.missedSelfChecks.nodes;
    for (const week of weeks) {
      expect(week).toMatchObject({ planId: plan.id, enterpriseId: chem1.id, required: 1, performed: 0 });
      expect(days.some((d: string) => d >= week.periodStart && d <= week.periodEnd)).toBe(false);
      expect(week.periodEnd < TODAY).toBe(true);
    }
    // Every week from the start to the last ended one: performed or missed.
    const ended = Math.floor((Date.parse(TODAY) - Date.parse(plan.startsOn)) / (7 * 86_400_000));
    expect(records.selfCheckRecords.totalCount + weeks.length).toBe(ended);
    const ends = weeks.map((w: any) => w.periodEnd);
    expect(ends).toEqual([...ends].sort().reverse());
    if (weeks.length > 1) {
      const first = await data('saco.demo', MISSED, { planId: plan.id, from: plan.startsOn, first: 1 });
      const next = await data('saco.demo', MISSED, {
        planId: plan.id,
        from: plan.startsOn,
        first: 1,
        after: first.missedSelfChecks.pageInfo.endCursor,
      });
      expect(next.missedSelfChecks.nodes[0].id).toBe(weeks[1].id);
    }
  });

  it('filters missed checks by the town of the enterprise on the server', async () => {
    const TOWN = `query($town: String, $first: Int) { missedSelfChecks(from: "2024-01-01", townshipCode: $town, first: $first) {
      totalCount nodes { enterpriseId } } }`;
    const townOf = new Map(DEMO_ENTERPRISES.map((e) => [e.id, e.townshipCode]));
    const all = (await data('saco.demo', TOWN, { first: 1 })).missedSelfChecks.totalCount;
    const towns = [...new Set(HIGH_RISK.map((e) => e.townshipCode))];
    let sum = 0;
    for (const town of towns) {
      const page = (await data('saco.demo', TOWN, { town, first: 50 })).missedSelfChecks;
      expect(page.nodes.every((n: any) => townOf.get(n.enterpriseId) === town)).toBe(true);
      sum += page.totalCount;
    }
    expect(sum).toBe(all);
    const bad = await call('saco.demo', TOWN, { town: 'nowhere', first: 1 });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(bad.errors![0]!.extensions!.fields)).toEqual(['townshipCode']);
    const saco = await token('saco.demo');
    const count = async (first: number) =>
      (
        await sqlStatements(subgraph.runtime.dataSource, () =>
          gql(subgraph.url, TOWN, { town: towns[0], first }, saco),
        )
      ).length;
    expect(await count(50)).toBe(await count(5));

    // The summary: every miss of the same filters counted per enterprise with its town.
    const COUNTS = `query($town: String) { missedSelfCheckCounts(from: "2024-01-01", townshipCode: $town) {
      enterpriseId townshipCode missed enterprise { id } } }`;
    const counts = (await data('saco.demo', COUNTS)).missedSelfCheckCounts;
    expect(counts.reduce((n: number, c: any) => n + c.missed, 0)).toBe(all);
    for (const c of counts) {
      expect(c.townshipCode).toBe(townOf.get(c.enterpriseId));
      expect(c.enterprise.id).toBe(c.enterpriseId);
    }
    expect(counts.map((c: any) => c.missed)).toEqual(
      [...counts.map((c: any) => c.missed)].sort((a, b) => b - a),
    );
    const inTown = (await data('saco.demo', COUNTS, { town: towns[0] })).missedSelfCheckCounts;
    expect(inTown).toEqual(counts.filter((c: any) => c.townshipCode === towns[0]));
    // An enterprise account sees only its own.
    const own = (await data('ent.chem1.manager.demo', COUNTS)).missedSelfCheckCounts;
    expect(own.every((c: any) => c.enterpriseId === chem1.id)).toBe(true);
  });

  it('creates a plan with the kind’s cadence, audited; rejects bad input naming the field', async () => {
    const created = (await data('ent.chem1.manager.demo', CREATE, { input: newPlan() })).createSelfCheckPlan;
    expect(created).toMatchObject({
      cadence: 'WEEKLY',
      startsOn: TODAY,
      endsOn: null,
      version: 1,
      shiftsPerDay: 1,
    });
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username FROM audit_log WHERE entity_id = $1',
      [created.id],
    );
    expect(audit).toEqual([{ operation: 'createSelfCheckPlan', actor_username: 'ent.chem1.manager.demo' }]);
    const fields = async (input: Record<string, unknown>) => {
      const response = await call('ent.chem1.manager.demo', CREATE, { input });
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fields(newPlan({ kind: 'PRE_HOLIDAY', cadence: 'MONTHLY' }))).toEqual(['cadence']);
    expect(await fields(newPlan({ cadence: 'BEFORE_KEY_PERIOD' }))).toEqual(['cadence']);
    expect(await fields(newPlan({ checklist: [checklist[0], checklist[0]] }))).toEqual(['checklist']);
    expect(await fields(newPlan({ startsOn: '2025-06-29' }))).toEqual(['startsOn']);
    expect(await fields(newPlan({ responsibleRole: 'EMB_STAFF' }))).toEqual(['responsibleRole']);
    expect(await fields(newPlan({ enterpriseId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'enterpriseId',
    ]);
  });

  it('authorizes plans by role and scope', async () => {
    expect(errorCodes(await call('emb.staff.demo', CREATE, { input: newPlan() }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('ent.coal1.staff.demo', CREATE, { input: newPlan() }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(
        await call('ent.chem1.manager.demo', CREATE, { input: newPlan({ enterpriseId: coal1.id }) }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('retires a plan once, with the version read', async () => {
    const plan = (await data('ent.chem1.manager.demo', CREATE, { input: newPlan() })).createSelfCheckPlan;
    const stale = await call('ent.chem1.manager.demo', RETIRE, {
      input: { planId: plan.id, expectedVersion: 9 },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const past = await call('ent.chem1.manager.demo', RETIRE, {
      input: { planId: plan.id, expectedVersion: 1, endsOn: '2025-06-01' },
    });
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    const retired = await data('ent.chem1.manager.demo', RETIRE, {
      input: { planId: plan.id, expectedVersion: 1 },
    });
    expect(retired.retireSelfCheckPlan).toMatchObject({ endsOn: TODAY, version: 2 });
    const again = await call('ent.chem1.manager.demo', RETIRE, {
      input: { planId: plan.id, expectedVersion: 2 },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const hidden = await call('ent.coal1.principal.demo', RETIRE, {
      input: { planId: plan.id, expectedVersion: 2 },
    });
    expect(errorCodes(hidden)).toEqual(['NOT_FOUND']);
    const active = await data(
      'saco.demo',
      `query($e: ID) { selfCheckPlans(enterpriseId: $e, active: false, first: 50) { nodes { id } } }`,
      { e: chem1.id },
    );
    // Retired today: still in force until the day ends.
    expect(active.selfCheckPlans.nodes.map((n: any) => n.id)).not.toContain(plan.id);
  });

  it('records a check whose NOK item raises a self-check hazard in the same transaction', async () => {
    const plan = (await data('ent.chem1.manager.demo', CREATE, { input: newPlan() })).createSelfCheckPlan;
    const input = {
      planId: plan.id,
      items: [
        { code: 'A1', result: 'NOK', note: '东侧防火堤裂缝约30厘米' },
        { code: 'A2', result: 'OK' },
      ],
      hazards: [
        {
          itemCode: 'A1',
          title: '防火堤裂缝（测试）',
          grade: 'GENERAL',
          category: 'UNSAFE_CONDITION',
          noPhotoReason: '相机故障，稍后补拍',
        },
      ],
    };
    const record = (await data('ent.chem1.manager.demo', RECORD, { input })).recordSelfCheck;
    expect(record).toMatchObject({ planId: plan.id, enterpriseId: chem1.id, performedOn: TODAY });
    expect(record.hazardsCreated).toEqual([
      {
        id: record.hazardIds[0],
        status: 'REPORTED',
        source: 'ENTERPRISE_SELF_CHECK',
        sourceRef: record.id,
        enterpriseId: chem1.id,
        grade: 'GENERAL',
      },
    ]);
    expect(record.items[0].hazardId).toBe(record.hazardIds[0]);
    expect(record.items[1].hazardId).toBeNull();
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type FROM event_log WHERE payload->>'hazardId' = $1`,
      [record.hazardIds[0]],
    );
    expect(events.map((e: any) => e.type)).toEqual(['HazardReported']);
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT entity, operation FROM audit_log WHERE entity_id = ANY($1) ORDER BY entity`,
      [[record.id, record.hazardIds[0]]],
    );
    expect(audit).toEqual([
      { entity: 'Hazard', operation: 'recordSelfCheck' },
      { entity: 'SelfCheckRecord', operation: 'recordSelfCheck' },
    ]);

    // A failing hazard rolls the whole record back: neither the record nor a hazard stays.
    const [{ n: before }] = await subgraph.runtime.dataSource.query('SELECT count(*)::int AS n FROM hazard');
    const failing = await call('ent.chem1.manager.demo', RECORD, {
      input: { ...input, hazards: [{ ...input.hazards[0], deadline: '2025-06-01' }] },
    });
    expect(errorCodes(failing)).toEqual(['BAD_USER_INPUT']);
    const [{ n: after }] = await subgraph.runtime.dataSource.query('SELECT count(*)::int AS n FROM hazard');
    expect(after).toBe(before);
    const [{ n: records }] = await subgraph.runtime.dataSource.query(
      'SELECT count(*)::int AS n FROM self_check_record WHERE plan_id = $1',
      [plan.id],
    );
    expect(records).toBe(1);
  });

  it('checks a record against the checklist, the plan’s life and who performs it', async () => {
    const plan = (await data('ent.chem1.manager.demo', CREATE, { input: newPlan() })).createSelfCheckPlan;
    const fields = async (input: Record<string, unknown>) => {
      const response = await call('ent.chem1.manager.demo', RECORD, { input: { planId: plan.id, ...input } });
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    const ok = [
      { code: 'A1', result: 'OK' },
      { code: 'A2', result: 'OK' },
    ];
    expect(await fields({ items: [ok[0]] })).toEqual(['items']);
    expect(await fields({ items: [ok[0], { code: 'A2', result: 'NOK' }] })).toEqual(['items']);
    expect(
      await fields({ items: ok, hazards: [{ itemCode: 'A1', title: '不应产生', grade: 'GENERAL' }] }),
    ).toEqual(['hazards']);
    expect(await fields({ items: ok, performedAt: '2025-06-20T08:00:00+08:00' })).toEqual(['performedAt']);
    expect(await fields({ items: ok, performedAt: '2025-07-02T08:00:00+08:00' })).toEqual(['performedAt']);
    // A seeded patrol plan (responsible: ENT_STAFF) at coal1: staff record it, the town does not.
    const patrols = await data(
      'saco.demo',
      `query($e: ID) { selfCheckPlans(enterpriseId: $e, kind: PATROL, first: 1) { nodes { id checklist { code } } } }`,
      { e: coal1.id },
    );
    const patrol = patrols.selfCheckPlans.nodes[0];
    const items = patrol.checklist.map((c: any) => ({ code: c.code, result: 'OK' }));
    const byStaff = await data('ent.coal1.staff.demo', RECORD, { input: { planId: patrol.id, items } });
    expect(byStaff.recordSelfCheck.planId).toBe(patrol.id);
    expect(
      errorCodes(await call('town.hongshagang.demo', RECORD, { input: { planId: patrol.id, items } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await call('ent.chem1.manager.demo', RECORD, { input: { planId: patrol.id, items } })),
    ).toEqual(['NOT_FOUND']);
  });

  it('loads Enterprise.selfCheckPlans and selfCheckCompliance in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      id selfCheckPlans(first: 3) { totalCount nodes { id name } } selfCheckCompliance { due missed rate } } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data._entities).toHaveLength(count);
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(3);

    const RECORDS = `query($n: Int) { selfCheckRecords(first: $n) { nodes { id plan { id } hazardsCreated { id } } } }`;
    const count = async (n: number) =>
      (await sqlStatements(subgraph.runtime.dataSource, () => gql(subgraph.url, RECORDS, { n }, saco)))
        .length;
    expect(await count(50)).toBe(await count(5));
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [
      { field: 'selfCheckPlans', typename: 'SelfCheckPlan', byIdField: 'selfCheckPlan' },
      { field: 'selfCheckRecords', typename: 'SelfCheckRecord', byIdField: 'selfCheckRecord' },
      { field: 'missedSelfChecks' },
    ],
    enterpriseFields: ['selfCheckPlans'],
  });
});
