import { canSeeEnterprise, type ScopedPrincipal } from '@safety/auth';
import {
  ALL_DIVISIONS,
  DEMO_ENTERPRISES,
  DEMO_OFFICIALS,
  DEMO_ORG_UNITS,
  orgId,
  TOWNS,
  townByPinyin,
} from '@safety/reference';
import {
  demoPrincipal,
  errorCodes,
  gql,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsibilitySubgraph } from '../src/subgraph.js';

let subgraph: TestSubgraph;
let token: string;
beforeAll(async () => {
  subgraph = await startTestSubgraph(responsibilitySubgraph);
  token = await subgraph.authority.tokenFor('town.hongshagang.demo');
});
afterAll(() => subgraph?.stop());

const hongshagang = townByPinyin('hongshagang');

describe('divisions', () => {
  it('lists the county’s towns and villages and looks one up by code', async () => {
    const towns = await gql(
      subgraph.url,
      `query($parent: String) { divisions(level: TOWN, parentCode: $parent) { code name level placeholder parent { name } } }`,
      { parent: '620621' },
      token,
    );
    expect(towns.errors).toBeUndefined();
    expect(towns.data.divisions).toHaveLength(18);
    expect(towns.data.divisions[0]).toMatchObject({
      name: '三雷镇',
      level: 'TOWN',
      parent: { name: '民勤县' },
    });
    const villages = await gql(
      subgraph.url,
      `query($parent: String) { divisions(parentCode: $parent) { name } }`,
      { parent: hongshagang.code },
      token,
    );
    expect(villages.data.divisions.map((d: any) => d.name)).toEqual([
      '红沙岗镇演示一村',
      '红沙岗镇演示二村',
      '红沙岗镇演示三村',
      '红沙岗镇演示四村',
    ]);
    const all = await gql(subgraph.url, '{ divisions { code } }', {}, token);
    expect(all.data.divisions).toHaveLength(ALL_DIVISIONS.length);
    const county = await gql(
      subgraph.url,
      `{ division(code: "620621") { name level parentCode } }`,
      {},
      token,
    );
    expect(county.data.division).toEqual({ name: '民勤县', level: 'COUNTY', parentCode: '6206' });
  });

  it('resolves Division references by code through _entities', async () => {
    const response = await gql(
      subgraph.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code name level } } }`,
      {
        r: [
          { __typename: 'Division', code: hongshagang.code },
          { __typename: 'Division', code: '62' },
        ],
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([
      { code: hongshagang.code, name: '红沙岗镇', level: 'TOWN' },
      { code: '62', name: '甘肃省', level: 'PROVINCE' },
    ]);
  });

  it('needs a signed-in caller', async () => {
    expect(errorCodes(await gql(subgraph.url, '{ divisions { code } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('org units and officials', () => {
  const LIST = `query($first: Int, $after: String, $type: OrgUnitType, $search: String) {
    orgUnits(first: $first, after: $after, type: $type, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id code name type supervisoryRole parent { code } division { name } }
    }
  }`;

  it('pages through every org unit with the fixture’s ids', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gql(subgraph.url, LIST, { first: 25, after }, token);
      expect(page.errors).toBeUndefined();
      expect(page.data.orgUnits.totalCount).toBe(DEMO_ORG_UNITS.length);
      seen.push(...page.data.orgUnits.nodes);
      if (!page.data.orgUnits.pageInfo.hasNextPage) break;
      after = page.data.orgUnits.pageInfo.endCursor;
    }
    expect(seen.map((o) => o.id).sort()).toEqual(DEMO_ORG_UNITS.map((o) => o.id).sort());
    const office = seen.find((o) => o.code === 'TOWN_SAFETY_hongshagang');
    expect(office).toMatchObject({
      id: orgId('TOWN_SAFETY_hongshagang'),
      type: 'TOWNSHIP_SAFETY_OFFICE',
      parent: { code: 'TOWN_hongshagang' },
      division: { name: '红沙岗镇' },
    });
  });

  it('filters by type and search', async () => {
    const towns = await gql(subgraph.url, LIST, { type: 'TOWNSHIP', first: 50 }, token);
    expect(towns.data.orgUnits.totalCount).toBe(TOWNS.length);
    const search = await gql(subgraph.url, LIST, { search: '应急管理局' }, token);
    expect(search.data.orgUnits.nodes.map((o: any) => o.code)).toEqual(['EMB']);
  });

  it('gives an org unit its officials, principals first, and officials their org unit', async () => {
    const response = await gql(
      subgraph.url,
      `query($id: ID!) { orgUnit(id: $id) { name officials { id name position isPrincipal orgUnit { code } } } }`,
      { id: orgId('GOV') },
      token,
    );
    expect(response.data.orgUnit.name).toBe('民勤县人民政府');
    expect(response.data.orgUnit.officials.map((o: any) => [o.position, o.isPrincipal])).toEqual([
      ['县长', true],
      ['常务副县长', false],
    ]);
    expect(response.data.orgUnit.officials[0].orgUnit.code).toBe('GOV');
    const head = DEMO_OFFICIALS.find((o) => o.position === '镇长')!;
    const official = await gql(
      subgraph.url,
      `query($id: ID!) { official(id: $id) { name orgUnit { code } } }`,
      { id: head.id },
      token,
    );
    expect(official.data.official).toEqual({ name: head.name, orgUnit: { code: 'TOWN_hongshagang' } });
    const junk = await gql(subgraph.url, `{ orgUnit(id: "not-a-uuid") { id } }`, {}, token);
    expect(junk.errors).toBeUndefined();
    expect(junk.data.orgUnit).toBeNull();
  });

  it('resolves OrgUnit and Official references in one batch each', async () => {
    const ids = DEMO_ORG_UNITS.slice(0, 30).map((o) => o.id);
    const response = await gql(
      subgraph.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id officials { id } } ... on Official { id name } } }`,
      {
        r: [
          ...ids.map((id) => ({ __typename: 'OrgUnit', id })),
          { __typename: 'Official', id: DEMO_OFFICIALS[0]!.id },
        ],
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities.map((e: any) => e.id)).toEqual([...ids, DEMO_OFFICIALS[0]!.id]);
  });

  it('needs a signed-in caller', async () => {
    expect(errorCodes(await gql(subgraph.url, '{ orgUnits { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('work calendar', () => {
  it('lists days with holidays and make-up working days', async () => {
    const response = await gql(
      subgraph.url,
      `{ workCalendar(from: "2024-02-03", to: "2024-02-19") { date isWorkingDay isMakeUpWorkday holidayName holidayKind source } }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
    const days = response.data.workCalendar;
    expect(days).toHaveLength(17);
    expect(days[1]).toEqual({
      date: '2024-02-04',
      isWorkingDay: true,
      isMakeUpWorkday: true,
      holidayName: '春节调休上班',
      holidayKind: 'SPRING_FESTIVAL',
      source: '国办发明电〔2023〕7号',
    });
    expect(days.filter((d: any) => d.holidayName === '春节').map((d: any) => d.date)).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ]);
    expect(days.at(-1)).toMatchObject({ date: '2024-02-19', isWorkingDay: true, holidayName: null });
  });

  it('adds working days over the holidays', async () => {
    const response = await gql(
      subgraph.url,
      `{ a: addWorkingDays(from: "2025-01-27", days: 1) b: addWorkingDays(from: "2024-09-30", days: 2) c: addWorkingDays(from: "2024-03-11", days: 0) }`,
      {},
      token,
    );
    expect(response.data).toEqual({ a: '2025-02-05', b: '2024-10-09', c: '2024-03-11' });
  });

  it('derives key periods', async () => {
    const response = await gql(subgraph.url, `{ keyPeriods(year: 2025) { kind name from to } }`, {}, token);
    expect(response.data.keyPeriods).toContainEqual({
      kind: 'SPRING_FESTIVAL',
      name: '春节',
      from: '2025-01-28',
      to: '2025-02-04',
    });
    expect(response.data.keyPeriods.map((p: any) => p.kind)).toContain('TWO_SESSIONS');
  });

  it('rejects bad ranges with BAD_USER_INPUT naming the field', async () => {
    const reversed = await gql(
      subgraph.url,
      `{ workCalendar(from: "2024-02-03", to: "2024-01-01") { date } }`,
      {},
      token,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { to: expect.any(String) },
    });
    const tooLong = await gql(
      subgraph.url,
      `{ workCalendar(from: "2024-01-01", to: "2025-06-01") { date } }`,
      {},
      token,
    );
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { to: expect.any(String) },
    });
    const negative = await gql(subgraph.url, `{ addWorkingDays(from: "2024-01-01", days: -1) }`, {}, token);
    expect(negative.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { days: expect.any(String) },
    });
    const notADate = await gql(subgraph.url, `{ addWorkingDays(from: "2024-02-30", days: 1) }`, {}, token);
    expect(errorCodes(notADate)).toHaveLength(1);
    expect(notADate.data ?? null).toBeNull();
  });
});

describe('Enterprise.regulators (federated extension)', () => {
  const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id regulators { id code } } } }`;
  const representations = DEMO_ENTERPRISES.map((e) => ({ __typename: 'Enterprise', id: e.id }));

  it('gives the regulating org units of every enterprise in one request', async () => {
    const response = await gql(
      subgraph.url,
      QUERY,
      { r: representations },
      await subgraph.authority.tokenFor('saco.demo'),
    );
    expect(response.errors).toBeUndefined();
    response.data._entities.forEach((entity: any, index: number) => {
      const enterprise = DEMO_ENTERPRISES[index]!;
      expect(entity.regulators.map((o: any) => o.id).sort(), enterprise.key).toEqual(
        [...enterprise.regulatorOrgIds].sort(),
      );
    });
  });

  it.each([
    'ent.coal1.principal.demo',
    'town.hongshagang.demo',
    'zhujian.demo',
    'emb.staff.demo',
    'public.demo',
  ])('%s sees regulators only of enterprises in scope', async (username) => {
    const principal = demoPrincipal(username) as ScopedPrincipal;
    const response = await gql(
      subgraph.url,
      QUERY,
      { r: representations },
      await subgraph.authority.tokenFor(username),
    );
    expect(response.errors).toBeUndefined();
    let visible = 0;
    response.data._entities.forEach((entity: any, index: number) => {
      const enterprise = DEMO_ENTERPRISES[index]!;
      const inScope = canSeeEnterprise(principal, enterprise);
      visible += inScope ? 1 : 0;
      expect(entity.regulators.length, `${username} → ${enterprise.key}`).toBe(
        inScope ? enterprise.regulatorOrgIds.length : 0,
      );
    });
    if (username !== 'public.demo') expect(visible).toBeGreaterThan(0);
  });

  it('is empty for anonymous callers', async () => {
    const response = await gql(subgraph.url, QUERY, { r: representations.slice(0, 3) });
    expect(response.data._entities.map((e: any) => e.regulators)).toEqual([[], [], []]);
  });
});

describe('service tokens without a configured secret', () => {
  it('answers 503', async () => {
    const previous = process.env.SERVICE_SECRET;
    delete process.env.SERVICE_SECRET;
    try {
      const response = await fetch(`${subgraph.runtime.baseUrl}/service-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service: 'hazard', secret: 'anything' }),
      });
      expect(response.status).toBe(503);
    } finally {
      if (previous !== undefined) process.env.SERVICE_SECRET = previous;
    }
  });
});
