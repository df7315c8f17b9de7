import { demoEnterprise } from '@safety/reference';
import {
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../src/certificates/certificate.rules.js';
import { PERMIT_DEMO_PEOPLE, permitDemoEnterpriseId, permitDemoPersonId } from '../src/seed/permit-demo.js';
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
const HOT_WORK = { certType: 'SPECIAL_OPERATION', category: '焊接与热切割作业' };
const AT = `${TODAY}T09:00:00+08:00`;

const CHECK = `query($checks: [QualificationCheckInput!]!) {
  qualificationCheck(checks: $checks) {
    personId enterpriseId at ok reasons
    evidence { certificateId number type category subType status issuedAt validTo nextReviewDue }
  }
}`;
const token = (username: string) => subgraph.authority.tokenFor(username);
const serviceToken = () => subgraph.authority.serviceAuth('hazard').serviceToken();
async function check(checks: Array<Record<string, unknown>>, as?: string) {
  const response = await gql(subgraph.url, CHECK, { checks }, as ?? (await serviceToken()));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.qualificationCheck as Array<any>;
}
async function mutate(
  query: string,
  variables: Record<string, unknown>,
  username = 'ent.chem1.manager.demo',
) {
  const response = await gql(subgraph.url, query, variables, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}
const idNumber = (body: string) => body + idCheckCharacter(body);
const demo = (name: keyof typeof PERMIT_DEMO_PEOPLE) => permitDemoPersonId(PERMIT_DEMO_PEOPLE[name].key);

const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) { id idNumberMasked birthDate gender employments { id } } }`;
const RECORD_LEVEL = `mutation($input: RecordThreeLevelInput!) { recordThreeLevel(input: $input) { status passedAt } }`;
const UPDATE_EMPLOYMENT = `mutation($input: UpdateEmploymentInput!) { updateEmployment(input: $input) { id lastWorkedAt leaveDate } }`;
const REGISTER_CERTIFICATE = `mutation($input: RegisterCertificateInput!) { registerCertificate(input: $input) { id number personId } }`;

describe('qualificationCheck (domain §7.6)', () => {
  it('answers the permit demo people of domain §11.4 for hot work at chem1, with evidence', async () => {
    expect(permitDemoEnterpriseId()).toBe(chem1.id);
    const names = Object.keys(PERMIT_DEMO_PEOPLE) as Array<keyof typeof PERMIT_DEMO_PEOPLE>;
    const results = await check(
      names.map((name) => ({ personId: demo(name), enterpriseId: chem1.id, requirement: HOT_WORK, at: AT })),
    );
    expect(Object.fromEntries(names.map((name, i) => [name, results[i].reasons]))).toEqual({
      reviewOverdue: ['REVIEW_OVERDUE'],
      wrongCategory: ['WRONG_CATEGORY'],
      offPost: ['OFF_POST_OVER_6_MONTHS'],
      welder1: [],
      welder2: [],
      electrician: ['WRONG_CATEGORY'],
    });
    expect(results.map((r) => r.ok)).toEqual([false, false, false, true, true, false]);
    expect(results[0].evidence).toMatchObject({
      type: 'SPECIAL_OPERATION',
      category: '焊接与热切割作业',
      subType: '熔化焊接与热切割作业',
      status: 'REVIEW_OVERDUE',
      nextReviewDue: '2025-05-21',
    });
    expect(results[1].evidence).toMatchObject({ category: '电工作业', status: 'VALID' });
    expect(results[3].evidence).toMatchObject({ category: '焊接与热切割作业', status: 'VALID' });
    expect(results[3]).toMatchObject({ personId: demo('welder1'), enterpriseId: chem1.id });
    // The evidence is the stored certificate.
    const [row] = await subgraph.runtime.dataSource.query(
      'SELECT id, number, valid_to::text AS "validTo" FROM certificate WHERE person_id = $1',
      [demo('welder1')],
    );
    expect(results[3].evidence).toMatchObject({
      certificateId: row.id,
      number: row.number,
      validTo: row.validTo,
    });
    // The electrician passes for temporary power (电工作业).
    const [power] = await check([
      {
        personId: demo('electrician'),
        enterpriseId: chem1.id,
        requirement: { certType: 'SPECIAL_OPERATION', category: '电工作业' },
        at: AT,
      },
    ]);
    expect(power).toMatchObject({ ok: true, reasons: [] });
  });

  it('evaluates the status at `at`: a certificate VALID today fails once its review is overdue', async () => {
    const [today] = await check([
      { personId: demo('welder1'), enterpriseId: chem1.id, requirement: HOT_WORK, at: AT },
    ]);
    const due = today.evidence.nextReviewDue as string;
    // A refresher today keeps the three-level gate open until the review date (a year and 30 days).
    const [education] = await subgraph.runtime.dataSource.query(
      'SELECT id FROM three_level_education WHERE person_id = $1',
      [demo('welder1')],
    );
    await mutate(
      'mutation($id: ID!, $day: LocalDate!) { recordThreeLevelRefresher(id: $id, completedAt: $day) { lastRefresherAt canWorkToday } }',
      { id: education.id, day: TODAY },
    );
    const [onDue, dayAfter] = await check([
      {
        personId: demo('welder1'),
        enterpriseId: chem1.id,
        requirement: HOT_WORK,
        at: `${due}T23:59:00+08:00`,
      },
      // 16:30 UTC on the due day is already the next day in Asia/Shanghai.
      { personId: demo('welder1'), enterpriseId: chem1.id, requirement: HOT_WORK, at: `${due}T16:30:00Z` },
    ]);
    expect(onDue).toMatchObject({ ok: true, evidence: { status: 'REVIEW_WINDOW' } });
    expect(dayAfter).toMatchObject({
      ok: false,
      reasons: ['REVIEW_OVERDUE'],
      evidence: { status: 'REVIEW_OVERDUE' },
    });
    // Before the review fell due, the review-overdue welder was still qualified.
    const [earlier] = await check([
      {
        personId: demo('reviewOverdue'),
        enterpriseId: chem1.id,
        requirement: HOT_WORK,
        at: '2025-05-21T10:00:00+08:00',
      },
    ]);
    expect(earlier).toMatchObject({ ok: true, evidence: { status: 'REVIEW_WINDOW' } });
  });

  it('off post for 6 months or more, inclusive: last on post 15 Mar → 15 Sep fails, 14 Sep passes', async () => {
    const [employment] = await subgraph.runtime.dataSource.query(
      'SELECT id FROM employment WHERE person_id = $1 AND leave_date IS NULL',
      [demo('welder2')],
    );
    await mutate(UPDATE_EMPLOYMENT, { input: { id: employment.id, lastWorkedAt: '2025-03-15' } });
    const results = await check(
      ['2025-09-14', '2025-09-15'].map((day) => ({
        personId: demo('welder2'),
        enterpriseId: chem1.id,
        requirement: HOT_WORK,
        at: `${day}T08:00:00+08:00`,
      })),
    );
    expect(results.map((r) => r.reasons)).toEqual([[], ['OFF_POST_OVER_6_MONTHS']]);
    // Only special operations care; employment and education alone still pass.
    const [bare] = await check([
      { personId: demo('welder2'), enterpriseId: chem1.id, at: '2025-09-15T08:00:00+08:00' },
    ]);
    expect(bare).toMatchObject({ ok: true, reasons: [], evidence: null });
  });

  it('follows a new worker through registration, three-level education and a certificate', async () => {
    const id = idNumber('62062119950312101');
    const { registerPerson: person } = await mutate(REGISTER_PERSON, {
      input: {
        idNumber: id,
        nameZh: '新焊工（测试）',
        employment: { enterpriseId: chem1.id, post: '焊工', isHazardousPost: true, hireDate: '2025-06-01' },
      },
    });
    expect(person).toMatchObject({
      idNumberMasked: `6206**********${id.slice(14)}`,
      birthDate: '1995-03-12',
      gender: 'MALE',
    });
    const at = (day: string) => ({
      personId: person.id,
      enterpriseId: chem1.id,
      requirement: HOT_WORK,
      at: `${day}T09:00:00+08:00`,
    });

    // Employed, education not started, no certificate.
    expect((await check([at(TODAY)]))[0].reasons).toEqual(['NO_CERTIFICATE', 'THREE_LEVEL_NOT_PASSED']);
    // Not employed yet before the hire date.
    expect((await check([at('2025-05-31')]))[0].reasons).toEqual([
      'NO_CERTIFICATE',
      'THREE_LEVEL_NOT_PASSED',
      'NOT_EMPLOYED_OR_CONTRACTED',
    ]);

    // Hazchem: 72 h, 24 h per level (domain §7.2, §7.3).
    const employmentId = person.employments[0].id;
    const level = (lvl: string, completedAt: string, hours = 24) => ({
      employmentId,
      level: lvl,
      hours,
      content: '三级安全教育（测试）',
      passed: true,
      completedAt,
      examScore: 88,
    });
    expect(
      (await mutate(RECORD_LEVEL, { input: level('COMPANY', '2025-06-02') })).recordThreeLevel.status,
    ).toBe('IN_PROGRESS');
    expect(
      (await mutate(RECORD_LEVEL, { input: level('WORKSHOP', '2025-06-04', 8) })).recordThreeLevel.status,
    ).toBe('IN_PROGRESS');
    expect((await mutate(RECORD_LEVEL, { input: level('TEAM', '2025-06-05') })).recordThreeLevel.status).toBe(
      'IN_PROGRESS',
    );
    expect((await mutate(RECORD_LEVEL, { input: level('WORKSHOP', '2025-06-06') })).recordThreeLevel).toEqual(
      {
        status: 'PASSED',
        passedAt: '2025-06-06',
      },
    );
    expect((await check([at(TODAY)]))[0].reasons).toEqual(['NO_CERTIFICATE']);
    // Recording after PASSED needs a redo first.
    const again = await gql(
      subgraph.url,
      RECORD_LEVEL,
      { input: level('TEAM', '2025-06-20') },
      await token('ent.chem1.manager.demo'),
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    // A certificate registered with the same ID number belongs to the same person.
    const { registerCertificate: certificate } = await mutate(REGISTER_CERTIFICATE, {
      input: {
        enterpriseId: chem1.id,
        holderName: '新焊工（测试）',
        idNumber: id,
        category: 'SPECIAL_OPERATION',
        operationType: '焊接与热切割作业',
        subType: '熔化焊接与热切割作业',
        number: 'TEST-QC-1',
        issuer: '武威市应急管理局（演示）',
        issuedAt: '2025-06-10',
      },
    });
    expect(certificate.personId).toBe(person.id);
    const [ok] = await check([at(TODAY)]);
    expect(ok).toMatchObject({
      ok: true,
      reasons: [],
      evidence: { certificateId: certificate.id, number: 'TEST-QC-1' },
    });
    // Before the certificate was issued it was not held.
    expect((await check([at('2025-06-09')]))[0].reasons).toEqual(['NO_CERTIFICATE']);
    // The annual refresher lapses a year and 30 days after passing.
    expect((await check([at('2026-07-06')]))[0].reasons).toEqual([]);
    expect((await check([at('2026-07-07')]))[0].reasons).toEqual(['THREE_LEVEL_NOT_PASSED']);
  });

  it('refuses special operations to minors (UNDER_18) but not the bare employment check', async () => {
    const { registerPerson: minor } = await mutate(REGISTER_PERSON, {
      input: {
        idNumber: idNumber('62062120070701202'),
        nameZh: '学徒（测试）',
        employment: { enterpriseId: chem1.id, post: '学徒', isHazardousPost: false, hireDate: '2025-06-15' },
      },
    });
    const [withCert, bare, birthday] = await check([
      { personId: minor.id, enterpriseId: chem1.id, requirement: HOT_WORK, at: AT },
      { personId: minor.id, enterpriseId: chem1.id, at: AT },
      { personId: minor.id, enterpriseId: chem1.id, requirement: HOT_WORK, at: '2025-07-01T09:00:00+08:00' },
    ]);
    expect(withCert.reasons).toEqual(['NO_CERTIFICATE', 'THREE_LEVEL_NOT_PASSED', 'UNDER_18']);
    expect(bare.reasons).toEqual(['THREE_LEVEL_NOT_PASSED']);
    expect(birthday.reasons).toEqual(['NO_CERTIFICATE', 'THREE_LEVEL_NOT_PASSED']);
  });

  it('answers unknown persons and people of other enterprises as not employed', async () => {
    const [unknown, elsewhere] = await check([
      {
        personId: '00000000-0000-4000-8000-000000000001',
        enterpriseId: chem1.id,
        requirement: HOT_WORK,
        at: AT,
      },
      { personId: demo('welder1'), enterpriseId: coal1.id, at: AT },
    ]);
    expect(unknown).toEqual(
      expect.objectContaining({ ok: false, reasons: ['NOT_EMPLOYED_OR_CONTRACTED'], evidence: null }),
    );
    expect(elsewhere.reasons).toEqual(['THREE_LEVEL_NOT_PASSED', 'NOT_EMPLOYED_OR_CONTRACTED']);
  });

  it('is for the SERVICE role, regulators and enterprise managers within their scope', async () => {
    const own = { personId: demo('welder1'), enterpriseId: chem1.id, requirement: HOT_WORK, at: AT };
    const other = { ...own, enterpriseId: coal1.id };
    const codes = async (username: string | null, checks: unknown[]) =>
      errorCodes(await gql(subgraph.url, CHECK, { checks }, username ? await token(username) : undefined));
    expect(await codes(null, [own])).toEqual(['UNAUTHENTICATED']);
    expect(await codes('public.demo', [own])).toEqual(['FORBIDDEN']);
    expect(await codes('ent.coal1.staff.demo', [own])).toEqual(['FORBIDDEN']);
    // An enterprise user checks only its own enterprise's people.
    expect((await check([own], await token('ent.chem1.manager.demo')))[0].ok).toBe(true);
    expect(await codes('ent.chem1.manager.demo', [own, other])).toEqual(['FORBIDDEN']);
    expect(await codes('ent.coal1.principal.demo', [own])).toEqual(['FORBIDDEN']);
    // Regulators within their scope: the town of the park and the emergency bureau, not housing.
    expect((await check([own], await token('town.hongshagang.demo')))[0].ok).toBe(true);
    expect((await check([own], await token('emb.staff.demo')))[0].ok).toBe(true);
    expect(await codes('zhujian.demo', [own])).toEqual(['FORBIDDEN']);
    // A coal-mine worker checked by chem1 for chem1: invisible, so answered as unknown (no evidence).
    const [coalWorker] = await subgraph.runtime.dataSource.query(
      `SELECT e.person_id AS id FROM employment e JOIN certificate c ON c.person_id = e.person_id
       WHERE e.enterprise_id = $1 AND c.enterprise_id = $1 AND NOT EXISTS
         (SELECT 1 FROM employment x WHERE x.person_id = e.person_id AND x.enterprise_id = $2) LIMIT 1`,
      [coal1.id, chem1.id],
    );
    const [hidden] = await check(
      [{ personId: coalWorker.id, enterpriseId: chem1.id, requirement: HOT_WORK, at: AT }],
      await token('ent.chem1.manager.demo'),
    );
    expect(hidden).toMatchObject({ ok: false, reasons: ['NOT_EMPLOYED_OR_CONTRACTED'], evidence: null });
  });

  it('rejects empty and malformed batches with BAD_USER_INPUT', async () => {
    const service = await serviceToken();
    expect(errorCodes(await gql(subgraph.url, CHECK, { checks: [] }, service))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await gql(
          subgraph.url,
          CHECK,
          { checks: [{ personId: 'x', enterpriseId: chem1.id, at: AT }] },
          service,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('answers any number of checks in a constant number of SQL statements', async () => {
    // Workers of the park's town, checked by its township officer (so the scope statement runs too).
    const persons: Array<{ person_id: string; enterprise_id: string }> =
      await subgraph.runtime.dataSource.query(
        `SELECT e.person_id, e.enterprise_id FROM employment e JOIN enterprise_ref r ON r.id = e.enterprise_id
       WHERE e.leave_date IS NULL AND r.township_code = (SELECT township_code FROM enterprise_ref WHERE id = $1)
       ORDER BY e.id LIMIT 200`,
        [chem1.id],
      );
    expect(persons).toHaveLength(200);
    const measure = async (count: number) => {
      const checks = persons.slice(0, count).map((p) => ({
        personId: p.person_id,
        enterpriseId: p.enterprise_id,
        requirement: HOT_WORK,
        at: AT,
      }));
      const as = await token('town.hongshagang.demo');
      let results: any[] = [];
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        results = await check(checks, as);
      });
      expect(results).toHaveLength(count);
      return statements;
    };
    const five = await measure(5);
    const twoHundred = await measure(200);
    console.info(`qualificationCheck: ${five.length} statements for 5 checks, ${twoHundred.length} for 200`);
    expect(twoHundred.length).toBe(five.length);
    expect(twoHundred.length).toBeLessThanOrEqual(5);
  });
});
