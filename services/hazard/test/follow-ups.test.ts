import { demoEnterprise, demoId } from '@safety/reference';
import { gql, startTestSubgraph, type TestSubgraph } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

async function data(username: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await gql(subgraph.url, query, variables, await subgraph.authority.tokenFor(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

describe('follow-ups: seeded listing extension, reopened hazards (domain §5.7.2, §5.6 row 12, H-2)', () => {
  it('moves the deadline of the hazards of the seeded listing whose extension was granted', async () => {
    const { listing } = await data(
      'saco.demo',
      `query($id: ID!) { listing(id: $id) { noticeNo deadline originalDeadline hazardIds
        extensions { granted previousDeadline requestedDeadline } } }`,
      { id: demoId('listing', 'it2') },
    );
    expect(listing.extensions[0]).toMatchObject({ granted: true, requestedDeadline: listing.deadline });
    expect(listing.deadline).not.toBe(listing.originalDeadline);
    for (const hazardId of listing.hazardIds) {
      const { hazard } = await data(
        'saco.demo',
        `query($id: ID!) { hazard(id: $id) { deadline history { from to reason } } }`,
        { id: hazardId },
      );
      expect(hazard.deadline).toBe(listing.deadline);
      const moved = hazard.history.at(-1);
      expect(moved.from).toBe(moved.to);
      expect(moved.reason).toBe(
        `挂牌督办延期 ${listing.noticeNo} (${listing.originalDeadline} → ${listing.deadline})`,
      );
    }
  });

  it('emits HazardReopened with the H-2 legs and the new deadline when a hazard is reopened', async () => {
    const db = subgraph.runtime.dataSource;
    const [closed] = await db.query(
      `SELECT id FROM hazard WHERE status = 'CLOSED' AND listing_id IS NULL AND jsonb_array_length(assignments) > 0
         AND enterprise_id = $1 ORDER BY code LIMIT 1`,
      [demoEnterprise('coal1').id],
    );
    expect(closed).toBeDefined();
    await db.query(`UPDATE hazard SET closed_at = '2025-06-20T10:00:00+08:00' WHERE id = $1`, [closed.id]);
    const { hazard } = await data(
      'saco.demo',
      `query($id: ID!) { hazard(id: $id) { id version assignments { leg } } }`,
      {
        id: closed.id,
      },
    );
    const reopened = (
      await data(
        'town.hongshagang.demo',
        `mutation($input: ReopenHazardInput!) { reopenHazard(input: $input) { status deadline } }`,
        {
          input: {
            hazardId: hazard.id,
            expectedVersion: hazard.version,
            reason: '复发（测试）',
            deadline: '2025-08-15',
          },
        },
      )
    ).reopenHazard;
    expect(reopened).toEqual({ status: 'RECTIFYING', deadline: '2025-08-15' });
    const events = await db.query(
      `SELECT payload FROM event_log WHERE type = 'HazardReopened' AND payload->>'hazardId' = $1`,
      [hazard.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ deadline: '2025-08-15', reason: '复发（测试）' });
    expect(events[0].payload.assignments.map((a: any) => a.leg)).toEqual(
      hazard.assignments.map((a: any) => a.leg),
    );
  });
});
