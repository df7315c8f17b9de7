import { DEMO_ENTERPRISES, demoEnterprise, demoId, industry } from '@safety/reference';
import { addDays } from '@safety/subgraph-kit';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../src/certificates/certificate.rules.js';
import { demoCertificates } from '../src/seed/seed.js';
import { trainingSubgraph } from '../src/subgraph.js';

// Tests pin the clock: the seed and the derived status are relative to this day.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(trainingSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const DUTY = DEMO_ENTERPRISES.filter((e) => industry(e.industryCode).certificateDuty).length;
const SEEDED = 420 + 2 * DUTY + 30;

const LIST = `query($first: Int, $after: String, $enterpriseId: ID, $status: CertificateStatus, $category: CertificateCategory) {
  certificates(first: $first, after: $after, enterpriseId: $enterpriseId, status: $status, category: $category) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id enterpriseId holderName idNumberMasked category operationType number issuedAt validTo nextReviewDue status version }
  }
}`;
const REGISTER = `mutation($input: RegisterCertificateInput!) {
  registerCertificate(input: $input) { id status validTo nextReviewDue idNumberMasked version }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!, $expectedVersion: Int) {
  revokeCertificate(id: $id, reason: $reason, expectedVersion: $expectedVersion) { id status revokedAt revocationReason version }
}`;

