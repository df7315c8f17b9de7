import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCodes, gql } from '@safety/subgraph-kit/testing';
import { Kind, parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHash, printNormalized, withoutTypename } from '../src/documents/index.js';
import { type RunningGateway, startGateway } from '../src/index.js';
import { DEMO_PASSWORD, type Stack, startStack } from './stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LOGIN =
  'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
const REGISTERED = 'query HazardTotal($first: Int!) { hazards(first: $first) { totalCount } }';
const UNREGISTERED = '{ hazards(first: 1) { totalCount nodes { title } } }';

/** A map like codegen's persisted-documents.json. */
function persisted(...queries: string[]) {
  return Object.fromEntries(
    queries.map((query) => {
      const body = printNormalized(parse(query));
      return [documentHash(parse(body)), body];
    }),
  );
}

let stack: Stack;
let gateway: RunningGateway;
let url: string;
let userToken: string;
const app = { 'graphql-client-name': 'app-hazard', 'graphql-client-version': '1.0.0' };

beforeAll(async () => {
  stack = await startStack();
  const registered = await fetch(`${stack.registry.url}/documents/app-hazard`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appVersion: '1.0.0', documents: persisted(LOGIN, REGISTERED) }),
  });
  expect(registered.status).toBe(200);
  gateway = await startGateway({
    port: 0,
    supergraph: {
      kind: 'registry',
      registryUrl: stack.registry.url,
      cacheFile: path.join(await mkdtemp(path.join(tmpdir(), 'gateway-documents-')), 'supergraph.graphql'),
    },
    authUrl: stack.authUrl,
    pollIntervalMs: 500,
    trustedDocuments: { pollIntervalMs: 200 },
  });
  url = `${gateway.url}/graphql`;
  const login = await gql(url, LOGIN, { u: 'saco.demo', p: DEMO_PASSWORD }, undefined, app);
  expect(login.errors, JSON.stringify(login.errors)).toBeUndefined();
  userToken = login.data.login.accessToken;
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
});

/** A POST with any body and headers. */
async function post(body: unknown, headers: Record<string, string> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

describe('document ids', () => {
  it("hash every app's operations, as registered and as Apollo Client sends them, to codegen's id", () => {
    let checked = 0;
    const dirs = [
      ...readdirSync(path.join(root, 'apps')).map((a) => path.join(root, 'apps', a)),
      path.join(root, 'packages/client'),
    ];
    for (const dir of dirs) {
      const file = path.join(dir, 'src/gql/persisted-documents.json');
      if (!existsSync(file)) continue;
      for (const [id, body] of Object.entries(
        JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
      )) {
        expect(documentHash(parse(body))).toBe(id);
        // Apollo Client prints the document in source order and adds __typename to every selection set.
        const sent = visit(parse(body), {
          SelectionSet(node, _key, parent) {
            if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return;
            const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
            return { ...node, selections: [typename, ...[...node.selections].reverse()] };
          },
        });
        expect(documentHash(withoutTypename(parse(print(sent))))).toBe(id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('trusted documents at the gateway', () => {
  it('runs a registered document from its app, as text (any layout, with __typename) or by id', async () => {
    const text = `query HazardTotal($first: Int!) {
      __typename
      hazards(first: $first) { __typename totalCount }
    }`;
    const asText = await gql(url, text, { first: 1 }, userToken, app);
    expect(asText.errors, JSON.stringify(asText.errors)).toBeUndefined();
    expect(asText.data.hazards.totalCount).toBeGreaterThan(0);

    const [id] = Object.keys(persisted(REGISTERED));
    const byId = await post({ documentId: id, variables: { first: 1 } }, app, userToken);
    expect(byId.errors, JSON.stringify(byId.errors)).toBeUndefined();
    expect(byId.data.hazards.totalCount).toBeGreaterThan(0);
    const apq = await post(
      { variables: { first: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash: id.slice(7) } } },
      app,
      userToken,
    );
    expect(apq.data?.hazards.totalCount).toBeGreaterThan(0);

    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` }, app, userToken);
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses a document its app did not register, with a stable code and HTTP 400', async () => {
    const refused = await gql(url, UNREGISTERED, {}, userToken, app);
    expect(refused.status).toBe(400);
    expect(errorCodes(refused)).toEqual(['PERSISTED_QUERY_NOT_REGISTERED']);
    expect(refused.data ?? null).toBeNull();
    // The same person without an app client name (GraphiQL, a script) may run it.
    const plain = await gql(url, UNREGISTERED, {}, userToken);
    expect(plain.errors, JSON.stringify(plain.errors)).toBeUndefined();
    // A client with no registered documents is not restricted.
    const other = await gql(url, UNREGISTERED, {}, userToken, { 'graphql-client-name': 'client-test' });
    expect(other.errors).toBeUndefined();
  });

  it('lets an integrator token and an admin run the same document, even naming the app', async () => {
    const admin = (await gql(url, LOGIN, { u: 'admin.demo', p: DEMO_PASSWORD })).data.login.accessToken;
    const adminRun = await gql(url, UNREGISTERED, {}, admin, app);
    expect(errorCodes(adminRun)).not.toContain('PERSISTED_QUERY_NOT_REGISTERED');

    const account = await gql(
      url,
      'mutation { createMachineAccount(input: { name: "documents-acme", kind: INTEGRATOR }) { id } }',
      {},
      admin,
    );
    expect(account.errors, JSON.stringify(account.errors)).toBeUndefined();
    const issued = await gql(
      url,
      'mutation($id: ID!) { issueMachineToken(accountId: $id, expiresInDays: 1) { token } }',
      { id: account.data.createMachineAccount.id },
      admin,
    );
    const integrator = issued.data.issueMachineToken.token as string;
    const integratorRun = await gql(url, UNREGISTERED, {}, integrator, app);
    expect(integratorRun.status).toBe(200);
    expect(integratorRun.errors, JSON.stringify(integratorRun.errors)).toBeUndefined();
    expect(integratorRun.data.hazards).toBeDefined();
  });

  it('lets anonymous callers reach public fields only', async () => {
    const signIn = await gql(url, LOGIN, { u: 'saco.demo', p: DEMO_PASSWORD });
    expect(signIn.errors).toBeUndefined();
    expect((await gql(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    const refused = await gql(url, '{ __typename enterprises(first: 1) { totalCount } }');
    // Refused as a GraphQL error (200): 401 is kept for bad tokens, which make the apps refresh.
    expect(refused.status).toBe(200);
    expect(refused.data ?? null).toBeNull();
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.extensions?.fields).toEqual(['Query.enterprises']);
    // Through a fragment, and mixed with a public field, still refused.
    const mixed = await gql(
      url,
      'mutation M($u: String!, $p: String!) { ...F login(username: $u, password: $p) { accessToken } } fragment F on Mutation { logout }',
      { u: 'saco.demo', p: DEMO_PASSWORD },
    );
    expect(errorCodes(mixed)).toEqual(['UNAUTHENTICATED']);
  });
});
