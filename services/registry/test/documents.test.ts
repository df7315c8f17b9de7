import { createHash } from 'node:crypto';
import { freshTestDatabase, gql, TestAuthority } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../src/documents/index.js';
import { type RegistryRuntime, startRegistry } from '../src/index.js';

const persisted = (...bodies: string[]) =>
  Object.fromEntries(
    bodies.map((body) => [`sha256:${createHash('sha256').update(body).digest('hex')}`, body]),
  );
const LIST = 'query HazardList($first: Int!) { hazards(first: $first) { nodes { id title } } }';
const DETAIL = 'fragment F on Hazard { id title } query HazardDetail($id: ID!) { hazard(id: $id) { ...F } }';
const LOGIN =
  'mutation Login($p: String!, $u: String!) { login(password: $p, username: $u) { accessToken } }';

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let registry: RegistryRuntime;
let adminToken: string;
beforeAll(async () => {
  const authority = await TestAuthority.create();
  adminToken = await authority.tokenFor('admin.demo');
  database = await freshTestDatabase('registry');
  registry = await startRegistry({ port: 0, verify: authority.serviceAuth().verify, ...database.overrides });
});
afterAll(async () => {
  await registry?.stop();
  await database?.dispose();
});

async function register(clientName: string, body: unknown) {
  const response = await fetch(`${registry.url}/documents/${clientName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('trusted documents', () => {
  it('refuses an id that is not the hash of its document, and a document that is not one operation', async () => {
    const [hash] = Object.keys(persisted(LIST));
    expect((await register('app-hazard', { [hash]: DETAIL })).body.error).toMatch(/not the SHA-256/);
    expect((await register('app-hazard', persisted('type Query { a: Int }'))).status).toBe(400);
    expect((await register('app-hazard', persisted('{ a } { b }'))).status).toBe(400);
    expect((await register('bad name!', persisted(LIST))).status).toBe(400);
  });

  it('registers an app build idempotently, per client', async () => {
    expect(await register('app-hazard', persisted(LIST, DETAIL, LOGIN))).toEqual({
      status: 200,
      body: { added: 3, total: 3 },
    });
    const [before] = await registry.dataSource.query('SELECT registered_at FROM trusted_document LIMIT 1');
    // The same build again: nothing changes, not even the registration time.
    expect(await register('app-hazard', persisted(LIST, DETAIL, LOGIN))).toEqual({
      status: 200,
      body: { added: 0, total: 3 },
    });
    expect(
      (await registry.dataSource.query('SELECT registered_at FROM trusted_document LIMIT 1'))[0],
    ).toEqual(before);
    // The wrapped form, with the app version; a newer build adds, an older document stays.
    expect(await register('app-portal', { appVersion: '1.2.0', documents: persisted(LOGIN) })).toEqual({
      status: 200,
      body: { added: 1, total: 1 },
    });
    expect(await register('app-portal', { appVersion: '1.3.0', documents: persisted(LIST) })).toEqual({
      status: 200,
      body: { added: 1, total: 2 },
    });

    const all = await new DocumentStore(registry.dataSource).all();
    expect(all.map((d) => [d.clientName, d.operationName])).toEqual(
      expect.arrayContaining([
        ['app-hazard', 'HazardList'],
        ['app-hazard', 'HazardDetail'],
        ['app-hazard', 'Login'],
        ['app-portal', 'Login'],
        ['app-portal', 'HazardList'],
      ]),
    );
    expect(all).toHaveLength(5);
  });

  it('answers the console by client, and the gateway with the whole set and an ETag', async () => {
    const url = `${registry.url}/graphql`;
    const clients = await gql(
      url,
      '{ documentClients { clientName documents appVersion lastRegisteredAt } }',
      {},
      adminToken,
    );
    expect(clients.errors).toBeUndefined();
    expect(clients.data.documentClients).toMatchObject([
      { clientName: 'app-hazard', documents: 3, appVersion: null },
      { clientName: 'app-portal', documents: 2, appVersion: '1.3.0' },
    ]);
    const hazard = await gql(
      url,
      '{ trustedDocuments(clientName: "app-hazard") { hash operationName body registeredAt } }',
      {},
      adminToken,
    );
    expect(hazard.data.trustedDocuments.map((d: any) => d.operationName)).toEqual([
      'HazardDetail',
      'HazardList',
      'Login',
    ]);
    expect(hazard.data.trustedDocuments[1]).toMatchObject({
      hash: Object.keys(persisted(LIST))[0],
      body: LIST,
    });
    expect(
      (await gql(url, '{ trustedDocuments(clientName: "nobody") { hash } }', {}, adminToken)).data
        .trustedDocuments,
    ).toEqual([]);
    expect((await gql(url, '{ documentClients { clientName } }')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const first = await fetch(`${registry.url}/documents`);
    const etag = first.headers.get('etag');
    const set = (await first.json()) as {
      clients: Record<string, Array<{ hash: string; operationName: string }>>;
    };
    expect(Object.keys(set.clients)).toEqual(['app-hazard', 'app-portal']);
    expect(set.clients['app-portal'].map((d) => d.operationName).sort()).toEqual(['HazardList', 'Login']);
    expect((await fetch(`${registry.url}/documents`, { headers: { 'if-none-match': etag! } })).status).toBe(
      304,
    );
    await register('app-training', persisted(LOGIN));
    const changed = await fetch(`${registry.url}/documents`, { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
