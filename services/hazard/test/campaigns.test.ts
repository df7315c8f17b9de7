import { DEMO_ENTERPRISES, demoEnterprise, orgId } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotActiveCampaigns } from '../src/campaigns/campaign.sweeps.js';
import { hazardSubgraph } from '../src/subgraph.js';

// The clock is pinned: the seeded campaigns' states are relative to this day.
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

const FIELDS = `id code title kind domain status periodFrom periodTo leadOrgId supportOrgIds
  targetIndustryCodes targetCriterionIds version summary originHazardId originAccidentRef
  progress { enterprisesTargeted enterprisesCovered coverageRate hazardsFound generalHazards majorHazards
    hazardsClosed hazardsOverdue penalties }`;
const LIST = `query($status: CampaignStatus, $first: Int) {
  campaigns(first: $first, status: $status) { totalCount nodes { ${FIELDS} } } }`;
const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ${FIELDS} } }`;
const MOVE = (name: string, input = 'CampaignTransitionInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const CHECK = `mutation($input: RecordCampaignCheckInput!) {
  recordCampaignCheck(input: $input) { id campaignId enterpriseId checkedAt } }`;
const LAUNCH = `mutation($input: LaunchLessonsLearnedCampaignInput!) {
  launchLessonsLearnedCampaign(input: $input) { ${FIELDS} } }`;

const fuel = DEMO_ENTERPRISES.filter((e) => e.industryCode === 'FUEL_STATION');

function plan(overrides: Record<string, unknown> = {}) {
  return {
    title: '加油站安全专项整治（测试）',
    domain: 'HAZCHEM',
    subFocus: ['油气回收'],
    leadOrgId: orgId('EMB'),
    supportOrgIds: [orgId('FIRE_RESCUE')],
    periodFrom: '2025-06-01',
    periodTo: '2025-09-30',
    targetFilter: { industryCodes: ['FUEL_STATION'] },
    checklist: [{ item: '卸油作业静电接地', basis: 'GB 50156' }],
    goals: '加油站全覆盖检查（测试）',
    ...overrides,
  };
}

describe('special campaigns (domain §5.11)', () => {
  it('seeds the five campaigns of §11.4 with states relative to today, targets, hazards and snapshots', async () => {
    const { campaigns } = await ok('saco.demo', LIST, { first: 50 });
    expect(campaigns.totalCount).toBe(5);
    const byTitle = (part: string) => campaigns.nodes.filter((c: any) => c.title.includes(part));
    expect(byTitle('两客一危')).toHaveLength(2);
    expect(byTitle('两客一危').every((c: any) => c.status === 'CLOSED')).toBe(true);
    expect(byTitle('烟花爆竹')[0]).toMatchObject({ status: 'CLOSED', periodFrom: '2024-12-14' });
    expect(byTitle('动火作业')[0]).toMatchObject({ status: 'ACTIVE', periodFrom: '2025-06-01' });
    expect(byTitle('重大事故隐患')[0]).toMatchObject({ status: 'CLOSED', leadOrgId: orgId('SAC_OFFICE') });
    for (const campaign of campaigns.nodes) {
      expect(campaign.code).toMatch(/^ZX-20\d\d-\d{3}$/);
      expect(campaign.progress.enterprisesTargeted).toBeGreaterThan(0);
      expect(campaign.progress.penalties).toBeNull();
    }
    // Linked hazards: exactly the SPECIAL_CAMPAIGN hazards whose source_ref names the campaign.
    const db = subgraph.runtime.dataSource;
    const linked = await db.query(
      `SELECT source_ref, count(*)::int AS n, count(*) FILTER (WHERE grade = 'MAJOR')::int AS major,
         count(*) FILTER (WHERE status = 'CLOSED')::int AS closed
       FROM hazard WHERE source = 'SPECIAL_CAMPAIGN' AND source_ref IS NOT NULL GROUP BY source_ref`,
    );
    expect(linked.reduce((n: number, r: any) => n + r.n, 0)).toBeGreaterThan(0);
    for (const row of linked) {
      const campaign = campaigns.nodes.find((c: any) => c.id === row.source_ref);
      expect(campaign.progress).toMatchObject({
        hazardsFound: row.n,
        majorHazards: row.major,
        generalHazards: row.n - row.major,
        hazardsClosed: row.closed,
      });
    }
    const snapshots = await db.query(
      'SELECT campaign_id, count(*)::int AS n FROM campaign_progress_snapshot GROUP BY campaign_id',
    );
    expect(snapshots.length).toBe(5);
    const hotWork = byTitle('动火作业')[0];
    // Started 1 June 2025: Mondays 2, 9, 16 and 23 June; the 30 June snapshot (01:00) is after "today".
    expect(snapshots.find((s: any) => s.campaign_id === hotWork.id).n).toBe(4);
  });

  it('runs PLANNED → ACTIVE → SUMMARISING → CLOSED with versions, checks and coverage', async () => {
    const created = (await ok('emb.staff.demo', CREATE, { input: plan() })).createCampaign;
    expect(created).toMatchObject({ status: 'PLANNED', kind: 'REGULAR', version: 1 });
    expect(created.code).toMatch(/^ZX-2025-\d{3}$/);
    expect(created.progress.enterprisesTargeted).toBe(fuel.length);
    expect(created.progress.enterprisesCovered).toBe(0);

    const stale = await call('emb.staff.demo', MOVE('startCampaignSummary'), {
      input: { campaignId: created.id, expectedVersion: 1 },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const wrongOrg = await call('zhujian.demo', MOVE('activateCampaign'), {
      input: { campaignId: created.id, expectedVersion: 1 },
    });
    expect(errorCodes(wrongOrg)).toEqual(['FORBIDDEN']);
    const active = (
      await ok('emb.staff.demo', MOVE('activateCampaign'), {
        input: { campaignId: created.id, expectedVersion: 1 },
      })
    ).activateCampaign;
    expect(active).toMatchObject({ status: 'ACTIVE', version: 2 });
    const again = await call('emb.staff.demo', MOVE('activateCampaign'), {
      input: { campaignId: created.id, expectedVersion: 1 },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    // A check covers a target; a non-target is refused by field.
    await ok('emb.staff.demo', CHECK, { input: { campaignId: created.id, enterpriseId: fuel[0]!.id } });
    const notTarget = await call('emb.staff.demo', CHECK, {
      input: { campaignId: created.id, enterpriseId: demoEnterprise('chem1').id },
    });
    expect(errorCodes(notTarget)).toEqual(['BAD_USER_INPUT']);
    expect(notTarget.errors?.[0]?.extensions?.fields).toHaveProperty('enterpriseId');

    // A hazard reported under the campaign counts (source SPECIAL_CAMPAIGN, sourceRef = campaign id).
    const hazard = await ok(
      'emb.staff.demo',
      `mutation($input: RecordGovernmentFindingInput!) { recordGovernmentFinding(input: $input) { id } }`,
      {
        input: {
          enterpriseId: fuel[1]!.id,
          title: '卸油口静电接地失效（测试）',
          description: '专项整治检查发现（测试）',
          grade: 'GENERAL',
          source: 'GOV_INSPECTION',
          evidence: [{ fileId: 'cd'.repeat(32), kind: 'BEFORE' }],
          deadline: '2025-07-15',
        },
      },
    );
    expect(hazard.recordGovernmentFinding.id).toBeDefined();
    await subgraph.runtime.dataSource.query(
      `UPDATE hazard SET source = 'SPECIAL_CAMPAIGN', source_ref = $2 WHERE id = $1`,
      [hazard.recordGovernmentFinding.id, created.id],
    );
    const progress = (
      await ok(
        'saco.demo',
        `query($id: ID!) { campaignProgress(id: $id) { enterprisesCovered hazardsFound coverageRate } }`,
        {
          id: created.id,
        },
      )
    ).campaignProgress;
    expect(progress.enterprisesCovered).toBe(2);
    expect(progress.hazardsFound).toBe(1);
    expect(progress.coverageRate).toBe((Math.round((2 * 1000) / fuel.length) / 10).toFixed(1));

    const summarising = (
      await ok('emb.staff.demo', MOVE('startCampaignSummary'), {
        input: { campaignId: created.id, expectedVersion: 2 },
      })
    ).startCampaignSummary;
    expect(summarising.status).toBe('SUMMARISING');
    const closed = (
      await ok('saco.demo', MOVE('closeCampaign', 'CloseCampaignInput'), {
        input: { campaignId: created.id, expectedVersion: 3, summary: '全部加油站已检查（测试）' },
      })
    ).closeCampaign;
    expect(closed).toMatchObject({ status: 'CLOSED', summary: '全部加油站已检查（测试）' });
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`,
      [created.id],
    );
    expect(audit[0].n).toBeGreaterThanOrEqual(4);
  });

  it('refuses bad definitions by field and wrong roles', async () => {
    const reversed = await call('saco.demo', CREATE, { input: plan({ periodTo: '2025-05-01' }) });
    expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
    expect(reversed.errors?.[0]?.extensions?.fields).toHaveProperty('periodTo');
    const noTarget = await call('saco.demo', CREATE, { input: plan({ targetFilter: {} }) });
    expect(noTarget.errors?.[0]?.extensions?.fields).toHaveProperty('targetFilter');
    const criterion = await call('saco.demo', CREATE, {
      input: plan({ targetFilter: { criterionIds: ['NO-SUCH-CRITERION'] } }),
    });
    expect(criterion.errors?.[0]?.extensions?.fields).toHaveProperty('targetCriterionIds');
    const enterprise = await call('ent.chem1.manager.demo', CREATE, { input: plan() });
    expect(errorCodes(enterprise)).toEqual(['FORBIDDEN']);
    const otherLead = await call('zhujian.demo', CREATE, { input: plan() });
    expect(errorCodes(otherLead)).toEqual(['FORBIDDEN']);
    const unknown = await call('saco.demo', MOVE('activateCampaign'), {
      input: { campaignId: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('H-8: launches an ACTIVE lessons-learned campaign from a major hazard or an accident', async () => {
    const [major] = await subgraph.runtime.dataSource.query(
      `SELECT id, industry_code, criterion_id FROM hazard WHERE grade = 'MAJOR' AND enterprise_id IS NOT NULL
         AND status <> 'REJECTED' ORDER BY code LIMIT 1`,
    );
    const launched = (await ok('saco.demo', LAUNCH, { input: { fromHazardId: major.id } }))
      .launchLessonsLearnedCampaign;
    expect(launched).toMatchObject({
      kind: 'LESSONS_LEARNED',
      status: 'ACTIVE',
      periodFrom: TODAY,
      periodTo: '2025-07-30',
      originHazardId: major.id,
      targetIndustryCodes: [major.industry_code],
    });
    const sameIndustry = DEMO_ENTERPRISES.filter(
      (e) =>
        e.industryCode === major.industry_code && !['CLOSED', 'DEREGISTERED'].includes(e.operatingStatus),
    );
    if (!launched.targetCriterionIds.length)
      expect(launched.progress.enterprisesTargeted).toBe(sameIndustry.length);

    const accident = (
      await ok('saco.demo', LAUNCH, {
        input: { fromAccidentRef: 'ACC-2025-0007', industryCode: 'URBAN_GAS' },
      })
    ).launchLessonsLearnedCampaign;
    expect(accident).toMatchObject({ originAccidentRef: 'ACC-2025-0007', domain: 'HAZCHEM' });

    const both = await call('saco.demo', LAUNCH, { input: { fromHazardId: major.id, fromAccidentRef: 'X' } });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    const noIndustry = await call('saco.demo', LAUNCH, { input: { fromAccidentRef: 'ACC-1' } });
    expect(noIndustry.errors?.[0]?.extensions?.fields).toHaveProperty('industryCode');
    const [general] = await subgraph.runtime.dataSource.query(
      `SELECT id FROM hazard WHERE grade = 'GENERAL' ORDER BY code LIMIT 1`,
    );
    const notMajor = await call('saco.demo', LAUNCH, { input: { fromHazardId: general.id } });
    expect(notMajor.errors?.[0]?.extensions?.fields).toHaveProperty('fromHazardId');
  });

  it('takes one weekly snapshot per ACTIVE campaign and week', async () => {
    const at = new Date('2025-07-07T01:00:00+08:00');
    const first = await snapshotActiveCampaigns(subgraph.runtime, at);
    expect(first.length).toBeGreaterThan(0);
    expect(await snapshotActiveCampaigns(subgraph.runtime, at)).toEqual([]);
    const rows = await subgraph.runtime.dataSource.query(
      `SELECT metrics FROM campaign_progress_snapshot WHERE week_start = '2025-07-07'`,
    );
    expect(rows).toHaveLength(first.length);
    expect(rows[0].metrics).toHaveProperty('enterprisesTargeted');
  });

  it('scopes progress: an enterprise sees only campaigns targeting it, and only its own figures', async () => {
    const mine = (await ok('ent.chem1.manager.demo', LIST, { first: 50 })).campaigns;
    const all = (await ok('saco.demo', LIST, { first: 50 })).campaigns;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.totalCount).toBeLessThan(all.totalCount);
    for (const campaign of mine.nodes) {
      expect(campaign.progress.enterprisesTargeted).toBe(1);
      expect(campaign.targetIndustryCodes.length + campaign.targetCriterionIds.length).toBeGreaterThan(0);
    }
    expect((await ok('public.demo', LIST, { first: 50 })).campaigns.totalCount).toBe(0);
  });

  it('loads progress, snapshots and hazards of many campaigns in a constant number of statements', async () => {
    const saco = await token('saco.demo');
    const db = subgraph.runtime.dataSource;
    const extra = 50 - (await db.query('SELECT count(*)::int AS n FROM special_campaign'))[0].n;
    for (let i = 0; i < extra; i++)
      await ok('saco.demo', CREATE, {
        input: plan({ title: `批量专项（测试）${i}`, leadOrgId: orgId('SAC_OFFICE') }),
      });
    const QUERY = `query($first: Int) { campaigns(first: $first) { nodes { id
      progress { hazardsFound enterprisesCovered } snapshots { weekStart }
      hazards(first: 3) { totalCount nodes { id } } } } }`;
    const measure = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(db, async () => {
        response = await gql(subgraph.url, QUERY, { first }, saco);
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.campaigns.nodes).toHaveLength(first);
      return statements.length;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(`campaigns with progress, snapshots, hazards: ${five} statements for 5, ${fifty} for 50`);
    expect(fifty).toBe(five);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'campaignTargets' }],
  });
});
