import {
  freshTestDatabase,
  gql,
  sqlStatements,
  TestAuthority,
  testDatabaseKind,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryRuntime, startRegistry } from '../src/index.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n';
const A = `${LINK}type Enterprise @key(fields: "id") { id: ID! name: String }
type Query { enterprises: [Enterprise] }`;
const B = `${LINK}type Enterprise @key(fields: "id") { id: ID! hazards: [Hazard] }
type Hazard { id: ID! title: String }
type Query { hazards: [Hazard] }`;
// `name` is String in `a` and not shareable: both conflicts stop the composition.
const B_CONFLICTING = `${LINK}type Enterprise @key(fields: "id") { id: ID! name: Int hazards: [Hazard] }
type Hazard { id: ID! title: String }
type Query { hazards: [Hazard] }`;
const B_BAD_KEY = `${LINK}type Enterprise @key(fields: "missing") { id: ID! hazards: [Hazard] }
type Hazard { id: ID! title: String }
type Query { hazards: [Hazard] }`;

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let registry: RegistryRuntime;
let authority: TestAuthority;
let adminToken: string;
const start = () => startRegistry({ port: 0, verify: authority.serviceAuth().verify, ...database.overrides });
beforeAll(async () => {
  authority = await TestAuthority.create();
  adminToken = await authority.tokenFor('admin.demo');
  database = await freshTestDatabase('registry');
  registry = await start();
});
afterAll(async () => {
  await registry?.stop();
  await database?.dispose();
});

function publish(name: string, sdl: string, extra: Record<string, unknown> = {}) {
  return put(name, {
    name,
    url: `http://127.0.0.1:5000/${name}/graphql`,
    sdl,
    eventsUrl: `http://127.0.0.1:5000/${name}/events`,
    subscribes: [],
    ...extra,
  });
}

