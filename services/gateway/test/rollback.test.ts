import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTokenVerifier, type TokenVerifier } from '@safety/auth';
import { startRegistry } from '@safety/service-registry';
import { responsibilitySubgraph } from '@safety/service-responsibility';
import { type SubgraphRuntime, startSubgraph } from '@safety/subgraph-kit';
import { freshTestDatabase, gql, rootField } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../src/index.js';
import { DEMO_PASSWORD } from './stack.js';

// Issue 5 item 5: a rollback at the registry reaches the running gateway within its poll
// interval, with no restart, and queries keep answering during the swap.
const POLL_MS = 500;
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';

let registry: Awaited<ReturnType<typeof startRegistry>>;
let responsibility: SubgraphRuntime;
let gateway: RunningGateway;
let adminToken: string;
const disposers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  process.env.SERVICE_SECRET ??= 'test-service-secret';
  // The registry verifies admins with responsibility's keys; responsibility starts after it (it publishes there).
  let verifier: TokenVerifier | undefined;
  const registryDb = await freshTestDatabase('registry');
  registry = await startRegistry({
    port: 0,
    verify: (token) => verifier!(token),
    ...registryDb.overrides,
  });
  disposers.push(registryDb.dispose, () => registry.stop());
  const db = await freshTestDatabase('responsibility');
  responsibility = await startSubgraph(responsibilitySubgraph, {
    port: 0,
    registryUrl: registry.url,
    serviceSecret: process.env.SERVICE_SECRET,
    ...db.overrides,
  });
  disposers.push(db.dispose, () => responsibility.stop());
  verifier = createTokenVerifier({ jwksUrl: `${responsibility.baseUrl}/.well-known/jwks.json` });
  await until(async () => (await fetch(`${registry.url}/supergraph`)).ok, 30_000);

  gateway = await startGateway({
    port: 0,
    supergraph: {
      kind: 'registry',
      registryUrl: registry.url,
      cacheFile: path.join(await mkdtemp(path.join(tmpdir(), 'gateway-cache-')), 'supergraph.graphql'),
    },
    authUrl: responsibility.baseUrl,
    pollIntervalMs: POLL_MS,
  });
  disposers.push(() => gateway.stop());
  const login = await gql(
    `${gateway.url}/graphql`,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: 'admin.demo', p: DEMO_PASSWORD },
  );
  adminToken = rootField(login).accessToken;
}, 300_000);

afterAll(async () => {
  for (const dispose of disposers.reverse()) await dispose().catch(() => {});
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The root query fields the gateway serves now. */
async function gatewayQueryFields(): Promise<string[]> {
  const response = await gql(
    `${gateway.url}/graphql`,
    '{ __type(name: "Query") { fields { name } } }',
    {},
    adminToken,
  );
  return rootField(response).fields.map((f: { name: string }) => f.name);
}

function registryGraphql(query: string) {
  return gql(`${registry.url}/graphql`, query, {}, adminToken);
}

describe('rollback reaches the gateway without a restart', () => {
  it('serves the rolled-back supergraph within the poll interval while queries keep answering', async () => {
    // A second supergraph version: another subgraph adds a root field.
    const notes = await fetch(`${registry.url}/subgraphs/notes`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'notes',
        url: 'http://127.0.0.1:9/notes/graphql',
        sdl: `${LINK}type Query { notesPing: Int }`,
      }),
    });
    const published = (await notes.json()) as { supergraphVersion: number; status: string };
    expect(published.status).toBe('ACCEPTED');
    const withNotes = published.supergraphVersion;
    await until(async () => (await gatewayQueryFields()).includes('notesPing'), 10_000);

    // Queries in a loop, four at a time (bounded in count and time), while the registry rolls back and forth.
    let running = true;
    const failures: unknown[] = [];
    let answered = 0;
    const deadline = Date.now() + 60_000;
    const worker = async () => {
      while (running && Date.now() < deadline && answered < 20_000) {
        const response = await gql(`${gateway.url}/graphql`, '{ me { username } }', {}, adminToken);
        if (response.status !== 200 || response.errors || response.data?.me?.username !== 'admin.demo')
          failures.push(response);
        answered++;
      }
    };
    const loop = Promise.all([worker(), worker(), worker(), worker()]);
    const answeredAtLeast = (n: number) => until(async () => answered >= n, 30_000);
    await answeredAtLeast(20);

    const back = rootField(
      await registryGraphql(
        `mutation { rollbackSupergraph(version: ${withNotes - 1}, reason: "notes breaks the console") { version pinned } }`,
      ),
    );
    expect(back).toEqual({ version: withNotes - 1, pinned: true });
    const tookBack = await until(async () => !(await gatewayQueryFields()).includes('notesPing'), 10_000);

    const forth = rootField(
      await registryGraphql(
        `mutation { rollbackSupergraph(version: ${withNotes}, reason: "fixed") { version } }`,
      ),
    );
    expect(forth.version).toBe(withNotes);
    const tookForth = await until(async () => (await gatewayQueryFields()).includes('notesPing'), 10_000);

    const swapped = answered;
    await answeredAtLeast(swapped + 20);
    running = false;
    await loop;
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(40);
    // One poll interval, plus the gateway's swap and the test's own polling.
    expect(tookBack).toBeLessThan(POLL_MS * 2 + 1500);
    expect(tookForth).toBeLessThan(POLL_MS * 2 + 1500);
  });
});
