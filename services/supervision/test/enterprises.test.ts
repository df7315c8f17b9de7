import { DEMO_ENTERPRISES, usccCheckCharacter } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSubgraph } from '../src/subgraph.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(supervisionSubgraph);
});
afterAll(() => subgraph?.stop());

const LIST = `query($first: Int, $after: String, $town: String, $industry: IndustryCode, $search: String) {
  enterprises(first: $first, after: $after, townshipCode: $town, industryCode: $industry, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id name industryCode townshipCode townshipName supervisionClass }
  }
}`;
const REGISTER = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { id uscc operatingStatus regulatorOrgIds version } }`;
const uscc = (n: number) => {
  const body = `91620621MA8${String(n).padStart(6, '0')}`;
  return body + usccCheckCharacter(body);
};
const hongshagang = DEMO_ENTERPRISES.find((e) => e.key === 'coal1')!.townshipCode;

describe('enterprise registry', () => {
  it('lists the demo county with cursor pagination and filters', async () => {
    const token = await subgraph.authority.tokenFor('saco.demo');
    const first = await gql(subgraph.url, LIST, { first: 20 }, token);
    expect(first.data.enterprises.totalCount).toBe(DEMO_ENTERPRISES.length);
    expect(first.data.enterprises.nodes).toHaveLength(20);
    const second = await gql(
      subgraph.url,
      LIST,
      { first: 20, after: first.data.enterprises.pageInfo.endCursor },
      token,
    );
    const ids = new Set(
      [...first.data.enterprises.nodes, ...second.data.enterprises.nodes].map((n: any) => n.id),
    );
    expect(ids.size).toBe(40);
    const coal = await gql(subgraph.url, LIST, { industry: 'COAL_MINE' }, token);
    expect(coal.data.enterprises.totalCount).toBe(2);
    const town = await gql(subgraph.url, LIST, { town: hongshagang }, token);
    expect(town.data.enterprises.nodes.every((n: any) => n.townshipName === '红沙岗镇')).toBe(true);
    const search = await gql(subgraph.url, LIST, { search: '冷库' }, token);
    expect(search.data.enterprises.nodes.map((n: any) => n.name)).toEqual(['蜜瓜冷链冷库（演示）']);
  });

  it('registers an enterprise, emits EnterpriseRegistered in the same transaction and audits it', async () => {
    const token = await subgraph.authority.tokenFor('saco.demo');
    const input = {
      uscc: uscc(1),
      name: '测试化工（演示）',
      industryCode: 'HAZCHEM_STORAGE_TRADE',
      townshipCode: hongshagang,
      address: '红沙岗镇演示路1号',
      legalRepresentative: '测（演示）',
      employeeCount: 40,
    };
    const created = await gql(subgraph.url, REGISTER, { input }, token);
    expect(created.errors).toBeUndefined();
    const id = created.data.registerEnterprise.id;
    expect(created.data.registerEnterprise).toMatchObject({ operatingStatus: 'OPERATING', version: 1 });
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'id' = $1`,
      [id],
    );
    expect(events).toEqual([
      { type: 'EnterpriseRegistered', payload: expect.objectContaining({ id, townshipCode: hongshagang }) },
    ]);
    const refs = await subgraph.runtime.dataSource.query('SELECT name FROM enterprise_ref WHERE id = $1', [
      id,
    ]);
    expect(refs).toEqual([{ name: input.name }]);
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username FROM audit_log WHERE entity_id = $1',
      [id],
    );
    expect(audit).toEqual([{ operation: 'registerEnterprise', actor_username: 'saco.demo' }]);

    const duplicate = await gql(subgraph.url, REGISTER, { input }, token);
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const token = await subgraph.authority.tokenFor('saco.demo');
    const base = {
      name: '坏数据（演示）',
      industryCode: 'OTHER',
      townshipCode: hongshagang,
      address: '地址',
      legalRepresentative: '某',
      employeeCount: 3,
    };
    const wrongCheck = await gql(
      subgraph.url,
      REGISTER,
      { input: { ...base, uscc: `${uscc(2).slice(0, 17)}${uscc(2).endsWith('0') ? '1' : '0'}` } },
      token,
    );
    expect(wrongCheck.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { uscc: expect.any(String) },
    });
    const badTown = await gql(
      subgraph.url,
      REGISTER,
      { input: { ...base, uscc: uscc(3), townshipCode: '000' } },
      token,
    );
    expect(badTown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { townshipCode: expect.any(String) },
    });
    const noRegulator = await gql(subgraph.url, REGISTER, { input: { ...base, uscc: uscc(4) } }, token);
    expect(noRegulator.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { regulatorOrgIds: expect.any(String) },
    });
  });

  it('authorizes by role and scope: enterprises cannot register, towns only in their town', async () => {
    const input = {
      uscc: uscc(5),
      name: '越权（演示）',
      industryCode: 'INDUSTRY_TRADE',
      townshipCode: DEMO_ENTERPRISES.find((e) => e.key === 'fuel1')!.townshipCode,
      address: '某地',
      legalRepresentative: '某',
      employeeCount: 3,
    };
    const asEnterprise = await gql(
      subgraph.url,
      REGISTER,
      { input },
      await subgraph.authority.tokenFor('ent.coal1.principal.demo'),
    );
    expect(errorCodes(asEnterprise)).toEqual(['FORBIDDEN']);
    const asOtherTown = await gql(
      subgraph.url,
      REGISTER,
      { input },
      await subgraph.authority.tokenFor('town.hongshagang.demo'),
    );
    expect(errorCodes(asOtherTown)).toEqual(['FORBIDDEN']);
    const asOwnTown = await gql(
      subgraph.url,
      REGISTER,
      { input: { ...input, townshipCode: hongshagang } },
      await subgraph.authority.tokenFor('town.hongshagang.demo'),
    );
    expect(asOwnTown.errors).toBeUndefined();
  });

  it('updates with optimistic locking and moves the operating status along its state machine', async () => {
    const token = await subgraph.authority.tokenFor('saco.demo');
    const coal2 = DEMO_ENTERPRISES.find((e) => e.key === 'coal2')!;
    const UPDATE = `mutation($id: ID!, $input: UpdateEnterpriseInput!) { updateEnterprise(id: $id, input: $input) { employeeCount version } }`;
    const updated = await gql(
      subgraph.url,
      UPDATE,
      { id: coal2.id, input: { expectedVersion: 1, employeeCount: 777 } },
      token,
    );
    expect(updated.data.updateEnterprise).toEqual({ employeeCount: 777, version: 2 });
    const stale = await gql(
      subgraph.url,
      UPDATE,
      { id: coal2.id, input: { expectedVersion: 1, employeeCount: 1 } },
      token,
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);

    const STATUS = `mutation($input: ChangeOperatingStatusInput!) { changeOperatingStatus(input: $input) { operatingStatus } }`;
    const noReason = await gql(
      subgraph.url,
      STATUS,
      { input: { enterpriseId: coal2.id, status: 'ORDERED_RECTIFICATION' } },
      token,
    );
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    const ordered = await gql(
      subgraph.url,
      STATUS,
      { input: { enterpriseId: coal2.id, status: 'ORDERED_RECTIFICATION', reason: '重大事故隐患（演示）' } },
      token,
    );
    expect(ordered.data.changeOperatingStatus.operatingStatus).toBe('ORDERED_RECTIFICATION');
    const enterpriseToken = await subgraph.authority.tokenFor('ent.coal1.principal.demo');
    const coal1 = DEMO_ENTERPRISES.find((e) => e.key === 'coal1')!;
    const illegal = await gql(
      subgraph.url,
      STATUS,
      { input: { enterpriseId: coal1.id, status: 'ORDERED_RECTIFICATION', reason: '自己整顿' } },
      enterpriseToken,
    );
    expect(errorCodes(illegal)).toEqual(['CONFLICT']);
    const outOfScope = await gql(
      subgraph.url,
      STATUS,
      { input: { enterpriseId: coal2.id, status: 'OPERATING' } },
      enterpriseToken,
    );
    expect(errorCodes(outOfScope)).toEqual(['NOT_FOUND']);
    const types = await subgraph.runtime.dataSource.query(
      `SELECT type FROM event_log WHERE payload->>'enterpriseId' = $1 OR payload->>'id' = $1 ORDER BY created_at`,
      [coal2.id],
    );
    expect(types.map((t: any) => t.type)).toEqual([
      'EnterpriseChanged',
      'EnterpriseChanged',
      'EnterpriseStatusChanged',
    ]);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [
      { field: 'enterprises', enterpriseIdField: 'id', typename: 'Enterprise', byIdField: 'enterprise' },
    ],
    aggregates: [
      {
        name: 'enterpriseCountsByClass',
        connection: 'enterprises',
        query: '{ enterpriseCountsByClass { count } }',
        count: (data) =>
          data.enterpriseCountsByClass.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      },
    ],
  });
});
