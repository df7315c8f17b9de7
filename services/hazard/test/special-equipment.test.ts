import { DEMO_ENTERPRISES, demoEnterprise, orgId } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdueEquipment } from '../src/special-equipment/special-equipment.service.js';
import { hazardSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const token = (username: string) => subgraph.authority.tokenFor(username);
async function call(username: string, query: string, variables: Record<string, unknown> = {}) {
  return gql(subgraph.url, query, variables, await token(username));
}
async function data(username: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await call(username, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

const FIELDS = `id enterpriseId category registrationNo lastInspectionAt nextInspectionDue dueDefaulted
  inspectionResult sealed inspectionOverdue version overdueHazard { id status source grade sourceRef enterpriseId }`;
const LIST = `query($overdue: Boolean, $sealed: Boolean, $category: SpecialEquipmentCategory, $e: ID) {
  specialEquipment(first: 200, overdue: $overdue, sealed: $sealed, category: $category, enterpriseId: $e) {
    totalCount nodes { ${FIELDS} } } }`;
const REGISTER = `mutation($input: RegisterSpecialEquipmentInput!) { registerSpecialEquipment(input: $input) { ${FIELDS} } }`;
const INSPECT = `mutation($input: RecordEquipmentInspectionInput!) { recordEquipmentInspection(input: $input) { ${FIELDS} } }`;
const SEAL = `mutation($input: SetSpecialEquipmentSealedInput!) { setSpecialEquipmentSealed(input: $input) { ${FIELDS} } }`;

let serial = 0;
const unit = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId: chem1.id,
  category: 'ELEVATOR',
  registrationNo: `TEST-${++serial}`,
  name: '办公楼客梯（测试）',
  lastInspectionAt: '2024-07-15',
  ...overrides,
});

describe('special equipment (domain §5.5)', () => {
  it('seeds the units the enterprises would have, six overdue in use and two sealed', async () => {
    const all = (await data('saco.demo', LIST, {})).specialEquipment;
    expect(all.totalCount).toBeGreaterThan(40);
    const categories = new Set(all.nodes.map((n: any) => n.category));
    for (const c of ['BOILER', 'PRESSURE_VESSEL', 'ELEVATOR', 'LIFTING', 'IN_PLANT_VEHICLE'])
      expect(categories).toContain(c);
    const overdue = (await data('saco.demo', LIST, { overdue: true })).specialEquipment;
    expect(overdue.totalCount).toBe(6);
    expect(
      overdue.nodes.every((n: any) => n.inspectionOverdue && !n.sealed && n.nextInspectionDue < TODAY),
    ).toBe(true);
    const inTime = (await data('saco.demo', LIST, { overdue: false })).specialEquipment;
    expect(inTime.totalCount).toBe(all.totalCount - 6);
    expect((await data('saco.demo', LIST, { sealed: true })).specialEquipment.totalCount).toBe(2);
    const elevators = (await data('saco.demo', LIST, { category: 'ELEVATOR' })).specialEquipment.nodes;
    expect(elevators.length).toBeGreaterThan(0);
    expect(elevators.every((n: any) => n.dueDefaulted)).toBe(true);
  });

  it('registers a unit, defaulting an elevator’s due date to 12 months after its last inspection', async () => {
    const elevator = (await data('ent.chem1.manager.demo', REGISTER, { input: unit() }))
      .registerSpecialEquipment;
    expect(elevator).toMatchObject({
      nextInspectionDue: '2025-07-15',
      dueDefaulted: true,
      inspectionOverdue: false,
      version: 1,
    });
    const boiler = (await data('ent.chem1.manager.demo', REGISTER, { input: unit({ category: 'BOILER' }) }))
      .registerSpecialEquipment;
    expect(boiler).toMatchObject({ nextInspectionDue: null, dueDefaulted: false });
    const given = (
      await data('ent.chem1.manager.demo', REGISTER, { input: unit({ nextInspectionDue: '2025-09-01' }) })
    ).registerSpecialEquipment;
    expect(given).toMatchObject({ nextInspectionDue: '2025-09-01', dueDefaulted: false });
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username FROM audit_log WHERE entity_id = $1',
      [elevator.id],
    );
    expect(audit).toEqual([
      { operation: 'registerSpecialEquipment', actor_username: 'ent.chem1.manager.demo' },
    ]);

    const fields = async (input: Record<string, unknown>) => {
      const response = await call('ent.chem1.manager.demo', REGISTER, { input });
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fields(unit({ registrationNo: elevator.registrationNo }))).toEqual(['registrationNo']);
    expect(await fields(unit({ lastInspectionAt: '2025-07-01' }))).toEqual(['lastInspectionAt']);
    expect(await fields(unit({ nextInspectionDue: '2024-07-01' }))).toEqual(['nextInspectionDue']);
    expect(await fields(unit({ registrationNo: 'x' }))).toEqual(['registrationNo']);

    expect(
      errorCodes(await call('ent.chem1.manager.demo', REGISTER, { input: unit({ enterpriseId: coal1.id }) })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await call('ent.coal1.staff.demo', REGISTER, { input: unit({ enterpriseId: coal1.id }) })),
    ).toEqual(['FORBIDDEN']);
  });

  it('records inspections and seals with the version read', async () => {
    const created = (await data('ent.chem1.manager.demo', REGISTER, { input: unit() }))
      .registerSpecialEquipment;
    const stale = await call('ent.chem1.manager.demo', INSPECT, {
      input: { equipmentId: created.id, expectedVersion: 5, inspectedOn: '2025-06-20', result: 'PASSED' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const future = await call('ent.chem1.manager.demo', INSPECT, {
      input: { equipmentId: created.id, expectedVersion: 1, inspectedOn: '2025-07-20', result: 'PASSED' },
    });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const inspected = (
      await data('ent.chem1.manager.demo', INSPECT, {
        input: {
          equipmentId: created.id,
          expectedVersion: 1,
          inspectedOn: '2025-06-20',
          result: 'CONDITIONALLY_PASSED',
        },
      })
    ).recordEquipmentInspection;
    expect(inspected).toMatchObject({
      lastInspectionAt: '2025-06-20',
      nextInspectionDue: '2026-06-20',
      inspectionResult: 'CONDITIONALLY_PASSED',
      version: 2,
    });
    const sealed = (
      await data('ent.chem1.manager.demo', SEAL, {
        input: { equipmentId: created.id, expectedVersion: 2, sealed: true, reason: '停用封存（测试）' },
      })
    ).setSpecialEquipmentSealed;
    expect(sealed).toMatchObject({ sealed: true, version: 3 });
    const again = await call('ent.chem1.manager.demo', SEAL, {
      input: { equipmentId: created.id, expectedVersion: 3, sealed: true, reason: '重复（测试）' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const hidden = await call('ent.coal1.principal.demo', SEAL, {
      input: { equipmentId: created.id, expectedVersion: 3, sealed: false, reason: '越权（测试）' },
    });
    expect(errorCodes(hidden)).toEqual(['NOT_FOUND']);
  });

  it('raises one GENERAL SYSTEM_RULE hazard per missed due date for units in use, linked and emitted', async () => {
    const handled = await sweepOverdueEquipment(subgraph.runtime);
    expect(handled).toHaveLength(6);
    const overdue = (await data('saco.demo', LIST, { overdue: true })).specialEquipment.nodes;
    expect(overdue.map((n: any) => n.id).sort()).toEqual([...handled].sort());
    for (const equipment of overdue) {
      expect(equipment.overdueHazard).toMatchObject({
        status: 'REPORTED',
        source: 'SYSTEM_RULE',
        grade: 'GENERAL',
        sourceRef: equipment.id,
        enterpriseId: equipment.enterpriseId,
      });
    }
    const hazardId = overdue[0].overdueHazard.id;
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'hazardId' = $1 ORDER BY type`,
      [hazardId],
    );
    expect(events.map((e: any) => e.type)).toEqual(['HazardReported', 'SpecialEquipmentInspectionOverdue']);
    expect(events[1].payload).toMatchObject({ equipmentId: overdue[0].id, regulatorOrgIds: [orgId('SAMR')] });
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT entity, actor_username, actor_roles FROM audit_log WHERE entity_id = $1',
      [hazardId],
    );
    expect(audit).toEqual([
      { entity: 'Hazard', actor_username: 'system:special-equipment-overdue', actor_roles: ['SERVICE'] },
    ]);
    const history = await data(
      'saco.demo',
      `query($id: ID!) { hazard(id: $id) { history { from to actorId } } }`,
      { id: hazardId },
    );
    expect(history.hazard.history).toEqual([{ from: null, to: 'REPORTED', actorId: null }]);

    // Once per due date: the next day raises nothing new; sealed units never do.
    expect(await sweepOverdueEquipment(subgraph.runtime, new Date('2025-07-01T09:00:00+08:00'))).toEqual([]);

    // A new inspection whose due date is missed again raises a new hazard.
    const unitOverdue = overdue[0];
    const inspected = (
      await data('saco.demo', INSPECT, {
        input: {
          equipmentId: unitOverdue.id,
          expectedVersion: unitOverdue.version,
          inspectedOn: '2025-06-30',
          result: 'PASSED',
          nextInspectionDue: '2025-07-10',
        },
      })
    ).recordEquipmentInspection;
    expect(inspected.overdueHazard.id).toBe(hazardId);
    expect(await sweepOverdueEquipment(subgraph.runtime, new Date('2025-07-10T12:00:00+08:00'))).toEqual([]);
    expect(await sweepOverdueEquipment(subgraph.runtime, new Date('2025-07-11T00:30:00+08:00'))).toEqual([
      unitOverdue.id,
    ]);
    const after = (
      await data('saco.demo', `query($id: ID!) { specialEquipmentById(id: $id) { overdueHazard { id } } }`, {
        id: unitOverdue.id,
      })
    ).specialEquipmentById;
    expect(after.overdueHazard.id).not.toBe(hazardId);
  });

  it('lets 市场监管 see and act on the whole register and its hazards, across industries (§5.5, §2.4)', async () => {
    const SAMR = 'samr.demo';
    const samrOrg = orgId('SAMR');
    // The register: every unit, though 市场监管 regulates none of these enterprises' industries.
    const all = (await data('saco.demo', LIST, {})).specialEquipment.totalCount;
    const seen = (await data(SAMR, LIST, {})).specialEquipment;
    expect(seen.totalCount).toBe(all);
    expect(new Set(seen.nodes.map((n: any) => n.enterpriseId)).size).toBeGreaterThan(5);
    const overdue = (await data(SAMR, LIST, { overdue: true })).specialEquipment.nodes;
    expect(overdue.length).toBe(
      (await data('saco.demo', LIST, { overdue: true })).specialEquipment.totalCount,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.every((n: any) => n.overdueHazard?.source === 'SYSTEM_RULE')).toBe(true);
    // The user units' names and industries come from this service's register (SAMR cannot read
    // those enterprises through supervision): more than one industry, names as registered.
    const HOLDERS = `{ specialEquipment(first: 200) { nodes { enterpriseId holderName holderIndustryCode holderTownshipCode } } }`;
    const holders = (await data(SAMR, HOLDERS)).specialEquipment.nodes;
    expect(new Set(holders.map((n: any) => n.holderIndustryCode)).size).toBeGreaterThan(1);
    for (const n of holders) {
      const demo = DEMO_ENTERPRISES.find((e) => e.id === n.enterpriseId);
      expect(n.holderName).toBe(demo?.name);
      expect(n.holderTownshipCode).toBe(demo?.townshipCode);
    }

    // The hazards the rule raised, and no other hazard of those enterprises.
    const db = subgraph.runtime.dataSource;
    const supervised: Array<{ id: string }> = await db.query(
      'SELECT id FROM hazard WHERE supervising_org_id = $1',
      [samrOrg],
    );
    expect(supervised.length).toBeGreaterThanOrEqual(6);
    const HAZARDS = `{ hazards(first: 200) { totalCount nodes { id source supervisingOrgId enterpriseId } } }`;
    const hazards = (await data(SAMR, HAZARDS)).hazards;
    expect(hazards.nodes.map((h: any) => h.id).sort()).toEqual(supervised.map((h) => h.id).sort());
    expect(hazards.totalCount).toBe(supervised.length);
    expect(hazards.nodes.every((h: any) => h.supervisingOrgId === samrOrg)).toBe(true);
    const enterpriseId = overdue[0].enterpriseId;
    const [other] = await db.query(
      'SELECT id FROM hazard WHERE enterprise_id = $1 AND supervising_org_id IS NULL LIMIT 1',
      [enterpriseId],
    );
    expect(other).toBeDefined();
    const BY_ID = `query($id: ID!) { hazard(id: $id) { id } }`;
    expect((await data(SAMR, BY_ID, { id: other.id })).hazard).toBeNull();
    expect((await data(SAMR, BY_ID, { id: overdue[0].overdueHazard.id })).hazard).not.toBeNull();
    const entities = await data(
      SAMR,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Enterprise { hazards(first: 50) { totalCount nodes { id } } openHazardCount }
        ... on Hazard { id } } }`,
      {
        r: [
          { __typename: 'Enterprise', id: enterpriseId },
          { __typename: 'Hazard', id: other.id },
          { __typename: 'Hazard', id: overdue[0].overdueHazard.id },
        ],
      },
    );
    const mine = supervised.filter(
      (h) => hazards.nodes.find((n: any) => n.id === h.id)?.enterpriseId === enterpriseId,
    );
    expect(entities._entities[0].hazards.totalCount).toBe(mine.length);
    expect(entities._entities[0].openHazardCount).toBe(mine.length);
    expect(entities._entities[1]).toBeNull();
    expect(entities._entities[2]).toEqual({ id: overdue[0].overdueHazard.id });

    // An industry regulator still sees only its industries' units (住建 regulates none of these).
    const housing = (await data('zhujian.demo', LIST, { e: enterpriseId })).specialEquipment;
    expect(housing.totalCount).toBe(0);

    // 市场监管 confirms the rule's hazard (row 3, "for the responsible regulator to confirm") and is its
    // H-2 oversight leg; the enterprise's industry regulators are not.
    const CONFIRM = `mutation($input: ConfirmHazardInput!) { confirmHazard(input: $input) {
      status assignments { leg orgUnitIds } } }`;
    const target = (
      await data(SAMR, `query($id: ID!) { hazard(id: $id) { id version status } }`, {
        id: overdue[1].overdueHazard.id,
      })
    ).hazard;
    expect(target.status).toBe('REPORTED');
    const confirmed = (
      await data(SAMR, CONFIRM, {
        input: { hazardId: target.id, expectedVersion: target.version, deadline: '2025-07-31' },
      })
    ).confirmHazard;
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.assignments).toContainEqual({ leg: 'SUPERVISOR_OVERSIGHT', orgUnitIds: [samrOrg] });
    const audit = await db.query('SELECT actor_username FROM audit_log WHERE entity_id = $1 ORDER BY at', [
      target.id,
    ]);
    expect(audit.map((a: any) => a.actor_username)).toContain(SAMR);

    // It keeps the register of any user unit, in or out of an industry it regulates.
    const registered = (
      await data(SAMR, REGISTER, { input: unit({ enterpriseId: coal1.id, category: 'BOILER' }) })
    ).registerSpecialEquipment;
    expect(registered.enterpriseId).toBe(coal1.id);
    const unknown = await call(SAMR, REGISTER, {
      input: unit({ enterpriseId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await call('zhujian.demo', REGISTER, { input: unit({ enterpriseId: coal1.id }) })),
    ).toEqual(['FORBIDDEN']);
  });

  it('loads Enterprise.specialEquipment and the list’s hazards in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      id specialEquipment(first: 3) { totalCount nodes { id overdueHazard { id } } } } } }`;
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

  it('reads the user units of a list page in one statement, whatever its length', async () => {
    const saco = await token('saco.demo');
    const measure = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(
          subgraph.url,
          `query($n: Int!) { specialEquipment(first: $n) { nodes { id holderName holderIndustryCode } } }`,
          { n: first },
          saco,
        );
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data.specialEquipment.nodes.every((n: any) => n.holderName)).toBe(true);
      return statements.length;
    };
    expect(await measure(50)).toBe(await measure(5));
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [
      { field: 'specialEquipment', typename: 'SpecialEquipment', byIdField: 'specialEquipmentById' },
    ],
    enterpriseFields: ['specialEquipment'],
  });
});
