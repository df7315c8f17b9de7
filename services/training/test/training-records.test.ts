import { demoEnterprise } from '@safety/reference';
import {
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERMIT_DEMO_GUARDIAN,
  PERMIT_DEMO_PEOPLE,
  permitDemoEnterpriseId,
  permitDemoPersonId,
} from '../src/seed/permit-demo.js';
import { trainingSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(trainingSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const AT = `${TODAY}T09:00:00+08:00`;
const MANAGER = 'ent.chem1.manager.demo';
const demo = (name: keyof typeof PERMIT_DEMO_PEOPLE) => permitDemoPersonId(PERMIT_DEMO_PEOPLE[name].key);
const guardian = demo(PERMIT_DEMO_GUARDIAN.person);
const token = (username: string) => subgraph.authority.tokenFor(username);
const call = async (query: string, variables: Record<string, unknown>, username = MANAGER) =>
  gql(subgraph.url, query, variables, await token(username));

const CHECK = `query($checks: [QualificationCheckInput!]!) {
  qualificationCheck(checks: $checks) {
    personId ok reasons evidence { number }
    trainingEvidence { trainingRecordId topic specialWorkType completedOn validTo } } }`;
const RECORD = `mutation($input: RecordTrainingInput!) {
  recordTraining(input: $input) { id personId enterpriseId employmentId specialWorkType passed completedOn } }`;
const RECORDS = `query($id: ID!) { person(id: $id) { id trainingRecords { id specialWorkType completedOn passed } } }`;

async function check(checks: Array<Record<string, unknown>>) {
  const response = await gql(
    subgraph.url,
    CHECK,
    { checks },
    await subgraph.authority.serviceAuth('hazard').serviceToken(),
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.qualificationCheck as Array<any>;
}
async function employmentOf(personId: string) {
  const [row] = await subgraph.runtime.dataSource.query(
    'SELECT id FROM employment WHERE person_id = $1 AND enterprise_id = $2 AND leave_date IS NULL',
    [personId, chem1.id],
  );
  return row.id as string;
}
const input = (employmentId: string, overrides: Record<string, unknown> = {}) => ({
  employmentId,
  topic: '动火作业监护人培训（测试）',
  specialWorkType: 'HOT_WORK',
  mode: 'CLASSROOM',
  creditedHours: 4,
  attendanceEvidence: 'b'.repeat(64),
  passed: true,
  completedOn: '2025-06-01',
  ...overrides,
});

describe('training records and the guardian check (domain §7.4, §5.9)', () => {
  it('seeds the permit demo’s guardian trained for every type it guards, within the year', async () => {
    expect(permitDemoEnterpriseId()).toBe(chem1.id);
    const response = await call(RECORDS, { id: guardian });
    expect(response.errors).toBeUndefined();
    const records = response.data.person.trainingRecords;
    expect(records.map((r: any) => r.specialWorkType).sort()).toEqual(
      Object.keys(PERMIT_DEMO_GUARDIAN.trainings).sort(),
    );
    const answers = await check(
      Object.keys(PERMIT_DEMO_GUARDIAN.trainings).map((type) => ({
        personId: guardian,
        enterpriseId: chem1.id,
        specialWorkTraining: type,
        at: AT,
      })),
    );
    expect(answers.every((a) => a.ok && a.trainingEvidence && a.evidence === null)).toBe(true);
    expect(answers[0].trainingEvidence).toMatchObject({
      specialWorkType: 'HOT_WORK',
      validTo: expect.any(String),
    });
  });

  it('answers a guardian without the training with its own reason, and with it once recorded', async () => {
    const welder = demo('welder1');
    const ask = [{ personId: welder, enterpriseId: chem1.id, specialWorkTraining: 'CONFINED_SPACE', at: AT }];
    expect(await check(ask)).toEqual([
      {
        personId: welder,
        ok: false,
        reasons: ['NO_SPECIAL_WORK_TRAINING'],
        evidence: null,
        trainingEvidence: null,
      },
    ]);
    const employmentId = await employmentOf(welder);
    // A year and more ago: recorded, but no longer counts [D].
    const old = await call(RECORD, {
      input: input(employmentId, { specialWorkType: 'CONFINED_SPACE', completedOn: '2024-06-01' }),
    });
    expect(old.errors).toBeUndefined();
    expect((await check(ask))[0]).toMatchObject({ ok: false, reasons: ['SPECIAL_WORK_TRAINING_EXPIRED'] });
    const recorded = (
      await call(RECORD, { input: input(employmentId, { specialWorkType: 'CONFINED_SPACE' }) })
    ).data.recordTraining;
    expect(recorded).toMatchObject({ personId: welder, enterpriseId: chem1.id, employmentId, passed: true });
    expect((await check(ask))[0]).toMatchObject({
      ok: true,
      reasons: [],
      trainingEvidence: { trainingRecordId: recorded.id, completedOn: '2025-06-01', validTo: '2026-05-31' },
    });
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username FROM audit_log WHERE entity_id = $1',
      [recorded.id],
    );
    expect(audit).toEqual([{ operation: 'recordTraining', actor_username: MANAGER }]);

    // A certificate and a training in one check is a mistake of the caller.
    const both = await gql(
      subgraph.url,
      CHECK,
      {
        checks: [
          {
            ...ask[0],
            requirement: { certType: 'SPECIAL_OPERATION', category: '焊接与热切割作业' },
          },
        ],
      },
      await subgraph.authority.serviceAuth('hazard').serviceToken(),
    );
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
  });

  it('checks the input, the role and the data scope of a record', async () => {
    const employmentId = await employmentOf(demo('welder1'));
    const fields = async (overrides: Record<string, unknown>) => {
      const response = await call(RECORD, { input: input(employmentId, overrides) });
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields ?? {});
    };
    expect(await fields({ completedOn: '2025-07-01' })).toEqual(['completedOn']);
    expect(await fields({ creditedHours: 0 })).toEqual(['creditedHours']);
    expect(await fields({ completedOn: '1990-01-01' })).toEqual(['completedOn']);
    expect(
      errorCodes(await call(RECORD, { input: input(employmentId) }, 'ent.coal1.principal.demo')),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await call(RECORD, { input: input(employmentId) }, 'ent.coal1.staff.demo'))).toEqual([
      'FORBIDDEN',
    ]);
    // Records are visible within the enterprise's scope only.
    const outside = await call(RECORDS, { id: guardian }, 'ent.coal1.principal.demo');
    expect(outside.data?.person?.trainingRecords ?? []).toEqual([]);
  });

  it('loads Person.trainingRecords in a constant number of SQL statements', async () => {
    const ids: Array<{ id: string }> = await subgraph.runtime.dataSource.query(
      'SELECT DISTINCT person_id AS id FROM employment WHERE enterprise_id = $1 ORDER BY 1 LIMIT 50',
      [chem1.id],
    );
    expect(ids.length).toBe(50);
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id trainingRecords { id } } } }`;
    const saco = await token('saco.demo');
    const measure = async (count: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(
          subgraph.url,
          QUERY,
          { r: ids.slice(0, count).map((p) => ({ __typename: 'Person', id: p.id })) },
          saco,
        );
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return statements.length;
    };
    expect(await measure(50)).toBe(await measure(5));
  });
});
