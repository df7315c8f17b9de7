import { freshTestDatabase, gql as post, TestAuthority } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryRuntime, startRegistry } from '../src/index.js';
import { UsageStore } from '../src/usage/index.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])\n';
const SDL = `${LINK}type Hazard @key(fields: "id") { id: ID! title: String grade: Grade secret: String @inaccessible }
enum Grade { GENERAL MAJOR }
type Query { hazards(grade: Grade, first: Int): [Hazard] hazard(id: ID!): Hazard }`;

const HOUR = 3_600_000;
const now = Date.now();
const thisHour = new Date(Math.floor(now / HOUR) * HOUR);
const longAgo = new Date(thisHour.getTime() - 40 * 24 * HOUR);

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let registry: RegistryRuntime;
let adminToken: string;
beforeAll(async () => {
  const authority = await TestAuthority.create();
  adminToken = await authority.tokenFor('admin.demo');
  database = await freshTestDatabase('registry');
  registry = await startRegistry({ port: 0, verify: authority.serviceAuth().verify, ...database.overrides });
});
/** The registry's API as an admin. */
const gql = (url: string, query: string) => post(url, query, {}, adminToken);
afterAll(async () => {
  await registry?.stop();
  await database?.dispose();
});

function entry(overrides: Record<string, unknown>) {
  return {
    hour: thisHour.toISOString(),
    operationHash: 'sha256:list',
    operationName: 'HazardList',
    clientName: 'app-hazard',
    clientVersion: '1.0.0',
    tokenId: null,
    count: 1,
    errors: 0,
    lastSeen: new Date(now).toISOString(),
    coordinates: { 'Query.hazards': 1, 'Hazard.title': 1 },
    ...overrides,
  };
}

