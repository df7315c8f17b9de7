import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../src/index.js';
import { DEMO_PASSWORD, type Stack, startStack } from './stack.js';

let stack: Stack;
let gateway: RunningGateway;
let url: string;

const LOGIN =
  'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
const HAZARDS = `query HazardList($first: Int!, $grade: HazardGrade) {
  hazards(first: $first, grade: $grade) { totalCount nodes { title __typename } }
}`;

beforeAll(async () => {
  stack = await startStack();
  // A gateway of its own that flushes usage quickly.
  gateway = await startGateway({
    port: 0,
    supergraph: {
      kind: 'registry',
      registryUrl: stack.registry.url,
      cacheFile: path.join(await mkdtemp(path.join(tmpdir(), 'gateway-usage-')), 'supergraph.graphql'),
    },
    authUrl: stack.authUrl,
    pollIntervalMs: 500,
    usage: { flushIntervalMs: 200 },
  });
  url = `${gateway.url}/graphql`;
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
});

/** The registry's rows for a coordinate and client, once the gateway's flush has arrived. */
async function waitForUsage(coordinate: string, clientName: string, atLeast = 1) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = (await stack.registry.dataSource.query(
      `SELECT c.operation_hash AS "operationHash", o.name AS "operationName", c.client_name AS "clientName",
              nullif(c.client_version, '') AS "clientVersion", sum(c.count)::int AS count
       FROM usage_coordinate_hour c LEFT JOIN usage_operation o ON o.hash = c.operation_hash
       WHERE c.coordinate = $1 AND c.client_name = $2 GROUP BY 1, 2, 3, 4`,
      [coordinate, clientName],
    )) as Array<Record<string, unknown>>;
    const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
    if (total >= atLeast || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An integrator token's requests and errors at the registry. */
async function tokenUsage(jti: string) {
  const [row] = await stack.registry.dataSource.query(
    `SELECT coalesce(sum(count), 0)::int AS requests, coalesce(sum(errors), 0)::int AS errors,
            array_agg(DISTINCT client_name) AS "clientNames"
     FROM usage_operation_hour WHERE token_id = $1`,
    [jti],
  );
  return row as { requests: number; errors: number; clientNames: string[] };
}

describe('usage reporting', () => {
  it('reports the coordinates of what an app ran, under its client name and version, by the hour', async () => {
    const login = await gql(url, LOGIN, { u: 'saco.demo', p: DEMO_PASSWORD });
    const token = login.data.login.accessToken as string;
    const headers = { 'graphql-client-name': 'app-hazard', 'graphql-client-version': '1.2.3' };
    for (let i = 0; i < 3; i++) {
      const response = await gql(url, HAZARDS, { first: 2, grade: 'MAJOR' }, token, headers);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    }
    const used = await waitForUsage('Hazard.title', 'app-hazard', 3);
    expect(used).toEqual([
      expect.objectContaining({
        operationName: 'HazardList',
        clientName: 'app-hazard',
        clientVersion: '1.2.3',
        count: 3,
      }),
    ]);
    expect(used[0].operationHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    const rows = (await stack.registry.dataSource.query(
      `SELECT DISTINCT coordinate FROM usage_coordinate_hour WHERE client_name = 'app-hazard' ORDER BY 1`,
    )) as Array<{ coordinate: string }>;
    expect(rows.map((r) => r.coordinate)).toEqual([
      'Hazard.title',
      'HazardConnection.nodes',
      'HazardConnection.totalCount',
      'HazardGrade.MAJOR', // from the variables
      'Query.hazards',
      'Query.hazards(first:)',
      'Query.hazards(grade:)',
    ]);
    const [hour] = await stack.registry.dataSource.query(
      `SELECT hour, count::int FROM usage_operation_hour WHERE client_name = 'app-hazard'`,
    );
    expect(hour.count).toBe(3);
    expect(new Date(hour.hour).getUTCMinutes()).toBe(0);
    const [operation] = await stack.registry.dataSource.query(
      `SELECT name, type, body FROM usage_operation WHERE hash = $1`,
      [used[0].operationHash],
    );
    // Normalized like codegen's persisted documents, without Apollo's __typename.
    expect(operation).toEqual({
      name: 'HazardList',
      type: 'query',
      body: 'query HazardList($first: Int!, $grade: HazardGrade) { hazards(first: $first, grade: $grade) { nodes { title } totalCount } }',
    });
    // The sign-in had no client name.
    expect(await waitForUsage('Mutation.login', 'unknown')).toHaveLength(1);
  });

  it('counts errors, and names an integrator token without a client header by its account', async () => {
    const admin = (await gql(url, LOGIN, { u: 'admin.demo', p: DEMO_PASSWORD })).data.login.accessToken;
    const account = await gql(
      url,
      'mutation { createMachineAccount(input: { name: "usage-acme", kind: INTEGRATOR }) { id username } }',
      {},
      admin,
    );
    expect(account.errors, JSON.stringify(account.errors)).toBeUndefined();
    const issued = await gql(
      url,
      'mutation($id: ID!) { issueMachineToken(accountId: $id, expiresInDays: 1) { token jti } }',
      { id: account.data.createMachineAccount.id },
      admin,
    );
    const { token, jti } = issued.data.issueMachineToken;
    const ran = await gql(url, '{ hazards(first: 1) { totalCount } }', {}, token);
    expect(ran.status).toBe(200);
    const broken = await gql(url, '{ hazard(id: "not-a-uuid") { title } }', {}, token);
    expect(broken.errors?.length).toBeGreaterThan(0);

    const clientName = `integrator:${account.data.createMachineAccount.username}`;
    expect(await waitForUsage('Query.hazards', clientName)).toHaveLength(1);
    const deadline = Date.now() + 10_000;
    let usage = await tokenUsage(jti);
    while (usage.requests < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      usage = await tokenUsage(jti);
    }
    expect(usage).toEqual({ requests: 2, errors: 1, clientNames: [clientName] });
  });
});
