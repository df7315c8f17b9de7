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

const CLOCK = 'query { serviceClock { now today timeZone } }';

describe('serviceClock', () => {
  it("answers the kit's now and today (DEMO_TODAY pins it to 00:00 Asia/Shanghai)", async () => {
    const response = await gql(
      subgraph.url,
      CLOCK,
      {},
      await subgraph.authority.tokenFor('ent.chem1.manager.demo'),
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data).toEqual({
      serviceClock: {
        now: new Date(`${TODAY}T00:00:00+08:00`).toISOString(),
        today: TODAY,
        timeZone: 'Asia/Shanghai',
      },
    });
  });

  it('is open to any signed-in user, not to anonymous callers', async () => {
    for (const username of ['saco.demo', 'county.leader.demo', 'emb.staff.demo', 'public.demo']) {
      const response = await gql(subgraph.url, CLOCK, {}, await subgraph.authority.tokenFor(username));
      expect(response.errors, username).toBeUndefined();
    }
    const anonymous = await gql(subgraph.url, CLOCK, {});
    expect(anonymous.errors?.length).toBeGreaterThan(0);
  });
});