async function report(body: unknown) {
  const response = await fetch(`${registry.url}/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('usage reporting', () => {
  it('refuses a malformed report with 400', async () => {
    expect((await report({ entries: 'no' })).status).toBe(400);
    const badCoordinate = await report({ entries: [entry({ coordinates: { 'not a coordinate': 1 } })] });
    expect(badCoordinate).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/schema coordinate/) },
    });
    expect((await report({ entries: [entry({ count: -1 })] })).status).toBe(400);
  });

  it('sums reports into hourly rows per operation, client and coordinate', async () => {
    const first = await report({
      operations: [
        {
          hash: 'sha256:list',
          name: 'HazardList',
          type: 'query',
          body: 'query HazardList { hazards { title } }',
        },
      ],
      entries: [
        entry({
          count: 2,
          coordinates: {
            'Query.hazards': 2,
            'Hazard.title': 2,
            'Query.hazards(grade:)': 1,
            'Grade.MAJOR': 1,
          },
        }),
        // Same keys in one batch: summed before the upsert.
        entry({ count: 3, errors: 1, coordinates: { 'Query.hazards': 3, 'Hazard.title': 3 } }),
        entry({
          hour: new Date(thisHour.getTime() - HOUR).toISOString(),
          lastSeen: new Date(thisHour.getTime() - 1).toISOString(),
        }),
        entry({
          hour: longAgo.toISOString(),
          lastSeen: longAgo.toISOString(),
          coordinates: { 'Hazard.grade': 1 },
        }),
      ],
    });
    expect(first).toEqual({ status: 200, body: { operations: 1, entries: 4 } });
    await report({
      entries: [
        entry({ count: 4, coordinates: { 'Query.hazards': 4, 'Hazard.title': 4 } }),
        entry({
          operationHash: 'sha256:detail',
          operationName: 'HazardDetail',
          clientName: 'integrator:acme',
          clientVersion: null,
          tokenId: 'jti-acme',
          count: 5,
          errors: 2,
          coordinates: { 'Query.hazard': 5, 'Query.hazard(id:)': 5, 'Hazard.title': 5 },
        }),
      ],
    });
    const rows = await registry.dataSource.query(
      `SELECT hour, count::int, errors::int FROM usage_operation_hour
       WHERE operation_hash = 'sha256:list' AND client_name = 'app-hazard' ORDER BY hour DESC`,
    );
    expect(rows.map((r: any) => [new Date(r.hour).getTime(), r.count, r.errors])).toEqual([
      [thisHour.getTime(), 9, 1],
      [thisHour.getTime() - HOUR, 1, 0],
      [longAgo.getTime(), 1, 0],
    ]);
    const [title] = await registry.dataSource.query(
      `SELECT sum(count)::int AS count FROM usage_coordinate_hour WHERE coordinate = 'Hazard.title' AND hour = $1`,
      [thisHour],
    );
    expect(title.count).toBe(2 + 3 + 4 + 5);
    const [operation] = await registry.dataSource.query(
      `SELECT name, type, body FROM usage_operation WHERE hash = 'sha256:list'`,
    );
    expect(operation).toEqual({
      name: 'HazardList',
      type: 'query',
      body: 'query HazardList { hazards { title } }',
    });
  });

  it('answers the usage oracle over a window, per coordinate', async () => {
    const store = new UsageStore(registry.dataSource);
    const since = new Date(now - 30 * 24 * HOUR);
    const usage = await store.usage(['Hazard.title', 'Hazard.grade', 'Grade.MAJOR', 'Hazard.id'], since);
    expect([...usage.keys()].sort()).toEqual(['Grade.MAJOR', 'Hazard.title']);
    expect(usage.get('Hazard.title')).toEqual([
      expect.objectContaining({
        kind: 'USAGE',
        operationHash: 'sha256:list',
        operationName: 'HazardList',
        clientName: 'app-hazard',
        clientVersion: '1.0.0',
        count: 10,
      }),
      expect.objectContaining({
        operationHash: 'sha256:detail',
        clientName: 'integrator:acme',
        clientVersion: null,
        count: 5,
      }),
    ]);
    // Hazard.grade was used 40 days ago only: outside 30 days, inside 60.
    const older = await store.usage(['Hazard.grade'], new Date(now - 60 * 24 * HOUR));
    expect(older.get('Hazard.grade')?.[0]).toMatchObject({ count: 1, lastSeen: longAgo.toISOString() });
  });

  it('lists the live public API fields nobody used, and who used a field', async () => {
    const url = `${registry.url}/graphql`;
    expect((await gql(url, '{ unusedFields(days: 30) }')).data.unusedFields).toEqual([]); // nothing live yet
    const published = await fetch(`${registry.url}/subgraphs/hazard`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'hazard',
        url: 'http://127.0.0.1:5000/hazard/graphql',
        sdl: SDL,
        subscribes: [],
      }),
    });
    expect(published.status).toBe(200);
    const unused = await gql(url, '{ unusedFields(days: 30) }');
    expect(unused.errors).toBeUndefined();
    // @inaccessible Hazard.secret is not public; Hazard.grade was used 40 days ago only.
    expect(unused.data.unusedFields).toEqual(['Hazard.grade', 'Hazard.id']);
    expect((await gql(url, '{ unusedFields(days: 60) }')).data.unusedFields).toEqual(['Hazard.id']);

    const field = await gql(
      url,
      `{ fieldUsage(coordinate: "Hazard.title") { coordinate count lastSeen operations { operationName clientName clientVersion count } } }`,
    );
    expect(field.data.fieldUsage).toMatchObject({
      coordinate: 'Hazard.title',
      count: 15,
      operations: [
        { operationName: 'HazardList', clientName: 'app-hazard', clientVersion: '1.0.0', count: 10 },
        { operationName: 'HazardDetail', clientName: 'integrator:acme', clientVersion: null, count: 5 },
      ],
    });
    expect(
      (await gql(url, '{ fieldUsage(coordinate: "Hazard.id") { count operations { count } } }')).data
        .fieldUsage,
    ).toEqual({
      count: 0,
      operations: [],
    });
  });

  it('reports operations, clients and integrator tokens for the console', async () => {
    const url = `${registry.url}/graphql`;
    const operations = await gql(
      url,
      '{ operations(clientName: "app-hazard") { hash name type count errors clientNames } }',
    );
    expect(operations.data.operations).toEqual([
      {
        hash: 'sha256:list',
        name: 'HazardList',
        type: 'query',
        count: 10,
        errors: 1,
        clientNames: ['app-hazard'],
      },
    ]);
    const clients = await gql(
      url,
      '{ clientUsage(days: 30) { clientName clientVersion requests errors operations } }',
    );
    expect(clients.data.clientUsage).toEqual([
      { clientName: 'app-hazard', clientVersion: '1.0.0', requests: 10, errors: 1, operations: 1 },
      { clientName: 'integrator:acme', clientVersion: null, requests: 5, errors: 2, operations: 1 },
    ]);
    const token = await gql(
      url,
      '{ tokenUsage(jti: "jti-acme") { jti requests errors lastSeen clientNames operations { name count } } }',
    );
    expect(token.data.tokenUsage).toMatchObject({
      jti: 'jti-acme',
      requests: 5,
      errors: 2,
      clientNames: ['integrator:acme'],
      operations: [{ name: 'HazardDetail', count: 5 }],
    });
    // The hour the reports were filed in.
    expect(Date.now() - Date.parse(token.data.tokenUsage.lastSeen)).toBeLessThan(2 * 3600_000);
    const none = await gql(url, '{ tokenUsage(jti: "unknown") { requests lastSeen operations { name } } }');
    expect(none.data.tokenUsage).toEqual({ requests: 0, lastSeen: null, operations: [] });
  });
});
