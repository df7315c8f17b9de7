import { Role } from '@safety/auth';
import { errorCodes, freshTestDatabase, gql, rootField, TestAuthority } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryRuntime, startRegistry } from '../src/index.js';

// Issue 5 items 3–5: checked publishes, held versions and their approval, history, rollback and pin.
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';
const items = (fields: string, extra = '', query = 'items: [Item]') =>
  `${LINK}enum Status { OPEN CLOSED${extra} }\ntype Item { id: ID! ${fields} }\ntype Query { ${query} }`;
const A1 = items('title: String legacy: String status: Status');
const A2_NO_LEGACY = items('title: String status: Status');
const A3_OPTIONAL_ARG = items('title: String status: Status', '', 'items(status: Status): [Item]');
const A4_ENUM_VALUE = items('title: String status: Status', ' ARCHIVED', 'items(status: Status): [Item]');
const A5_NO_TITLE = items('status: Status', ' ARCHIVED', 'items(status: Status): [Item]');
const A6_NOTE = items(
  'title: String status: Status note: String',
  ' ARCHIVED',
  'items(status: Status): [Item]',
);
const B = `${LINK}type Query { courses: [String] }`;
// Item is a value type in `a`: a second definition with another field type does not compose.
const B_CONFLICT = `${LINK}type Item { id: Int }\ntype Query { courses: [String] item: Item }`;

let authority: TestAuthority;
let adminToken: string;

async function startWith(options: { autoApprove?: boolean } = {}) {
  const database = await freshTestDatabase('registry');
  const registry = await startRegistry({
    port: 0,
    verify: authority.serviceAuth().verify,
    autoApprove: options.autoApprove ?? false,
    ...database.overrides,
  });
  return {
    registry,
    async stop() {
      await registry.stop();
      await database.dispose();
    },
  };
}

