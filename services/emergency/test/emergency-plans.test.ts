import { DEMO_ENTERPRISES, demoEnterprise, demoId } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlans } from '../src/seed/seed.js';
import { emergencySubgraph } from '../src/subgraph.js';

// Tests pin the clock: the seed and the overdue flag are relative to this day.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(emergencySubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const log1 = demoEnterprise('log1');

const LIST = `query($first: Int, $after: String, $enterpriseId: ID, $status: EmergencyPlanStatus,
    $planType: EmergencyPlanType, $overdue: Boolean) {
  emergencyPlans(first: $first, after: $after, enterpriseId: $enterpriseId, status: $status, planType: $planType,
      overdueEvaluation: $overdue) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id code enterpriseId title planType status publishedAt filedAt lastEvaluatedAt nextEvaluationDue
      evaluationOverdue supersededById version }
  }
}`;
const FILE = `mutation($input: FileEmergencyPlanInput!) {
  fileEmergencyPlan(input: $input) { id code status filedAt nextEvaluationDue evaluationOverdue version }
}`;
const EVALUATE = `mutation($planId: ID!, $evaluatedAt: LocalDate!, $expectedVersion: Int!, $revisionRequired: Boolean) {
  recordPlanEvaluation(planId: $planId, evaluatedAt: $evaluatedAt, expectedVersion: $expectedVersion,
      revisionRequired: $revisionRequired) {
    id status lastEvaluatedAt nextEvaluationDue evaluationOverdue version
  }
}`;