const token = (username: string) => subgraph.authority.tokenFor(username);
const list = async (variables: Record<string, unknown>, username = 'saco.demo') => {
  const response = await gql(subgraph.url, LIST, variables, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.certificates;
};
const idNumber = (body: string) => body + idCheckCharacter(body);
let serial = 0;
function welder(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    enterpriseId: chem1.id,
    holderName: '焊工甲（演示）',
    idNumber: idNumber(`6206211990010${String(1000 + serial).slice(-4)}`),
    category: 'SPECIAL_OPERATION',
    operationType: '焊接与热切割作业',
    number: `TEST-${serial}`,
    issuer: '武威市应急管理局（演示）',
    issuedAt: '2025-03-01',
    ...overrides,
  };
}
async function register(username: string, input: Record<string, unknown>) {
  const response = await gql(subgraph.url, REGISTER, { input }, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.registerCertificate;
}

describe('certificates', () => {
  it('seeds the demo certificates of domain §11.5, deterministically, masked, ids derived from numbers', async () => {
    const counts = await gql(
      subgraph.url,
      '{ certificateCountsByStatus { status count } }',
      {},
      await token('saco.demo'),
    );
    expect(counts.data.certificateCountsByStatus).toEqual([
      { status: 'VALID', count: SEEDED - 51 },
      { status: 'REVIEW_WINDOW', count: 34 },
      { status: 'REVIEW_OVERDUE', count: 8 },
      { status: 'EXPIRED', count: 7 },
      { status: 'REVOKED', count: 2 },
    ]);
    expect((await list({ first: 1, category: 'SPECIAL_OPERATION' })).totalCount).toBe(420);
    const rows = await subgraph.runtime.dataSource.query(
      'SELECT id, number, holder_name, id_number_masked FROM certificate',
    );
    expect(rows).toHaveLength(SEEDED);
    for (const row of rows) {
      expect(row.id).toBe(demoId('certificate', row.number));
      expect(row.holder_name).toMatch(/（演示）$/);
      expect(row.id_number_masked).toMatch(/^6206\*{10}\d{3}[\dX]$/);
    }
    // The generator is pure: the same demo day gives the same rows, and the seeded database holds exactly them.
    const day = new Date(`${TODAY}T00:00:00+08:00`);
    const first = demoCertificates(day);
    expect(demoCertificates(day)).toEqual(first);
    expect(first.map((c) => c.number).sort()).toEqual(rows.map((r: any) => r.number).sort());
  });

  it('lists soonest expiring first with cursors; the status filter agrees with the status rule', async () => {
    const first = await list({ first: 100 });
    const second = await list({ first: 100, after: first.pageInfo.endCursor });
    const nodes = [...first.nodes, ...second.nodes];
    expect(new Set(nodes.map((n: any) => n.id)).size).toBe(200);
    const validTo = nodes.map((n: any) => n.validTo);
    expect(validTo).toEqual([...validTo].sort());

    for (const status of ['VALID', 'REVIEW_WINDOW', 'REVIEW_OVERDUE', 'EXPIRED', 'REVOKED']) {
      const filtered = await list({ first: 200, status });
      expect(filtered.totalCount, status).toBeGreaterThan(0);
      expect(new Set(filtered.nodes.map((n: any) => n.status))).toEqual(new Set([status]));
    }
    const window = await list({ first: 200, status: 'REVIEW_WINDOW' });
    for (const node of window.nodes) {
      expect(node.nextReviewDue >= TODAY && node.nextReviewDue <= addDays(TODAY, 60)).toBe(true);
    }
    const atChem1 = await list({ first: 200, enterpriseId: chem1.id, category: 'SPECIAL_OPERATION' });
    expect(
      atChem1.nodes.every((n: any) => n.enterpriseId === chem1.id && n.category === 'SPECIAL_OPERATION'),
    ).toBe(true);
  });

  it('gets one certificate by id', async () => {
    const [sample] = (await list({ first: 1 })).nodes;
    const one = await gql(
      subgraph.url,
      'query($id: ID!) { certificate(id: $id) { id number enterprise { id } } }',
      { id: sample.id },
      await token('saco.demo'),
    );
    expect(one.data.certificate).toEqual({
      id: sample.id,
      number: sample.number,
      enterprise: { id: sample.enterpriseId },
    });
  });

  it('registers a certificate with dates from the rules, keeps the ID number masked, emits and audits', async () => {
    const input = welder();
    const created = await register('ent.chem1.manager.demo', input);
    expect(created).toMatchObject({
      status: 'VALID',
      validTo: '2031-03-01',
      nextReviewDue: '2028-03-01',
      idNumberMasked: `6206**********${input.idNumber.slice(14)}`,
      version: 1,
    });
    const reviewSoon = await register('saco.demo', welder({ issuedAt: '2022-07-20' }));
    expect(reviewSoon).toMatchObject({ status: 'REVIEW_WINDOW', nextReviewDue: '2025-07-20' });

    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'certificateId' = $1`,
      [created.id],
    );
    expect(events).toEqual([
      {
        type: 'CertificateStatusChanged',
        payload: expect.objectContaining({ from: null, to: 'VALID', enterpriseId: chem1.id }),
      },
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username FROM audit_log WHERE entity_id = $1',
      [created.id],
    );
    expect(audit).toEqual([{ operation: 'registerCertificate', actor_username: 'ent.chem1.manager.demo' }]);
    const leaks = await subgraph.runtime.dataSource.query(
      `SELECT (SELECT count(*) FROM audit_log WHERE after::text LIKE $1 OR before::text LIKE $1)::int AS audit,
              (SELECT count(*) FROM event_log WHERE payload::text LIKE $1)::int AS events,
              (SELECT count(*) FROM certificate WHERE id_number_masked LIKE $1)::int AS rows`,
      [`%${input.idNumber}%`],
    );
    expect(leaks).toEqual([{ audit: 0, events: 0, rows: 0 }]);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const manager = await token('ent.chem1.manager.demo');
    const fieldsOf = async (query: string, variables: Record<string, unknown>, as = manager) => {
      const response = await gql(subgraph.url, query, variables, as);
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    const wrongCheck = welder();
    wrongCheck.idNumber = `${wrongCheck.idNumber.slice(0, 17)}${wrongCheck.idNumber.endsWith('0') ? '1' : '0'}`;
    expect(await fieldsOf(REGISTER, { input: wrongCheck })).toEqual(['idNumber']);
    expect(await fieldsOf(REGISTER, { input: welder({ holderName: '甲' }) })).toEqual(['holderName']);
    expect(await fieldsOf(REGISTER, { input: welder({ operationType: undefined }) })).toEqual([
      'operationType',
    ]);
    expect(await fieldsOf(REGISTER, { input: welder({ operationType: '开车作业' }) })).toEqual([
      'operationType',
    ]);
    expect(await fieldsOf(REGISTER, { input: welder({ issuedAt: '2025-07-01' }) })).toEqual(['issuedAt']);
    expect(
      await fieldsOf(REGISTER, {
        input: welder({ category: 'PRINCIPAL', operationType: undefined, nextReviewDue: '2026-01-01' }),
      }),
    ).toEqual(['nextReviewDue']);
    expect(
      await fieldsOf(
        REGISTER,
        { input: welder({ enterpriseId: '00000000-0000-4000-8000-000000000000' }) },
        await token('saco.demo'),
      ),
    ).toEqual(['enterpriseId']);
    const [sample] = (await list({ first: 1 })).nodes;
    expect(await fieldsOf(REVOKE, { id: sample.id, reason: 'x' }, await token('saco.demo'))).toEqual([
      'reason',
    ]);

    const duplicate = welder();
    await register('ent.chem1.manager.demo', duplicate);
    const again = await gql(
      subgraph.url,
      REGISTER,
      { input: { ...duplicate, idNumber: welder().idNumber } },
      manager,
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('authorizes by role and by scope', async () => {
    expect(
      errorCodes(await gql(subgraph.url, REGISTER, { input: welder() }, await token('public.demo'))),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await gql(subgraph.url, REGISTER, { input: welder() }, await token('ent.coal1.staff.demo'))),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(subgraph.url, REGISTER, { input: welder() }, await token('ent.coal1.principal.demo')),
      ),
    ).toEqual(['FORBIDDEN']);
    const own = await register('ent.coal1.principal.demo', welder({ enterpriseId: coal1.id }));
    expect(
      errorCodes(
        await gql(
          subgraph.url,
          REVOKE,
          { id: own.id, reason: '自行撤销' },
          await token('ent.coal1.principal.demo'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(subgraph.url, REVOKE, { id: own.id, reason: '越权撤销' }, await token('zhujian.demo')),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('revokes with optimistic locking and emits the status change once', async () => {
    const certificate = await register('saco.demo', welder());
    const saco = await token('saco.demo');
    const stale = await gql(
      subgraph.url,
      REVOKE,
      { id: certificate.id, reason: '违章作业', expectedVersion: 9 },
      saco,
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const revoked = await gql(
      subgraph.url,
      REVOKE,
      { id: certificate.id, reason: '两次违章作业（测试）', expectedVersion: 1 },
      saco,
    );
    expect(revoked.data.revokeCertificate).toMatchObject({
      status: 'REVOKED',
      revocationReason: '两次违章作业（测试）',
      version: 2,
    });
    expect(
      errorCodes(await gql(subgraph.url, REVOKE, { id: certificate.id, reason: '再次撤销' }, saco)),
    ).toEqual(['CONFLICT']);
    const events = await subgraph.runtime.dataSource.query(
      `SELECT payload->>'from' AS "from", payload->>'to' AS "to" FROM event_log
       WHERE type = 'CertificateStatusChanged' AND payload->>'certificateId' = $1 ORDER BY created_at`,
      [certificate.id],
    );
    expect(events).toEqual([
      { from: null, to: 'VALID' },
      { from: 'VALID', to: 'REVOKED' },
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT reason FROM audit_log WHERE entity_id = $1 AND operation = 'revokeCertificate'`,
      [certificate.id],
    );
    expect(audit).toEqual([{ reason: '两次违章作业（测试）' }]);
  });

  it('adds certificates and expiringCertificateCount to Enterprise, continuing pages with the list cursors', async () => {
    const saco = await token('saco.demo');
    const ENTITIES = `query($r: [_Any!]!, $after: String, $status: CertificateStatus) { _entities(representations: $r) {
      ... on Enterprise { id expiringCertificateCount certificates(first: 3, after: $after, status: $status) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`;
    const enterprises = [coal1, chem1];
    const r = enterprises.map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const response = await gql(subgraph.url, ENTITIES, { r }, saco);
    expect(response.errors).toBeUndefined();
    for (const [index, enterprise] of enterprises.entries()) {
      const entity = response.data._entities[index];
      const all = await list({ first: 200, enterpriseId: enterprise.id });
      expect(entity.certificates.totalCount).toBe(all.totalCount);
      expect(entity.certificates.nodes.map((n: any) => n.id)).toEqual(
        all.nodes.slice(0, 3).map((n: any) => n.id),
      );
      const expiring = all.nodes.filter(
        (n: any) => n.status === 'REVIEW_WINDOW' || (n.status === 'VALID' && n.validTo <= addDays(TODAY, 60)),
      );
      expect(entity.expiringCertificateCount).toBe(expiring.length);
      const next = await gql(
        subgraph.url,
        ENTITIES,
        { r: [r[index]], after: entity.certificates.pageInfo.endCursor },
        saco,
      );
      expect(next.data._entities[0].certificates.nodes.map((n: any) => n.id)).toEqual(
        all.nodes.slice(3, 6).map((n: any) => n.id),
      );
    }
    const all = DEMO_ENTERPRISES.map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const counts = await gql(subgraph.url, ENTITIES, { r: all, status: 'REVIEW_WINDOW' }, saco);
    const windowTotal = (await list({ first: 1, status: 'REVIEW_WINDOW' })).totalCount;
    expect(counts.data._entities.reduce((sum: number, e: any) => sum + e.certificates.totalCount, 0)).toBe(
      windowTotal,
    );
    expect(
      counts.data._entities.reduce((sum: number, e: any) => sum + e.expiringCertificateCount, 0),
    ).toBeGreaterThanOrEqual(windowTotal);
  });

  it('loads Enterprise.certificates for many enterprises in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { id certificates(first: 5) { totalCount nodes { id number status } } expiringCertificateCount } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors).toBeUndefined();
      expect(
        response.data._entities.every(
          (e: any) => e.certificates.nodes.length === Math.min(5, e.certificates.totalCount),
        ),
      ).toBe(true);
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(
      `Enterprise.certificates + expiringCertificateCount: ${five.length} statements for 5 enterprises, ${fifty.length} for 50`,
    );
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(2);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'certificates', typename: 'Certificate', byIdField: 'certificate' }],
    enterpriseFields: ['certificates'],
    aggregates: [
      {
        name: 'certificateCountsByStatus',
        connection: 'certificates',
        query: '{ certificateCountsByStatus { count } }',
        count: (data) =>
          data.certificateCountsByStatus.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      },
    ],
  });
});