function client(registry: () => RegistryRuntime) {
  return {
    async publish(name: string, sdl: string, extra: Record<string, unknown> = {}) {
      const response = await fetch(`${registry().url}/subgraphs/${name}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, url: `http://127.0.0.1:5999/${name}/graphql`, sdl, ...extra }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    async live() {
      const response = await fetch(`${registry().url}/supergraph`);
      return { version: Number(response.headers.get('x-supergraph-version')), sdl: await response.text() };
    },
    graphql(query: string, variables: Record<string, unknown> = {}, token: string | null = adminToken) {
      return gql(`${registry().url}/graphql`, query, variables, token ?? undefined);
    },
    /** Usage of these coordinates by one app operation within the last hour, as the gateway reports it. */
    async reportUsage(coordinates: string[]) {
      const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
      const response = await fetch(`${registry().url}/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operations: [{ hash: 'op-items', name: 'Items', type: 'query', body: '{ items { legacy } }' }],
          entries: [
            {
              hour,
              operationHash: 'op-items',
              operationName: 'Items',
              clientName: 'app-hazard',
              clientVersion: '1.0.0',
              tokenId: null,
              count: 3,
              errors: 0,
              lastSeen: new Date().toISOString(),
              coordinates: Object.fromEntries(coordinates.map((c) => [c, 3])),
            },
          ],
        }),
      });
      expect(response.status).toBe(200);
    },
  };
}

const VERSION_FIELDS = `id subgraphName version status holdReason decidedBy decidedAt decisionReason
  changes { criticality type path message downgradedByUsage affectedOperations { kind clientName operationName } }`;

beforeAll(async () => {
  authority = await TestAuthority.create();
  adminToken = await authority.tokenFor('admin.demo');
});

describe('publish, approval, history, rollback and pin', () => {
  let stack: Awaited<ReturnType<typeof startWith>>;
  const api = client(() => stack.registry);
  /** Every history row as it was before the operations: rows are never changed afterwards. */
  let before: { subgraphVersions: any[]; supergraphVersions: any[] } | undefined;
  beforeAll(async () => {
    stack = await startWith();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function history() {
    const db = stack.registry.dataSource;
    return {
      subgraphVersions: await db.query('SELECT * FROM subgraph_version ORDER BY subgraph_name, version'),
      supergraphVersions: await db.query('SELECT * FROM supergraph_version ORDER BY version'),
    };
  }

  it('publishes a first version live, and holds a breaking change to a used field', async () => {
    expect(await api.publish('a', A1, { publishedBy: 'ci', commit: 'c1' })).toMatchObject({
      status: 200,
      body: { version: 1, supergraphVersion: 1, changed: true, status: 'ACCEPTED' },
    });
    expect((await api.publish('b', B)).body).toMatchObject({ supergraphVersion: 2, status: 'ACCEPTED' });
    await api.reportUsage(['Query.items', 'Item.legacy']);

    const held = await api.publish('a', A2_NO_LEGACY, { publishedBy: 'ci', commit: 'c2' });
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({
      version: 2,
      supergraphVersion: 2,
      changed: false,
      status: 'HELD',
      held: true,
      holdReason: 'BREAKING_CHANGES',
    });
    const removal = held.body.changes.find((c: any) => c.path === 'Item.legacy');
    expect(removal).toMatchObject({ criticality: 'BREAKING', type: 'FIELD_REMOVED' });
    expect(removal.affectedOperations).toEqual([
      expect.objectContaining({ kind: 'USAGE', clientName: 'app-hazard', operationName: 'Items' }),
    ]);
    const live = await api.live();
    expect(live.version).toBe(2);
    expect(live.sdl).toContain('legacy');

    // A service restarting with the held SDL adds no version.
    expect(await api.publish('a', A2_NO_LEGACY)).toMatchObject({ status: 202, body: { version: 2 } });
    const pending = rootField(await api.graphql(`{ pendingSubgraphVersions { ${VERSION_FIELDS} } }`));
    expect(pending).toEqual([
      expect.objectContaining({ subgraphName: 'a', version: 2, status: 'HELD', decidedBy: null }),
    ]);
    before = await history();
  });

  it('approval makes the held version live, recorded with who and why', async () => {
    const [held] = rootField(await api.graphql(`{ pendingSubgraphVersions { id } }`));
    const approved = rootField(
      await api.graphql(
        `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "app-hazard drops legacy in 1.1") { ${VERSION_FIELDS} } }`,
        { id: held.id },
      ),
    );
    expect(approved).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'admin.demo',
      decisionReason: 'app-hazard drops legacy in 1.1',
      decidedAt: expect.any(String),
    });
    const live = await api.live();
    expect(live.version).toBe(3);
    expect(live.sdl).not.toContain('legacy');
    const again = await api.graphql(
      `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "x") { id } }`,
      {
        id: held.id,
      },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('an added optional argument and a new enum value go live: safe and dangerous', async () => {
    const optional = await api.publish('a', A3_OPTIONAL_ARG);
    expect(optional).toMatchObject({ status: 200, body: { status: 'ACCEPTED', supergraphVersion: 4 } });
    expect(optional.body.changes).toEqual([
      expect.objectContaining({
        criticality: 'SAFE',
        type: 'FIELD_ARGUMENT_ADDED',
        path: 'Query.items(status:)',
      }),
    ]);
    const enumValue = await api.publish('a', A4_ENUM_VALUE);
    expect(enumValue).toMatchObject({ status: 200, body: { supergraphVersion: 5 } });
    expect(enumValue.body.changes).toEqual([
      expect.objectContaining({ criticality: 'DANGEROUS', type: 'ENUM_VALUE_ADDED' }),
    ]);
  });

  it('a breaking change to a field no client used is downgraded and goes live', async () => {
    // Item.title was never reported: its removal is safe by usage.
    const unused = await api.publish('a', A5_NO_TITLE);
    expect(unused).toMatchObject({ status: 200, body: { status: 'ACCEPTED', supergraphVersion: 6 } });
    expect(unused.body.changes).toEqual([
      expect.objectContaining({ path: 'Item.title', criticality: 'SAFE', downgradedByUsage: true }),
    ]);
  });

  it('the changelog between two supergraphs and two subgraph versions is classified', async () => {
    const response = await api.graphql(
      `{ changelog(fromSupergraphVersion: 2, toSupergraphVersion: 5) { criticality type path }
         sub: subgraphChangelog(subgraph: "a", fromVersion: 4, toVersion: 5) { criticality type path } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.changelog).toEqual(
      expect.arrayContaining([
        { criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Item.legacy' },
        { criticality: 'SAFE', type: 'FIELD_ARGUMENT_ADDED', path: 'Query.items(status:)' },
        expect.objectContaining({ criticality: 'DANGEROUS', type: 'ENUM_VALUE_ADDED' }),
      ]),
    );
    expect(response.data.sub).toEqual([
      expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Item.title' }),
    ]);
    const missing = await api.graphql(
      '{ changelog(fromSupergraphVersion: 1, toSupergraphVersion: 99) { type } }',
    );
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
  });

  it('a version that does not compose is rejected and never live', async () => {
    const rejected = await api.publish('b', B_CONFLICT);
    expect(rejected.status).toBe(422);
    expect(rejected.body.status).toBe('REJECTED');
    expect(rejected.body.errors.length).toBeGreaterThan(0);
    expect((await api.live()).version).toBe(6);
    const [row] = await stack.registry.dataSource.query(
      `SELECT id, status FROM subgraph_version WHERE subgraph_name = 'b' ORDER BY version DESC LIMIT 1`,
    );
    expect(row.status).toBe('REJECTED');
    const [{ count }] = await stack.registry.dataSource.query(
      'SELECT count(*)::int AS count FROM supergraph_version WHERE $1 = ANY(subgraph_version_ids)',
      [row.id],
    );
    expect(count).toBe(0);
    // Nor can an admin approve it.
    const approve = await api.graphql(
      `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "x") { id } }`,
      {
        id: row.id,
      },
    );
    expect(errorCodes(approve)).toEqual(['CONFLICT']);
  });

  it('declines a held version; publishing it again is refused', async () => {
    await api.reportUsage(['Item.status']);
    const held = await api.publish('a', items('', ' ARCHIVED', 'items(status: Status): [Item]'));
    expect(held).toMatchObject({ status: 202, body: { status: 'HELD', version: 6 } });
    const [pending] = rootField(await api.graphql('{ pendingSubgraphVersions { id version } }'));
    expect(pending.version).toBe(6);
    const declined = rootField(
      await api.graphql(
        `mutation($id: ID!) { declineSubgraphVersion(id: $id, reason: "status is used by app-hazard") { ${VERSION_FIELDS} } }`,
        { id: pending.id },
      ),
    );
    expect(declined).toMatchObject({ status: 'DECLINED', decidedBy: 'admin.demo' });
    const again = await api.publish('a', items('', ' ARCHIVED', 'items(status: Status): [Item]'));
    expect(again).toMatchObject({ status: 422, body: { status: 'DECLINED', version: 6 } });
    expect(again.body.errors[0].message).toMatch(/declined by admin\.demo: status is used by app-hazard/);
    expect((await api.live()).version).toBe(6);
    expect(rootField(await api.graphql('{ pendingSubgraphVersions { id } }'))).toEqual([]);
  });

  it('rolls back to an earlier supergraph in one step, pinned, and forward again', async () => {
    const rollback = await api.graphql(
      `mutation { rollbackSupergraph(version: 2, reason: "app-hazard 1.0 is broken") {
         version live pinned pinnedBy pinReason pinnedAt } }`,
    );
    expect(rootField(rollback)).toMatchObject({
      version: 2,
      live: true,
      pinned: true,
      pinnedBy: 'admin.demo',
      pinReason: 'app-hazard 1.0 is broken',
      pinnedAt: expect.any(String),
    });
    const live = await api.live();
    expect(live.version).toBe(2);
    expect(live.sdl).toContain('legacy');

    // While pinned, even a safe change is held, and a service restarting with its live SDL is a no-op.
    const pinnedPublish = await api.publish('a', A1);
    expect(pinnedPublish).toMatchObject({ status: 200, body: { changed: false, supergraphVersion: 2 } });
    const held = await api.publish('b', `${LINK}type Query { courses: [String] drills: [String] }`);
    expect(held).toMatchObject({ status: 202, body: { status: 'HELD', holdReason: 'PINNED' } });
    expect((await api.live()).version).toBe(2);

    // "And back": any later composed supergraph is live again in one step.
    const forward = rootField(
      await api.graphql(`mutation { rollbackSupergraph(version: 6, reason: "fixed in 1.1") { version } }`),
    );
    expect(forward.version).toBe(6);
    expect((await api.live()).version).toBe(6);
    const state = rootField(await api.graphql('{ supergraph { version live pinned pinnedBy } }'));
    expect(state).toEqual({ version: 6, live: true, pinned: true, pinnedBy: 'admin.demo' });
    const historyRows = rootField(
      await api.graphql('{ liveHistory(first: 3) { fromVersion toVersion cause actor reason } }'),
    );
    expect(historyRows[0]).toEqual({
      fromVersion: 2,
      toVersion: 6,
      cause: 'ROLLBACK',
      actor: 'admin.demo',
      reason: 'fixed in 1.1',
    });
  });

  it('unpin leaves held versions held; approving one composes it with the live subgraphs', async () => {
    const unpinned = rootField(
      await api.graphql(
        'mutation { unpinSupergraph(reason: "incident closed") { version pinned pinnedBy } }',
      ),
    );
    expect(unpinned).toEqual({ version: 6, pinned: false, pinnedBy: null });
    expect(
      errorCodes(await api.graphql('mutation { unpinSupergraph(reason: "again") { version } }')),
    ).toEqual(['CONFLICT']);
    const [held] = rootField(await api.graphql('{ pendingSubgraphVersions { id subgraphName holdReason } }'));
    expect(held).toMatchObject({ subgraphName: 'b', holdReason: 'PINNED' });
    rootField(
      await api.graphql(
        `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "was only pinned") { id } }`,
        {
          id: held.id,
        },
      ),
    );
    const live = await api.live();
    expect(live.version).toBe(7);
    expect(live.sdl).toContain('drills');
    expect(live.sdl).not.toContain('legacy'); // composed with `a` as live at 6, not as at 2
    // A safe publish goes live again now.
    expect(await api.publish('a', A6_NOTE)).toMatchObject({ status: 200, body: { supergraphVersion: 8 } });
  });

  it('keeps history immutable: earlier rows unchanged except held versions’ decisions', async () => {
    const after = await history();
    for (const row of before!.supergraphVersions)
      expect(after.supergraphVersions.find((r: any) => r.id === row.id)).toEqual(row);
    for (const row of before!.subgraphVersions) {
      const now = after.subgraphVersions.find((r: any) => r.id === row.id);
      if (row.status === 'HELD') {
        const { status, decided_by, decided_at, decision_reason, ...rest } = row;
        expect(now).toMatchObject(rest);
        expect(now.status).toBe('ACCEPTED');
      } else expect(now).toEqual(row);
    }
    const db = stack.registry.dataSource;
    await expect(db.query(`UPDATE subgraph_version SET sdl = 'x' WHERE version = 1`)).rejects.toThrow(
      /history/,
    );
    await expect(db.query(`UPDATE supergraph_version SET sdl = 'x'`)).rejects.toThrow(/history/);
    await expect(db.query(`DELETE FROM subgraph_version`)).rejects.toThrow(/history/);
    await expect(db.query(`DELETE FROM registry_audit`)).rejects.toThrow(/history/);
  });

  it('lists versions with publisher and commit, and the audit of every mutation', async () => {
    const response = await api.graphql(`{
      subgraphVersions(subgraph: "a", first: 3) { version status publishedBy commit }
      supergraphVersion(version: 3) { version cause publishedBy commit changedSubgraphVersion { subgraphName version } live }
      subgraph(name: "a") { liveVersion { version } latestVersion { version } }
      registryAuditLog(first: 10) { actor action target reason }
    }`);
    expect(response.errors).toBeUndefined();
    const { subgraphVersions, supergraphVersion, subgraph, registryAuditLog } = response.data;
    expect(subgraphVersions.map((v: any) => [v.version, v.status])).toEqual([
      [7, 'ACCEPTED'],
      [6, 'DECLINED'],
      [5, 'ACCEPTED'],
    ]);
    expect(supergraphVersion).toEqual({
      version: 3,
      cause: 'APPROVAL',
      publishedBy: 'admin.demo',
      commit: 'c2',
      changedSubgraphVersion: { subgraphName: 'a', version: 2 },
      live: false,
    });
    expect(subgraph).toEqual({ liveVersion: { version: 7 }, latestVersion: { version: 7 } });
    expect(registryAuditLog.map((e: any) => e.action).sort()).toEqual(
      [
        'approveSubgraphVersion',
        'approveSubgraphVersion',
        'declineSubgraphVersion',
        'rollbackSupergraph',
        'rollbackSupergraph',
        'unpinSupergraph',
      ].sort(),
    );
    expect(registryAuditLog).toContainEqual({
      actor: 'admin.demo',
      action: 'rollbackSupergraph',
      target: 'supergraph@2',
      reason: 'app-hazard 1.0 is broken',
    });
  });

  it('checks an SDL without publishing it, over GraphQL and HTTP', async () => {
    const check = rootField(
      await api.graphql(
        `query($sdl: String!) { checkSubgraph(name: "a", sdl: $sdl) {
           composes breaking pinned liveSupergraphVersion errors { message } changes { criticality path } } }`,
        { sdl: A1 },
      ),
    );
    expect(check).toMatchObject({ composes: true, breaking: false, pinned: false, liveSupergraphVersion: 8 });
    expect(check.changes).toContainEqual({ criticality: 'SAFE', path: 'Item.legacy' });
    const response = await fetch(`${stack.registry.url}/subgraphs/b/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sdl: B_CONFLICT }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({
      composes: false,
      breaking: false,
      supergraphSdl: null,
      liveSupergraphVersion: 8,
    });
    expect(body.errors.length).toBeGreaterThan(0);
    expect((await api.live()).version).toBe(8);
  });

  it('refuses anonymous, foreign-role and invalid callers; services may read but not write', async () => {
    const anonymous = await api.graphql('{ subgraphs { name } }', {}, null);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const invalid = await api.graphql('{ subgraphs { name } }', {}, 'not-a-token');
    expect(errorCodes(invalid)).toEqual(['UNAUTHENTICATED']);
    const integrator = await api.graphql(
      '{ subgraphs { name } }',
      {},
      await authority.tokenFor('integrator.demo'),
    );
    expect(errorCodes(integrator)).toEqual(['FORBIDDEN']);
    const serviceToken = await authority.serviceAuth('hazard').serviceToken();
    expect((await api.graphql('{ subgraphs { name } }', {}, serviceToken)).errors).toBeUndefined();
    const write = await api.graphql('mutation { pinSupergraph(reason: "x") { version } }', {}, serviceToken);
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    const revoked = await authority.tokenWithId({
      id: 'admin-2',
      username: 'admin.two',
      kind: 'USER',
      roles: [Role.PLATFORM_ADMIN],
      permissions: [],
      scope: { orgUnitId: null, townshipCodes: [], industryCodes: [], enterpriseIds: [] },
    });
    authority.revocations.add(revoked.jti);
    expect(errorCodes(await api.graphql('{ subgraphs { name } }', {}, revoked.token))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // Introspection alone stays open: it shows the API, not its data.
    const introspection = await api.graphql('{ __schema { queryType { name } } }', {}, null);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const noReason = await api.graphql('mutation { pinSupergraph(reason: "  ") { version } }');
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
  });
  it('re-checks at approval: a held version that no longer composes does not go live', async () => {
    const pin = await api.graphql('mutation { pinSupergraph(reason: "release freeze") { version pinned } }');
    expect(rootField(pin)).toEqual({ version: 8, pinned: true });
    // Each composes with the live subgraphs, so each is held (pinned); together they clash on Widget.id.
    const c = await api.publish('c', `${LINK}type Widget { id: ID! }\ntype Query { widgets: [Widget] }`);
    const d = await api.publish('d', `${LINK}type Widget { id: Int }\ntype Query { gadgets: [Widget] }`);
    expect([c.status, c.body.holdReason, d.status, d.body.holdReason]).toEqual([
      202,
      'PINNED',
      202,
      'PINNED',
    ]);
    const pending = rootField(await api.graphql('{ pendingSubgraphVersions { id subgraphName } }'));
    const idOf = (name: string) => pending.find((v: any) => v.subgraphName === name).id;
    const approveD = await api.graphql(
      `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "gadgets first") { status } }`,
      { id: idOf('d') },
    );
    expect(rootField(approveD)).toEqual({ status: 'ACCEPTED' });
    expect((await api.live()).version).toBe(9);
    const approveC = await api.graphql(
      `mutation($id: ID!) { approveSubgraphVersion(id: $id, reason: "widgets too") { status } }`,
      { id: idOf('c') },
    );
    expect(errorCodes(approveC)).toEqual(['CONFLICT']);
    expect(approveC.errors?.[0].extensions?.errors.length).toBeGreaterThan(0);
    expect((await api.live()).version).toBe(9);
    const c2 = rootField(
      await api.graphql('query($id: ID!) { subgraphVersion(id: $id) { status } }', { id: idOf('c') }),
    );
    expect(c2).toEqual({ status: 'HELD' });
    expect(rootField(await api.graphql('{ supergraph { version pinned } }'))).toEqual({
      version: 9,
      pinned: true,
    });
  });
});

describe('auto-approve mode (the embedded start)', () => {
  let stack: Awaited<ReturnType<typeof startWith>>;
  const api = client(() => stack.registry);
  beforeAll(async () => {
    stack = await startWith({ autoApprove: true });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('approves breaking changes as system, but a pin still holds', async () => {
    await api.publish('a', A1);
    await api.reportUsage(['Item.legacy']);
    const breaking = await api.publish('a', A2_NO_LEGACY);
    expect(breaking).toMatchObject({ status: 200, body: { status: 'ACCEPTED', supergraphVersion: 2 } });
    const [version] = rootField(
      await api.graphql(`{ subgraphVersions(subgraph: "a", first: 1) { ${VERSION_FIELDS} } }`),
    );
    expect(version).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'system',
      decisionReason: 'auto-approved (embedded start)',
    });
    expect(version.changes).toContainEqual(
      expect.objectContaining({ criticality: 'BREAKING', path: 'Item.legacy' }),
    );

    rootField(
      await api.graphql('mutation { rollbackSupergraph(version: 1, reason: "try the old one") { version } }'),
    );
    const pinned = await api.publish('a', A3_OPTIONAL_ARG);
    expect(pinned).toMatchObject({ status: 202, body: { status: 'HELD', holdReason: 'PINNED' } });
    expect((await api.live()).version).toBe(1);
  });
});
