import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ENTERPRISES } from '@safety/reference';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSubgraph, startEmbeddedDatabase, startSubgraph } from '../src/index.js';
import {
  describeScopeHarness,
  errorCodes,
  type GraphQLResponse,
  gql,
  startTestSubgraph,
  TestAuthority,
  type TestSubgraph,
} from '../src/testing/index.js';
import { widgetSubgraph } from './widget.fixture.js';

const CREATE = `mutation($input: CreateWidgetInput!) { createWidget(input: $input) { id name enterpriseId } }`;
const coal1 = DEMO_ENTERPRISES.find((e) => e.key === 'coal1')!;

async function eventually<T>(
  check: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('embedded database', () => {
  it('keeps data across stop and restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kit-pglite-'));
    try {
      const first = await startEmbeddedDatabase(dir);
      const client = new pg.Client(first.url);
      await client.connect();
      await client.query('CREATE TABLE note (body text)');
      await client.query(`INSERT INTO note VALUES ('kept')`);
      await client.end();
      await first.close();

      const second = await startEmbeddedDatabase(dir);
      const again = new pg.Client(second.url);
      await again.connect();
      const { rows } = await again.query('SELECT body FROM note');
      await again.end();
      await second.close();
      expect(rows).toEqual([{ body: 'kept' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('restarts a subgraph on its data without re-seeding or losing writes', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kit-subgraph-'));
    const authority = await TestAuthority.create();
    const start = () =>
      startSubgraph(widgetSubgraph, {
        port: 0,
        dataDir,
        registryUrl: null,
        auth: authority.serviceAuth(),
        subscribers: async () => [],
      });
    try {
      let runtime = await start();
      const token = await authority.tokenFor('saco.demo');
      const created = await gql(
        runtime.url,
        CREATE,
        { input: { name: 'survivor', enterpriseId: coal1.id } },
        token,
      );
      expect(created.errors).toBeUndefined();
      const count = async () =>
        (await runtime.dataSource.query('SELECT count(*)::int AS n FROM widget'))[0].n;
      const before = await count();
      await runtime.stop();

      runtime = await start();
      expect(await count()).toBe(before);
      const found = await gql(
        runtime.url,
        `query($id: ID!) { widget(id: $id) { name } }`,
        { id: created.data.createWidget.id },
        token,
      );
      expect(found.data.widget.name).toBe('survivor');
      await runtime.stop();

      // A module added later seeds its demo data once, on the same demo "today", and never again.
      const seedDays: string[] = [];
      const withModule = defineSubgraph({
        ...widgetSubgraph,
        modules: [
          {
            name: 'gadgets',
            seed: async (manager, { today }) => {
              seedDays.push(today.toISOString());
              await manager.query(`INSERT INTO widget (name, enterprise_id) VALUES ('gadget', $1)`, [
                coal1.id,
              ]);
            },
          },
        ],
      });
      const startWithModule = () =>
        startSubgraph(withModule, {
          port: 0,
          dataDir,
          registryUrl: null,
          auth: authority.serviceAuth(),
          subscribers: async () => [],
        });
      runtime = await startWithModule();
      expect(await count()).toBe(before + 1);
      const [meta] = await runtime.dataSource.query(`SELECT value FROM kit_meta WHERE key = 'seeded'`);
      expect(seedDays).toEqual([meta.value.demoToday]);
      await runtime.stop();
      runtime = await startWithModule();
      expect(await count()).toBe(before + 1);
      expect(seedDays).toHaveLength(1);
      await runtime.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('subgraph runtime', () => {
  let producer: TestSubgraph;
  let consumer: TestSubgraph;
  let failNext = 0;

  beforeAll(async () => {
    const authority = await TestAuthority.create();
    consumer = await startTestSubgraph(
      {
        ...widgetSubgraph,
        name: 'widget-consumer',
        eventHandlers: {
          WidgetCreated: async (event, manager) => {
            if (failNext > 0) {
              failNext--;
              throw new Error('consumer temporarily down');
            }
            await manager.query('INSERT INTO widget (name, enterprise_id) VALUES ($1, $2)', [
              `copy of ${event.payload.widgetId}`,
              event.payload.enterpriseId,
            ]);
          },
        },
      },
      { authority },
    );
    producer = await startTestSubgraph(widgetSubgraph, {
      authority,
      subscribers: async (type) =>
        type === 'WidgetCreated'
          ? [{ service: 'widget-consumer', eventsUrl: `${consumer.runtime.baseUrl}/events` }]
          : [],
      overrides: { outboxRetryDelaySeconds: 1 },
    });
  });

  afterAll(async () => {
    await producer?.stop();
    await consumer?.stop();
  });

  it('pages through rows whose sort key has microseconds, none skipped or repeated', async () => {
    // One statement, one microsecond timestamp: a JS Date (milliseconds) in the cursor used to lose them.
    await consumer.runtime.dataSource.query(
      `INSERT INTO widget (name, enterprise_id, created_at)
       SELECT 'micro ' || n, $1, '2031-01-01 00:00:00.123456+00' FROM generate_series(1, 23) AS n`,
      [coal1.id],
    );
    const token = await consumer.authority.tokenFor('saco.demo');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      type WidgetPage = {
        widgets: {
          nodes: Array<{ id: string; name: string }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const page: GraphQLResponse<WidgetPage> = await gql<WidgetPage>(
        consumer.url,
        'query($after: String) { widgets(first: 5, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }',
        { after },
        token,
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.widgets.nodes.filter((n) => n.name.startsWith('micro ')).map((n) => n.id));
      if (!page.data!.widgets.pageInfo.hasNextPage) break;
      after = page.data!.widgets.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  it('serves health and readiness', async () => {
    expect((await fetch(`${producer.runtime.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${producer.runtime.baseUrl}/readyz`)).status).toBe(200);
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const token = await producer.authority.tokenFor('saco.demo');
    const tooShort = await gql(producer.url, CREATE, { input: { name: 'x', enterpriseId: coal1.id } }, token);
    expect(errorCodes(tooShort)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(tooShort.errors![0]!.extensions!.fields)).toEqual(['name']);
    const unknown = await gql(
      producer.url,
      CREATE,
      { input: { name: 'widget', enterpriseId: '00000000-0000-4000-8000-000000000000' } },
      token,
    );
    expect(unknown.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { enterpriseId: 'unknown enterprise' },
    });
    const badCursor = await gql(producer.url, '{ widgets(after: "nonsense") { totalCount } }', {}, token);
    expect(badCursor.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.any(String) },
    });
  });

  it('refuses anonymous, forged and revoked callers with UNAUTHENTICATED', async () => {
    expect(errorCodes(await gql(producer.url, '{ widgets { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    const stranger = await TestAuthority.create();
    const forged = await gql(
      producer.url,
      '{ widgets { totalCount } }',
      {},
      await stranger.tokenFor('saco.demo'),
    );
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
    const { token, jti } = await producer.authority.tokenWithId(
      (await import('../src/testing/index.js')).demoPrincipal('saco.demo'),
    );
    expect(errorCodes(await gql(producer.url, '{ widgets { totalCount } }', {}, token))).toEqual([]);
    producer.authority.revocations.add(jti);
    expect(errorCodes(await gql(producer.url, '{ widgets { totalCount } }', {}, token))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('isolates concurrent transactions, audits the commit and delivers exactly the committed events, retrying failures once each', async () => {
    failNext = 1;
    const token = await producer.authority.tokenFor('saco.demo');
    const [kept, rolledBack] = await Promise.all([
      gql(producer.url, CREATE, { input: { name: 'kept widget', enterpriseId: coal1.id } }, token),
      gql(
        producer.url,
        CREATE,
        { input: { name: 'rolled back', enterpriseId: coal1.id, failAfterEmit: true } },
        token,
      ),
    ]);
    expect(kept.errors).toBeUndefined();
    expect(errorCodes(rolledBack)).toEqual(['NOT_FOUND']);
    const keptId = kept.data.createWidget.id;

    const names = await producer.runtime.dataSource.query(
      `SELECT name FROM widget WHERE name IN ('kept widget', 'rolled back')`,
    );
    expect(names).toEqual([{ name: 'kept widget' }]);
    const audit = await producer.runtime.dataSource.query(
      `SELECT actor_username, operation, entity FROM audit_log WHERE entity_id = $1`,
      [keptId],
    );
    expect(audit).toEqual([{ actor_username: 'saco.demo', operation: 'createWidget', entity: 'Widget' }]);

    const copies = await eventually(
      () => consumer.runtime.dataSource.query(`SELECT name FROM widget WHERE name LIKE 'copy of %'`),
      (rows: unknown[]) => rows.length >= 1,
    );
    expect(copies).toEqual([{ name: `copy of ${keptId}` }]);
    const events = await producer.runtime.dataSource.query(
      `SELECT id, payload, deliveries FROM event_log WHERE type = 'WidgetCreated'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload.widgetId).toBe(keptId);
    expect(events[0].deliveries['widget-consumer']).toMatchObject({ status: 'DELIVERED', attempts: 2 });

    // Redelivery of the same event is acknowledged without effect.
    const serviceToken = await producer.runtime.auth.serviceToken();
    const redelivered = await fetch(`${consumer.runtime.baseUrl}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${serviceToken}` },
      body: JSON.stringify({
        id: events[0].id,
        type: 'WidgetCreated',
        source: 'widgets',
        occurredAt: new Date().toISOString(),
        payload: events[0].payload,
      }),
    });
    expect(await redelivered.json()).toEqual({ result: 'duplicate' });
    const after = await consumer.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM widget WHERE name LIKE 'copy of %'`,
    );
    expect(after[0].n).toBe(1);
  });

  it('refuses events from callers that are not services', async () => {
    const response = await fetch(`${consumer.runtime.baseUrl}/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await consumer.authority.tokenFor('saco.demo')}`,
      },
      body: JSON.stringify({ id: crypto.randomUUID(), type: 'WidgetCreated', payload: {} }),
    });
    expect(response.status).toBe(403);
  });

  describeScopeHarness({
    subgraph: () => producer,
    connections: [{ field: 'widgets', typename: 'Widget', byIdField: 'widget' }],
    enterpriseFields: ['widgets'],
  });
});

describe('scheduled jobs', () => {
  it('registers each job with pg-boss in Asia/Shanghai and runs it with the database and the outbox', async () => {
    const runs: string[] = [];
    const widgets = await startTestSubgraph(
      {
        ...widgetSubgraph,
        name: 'widget-jobs',
        jobs: [
          {
            name: 'widget-sweep',
            cron: '*/5 * * * *',
            run: ({ dataSource, outbox }) =>
              dataSource.transaction(async (manager) => {
                const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM widget');
                await outbox.emit(manager, 'WidgetsCounted', { count }, null);
                runs.push(`counted ${count}`);
              }),
          },
        ],
      },
      { overrides: { scheduleJobs: true } },
    );
    try {
      await expect(widgets.runtime.scheduler.schedules()).resolves.toEqual([
        { name: 'widget-sweep', cron: '*/5 * * * *', tz: 'Asia/Shanghai' },
      ]);
      await widgets.runtime.scheduler.runNow('widget-sweep');
      await eventually(
        async () => runs.length,
        (n) => n === 1,
      );
      expect(runs).toEqual(['counted 10']);
      const events = await widgets.runtime.dataSource.query(
        `SELECT payload FROM event_log WHERE type = 'WidgetsCounted'`,
      );
      expect(events).toEqual([{ payload: { count: 10 } }]);
      await expect(widgets.runtime.scheduler.runNow('no-such-job')).rejects.toThrow('no scheduled job');
    } finally {
      await widgets.stop();
    }
  });

  it('runs a daily job once on start when it asks to catch up, and a plain one not before its time', async () => {
    const runs: string[] = [];
    const widgets = await startTestSubgraph(
      {
        ...widgetSubgraph,
        name: 'widget-catch-up',
        jobs: [
          {
            name: 'widget-daily',
            cron: '15 0 * * *',
            catchUpOnStart: true,
            run: async () => runs.push('daily'),
          },
          { name: 'widget-nightly', cron: '30 0 * * *', run: async () => runs.push('nightly') },
        ],
      },
      { overrides: { scheduleJobs: true } },
    );
    try {
      await eventually(
        async () => runs.length,
        (n) => n >= 1,
      );
      // Give a wrongly queued nightly run the same polling time to show up.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect(runs).toEqual(['daily']);
    } finally {
      await widgets.stop();
    }
  });
});
