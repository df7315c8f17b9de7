import { freshTestDatabase, TestAuthority } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryRuntime, startRegistry } from '../src/index.js';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Enterprise @key(fields: "id") { id: ID! name: String }
type Query { enterprises: [Enterprise] }`;
const SECRET = 'registry-write-secret-for-tests';

let database: Awaited<ReturnType<typeof freshTestDatabase>>;
let registry: RegistryRuntime;
beforeAll(async () => {
  const authority = await TestAuthority.create();
  database = await freshTestDatabase('registry_write_token');
  registry = await startRegistry({
    port: 0,
    verify: authority.serviceAuth().verify,
    writeToken: SECRET,
    ...database.overrides,
  });
});
afterAll(async () => {
  await registry?.stop();
  await database?.dispose();
});

function send(method: string, route: string, body: unknown, secret?: string) {
  return fetch(`${registry.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('the write secret (REGISTRY_WRITE_TOKEN)', () => {
  const publication = { name: 'a', url: 'http://127.0.0.1:5000/a/graphql', sdl: SDL, subscribes: [] };

  it('refuses publishes, usage reports and document registrations without it or with another', async () => {
    for (const secret of [undefined, 'wrong', `${SECRET}x`]) {
      expect((await send('PUT', '/subgraphs/a', publication, secret)).status).toBe(401);
      expect((await send('POST', '/usage', { operations: [], entries: [] }, secret)).status).toBe(401);
      expect((await send('POST', '/documents/app-hazard', { documents: {} }, secret)).status).toBe(401);
    }
    // Nothing was published: no supergraph yet.
    expect((await fetch(`${registry.url}/supergraph`)).status).toBe(503);
  });

  it('accepts them with it; reads stay open to the gateway', async () => {
    const published = await send('PUT', '/subgraphs/a', publication, SECRET);
    expect(published.status).toBe(200);
    expect(((await published.json()) as { status: string }).status).toBe('ACCEPTED');
    expect((await send('POST', '/usage', { operations: [], entries: [] }, SECRET)).status).not.toBe(401);
    const supergraph = await fetch(`${registry.url}/supergraph`);
    expect(supergraph.status).toBe(200);
    expect(await supergraph.text()).toContain('enterprises');
  });
});