async function put(name: string, body: unknown) {
  const response = await fetch(`${registry.url}/subgraphs/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function supergraph(headers: Record<string, string> = {}) {
  const response = await fetch(`${registry.url}/supergraph`, { headers });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    version: response.headers.get('x-supergraph-version'),
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** How many SQL statements `work` runs (the kit's counter on the DataSource's logger). */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  return (await sqlStatements(registry.dataSource, work)).length;
}

describe('registry', () => {
  it('is healthy and ready, and has no supergraph before the first publish', async () => {
    expect((await fetch(`${registry.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${registry.url}/readyz`)).status).toBe(200);
    const none = await supergraph();
    expect(none.status).toBe(503);
    expect(JSON.parse(none.text).error).toMatch(/no supergraph/);
  });

  it('composes two compatible subgraphs into a live supergraph served with an ETag', async () => {
    expect(await publish('a', A, { publishedBy: 'ci', commit: 'abc123' })).toEqual({
      status: 200,
      body: {
        version: 1,
        supergraphVersion: 1,
        changed: true,
        status: 'ACCEPTED',
        changes: expect.any(Array),
      },
    });
    expect(await publish('b', B, { subscribes: ['EnterpriseRegistered'] })).toEqual({
      status: 200,
      body: {
        version: 1,
        supergraphVersion: 2,
        changed: true,
        status: 'ACCEPTED',
        changes: expect.any(Array),
      },
    });
    const live = await supergraph();
    expect(live.status).toBe(200);
    expect(live.type).toMatch(/^text\/plain/);
    expect(live.version).toBe('2');
    expect(live.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(live.text).toContain('@join__graph(name: "a", url: "http://127.0.0.1:5000/a/graphql")');
    expect(live.text).toContain('@join__graph(name: "b", url: "http://127.0.0.1:5000/b/graphql")');
    expect(live.text).toMatch(/enterprises: \[Enterprise\]/);
    expect(live.text).toMatch(/hazards: \[Hazard\]/);

    const unchanged = await supergraph({ 'if-none-match': live.etag! });
    expect(unchanged).toMatchObject({ status: 304, etag: live.etag, version: '2', text: '' });
    expect((await supergraph({ 'if-none-match': `"stale", W/${live.etag}` })).status).toBe(304);
    expect((await supergraph({ 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('treats republishing the same SDL as a no-op but keeps the registration current', async () => {
    const before = await supergraph();
    const again = await publish('a', A, { subscribes: ['HazardReported', 'AccidentReported'] });
    expect(again).toEqual({
      status: 200,
      body: { version: 1, supergraphVersion: 2, changed: false, status: 'ACCEPTED', changes: [] },
    });
    const after = await supergraph();
    expect(after).toMatchObject({ version: '2', etag: before.etag });
    const [{ count }] = await registry.dataSource.query(
      'SELECT count(*)::int AS count FROM supergraph_version',
    );
    expect(count).toBe(2);
    const subscribers = await (await fetch(`${registry.url}/subscribers/HazardReported`)).json();
    expect(subscribers).toEqual({
      subscribers: [{ service: 'a', eventsUrl: 'http://127.0.0.1:5000/a/events' }],
    });
  });

  it('rejects a version that does not compose with 422 and keeps serving the previous supergraph', async () => {
    const before = await supergraph();
    const conflicting = await publish('b', B_CONFLICTING);
    expect(conflicting.status).toBe(422);
    expect(conflicting.body.errors.map((e: any) => e.message).join('\n')).toMatch(
      /Enterprise\.name.*incompatible|Non-shareable field "Enterprise\.name"/,
    );
    const badKey = await publish('b', B_BAD_KEY);
    expect(badKey.status).toBe(422);
    expect(badKey.body.errors).toEqual([
      {
        message: expect.stringMatching(/^\[b\] On type "Enterprise", for @key\(fields: "missing"\)/),
        locations: [expect.any(Object)],
      },
    ]);
    const syntax = await publish('b', `${LINK}type {`);
    expect(syntax.status).toBe(422);
    expect(syntax.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^\[b\] Syntax Error/),
      locations: [{ line: 2, column: 6 }],
    });
    // The same broken SDL again refreshes its attempt instead of adding a version.
    expect((await publish('b', B_BAD_KEY)).status).toBe(422);

    const after = await supergraph();
    expect(after).toEqual(before);
    const versions = await registry.dataSource.query(
      `SELECT version, status FROM subgraph_version WHERE subgraph_name = 'b' ORDER BY version`,
    );
    expect(versions).toEqual([
      { version: 1, status: 'ACCEPTED' },
      { version: 2, status: 'REJECTED' },
      { version: 3, status: 'REJECTED' },
      { version: 4, status: 'REJECTED' },
      { version: 5, status: 'REJECTED' },
    ]);
  });

  it('answers 400 to a malformed publish', async () => {
    expect((await put('a', { name: 'other', url: 'http://x/graphql', sdl: A })).status).toBe(400);
    expect((await put('a', { url: 'not a url', sdl: A })).status).toBe(400);
    expect((await put('a', { url: 'http://x/graphql', sdl: '' })).status).toBe(400);
    expect((await put('a', { url: 'http://x/graphql', sdl: A, subscribes: 'x' })).status).toBe(400);
    expect((await put('bad name!', { url: 'http://x/graphql', sdl: A })).status).toBe(400);
    const malformed = await fetch(`${registry.url}/subgraphs/a`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
  });

  it('recomposes when a subgraph moves to another URL with the same SDL', async () => {
    const moved = await publish('a', A, { url: 'http://127.0.0.1:5001/a/graphql' });
    expect(moved).toEqual({
      status: 200,
      body: { version: 1, supergraphVersion: 3, changed: true, status: 'ACCEPTED', changes: [] },
    });
    expect((await supergraph()).text).toContain('url: "http://127.0.0.1:5001/a/graphql"');
    expect((await publish('a', A, { url: 'http://127.0.0.1:5001/a/graphql' })).body.changed).toBe(false);
  });

  it('serializes concurrent publishes: every accepted one becomes its own supergraph version', async () => {
    const sdl = (type: string) =>
      `${LINK}type ${type} { id: ID! }\ntype Query { ${type.toLowerCase()}s: [${type}] }`;
    const results = await Promise.all([
      publish('c', sdl('Course')),
      publish('d', sdl('Drill')),
      publish('e', sdl('Exam')),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.supergraphVersion).sort()).toEqual([4, 5, 6]);
    const live = await supergraph();
    expect(live.version).toBe('6');
    for (const field of ['courses', 'drills', 'exams', 'enterprises', 'hazards'])
      expect(live.text).toContain(field);
  });

  it('lists registered event consumers from the latest registrations', async () => {
    // b's rejected attempts registered no subscriptions; going back to its accepted SDL is a no-op.
    expect(await publish('b', B, { subscribes: ['EnterpriseRegistered', 'EnterpriseChanged'] })).toEqual({
      status: 200,
      body: { version: 1, supergraphVersion: 6, changed: false, status: 'ACCEPTED', changes: [] },
    });
    const subscribers = await (await fetch(`${registry.url}/subscribers/EnterpriseRegistered`)).json();
    expect(subscribers).toEqual({
      subscribers: [{ service: 'b', eventsUrl: 'http://127.0.0.1:5000/b/events' }],
    });
    expect(await (await fetch(`${registry.url}/subscribers/Nobody`)).json()).toEqual({ subscribers: [] });
  });

  it('lists subgraphs, versions, supergraphs and composition errors over GraphQL', async () => {
    const response = await gql(
      `${registry.url}/graphql`,
      `{
        subgraphs {
          name url eventsUrl subscribes
          latestVersion { version status hash publishedBy commit }
          versions(first: 2) { version status errors { message code locations { line column } } sdl }
        }
        b: subgraph(name: "b") { versions { version status } }
        missing: subgraph(name: "zzz") { name }
        supergraph { version hash createdAt sdl subgraphVersions { subgraphName version } }
        supergraphVersions(first: 2) { version }
        compositionErrors(subgraph: "b", first: 10) { version errors { message code } }
      }`,
      {},
      adminToken,
    );
    expect(response.errors).toBeUndefined();
    const { subgraphs, b, missing, supergraph: live, supergraphVersions, compositionErrors } = response.data;
    expect(subgraphs.map((s: any) => s.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(subgraphs[0]).toMatchObject({
      url: 'http://127.0.0.1:5001/a/graphql',
      subscribes: [],
      latestVersion: {
        version: 1,
        status: 'ACCEPTED',
        hash: expect.any(String),
        publishedBy: 'ci',
        commit: 'abc123',
      },
      versions: [{ version: 1, status: 'ACCEPTED', errors: [], sdl: A }],
    });
    expect(subgraphs[1].latestVersion.version).toBe(1);
    expect(subgraphs[1].versions.map((v: any) => [v.version, v.status])).toEqual([
      [5, 'REJECTED'],
      [4, 'REJECTED'],
    ]);
    expect(subgraphs[1].versions[0].errors[0]).toMatchObject({ code: 'KEY_INVALID_FIELDS' });
    expect(b.versions).toHaveLength(5);
    expect(missing).toBeNull();
    expect(live.version).toBe(6);
    expect(live.hash).toBe((await supergraph()).etag!.slice(1, -1));
    expect(live.subgraphVersions).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((name) => ({ subgraphName: name, version: 1 })),
    );
    expect(supergraphVersions).toEqual([{ version: 6 }, { version: 5 }]);
    expect(compositionErrors.map((v: any) => v.version)).toEqual([5, 4, 3, 2]);
    expect(compositionErrors[3].errors.map((e: any) => e.code)).toContain('FIELD_TYPE_MISMATCH');

    // Batched: the statement count does not grow with the number of subgraphs (architecture §5).
    const statements = await countStatements(() =>
      gql(
        `${registry.url}/graphql`,
        '{ subgraphs { name latestVersion { version } versions { version } } supergraph { subgraphVersions { id } } }',
        {},
        adminToken,
      ),
    );
    expect(statements).toBe(5); // subgraphs, live supergraph, latest versions, versions, versions by id

    const invalid = await gql(
      `${registry.url}/graphql`,
      '{ supergraphVersions(first: 0) { version } }',
      {},
      adminToken,
    );
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the live supergraph across a restart on the same data', async () => {
    const before = await supergraph();
    await registry.stop();
    registry = await start();
    const after = await supergraph();
    expect(after).toMatchObject({
      status: 200,
      version: before.version,
      etag: before.etag,
      text: before.text,
    });
    expect(
      await publish('c', `${LINK}type Course { id: ID! }\ntype Query { courses: [Course] }`),
    ).toMatchObject({
      body: { changed: false },
    });
  });

  // Two replicas on one PostgreSQL database: the lock row, not the process queue, serializes them.
  // Two registries can share a database only on a server; PGlite is one process's (so not registered there).
  if (testDatabaseKind() === 'postgres')
    it('serializes publishes across two registry replicas', async () => {
      const replica = await start();
      try {
        const publishTo = (base: string, name: string, field: string) =>
          fetch(`${base}/subgraphs/${name}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name,
              url: `http://127.0.0.1:5000/${name}/graphql`,
              sdl: `${LINK}type Query { ${field}: Int }`,
              subscribes: [],
            }),
          }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
        const results = await Promise.all(
          [1, 2, 3].flatMap((n) => [
            publishTo(registry.url, 'f', `f${n}`),
            publishTo(replica.url, 'g', `g${n}`),
          ]),
        );
        expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
        const versions = results.map((r) => r.body.supergraphVersion);
        expect(new Set(versions).size).toBe(6);
        const [{ max }] = await registry.dataSource.query(
          'SELECT max(version) AS max FROM supergraph_version',
        );
        expect((await supergraph()).version).toBe(String(max));
      } finally {
        await replica.stop();
      }
    });
});