const token = (username: string) => subgraph.authority.tokenFor(username);
const list = async (variables: Record<string, unknown>, username = 'saco.demo') => {
  const response = await gql(subgraph.url, LIST, variables, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.emergencyPlans;
};
const plan = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: chem1.id,
  title: '生产安全事故综合应急预案（2025修订）（测试）',
  planType: 'COMPREHENSIVE',
  publishedAt: '2025-06-03',
  filedAt: '2025-06-20',
  ...overrides,
});
async function file(username: string, input: Record<string, unknown>) {
  const response = await gql(subgraph.url, FILE, { input }, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.fileEmergencyPlan;
}

describe('emergency plans', () => {
  it('seeds one to three plans per enterprise with 3 overdue evaluations and 5 unfiled (domain §11.5)', async () => {
    const rows = await subgraph.runtime.dataSource.query(
      'SELECT id, code, enterprise_id, status FROM emergency_plan',
    );
    expect(rows.length).toBeGreaterThan(DEMO_ENTERPRISES.length);
    const perEnterprise = new Map<string, any[]>();
    for (const row of rows)
      perEnterprise.set(row.enterprise_id, [...(perEnterprise.get(row.enterprise_id) ?? []), row]);
    expect(perEnterprise.size).toBe(DEMO_ENTERPRISES.length);
    for (const plans of perEnterprise.values()) expect(plans.length).toBeGreaterThanOrEqual(1);
    for (const plans of perEnterprise.values()) expect(plans.length).toBeLessThanOrEqual(3);
    const withoutFiled = [...perEnterprise.values()].filter((plans) =>
      plans.every((p) => p.status === 'DRAFTING'),
    );
    expect(withoutFiled).toHaveLength(5);
    for (const row of rows) expect(row.id).toBe(demoId('emergency-plan', row.code));

    const counts = await gql(
      subgraph.url,
      '{ emergencyPlanCountsByStatus { status count } }',
      {},
      await token('saco.demo'),
    );
    expect(counts.data.emergencyPlanCountsByStatus).toEqual([
      { status: 'DRAFTING', count: 5 },
      { status: 'FILED', count: rows.length - 7 },
      { status: 'REVISION_REQUIRED', count: 2 },
      { status: 'SUPERSEDED', count: 0 },
    ]);
    const overdue = await list({ first: 10, overdue: true });
    expect(overdue.totalCount).toBe(3);
    for (const node of overdue.nodes) {
      expect(node).toMatchObject({ status: 'FILED', evaluationOverdue: true });
      expect(node.nextEvaluationDue < TODAY).toBe(true);
    }
    expect((await list({ first: 1, overdue: false })).totalCount).toBe(rows.length - 3);

    // The generator is pure: the same demo day gives the same rows, and the seeded database holds exactly them.
    const day = new Date(`${TODAY}T00:00:00+08:00`);
    const first = demoPlans(day).plans;
    expect(demoPlans(day).plans).toEqual(first);
    expect(first.map((p) => p.code).sort()).toEqual(rows.map((r: any) => r.code).sort());
  });

  it('lists newest code first with cursors, and filters by enterprise, status and type', async () => {
    const first = await list({ first: 40 });
    const second = await list({ first: 40, after: first.pageInfo.endCursor });
    const codes = [...first.nodes, ...second.nodes].map((n: any) => n.code);
    expect(new Set(codes).size).toBe(80);
    expect(codes).toEqual([...codes].sort().reverse());

    const atChem1 = await list({ first: 10, enterpriseId: chem1.id });
    expect(atChem1.nodes.map((n: any) => n.planType).sort()).toEqual([
      'COMPREHENSIVE',
      'ONSITE',
      'SPECIALIZED',
    ]);
    const onsite = await list({ first: 200, planType: 'ONSITE' });
    expect(onsite.nodes.every((n: any) => n.planType === 'ONSITE')).toBe(true);
    const drafts = await list({ first: 10, status: 'DRAFTING' });
    expect(drafts.nodes.every((n: any) => n.filedAt === null && n.nextEvaluationDue === null)).toBe(true);
  });

  it('gets one plan by id', async () => {
    const [sample] = (await list({ first: 1 })).nodes;
    const one = await gql(
      subgraph.url,
      'query($id: ID!) { emergencyPlan(id: $id) { id code enterprise { id } } }',
      { id: sample.id },
      await token('saco.demo'),
    );
    expect(one.data.emergencyPlan).toEqual({
      id: sample.id,
      code: sample.code,
      enterprise: { id: sample.enterpriseId },
    });
  });

  it('files a new version, supersedes the old one, numbers, emits and audits in one transaction', async () => {
    const [old] = (await list({ first: 10, enterpriseId: chem1.id, planType: 'COMPREHENSIVE' })).nodes;
    const [{ last_value: before }] = await subgraph.runtime.dataSource.query(
      `SELECT last_value FROM code_counter WHERE prefix = 'EP' AND year = 2025`,
    );
    const created = await file('ent.chem1.manager.demo', plan({ supersedesPlanId: old.id }));
    expect(created).toMatchObject({
      code: `EP-2025-${String(before + 1).padStart(4, '0')}`,
      status: 'FILED',
      filedAt: '2025-06-20',
      nextEvaluationDue: '2028-06-20',
      evaluationOverdue: false,
      version: 1,
    });
    const [replaced] = (await list({ first: 10, enterpriseId: chem1.id, status: 'SUPERSEDED' })).nodes;
    expect(replaced).toMatchObject({ id: old.id, supersededById: created.id, version: 2 });

    const events = await subgraph.runtime.dataSource.query(
      `SELECT payload->>'planId' AS "planId", payload->>'from' AS "from", payload->>'to' AS "to" FROM event_log
       WHERE type = 'EmergencyPlanStatusChanged' AND payload->>'planId' IN ($1, $2) ORDER BY created_at`,
      [created.id, old.id],
    );
    expect(events).toEqual([
      { planId: created.id, from: null, to: 'FILED' },
      { planId: old.id, from: 'FILED', to: 'SUPERSEDED' },
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT entity_id, operation, actor_username FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY at`,
      [created.id, old.id],
    );
    expect(audit).toEqual([
      { entity_id: created.id, operation: 'fileEmergencyPlan', actor_username: 'ent.chem1.manager.demo' },
      { entity_id: old.id, operation: 'fileEmergencyPlan', actor_username: 'ent.chem1.manager.demo' },
    ]);
  });

  it('records evaluations: the next one is due 3 years later; a needed revision changes the status', async () => {
    const saco = await token('saco.demo');
    const [overdue] = (await list({ first: 1, overdue: true })).nodes;
    const stale = await gql(
      subgraph.url,
      EVALUATE,
      { planId: overdue.id, evaluatedAt: TODAY, expectedVersion: 9 },
      saco,
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const evaluated = await gql(
      subgraph.url,
      EVALUATE,
      { planId: overdue.id, evaluatedAt: TODAY, expectedVersion: overdue.version },
      saco,
    );
    expect(evaluated.data.recordPlanEvaluation).toMatchObject({
      status: 'FILED',
      lastEvaluatedAt: TODAY,
      nextEvaluationDue: '2028-06-30',
      evaluationOverdue: false,
    });
    expect((await list({ first: 1, overdue: true })).totalCount).toBe(2);

    const needsRevision = await gql(
      subgraph.url,
      EVALUATE,
      {
        planId: overdue.id,
        evaluatedAt: TODAY,
        expectedVersion: overdue.version + 1,
        revisionRequired: true,
      },
      saco,
    );
    expect(needsRevision.data.recordPlanEvaluation.status).toBe('REVISION_REQUIRED');
    const types = await subgraph.runtime.dataSource.query(
      `SELECT type, payload->>'to' AS "to" FROM event_log WHERE payload->>'planId' = $1 ORDER BY created_at, type`,
      [overdue.id],
    );
    expect(types).toEqual([
      { type: 'EmergencyPlanEvaluated', to: null },
      { type: 'EmergencyPlanEvaluated', to: null },
      { type: 'EmergencyPlanStatusChanged', to: 'REVISION_REQUIRED' },
    ]);
    const again = await gql(
      subgraph.url,
      EVALUATE,
      { planId: overdue.id, evaluatedAt: TODAY, expectedVersion: overdue.version + 2 },
      saco,
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const [draft] = (await list({ first: 1, status: 'DRAFTING' })).nodes;
    const draftEvaluated = await gql(
      subgraph.url,
      EVALUATE,
      { planId: draft.id, evaluatedAt: TODAY, expectedVersion: 1 },
      saco,
    );
    expect(errorCodes(draftEvaluated)).toEqual(['CONFLICT']);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const manager = await token('ent.chem1.manager.demo');
    const fieldsOf = async (query: string, variables: Record<string, unknown>, as = manager) => {
      const response = await gql(subgraph.url, query, variables, as);
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fieldsOf(FILE, { input: plan({ title: '预案' }) })).toEqual(['title']);
    expect(await fieldsOf(FILE, { input: plan({ filedAt: '2025-06-01' }) })).toEqual(['filedAt']);
    expect(
      await fieldsOf(FILE, { input: plan({ publishedAt: '2025-07-01', filedAt: '2025-07-02' }) }),
    ).toEqual(['publishedAt']);
    expect(
      await fieldsOf(
        FILE,
        { input: plan({ enterpriseId: '00000000-0000-4000-8000-000000000000' }) },
        await token('saco.demo'),
      ),
    ).toEqual(['enterpriseId']);
    const [coalPlan] = (await list({ first: 1, enterpriseId: coal1.id })).nodes;
    expect(
      await fieldsOf(FILE, { input: plan({ supersedesPlanId: coalPlan.id }) }, await token('saco.demo')),
    ).toEqual(['supersedesPlanId']);
    expect(await fieldsOf(FILE, { input: plan({ supersedesPlanId: coalPlan.id }) })).toEqual([
      'supersedesPlanId',
    ]);

    const [filed] = (await list({ first: 1, enterpriseId: chem1.id, status: 'FILED' })).nodes;
    expect(
      await fieldsOf(EVALUATE, {
        planId: filed.id,
        evaluatedAt: '2025-07-01',
        expectedVersion: filed.version,
      }),
    ).toEqual(['evaluatedAt']);
    expect(
      await fieldsOf(EVALUATE, {
        planId: filed.id,
        evaluatedAt: '2000-01-01',
        expectedVersion: filed.version,
      }),
    ).toEqual(['evaluatedAt']);
  });

  it('authorizes by role and by scope', async () => {
    for (const username of ['public.demo', 'ent.coal1.staff.demo', 'county.leader.demo']) {
      const response = await gql(
        subgraph.url,
        FILE,
        { input: plan({ enterpriseId: coal1.id }) },
        await token(username),
      );
      expect(errorCodes(response), username).toEqual(['FORBIDDEN']);
    }
    const otherEnterprise = await gql(
      subgraph.url,
      FILE,
      { input: plan() },
      await token('ent.coal1.principal.demo'),
    );
    expect(errorCodes(otherEnterprise)).toEqual(['FORBIDDEN']);
    const ownFiling = await file(
      'ent.coal1.principal.demo',
      plan({ enterpriseId: coal1.id, planType: 'ONSITE' }),
    );
    expect(ownFiling.status).toBe('FILED');
    const [chemPlan] = (await list({ first: 1, enterpriseId: chem1.id, status: 'FILED' })).nodes;
    const outOfScope = await gql(
      subgraph.url,
      EVALUATE,
      { planId: chemPlan.id, evaluatedAt: TODAY, expectedVersion: chemPlan.version },
      await token('ent.coal1.principal.demo'),
    );
    expect(errorCodes(outOfScope)).toEqual(['NOT_FOUND']);
    const otherIndustry = await file('saco.demo', plan({ enterpriseId: log1.id }));
    expect(otherIndustry.nextEvaluationDue).toBe('2028-06-20');
  });

  it('adds emergencyPlans and overdueEvaluationCount to Enterprise, continuing pages with the list cursors', async () => {
    const saco = await token('saco.demo');
    const ENTITIES = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) {
      ... on Enterprise { id overdueEvaluationCount emergencyPlans(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`;
    const r = DEMO_ENTERPRISES.map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const response = await gql(subgraph.url, ENTITIES, { r }, saco);
    expect(response.errors).toBeUndefined();
    let overdueTotal = 0;
    for (const [index, enterprise] of DEMO_ENTERPRISES.entries()) {
      const entity = response.data._entities[index];
      const all = await list({ first: 10, enterpriseId: enterprise.id });
      expect(entity.emergencyPlans.totalCount).toBe(all.totalCount);
      expect(entity.emergencyPlans.nodes.map((n: any) => n.id)).toEqual(
        all.nodes.slice(0, 2).map((n: any) => n.id),
      );
      expect(entity.overdueEvaluationCount).toBe(all.nodes.filter((n: any) => n.evaluationOverdue).length);
      overdueTotal += entity.overdueEvaluationCount;
      if (entity.emergencyPlans.pageInfo.hasNextPage) {
        const next = await gql(
          subgraph.url,
          ENTITIES,
          { r: [r[index]], after: entity.emergencyPlans.pageInfo.endCursor },
          saco,
        );
        expect(next.data._entities[0].emergencyPlans.nodes.map((n: any) => n.id)).toEqual(
          all.nodes.slice(2, 4).map((n: any) => n.id),
        );
      }
    }
    expect(overdueTotal).toBe((await list({ first: 1, overdue: true })).totalCount);
  });

  it('loads Enterprise.emergencyPlans for many enterprises in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { id emergencyPlans(first: 5) { totalCount nodes { id code } } overdueEvaluationCount } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors).toBeUndefined();
      expect(
        response.data._entities.every(
          (e: any) => e.emergencyPlans.nodes.length === e.emergencyPlans.totalCount,
        ),
      ).toBe(true);
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(
      `Enterprise.emergencyPlans + overdueEvaluationCount: ${five.length} statements for 5 enterprises, ${fifty.length} for 50`,
    );
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(2);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'emergencyPlans', typename: 'EmergencyPlan', byIdField: 'emergencyPlan' }],
    enterpriseFields: ['emergencyPlans'],
    aggregates: [
      {
        name: 'emergencyPlanCountsByStatus',
        connection: 'emergencyPlans',
        query: '{ emergencyPlanCountsByStatus { count } }',
        count: (data) =>
          data.emergencyPlanCountsByStatus.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      },
    ],
  });
});
