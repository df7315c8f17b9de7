import { DEMO_ENTERPRISES, demoEnterprise, demoId } from '@safety/reference';
import {
  demoPrincipal,
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUnacknowledgedAlerts } from '../src/alerts/alert.service.js';
import { hazardSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;
// The service clock stands at 00:00 of the demo day (Asia/Shanghai).
const NOW = new Date(`${TODAY}T00:00:00+08:00`).getTime();
const MINUTE = 60_000;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const fuel1 = demoEnterprise('fuel1');
const token = (username: string) => subgraph.authority.tokenFor(username);
/** An integrator account whose scope is chem1 (the demo integrator's is the town of 三雷). */
const chemIntegrator = () => {
  const principal = demoPrincipal('integrator.demo');
  return subgraph.authority.token({ ...principal, scope: { ...principal.scope, enterpriseIds: [chem1.id] } });
};
async function callAs(bearer: string, query: string, variables: Record<string, unknown> = {}) {
  return gql(subgraph.url, query, variables, bearer);
}
async function call(username: string, query: string, variables: Record<string, unknown> = {}) {
  return callAs(await token(username), query, variables);
}
async function data(username: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await call(username, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

const FIELDS = `id enterpriseId sourceSystem sensorRef status level kind startedAt clearedAt acknowledgeDueAt
  acknowledgedAt escalatedAt disposedAt handling closedAt version hazard { id status source sourceRef grade }`;
const RECEIVE = `mutation($input: ReceiveMonitoringAlertInput!) { receiveMonitoringAlert(input: $input) { ${FIELDS} } }`;
const ACK = `mutation($input: AcknowledgeMonitoringAlertInput!) { acknowledgeMonitoringAlert(input: $input) { ${FIELDS} } }`;
const DISPOSE = `mutation($input: DisposeMonitoringAlertInput!) { disposeMonitoringAlert(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($input: CloseMonitoringAlertInput!) { closeMonitoringAlert(input: $input) { ${FIELDS} } }`;
const CONVERT = `mutation($input: ConvertAlertToHazardInput!) { convertAlertToHazard(input: $input) { ${FIELDS} } }`;
const LIST = `query($status: MonitoringAlertStatus, $level: MonitoringAlertLevel, $kind: MonitoringAlertKind,
    $e: ID, $from: LocalDate, $source: String, $converted: Boolean) {
  monitoringAlerts(first: 100, status: $status, level: $level, kind: $kind, enterpriseId: $e, startedFrom: $from,
      sourceSystem: $source, converted: $converted) { totalCount nodes { id status enterpriseId startedAt } } }`;

let sensor = 0;
const alarm = (overrides: Record<string, unknown> = {}) => ({
  sourceSystem: 'hazchem-monitoring',
  enterpriseId: chem1.id,
  sensorRef: `GD-TEST-${++sensor}`,
  kind: 'GAS_CONCENTRATION',
  level: 'L2',
  reading: '甲醇 28%LEL',
  startedAt: new Date(NOW - 5 * MINUTE).toISOString(),
  ...overrides,
});
async function receive(input: Record<string, unknown>) {
  const response = await callAs(await chemIntegrator(), RECEIVE, { input });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.receiveMonitoringAlert;
}

describe('monitoring alerts (domain §5.13)', () => {
  it('seeds a handful of alerts and filters them', async () => {
    const all = (await data('saco.demo', LIST)).monitoringAlerts;
    expect(all.totalCount).toBe(8);
    const starts = all.nodes.map((n: any) => n.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect((await data('saco.demo', LIST, { status: 'CLOSED' })).monitoringAlerts.totalCount).toBe(4);
    expect((await data('saco.demo', LIST, { status: 'ESCALATED' })).monitoringAlerts.totalCount).toBe(1);
    expect((await data('saco.demo', LIST, { level: 'L2' })).monitoringAlerts.totalCount).toBe(3);
    expect((await data('saco.demo', LIST, { kind: 'VIDEO_AI' })).monitoringAlerts.nodes[0].enterpriseId).toBe(
      fuel1.id,
    );
    expect((await data('saco.demo', LIST, { e: chem1.id })).monitoringAlerts.totalCount).toBe(2);
    expect((await data('saco.demo', LIST, { source: 'coal-mine-kj' })).monitoringAlerts.totalCount).toBe(1);
    expect((await data('saco.demo', LIST, { from: '2025-06-28' })).monitoringAlerts.totalCount).toBe(3);
    expect((await data('saco.demo', LIST, { converted: false })).monitoringAlerts.totalCount).toBe(8);
  });

  it('receives alarms from integrators idempotently: a repeat changes nothing but the time cleared', async () => {
    const input = alarm();
    const first = await receive(input);
    expect(first).toMatchObject({
      status: 'OPEN',
      enterpriseId: chem1.id,
      version: 1,
      clearedAt: null,
      acknowledgeDueAt: new Date(NOW + 30 * MINUTE).toISOString(),
    });
    const again = await receive(input);
    expect(again).toMatchObject({ id: first.id, version: 1 });
    const cleared = await receive({ ...input, clearedAt: new Date(NOW - MINUTE).toISOString() });
    expect(cleared).toMatchObject({
      id: first.id,
      version: 2,
      clearedAt: new Date(NOW - MINUTE).toISOString(),
    });
    // Every call is audited; only the first and the clearing one record the alert itself (the
    // plain repeat gets the kit's generic entry).
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, entity, actor_username FROM audit_log WHERE entity_id = $1 ORDER BY at',
      [first.id],
    );
    const by = { operation: 'receiveMonitoringAlert', actor_username: 'integrator.demo' };
    expect(audit).toEqual([
      { ...by, entity: 'MonitoringAlert' },
      { ...by, entity: null },
      { ...by, entity: 'MonitoringAlert' },
    ]);

    // Late delivery: the enterprise still gets 30 minutes from arrival.
    const late = await receive(alarm({ startedAt: new Date(NOW - 120 * MINUTE).toISOString() }));
    expect(late.acknowledgeDueAt).toBe(new Date(NOW + 30 * MINUTE).toISOString());

    const fields = async (bad: Record<string, unknown>) => {
      const response = await callAs(await chemIntegrator(), RECEIVE, { input: bad });
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fields(alarm({ startedAt: new Date(NOW + 60 * MINUTE).toISOString() }))).toEqual([
      'startedAt',
    ]);
    expect(await fields(alarm({ clearedAt: new Date(NOW - 60 * MINUTE).toISOString() }))).toEqual([
      'clearedAt',
    ]);
    expect(await fields(alarm({ sourceSystem: 'x' }))).toEqual(['sourceSystem']);

    // By role and by scope: only integrators; the demo integrator only for 三雷.
    expect(errorCodes(await call('ent.chem1.manager.demo', RECEIVE, { input: alarm() }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await call('integrator.demo', RECEIVE, { input: alarm() }))).toEqual(['FORBIDDEN']);
    const inTown = await call('integrator.demo', RECEIVE, { input: alarm({ enterpriseId: fuel1.id }) });
    expect(inTown.data.receiveMonitoringAlert.enterpriseId).toBe(fuel1.id);
  });

  it('moves OPEN → ACKNOWLEDGED → DISPOSED → CLOSED, by the rows’ actors, with the version read', async () => {
    const alert = await receive(alarm());
    const input = { alertId: alert.id, expectedVersion: 1 };
    expect(errorCodes(await call('emb.staff.demo', ACK, { input }))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await call('ent.chem1.manager.demo', DISPOSE, { input: { ...input, handling: '已处置' } })),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(await call('ent.chem1.manager.demo', ACK, { input: { ...input, expectedVersion: 3 } })),
    ).toEqual(['CONFLICT']);
    expect(errorCodes(await call('ent.coal1.principal.demo', ACK, { input }))).toEqual(['NOT_FOUND']);
    const acknowledged = (await data('ent.chem1.manager.demo', ACK, { input })).acknowledgeMonitoringAlert;
    expect(acknowledged).toMatchObject({
      status: 'ACKNOWLEDGED',
      version: 2,
      acknowledgedAt: new Date(NOW).toISOString(),
    });
    const disposed = (
      await data('ent.chem1.manager.demo', DISPOSE, {
        input: { alertId: alert.id, expectedVersion: 2, handling: '关闭阀门，通风后浓度恢复正常' },
      })
    ).disposeMonitoringAlert;
    expect(disposed).toMatchObject({
      status: 'DISPOSED',
      handling: '关闭阀门，通风后浓度恢复正常',
      version: 3,
    });
    const closed = (await data('emb.staff.demo', CLOSE, { input: { alertId: alert.id, expectedVersion: 3 } }))
      .closeMonitoringAlert;
    expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
    expect(
      errorCodes(await call('emb.staff.demo', CLOSE, { input: { alertId: alert.id, expectedVersion: 4 } })),
    ).toEqual(['CONFLICT']);
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY at',
      [alert.id],
    );
    expect(audit.map((a: any) => a.operation)).toEqual([
      'receiveMonitoringAlert',
      'acknowledgeMonitoringAlert',
      'disposeMonitoringAlert',
      'closeMonitoringAlert',
    ]);
  });

  it('escalates alerts not acknowledged in 30 minutes, once, emitting MonitoringAlertEscalated', async () => {
    const alert = await receive(alarm());
    const seededOpen = demoId('monitoring-alert', 'a7');
    const openIds = async () =>
      (await data('saco.demo', LIST, { status: 'OPEN' })).monitoringAlerts.nodes.map((n: any) => n.id);
    // At the deadline itself nothing is escalated (the seeded open alert is due at +20 min).
    expect(await sweepUnacknowledgedAlerts(subgraph.runtime, new Date(NOW + 20 * MINUTE))).toEqual([]);
    const stillOpen = await openIds();
    const escalated = await sweepUnacknowledgedAlerts(subgraph.runtime, new Date(NOW + 30 * MINUTE + 1));
    expect(escalated).toContain(alert.id);
    expect(escalated).toContain(seededOpen);
    expect(escalated.sort()).toEqual(stillOpen.filter((id: string) => escalated.includes(id)).sort());
    expect(await sweepUnacknowledgedAlerts(subgraph.runtime, new Date(NOW + 60 * MINUTE))).toEqual([]);

    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'alertId' = $1`,
      [alert.id],
    );
    expect(events).toEqual([
      {
        type: 'MonitoringAlertEscalated',
        payload: expect.objectContaining({ enterpriseId: chem1.id, regulatorOrgIds: chem1.regulatorOrgIds }),
      },
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT actor_username FROM audit_log WHERE entity_id = $1 ORDER BY at',
      [alert.id],
    );
    expect(audit.at(-1)).toEqual({ actor_username: 'system:monitoring-alert-escalation' });

    const after = (
      await data('saco.demo', `query($id: ID!) { monitoringAlert(id: $id) { ${FIELDS} } }`, { id: alert.id })
    ).monitoringAlert;
    expect(after).toMatchObject({ status: 'ESCALATED', version: 2 });
    // The regulator takes it up: an escalated alert is acknowledged late.
    const acknowledged = (
      await data('emb.staff.demo', ACK, { input: { alertId: alert.id, expectedVersion: 2 } })
    ).acknowledgeMonitoringAlert;
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
  });

  it('converts an alert into a MONITORING_ALERT hazard once, in one transaction', async () => {
    const alert = await receive(alarm({ level: 'L1' }));
    const input = {
      alertId: alert.id,
      expectedVersion: 1,
      title: '甲醇储罐区可燃气体报警（测试）',
      grade: 'GENERAL',
    };
    expect(errorCodes(await call('ent.chem1.manager.demo', CONVERT, { input }))).toEqual(['FORBIDDEN']);
    const converted = (await data('emb.staff.demo', CONVERT, { input })).convertAlertToHazard;
    expect(converted.version).toBe(2);
    expect(converted.hazard).toMatchObject({
      status: 'REPORTED',
      source: 'MONITORING_ALERT',
      sourceRef: alert.id,
      grade: 'GENERAL',
    });
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type FROM event_log WHERE payload->>'hazardId' = $1`,
      [converted.hazard.id],
    );
    expect(events.map((e: any) => e.type)).toEqual(['HazardReported']);
    expect(
      errorCodes(await call('emb.staff.demo', CONVERT, { input: { ...input, expectedVersion: 2 } })),
    ).toEqual(['CONFLICT']);
    expect(
      (await data('saco.demo', LIST, { converted: true })).monitoringAlerts.nodes.map((n: any) => n.id),
    ).toEqual([alert.id]);
    // A failing hazard leaves the alert unconverted.
    const other = await receive(alarm());
    const failing = await call('emb.staff.demo', CONVERT, {
      input: {
        alertId: other.id,
        expectedVersion: 1,
        title: '测试隐患标题',
        grade: 'GENERAL',
        deadline: '2025-01-01',
      },
    });
    expect(errorCodes(failing)).toEqual(['BAD_USER_INPUT']);
    const [row] = await subgraph.runtime.dataSource.query(
      'SELECT hazard_id, version FROM monitoring_alert WHERE id = $1',
      [other.id],
    );
    expect(row).toEqual({ hazard_id: null, version: 1 });
  });

  it('loads Enterprise.monitoringAlerts in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      id monitoringAlerts(first: 3) { totalCount nodes { id hazard { id } } } } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(2);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'monitoringAlerts', typename: 'MonitoringAlert', byIdField: 'monitoringAlert' }],
    enterpriseFields: ['monitoringAlerts'],
  });
});
