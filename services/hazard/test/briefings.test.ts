import { orgId, TOWNS } from '@safety/reference';
import {
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_DEPARTMENTS } from '../src/briefings/briefing.seed.js';
import { hazardSubgraph } from '../src/subgraph.js';

// The clock is pinned: the seeded cadence and the digests are relative to this day (a Monday).
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const token = (username: string) => subgraph.authority.tokenFor(username);
const call = async (username: string, query: string, variables: Record<string, unknown> = {}) =>
  gql(subgraph.url, query, variables, await token(username));
const ok = async (username: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await call(username, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
};
const sql = (text: string, params: unknown[] = []) => subgraph.runtime.dataSource.query(text, params);

const DIGEST = `autoDigest { periodFrom periodTo newHazards newMajorHazards overdueHazards openMajorHazards openListings
  highlights { hazardId code reason } keyPeriods { kind name from to } monitoringAlerts accidents warnings classDEnterpriseIds }`;
const FIELDS = `id level orgId status periodFrom periodTo version heldAt issuedAt
  participants { name } riskItems { id followUp noticeNo due } ${DIGEST}`;
const LIST = `query($level: BriefingLevel, $orgId: ID, $first: Int, $after: String) {
  briefings(level: $level, orgId: $orgId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }`;
const MISSED = `query($level: BriefingLevel!, $from: LocalDate!, $to: LocalDate!, $orgId: ID) {
  missedRiskBriefings(level: $level, from: $from, to: $to, orgId: $orgId) { level orgId periodFrom periodTo } }`;
const CREATE = `mutation($input: CreateRiskBriefingInput!) { createRiskBriefing(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRiskBriefingInput!) { updateRiskBriefing(input: $input) { ${FIELDS} } }`;
const HOLD = `mutation($input: HoldRiskBriefingInput!) { holdBriefing(input: $input) { ${FIELDS} } }`;
const ISSUE = `mutation($input: IssueRiskBriefingInput!) { issueBriefing(input: $input) { ${FIELDS} } }`;

/** Mondays from 2 January 2023 whose week ended before today. */
const WEEKS = (() => {
  const weeks: string[] = [];
  for (let d = new Date('2023-01-02T00:00:00Z'); ; d = new Date(d.getTime() + 7 * 86_400_000)) {
    const next = new Date(d.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    if (next > TODAY) break;
    weeks.push(d.toISOString().slice(0, 10));
  }
  return weeks;
})();

describe('risk briefings (domain §5.12)', () => {
  it('seeds weekly SAC briefings since January 2023 with three missed weeks, departments ≈ 5 % missed', async () => {
    const saco = await ok('saco.demo', LIST, { level: 'SACO_WEEKLY', first: 1 });
    expect(saco.briefings.totalCount).toBe(WEEKS.length - 3);
    const missed = (await ok('saco.demo', MISSED, { level: 'SACO_WEEKLY', from: '2023-01-01', to: TODAY }))
      .missedRiskBriefings;
    expect(missed).toHaveLength(3);
    expect(missed.every((m: any) => m.orgId === orgId('SAC_OFFICE'))).toBe(true);

    // The last week's briefing is due today, so it cannot be missed yet: compare the weeks before.
    const lastSunday = '2025-06-22';
    const departments = (
      await ok('saco.demo', MISSED, { level: 'DEPT_WEEKLY', from: '2023-01-01', to: lastSunday })
    ).missedRiskBriefings;
    const expected = WEEKLY_DEPARTMENTS.length * (WEEKS.length - 1);
    expect(new Set(departments.map((m: any) => m.orgId)).size).toBeGreaterThan(WEEKLY_DEPARTMENTS.length / 2);
    expect(departments.length / expected).toBeGreaterThan(0.02);
    expect(departments.length / expected).toBeLessThan(0.08);
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM risk_briefing WHERE level = 'DEPT_WEEKLY' AND period_to <= $1`,
      [lastSunday],
    );
    expect(n + departments.length).toBe(expected);
  });

  it('stores each seeded digest from the hazards of its week, as of the Monday it was held', async () => {
    const { briefings } = await ok('saco.demo', LIST, { level: 'SACO_WEEKLY', first: 40 });
    for (const briefing of briefings.nodes.slice(0, 40)) {
      const asOf = new Date(`${briefing.periodTo}T00:00:00Z`);
      const held = new Date(asOf.getTime() + 86_400_000).toISOString().slice(0, 10);
      const [row] = await sql(
        `WITH facts AS (
           SELECT grade, deadline, listing_id,
                  (found_at AT TIME ZONE 'Asia/Shanghai')::date AS found_on,
                  (COALESCE(accepted_at, closed_at) AT TIME ZONE 'Asia/Shanghai')::date AS settled_on
             FROM hazard WHERE status NOT IN ('DRAFT', 'REJECTED'))
         SELECT count(*) FILTER (WHERE found_on BETWEEN $1 AND $2)::int AS new,
                count(*) FILTER (WHERE found_on BETWEEN $1 AND $2 AND grade = 'MAJOR')::int AS new_major,
                count(*) FILTER (WHERE found_on <= $3 AND (settled_on IS NULL OR settled_on > $3)
                                   AND deadline < $3)::int AS overdue,
                count(*) FILTER (WHERE found_on <= $3 AND (settled_on IS NULL OR settled_on > $3)
                                   AND grade = 'MAJOR')::int AS open_major
           FROM facts`,
        [briefing.periodFrom, briefing.periodTo, held],
      );
      expect(briefing.autoDigest).toMatchObject({
        periodFrom: briefing.periodFrom,
        newHazards: row.new,
        newMajorHazards: row.new_major,
        overdueHazards: row.overdue,
        openMajorHazards: row.open_major,
      });
      expect(briefing.autoDigest.highlights.length).toBeLessThanOrEqual(5);
      expect(briefing.status).toBe('ISSUED');
    }
    // A week with hazards somewhere in the sample: the digest is not trivially empty.
    expect(briefings.nodes.some((b: any) => b.autoDigest.newHazards > 0)).toBe(true);
  });

  it('runs DRAFT → HELD → ISSUED with a digest of today, notices numbered and RiskBriefingIssued emitted', async () => {
    const created = (
      await ok('saco.demo', CREATE, {
        input: { level: 'SACO_WEEKLY', periodFrom: '2025-06-30', periodTo: '2025-07-06' },
      })
    ).createRiskBriefing;
    expect(created).toMatchObject({ status: 'DRAFT', orgId: orgId('SAC_OFFICE'), version: 1 });
    const [live] = await sql(
      `SELECT count(*) FILTER (WHERE deadline < $1 AND status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED', 'DRAFT'))::int AS overdue,
              count(*) FILTER (WHERE grade = 'MAJOR' AND status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED', 'DRAFT'))::int AS major
         FROM hazard`,
      [TODAY],
    );
    expect(created.autoDigest.overdueHazards).toBe(live.overdue);
    expect(created.autoDigest.openMajorHazards).toBe(live.major);
    expect(created.autoDigest.newHazards).toBe(0);
    // Key periods ahead come from the work calendar: the flood season is on.
    expect(created.autoDigest.keyPeriods.map((p: any) => p.kind)).toContain('FLOOD_SEASON');
    expect(created.autoDigest.accidents).toEqual([]);

    const twice = await call('saco.demo', CREATE, {
      input: { level: 'SACO_WEEKLY', periodFrom: '2025-06-30', periodTo: '2025-07-06' },
    });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const notAWeek = await call('saco.demo', CREATE, {
      input: { level: 'SACO_WEEKLY', periodFrom: '2025-07-01', periodTo: '2025-07-07' },
    });
    expect(notAWeek.errors?.[0]?.extensions?.fields).toHaveProperty('periodFrom');

    const early = await call('saco.demo', HOLD, { input: { briefingId: created.id, expectedVersion: 1 } });
    expect(early.errors?.[0]?.extensions?.fields).toHaveProperty('participants');
    // A warning notice must name its enterprises (checked per item, by field).
    const noEnterprises = await call('saco.demo', UPDATE, {
      input: {
        briefingId: created.id,
        expectedVersion: 1,
        participants: [
          { name: '县安委办主任（测试）' },
          { name: '应急局分管领导（测试）', orgId: orgId('EMB') },
        ],
        riskItems: [
          {
            domain: 'HAZCHEM',
            description: '高温天气危化品储存风险（测试）',
            level: 'HIGH',
            measures: '储罐喷淋降温，加密巡检',
            responsibleOrgId: orgId('EMB'),
            due: '2025-07-10',
            followUp: 'WARNING_NOTICE',
            enterpriseIds: [],
          },
        ],
      },
    });
    expect(noEnterprises.errors?.[0]?.extensions?.fields).toHaveProperty('riskItems.0.enterpriseIds');
  });

  it('checks risk items and issues warning notices', async () => {
    const [draft] = await sql(`SELECT id, version FROM risk_briefing WHERE status = 'DRAFT' LIMIT 1`);
    const item = {
      domain: 'HAZCHEM',
      description: '高温天气危化品储存风险（测试）',
      level: 'HIGH',
      measures: '储罐喷淋降温，加密巡检',
      responsibleOrgId: orgId('EMB'),
      due: '2025-07-10',
    };
    const lateItem = await call('saco.demo', UPDATE, {
      input: {
        briefingId: draft.id,
        expectedVersion: draft.version,
        riskItems: [{ ...item, due: '2025-06-01' }],
      },
    });
    expect(lateItem.errors?.[0]?.extensions?.fields).toHaveProperty('riskItems.0.due');
    const chem = (
      await sql(
        `SELECT id FROM enterprise_ref WHERE industry_code = 'HAZCHEM_PRODUCTION' ORDER BY id LIMIT 2`,
      )
    ).map((r: any) => r.id);
    const updated = (
      await ok('saco.demo', UPDATE, {
        input: {
          briefingId: draft.id,
          expectedVersion: draft.version,
          participants: [{ name: '县安委办主任（测试）' }],
          riskItems: [
            { ...item, followUp: 'WARNING_NOTICE', enterpriseIds: chem },
            {
              ...item,
              domain: 'ROAD',
              description: '暑期客运高峰（测试）',
              followUp: 'TASK',
              responsibleOrgId: orgId('TRANSPORT'),
            },
            { ...item, domain: 'FIRE', description: '仅记录（测试）', followUp: 'NONE' },
          ],
        },
      })
    ).updateRiskBriefing;
    const fromDraft = await call('saco.demo', ISSUE, {
      input: { briefingId: draft.id, expectedVersion: updated.version },
    });
    expect(errorCodes(fromDraft)).toEqual(['CONFLICT']);
    const held = (
      await ok('saco.demo', HOLD, { input: { briefingId: draft.id, expectedVersion: updated.version } })
    ).holdBriefing;
    expect(held.status).toBe('HELD');
    const stale = await call('saco.demo', ISSUE, {
      input: { briefingId: draft.id, expectedVersion: updated.version },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const otherOrg = await call('zhujian.demo', ISSUE, {
      input: { briefingId: draft.id, expectedVersion: held.version },
    });
    expect(errorCodes(otherOrg)).toEqual(['FORBIDDEN']);
    const issued = (
      await ok('saco.demo', ISSUE, { input: { briefingId: draft.id, expectedVersion: held.version } })
    ).issueBriefing;
    expect(issued.status).toBe('ISSUED');
    expect(issued.riskItems[0].noticeNo).toBe('TSH-2025-0001');
    expect(issued.riskItems[1].noticeNo).toBeNull();

    const events = await sql(`SELECT type, payload FROM event_log WHERE payload->>'briefingId' = $1`, [
      draft.id,
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('RiskBriefingIssued');
    expect(events[0].payload).toMatchObject({ level: 'SACO_WEEKLY', orgId: orgId('SAC_OFFICE') });
    expect(events[0].payload.riskItems.map((i: any) => i.followUp)).toEqual(['WARNING_NOTICE', 'TASK']);
    const [audit] = await sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [draft.id]);
    // Created, updated, held, issued: refused changes leave no trace.
    expect(audit.n).toBe(4);
  });

  it('scopes briefings: departments see county briefings and their own; enterprises and the public none', async () => {
    const housing = orgId('HOUSING');
    const seen = (await ok('zhujian.demo', LIST, { first: 200 })).briefings;
    const [expected] = await sql(
      `SELECT count(*)::int AS n FROM risk_briefing WHERE level IN ('SACO_WEEKLY', 'CROSS_DEPT') OR org_id = $1`,
      [housing],
    );
    expect(seen.totalCount).toBe(expected.n);
    const other = (await ok('zhujian.demo', LIST, { first: 1, orgId: orgId('EMB'), level: 'DEPT_WEEKLY' }))
      .briefings;
    expect(other.totalCount).toBe(0);
    const [emb] = await sql(
      `SELECT id FROM risk_briefing WHERE org_id = $1 AND level = 'DEPT_WEEKLY' LIMIT 1`,
      [orgId('EMB')],
    );
    expect(
      (await ok('zhujian.demo', `query($id: ID!) { briefing(id: $id) { id } }`, { id: emb.id })).briefing,
    ).toBeNull();
    expect((await ok('ent.chem1.manager.demo', LIST, { first: 1 })).briefings.totalCount).toBe(0);
    expect((await ok('public.demo', LIST, { first: 1 })).briefings.totalCount).toBe(0);

    // A department holds its own weekly analysis, not another's; the digest covers what it regulates.
    const foreign = await call('zhujian.demo', CREATE, {
      input: { level: 'DEPT_WEEKLY', orgId: orgId('EMB'), periodFrom: '2025-06-30', periodTo: '2025-07-06' },
    });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    const own = (
      await ok('zhujian.demo', CREATE, {
        input: { level: 'DEPT_WEEKLY', periodFrom: '2025-06-30', periodTo: '2025-07-06' },
      })
    ).createRiskBriefing;
    const [regulated] = await sql(
      `SELECT count(*)::int AS n FROM hazard h LEFT JOIN enterprise_ref r ON r.id = h.enterprise_id
        WHERE ($1::uuid = ANY(r.regulator_org_ids) OR h.org_unit_id = $1::uuid) AND h.grade = 'MAJOR'
          AND h.status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED', 'DRAFT')`,
      [housing],
    );
    expect(own.autoDigest.openMajorHazards).toBe(regulated.n);
    const anonymous = await gql(subgraph.url, `{ briefings(first: 1) { totalCount } }`);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const missedOther = await call('zhujian.demo', MISSED, {
      level: 'DEPT_WEEKLY',
      from: '2025-01-01',
      to: TODAY,
      orgId: orgId('EMB'),
    });
    expect(errorCodes(missedOther)).toEqual(['FORBIDDEN']);
    const missedOwn = (
      await ok('zhujian.demo', MISSED, { level: 'DEPT_WEEKLY', from: '2023-01-01', to: TODAY })
    ).missedRiskBriefings;
    expect(missedOwn.every((m: any) => m.orgId === housing)).toBe(true);
  });

  it('holds a town’s monthly briefing over the hazards of that town only', async () => {
    const [town] = await sql(
      `SELECT township_code FROM enterprise_ref WHERE industry_code = 'COAL_MINE' LIMIT 1`,
    );
    const created = (
      await ok('town.hongshagang.demo', CREATE, {
        input: { level: 'TOWN_MONTHLY', periodFrom: '2025-05-01', periodTo: '2025-05-31' },
      })
    ).createRiskBriefing;
    const [expected] = await sql(
      `SELECT count(*)::int AS n FROM hazard WHERE township_code = $1 AND status NOT IN ('DRAFT', 'REJECTED')
          AND (found_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2025-05-01' AND '2025-05-31'`,
      [town.township_code],
    );
    expect(created).toMatchObject({ level: 'TOWN_MONTHLY', status: 'DRAFT' });
    expect(created.autoDigest.newHazards).toBe(expected.n);
    const notAMonth = await call('town.hongshagang.demo', CREATE, {
      input: { level: 'TOWN_MONTHLY', periodFrom: '2025-04-02', periodTo: '2025-04-30' },
    });
    expect(notAMonth.errors?.[0]?.extensions?.fields).toHaveProperty('periodFrom');
    const otherTown = await call('town.hongshagang.demo', CREATE, {
      input: {
        level: 'TOWN_MONTHLY',
        townshipCode: TOWNS.find((t) => t.code !== town.township_code)!.code,
        periodFrom: '2025-04-01',
        periodTo: '2025-04-30',
      },
    });
    expect(errorCodes(otherTown)).toEqual(['FORBIDDEN']);
  });

  it('lists briefings in a constant number of statements for 5 or 50 rows', async () => {
    const saco = await token('saco.demo');
    const measure = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, LIST, { first }, saco);
      });
      expect(response.data.briefings.nodes).toHaveLength(first);
      return statements.length;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(`briefings: ${five} statements for 5, ${fifty} for 50`);
    expect(fifty).toBe(five);
  });
});
