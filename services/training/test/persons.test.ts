import { canSeeEnterprise, type ScopedPrincipal } from '@safety/auth';
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
import { idCheckCharacter } from '../src/certificates/certificate.rules.js';
import { idNumberHash } from '../src/persons/person.rules.js';
import { idHashKey } from '../src/persons/person.service.js';
import { PERMIT_DEMO_PEOPLE, permitDemoPersonId } from '../src/seed/permit-demo.js';
import { PERSON_TOTAL } from '../src/seed/workforce.js';
import { trainingSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(trainingSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const token = (username: string) => subgraph.authority.tokenFor(username);
const db = () => subgraph.runtime.dataSource;
const idNumber = (body: string) => body + idCheckCharacter(body);

const PERSONS = `query($first: Int, $after: String, $enterpriseId: ID, $name: String) {
  persons(first: $first, after: $after, enterpriseId: $enterpriseId, name: $name) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id nameZh idNumberMasked birthDate }
  }
}`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) { id idNumberMasked birthDate gender employments { enterpriseId post engagedBy }
    threeLevelEducation { status requiredHours enterpriseId } } }`;

async function allPersons(username: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const response: any = await gql(subgraph.url, PERSONS, { first: 200, after }, await token(username));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    totalCount = response.data.persons.totalCount;
    ids.push(...response.data.persons.nodes.map((n: any) => n.id));
    if (!response.data.persons.pageInfo.hasNextPage) return { ids, totalCount };
    after = response.data.persons.pageInfo.endCursor;
  }
}

describe('persons (domain §3.5)', () => {
  it('seeds about 3,000 persons: every certificate holder, masked and hashed, one active employment each', async () => {
    const [counts] = await db().query(
      `SELECT
      (SELECT count(*) FROM person)::int AS persons,
      (SELECT count(DISTINCT id_number_hash) FROM person)::int AS hashes,
      (SELECT count(*) FROM certificate c JOIN person p ON p.id = c.person_id
        WHERE p.name_zh = c.holder_name AND p.id_number_masked = c.id_number_masked)::int AS matching,
      (SELECT count(*) FROM certificate)::int AS certificates,
      (SELECT count(*) FROM person p WHERE NOT EXISTS
        (SELECT 1 FROM employment e WHERE e.person_id = p.id AND e.leave_date IS NULL))::int AS idle,
      (SELECT count(*) FROM person WHERE birth_date > $1::date - interval '18 years')::int AS minors,
      (SELECT count(*) FROM three_level_education WHERE status = 'PASSED')::int AS passed,
      (SELECT count(*) FROM three_level_education)::int AS education`,
      [TODAY],
    );
    expect(counts).toMatchObject({ persons: PERSON_TOTAL, hashes: PERSON_TOTAL, idle: 0, minors: 0 });
    expect(counts.matching).toBe(counts.certificates);
    expect(counts.passed / counts.education).toBeGreaterThan(0.9);
    const designated = Object.values(PERMIT_DEMO_PEOPLE).map((p) => permitDemoPersonId(p.key));
    const rows = await db().query('SELECT id FROM person WHERE id = ANY($1)', [designated]);
    expect(rows).toHaveLength(designated.length);
    expect(permitDemoPersonId(PERMIT_DEMO_PEOPLE.offPost.key)).toBe(demoId('person', 'permit-demo:off-post'));
  });

  it('lists persons by name with cursors, filtered by enterprise and name', async () => {
    const first = (await gql(subgraph.url, PERSONS, { first: 50 }, await token('saco.demo'))).data.persons;
    expect(first.totalCount).toBe(PERSON_TOTAL);
    const second = (
      await gql(
        subgraph.url,
        PERSONS,
        { first: 50, after: first.pageInfo.endCursor },
        await token('saco.demo'),
      )
    ).data.persons;
    const names = [...first.nodes, ...second.nodes].map((n: any) => n.nameZh);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const atChem1 = (
      await gql(subgraph.url, PERSONS, { first: 200, enterpriseId: chem1.id }, await token('saco.demo'))
    ).data.persons;
    const [{ count }] = await db().query(
      'SELECT count(*)::int AS count FROM employment WHERE enterprise_id = $1 AND leave_date IS NULL',
      [chem1.id],
    );
    expect(atChem1.totalCount).toBe(count);
    const named = (await gql(subgraph.url, PERSONS, { first: 10, name: '离岗' }, await token('saco.demo')))
      .data.persons;
    expect(named.nodes.map((n: any) => n.nameZh)).toEqual([PERMIT_DEMO_PEOPLE.offPost.nameZh]);
  });

  it('shows each scoped user exactly the persons employed or certified at enterprises in scope', async () => {
    const links: Array<{ person_id: string; enterprise_id: string }> = await db().query(
      'SELECT person_id, enterprise_id FROM employment UNION SELECT person_id, enterprise_id FROM certificate',
    );
    for (const username of [
      'ent.chem1.manager.demo',
      'town.hongshagang.demo',
      'zhujian.demo',
      'public.demo',
    ]) {
      const principal = demoPrincipal(username) as ScopedPrincipal;
      const expected = new Set(
        links
          .filter((l) => {
            const enterprise = DEMO_ENTERPRISES.find((e) => e.id === l.enterprise_id);
            return enterprise !== undefined && canSeeEnterprise(principal, enterprise);
          })
          .map((l) => l.person_id),
      );
      const seen = await allPersons(username);
      expect(seen.ids.sort(), username).toEqual([...expected].sort());
      expect(seen.totalCount).toBe(expected.size);
    }
    // By id and through _entities, hidden persons are null.
    const [coalOnly] = await db().query(
      `SELECT person_id AS id FROM employment e WHERE enterprise_id = $1 AND NOT EXISTS
        (SELECT 1 FROM employment x WHERE x.person_id = e.person_id AND x.enterprise_id <> $1) LIMIT 1`,
      [coal1.id],
    );
    const manager = await token('ent.chem1.manager.demo');
    const byId = await gql(
      subgraph.url,
      'query($id: ID!) { person(id: $id) { id } }',
      { id: coalOnly.id },
      manager,
    );
    expect(byId.data.person).toBeNull();
    const entities = await gql(
      subgraph.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } } }',
      { r: [{ __typename: 'Person', id: coalOnly.id }] },
      manager,
    );
    expect(entities.data._entities).toEqual([null]);
  });

  it('loads Person.certificates, employments and threeLevelEducation for many persons in constant statements', async () => {
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id nameZh
      certificates { id number status person { id } } employments { id post enterprise { id } person { id } }
      threeLevelEducation { status canWorkToday levels { level hours passed } } } } }`;
    const ids: Array<{ id: string }> = await db().query(
      'SELECT person_id AS id FROM certificate ORDER BY id LIMIT 60',
    );
    const saco = await token('saco.demo');
    const measure = async (count: number) => {
      let response: any;
      const statements = await sqlStatements(db(), async () => {
        response = await gql(
          subgraph.url,
          QUERY,
          { r: ids.slice(0, count).map(({ id }) => ({ __typename: 'Person', id })) },
          saco,
        );
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      for (const person of response.data._entities) {
        expect(person.certificates.length).toBeGreaterThan(0);
        expect(person.certificates.every((c: any) => c.person.id === person.id)).toBe(true);
        expect(person.employments.length).toBeGreaterThan(0);
        expect(person.threeLevelEducation.length).toBe(person.employments.length);
      }
      return statements;
    };
    const five = await measure(5);
    const sixty = await measure(60);
    console.info(`Person fields: ${five.length} statements for 5 persons, ${sixty.length} for 60`);
    expect(sixty.length).toBe(five.length);
  });

  it('adds employments and personCount to Enterprise, batched', async () => {
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id personCount
      employments(first: 3) { totalCount nodes { hireDate person { id nameZh } } } } } }`;
    const saco = await token('saco.demo');
    const measure = async (count: number) => {
      let response: any;
      const statements = await sqlStatements(db(), async () => {
        response = await gql(
          subgraph.url,
          QUERY,
          { r: DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id })) },
          saco,
        );
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return { statements, entities: response.data._entities };
    };
    const five = await measure(5);
    const all = await measure(DEMO_ENTERPRISES.length);
    expect(all.statements.length).toBe(five.statements.length);
    const counts: Array<{ enterprise_id: string; count: number }> = await db().query(
      'SELECT enterprise_id, count(*)::int AS count FROM employment WHERE leave_date IS NULL GROUP BY enterprise_id',
    );
    for (const entity of all.entities) {
      const expected = counts.find((c) => c.enterprise_id === entity.id)?.count ?? 0;
      expect(entity.personCount).toBe(expected);
      expect(entity.employments.totalCount).toBe(expected);
      const hires = entity.employments.nodes.map((n: any) => n.hireDate);
      expect(hires).toEqual([...hires].sort().reverse());
    }
  });

  it('registers a person by ID number: masked, hashed, found again, one active employment per enterprise', async () => {
    const id = idNumber('62062119880808301');
    const input = {
      idNumber: id,
      nameZh: '登记测试（演示）',
      education: 'SENIOR_HIGH',
      employment: { enterpriseId: chem1.id, post: '操作工', isHazardousPost: false, hireDate: '2025-06-20' },
    };
    const manager = await token('ent.chem1.manager.demo');
    const created = await gql(subgraph.url, REGISTER_PERSON, { input }, manager);
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data.registerPerson).toMatchObject({
      idNumberMasked: `6206**********${id.slice(14)}`,
      birthDate: '1988-08-08',
      gender: 'MALE',
      employments: [{ enterpriseId: chem1.id, post: '操作工', engagedBy: chem1.name }],
      threeLevelEducation: [{ status: 'NOT_STARTED', requiredHours: 72, enterpriseId: chem1.id }],
    });
    const personId = created.data.registerPerson.id;
    const [row] = await db().query('SELECT id_number_hash FROM person WHERE id = $1', [personId]);
    expect(row.id_number_hash).toBe(idNumberHash(id, idHashKey()));
    const leaks = await db().query(
      `SELECT (SELECT count(*) FROM audit_log WHERE after::text LIKE $1 OR before::text LIKE $1)::int AS audit,
              (SELECT count(*) FROM event_log WHERE payload::text LIKE $1)::int AS events,
              (SELECT count(*) FROM person WHERE id_number_masked LIKE $1 OR id_number_hash LIKE $1)::int AS rows`,
      [`%${id}%`],
    );
    expect(leaks).toEqual([{ audit: 0, events: 0, rows: 0 }]);

    // The same number again: the same person; a second active employment at chem1 is a conflict.
    const again = await gql(subgraph.url, REGISTER_PERSON, { input }, manager);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const elsewhere = await gql(
      subgraph.url,
      REGISTER_PERSON,
      {
        input: {
          ...input,
          employment: { ...input.employment, enterpriseId: coal1.id, engagedBy: '外包单位（演示）' },
        },
      },
      await token('saco.demo'),
    );
    expect(elsewhere.errors, JSON.stringify(elsewhere.errors)).toBeUndefined();
    expect(elsewhere.data.registerPerson.id).toBe(personId);
    expect(elsewhere.data.registerPerson.employments).toHaveLength(2);

    // Ending the employment frees the slot; a new one then gets a fresh three-level record.
    const [employment] = await db().query(
      'SELECT id FROM employment WHERE person_id = $1 AND enterprise_id = $2',
      [personId, chem1.id],
    );
    const end = await gql(
      subgraph.url,
      'mutation($input: UpdateEmploymentInput!) { updateEmployment(input: $input) { leaveDate } }',
      { input: { id: employment.id, leaveDate: '2025-06-25' } },
      manager,
    );
    expect(end.data.updateEmployment.leaveDate).toBe('2025-06-25');
    const rehired = await gql(
      subgraph.url,
      'mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id hireDate isNewHire } }',
      {
        input: {
          personId,
          enterpriseId: chem1.id,
          post: '焊工',
          isHazardousPost: true,
          hireDate: '2025-06-28',
        },
      },
      manager,
    );
    expect(rehired.errors, JSON.stringify(rehired.errors)).toBeUndefined();
    expect(rehired.data.recordEmployment).toMatchObject({ hireDate: '2025-06-28', isNewHire: true });
  });

  it('validates input and authorizes by role and scope', async () => {
    const manager = await token('ent.chem1.manager.demo');
    const base = {
      idNumber: idNumber('62062119900101555'),
      nameZh: '校验测试（演示）',
      employment: { enterpriseId: chem1.id, post: '操作工', isHazardousPost: false, hireDate: '2025-06-01' },
    };
    const fields = async (input: unknown, as = manager) => {
      const response = await gql(subgraph.url, REGISTER_PERSON, { input }, as);
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fields({ ...base, idNumber: idNumber('62062119901301555') })).toEqual(['idNumber']);
    expect(await fields({ ...base, employment: { ...base.employment, hireDate: '2025-07-01' } })).toEqual([
      'employment.hireDate',
    ]);
    expect(await fields({ ...base, employment: { ...base.employment, post: '' } })).toEqual([
      'employment.post',
    ]);
    const other = await gql(
      subgraph.url,
      REGISTER_PERSON,
      { input: { ...base, employment: { ...base.employment, enterpriseId: coal1.id } } },
      manager,
    );
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(subgraph.url, REGISTER_PERSON, { input: base }, await token('ent.coal1.staff.demo')),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await gql(subgraph.url, REGISTER_PERSON, { input: base }, await token('public.demo'))),
    ).toEqual(['FORBIDDEN']);
  });

  it('redoes workshop and team levels after a post transfer (domain §7.3)', async () => {
    const person = permitDemoPersonId(PERMIT_DEMO_PEOPLE.welder2.key);
    const [employment] = await db().query('SELECT id FROM employment WHERE person_id = $1', [person]);
    const manager = await token('ent.chem1.manager.demo');
    const moved = await gql(
      subgraph.url,
      'mutation($input: UpdateEmploymentInput!) { updateEmployment(input: $input) { post } }',
      { input: { id: employment.id, post: '电工' } },
      manager,
    );
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    const [record] = await db().query(
      'SELECT status, jsonb_array_length(levels) AS levels FROM three_level_education WHERE employment_id = $1',
      [employment.id],
    );
    expect(record).toEqual({ status: 'REDO_REQUIRED', levels: 1 });
    const events = await db().query(
      `SELECT payload->>'from' AS "from", payload->>'to' AS "to" FROM event_log
       WHERE type = 'ThreeLevelEducationStatusChanged' AND payload->>'employmentId' = $1`,
      [employment.id],
    );
    expect(events).toEqual([{ from: 'PASSED', to: 'REDO_REQUIRED' }]);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'employments' }],
    enterpriseFields: ['employments'],
  });
});
