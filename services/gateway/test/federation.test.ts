import { DEMO_ENTERPRISES } from '@safety/reference';
import { defineSubgraph } from '@safety/subgraph-kit';
import { errorCodes, gql } from '@safety/subgraph-kit/testing';
import { serverAudits } from 'graphql-http';
import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Stack, startStack } from './stack.js';

let stack: Stack;
let token: string;

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
async function login(username: string): Promise<string> {
  const response = await gql(stack.graphqlUrl, LOGIN, { u: username, p: DEMO_PASSWORD });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.login.accessToken;
}

const PROFILE = `query($id: ID!) {
  enterprise(id: $id) {
    name townshipName
    regulators { name }
    hazards(first: 5) { totalCount nodes { code grade status } }
    certificates(first: 5) { totalCount }
    emergencyPlans(first: 5) { totalCount }
  }
}`;
const chem1 = DEMO_ENTERPRISES.find((e) => e.key === 'chem1')!;
const coal1 = DEMO_ENTERPRISES.find((e) => e.key === 'coal1')!;

beforeAll(async () => {
  stack = await startStack();
  token = await login('saco.demo');
}, 300_000);
afterAll(() => stack?.stop());

describe('federation: gateway + registry + five subgraphs', () => {
  it('answers one query that starts at Enterprise and reads a field from each of the five subgraphs', async () => {
    const response = await gql(stack.graphqlUrl, PROFILE, { id: chem1.id }, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const enterprise = response.data.enterprise;
    expect(enterprise.name).toBe(chem1.name); // supervision
    expect(enterprise.regulators.length).toBeGreaterThan(0); // responsibility
    expect(enterprise.hazards.totalCount).toBeGreaterThan(0); // hazard
    expect(enterprise.certificates.totalCount).toBeGreaterThanOrEqual(0); // training
    expect(enterprise.emergencyPlans.totalCount).toBeGreaterThanOrEqual(0); // emergency
  });

  it('keeps an enterprise user inside its own enterprise across subgraphs', async () => {
    const own = await login('ent.coal1.principal.demo');
    const list = await gql(
      stack.graphqlUrl,
      '{ enterprises(first: 100) { totalCount nodes { id } } }',
      {},
      own,
    );
    expect(list.data.enterprises.nodes.map((n: { id: string }) => n.id)).toEqual([coal1.id]);
    const foreign = await gql(stack.graphqlUrl, PROFILE, { id: chem1.id }, own);
    expect(foreign.data?.enterprise ?? null).toBeNull();
    const hazards = await gql(
      stack.graphqlUrl,
      '{ hazards(first: 200) { nodes { enterpriseId } } }',
      {},
      own,
    );
    expect(new Set(hazards.data.hazards.nodes.map((n: { enterpriseId: string }) => n.enterpriseId))).toEqual(
      new Set([coal1.id]),
    );
  });

  it('refuses anonymous access to protected fields and revoked tokens within seconds', async () => {
    const anonymous = await gql(stack.graphqlUrl, '{ enterprises(first: 1) { totalCount } }');
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
    const mine = await login('zhujian.demo');
    expect(
      errorCodes(await gql(stack.graphqlUrl, '{ enterprises(first: 1) { totalCount } }', {}, mine)),
    ).toEqual([]);
    const loggedOut = await gql(stack.graphqlUrl, 'mutation { logout }', {}, mine);
    expect(loggedOut.errors, JSON.stringify(loggedOut.errors)).toBeUndefined();
    const deadline = Date.now() + 8000;
    let codes: string[] = [];
    while (Date.now() < deadline) {
      codes = errorCodes(await gql(stack.graphqlUrl, '{ enterprises(first: 1) { totalCount } }', {}, mine));
      if (codes.includes('UNAUTHENTICATED')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(codes).toContain('UNAUTHENTICATED');
  });

  it('carries an enterprise registered in supervision to the other services through events', async () => {
    const hongshagang = coal1.townshipCode;
    const body = '91620621MA9000001';
    const { usccCheckCharacter } = await import('@safety/reference');
    const registered = await gql(
      stack.graphqlUrl,
      `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { id } }`,
      {
        input: {
          uscc: body + usccCheckCharacter(body),
          name: '联邦事件测试化工（演示）',
          industryCode: 'HAZCHEM_STORAGE_TRADE',
          townshipCode: hongshagang,
          address: '红沙岗镇演示路9号',
          legalRepresentative: '测（演示）',
          employeeCount: 30,
        },
      },
      token,
    );
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
    const id = registered.data.registerEnterprise.id;
    const report = () =>
      gql(
        stack.graphqlUrl,
        `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { code enterpriseId } }`,
        {
          input: {
            enterpriseId: id,
            title: '新登记企业的隐患',
            description: '由事件同步后上报',
            grade: 'GENERAL',
            source: 'GOV_INSPECTION',
          },
        },
        token,
      );
    const reported = await pollUntil(report, (r) => !r.errors);
    expect(reported.errors, JSON.stringify(reported.errors)).toBeUndefined();
    expect(reported.data.reportHazard.enterpriseId).toBe(id);
    const profile = await gql(stack.graphqlUrl, PROFILE, { id }, token);
    expect(profile.data.enterprise.regulators.length).toBeGreaterThan(0); // responsibility's enterprise_ref
    expect(profile.data.enterprise.hazards.totalCount).toBe(1);
  });

  it('refuses a cross-site request without a preflight-forcing header (CSRF)', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const json = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(json.status).toBe(200);
  });

  it('starts from its cached supergraph when the registry is down', async () => {
    const { startGateway } = await import('../src/index.js');
    const { createServer } = await import('node:net');
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const second = await startGateway({
      port: 0,
      supergraph: {
        kind: 'registry',
        registryUrl: `http://127.0.0.1:${closedPort}`,
        cacheFile: stack.gatewayCacheFile,
      },
      authUrl: stack.authUrl,
    });
    try {
      const response = await gql(
        `${second.url}/graphql`,
        '{ enterprises(first: 1) { totalCount } }',
        {},
        token,
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data.enterprises.totalCount).toBeGreaterThan(50);
    } finally {
      await second.stop();
    }
  });

  it('refuses a depth bomb and an alias flood with clear codes', async () => {
    let deep = 'name';
    for (let i = 0; i < 15; i++) deep = `enterprises(first: 1) { nodes { ${deep} } }`;
    const depth = await gql(stack.graphqlUrl, `{ ${deep} }`, {}, token);
    expect(errorCodes(depth)).toContain('QUERY_TOO_DEEP');
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: enterprises(first: 1) { totalCount }`).join(
      ' ',
    );
    const flood = await gql(stack.graphqlUrl, `{ ${aliases} }`, {}, token);
    expect(errorCodes(flood)).toContain('TOO_MANY_ALIASES');
  });

  it('answers bad variables with BAD_USER_INPUT, not an internal error', async () => {
    const query = 'query($s: HazardStatus, $n: Int) { hazards(status: $s, first: $n) { totalCount } }';
    for (const variables of [{ s: 'NOPE' }, { n: 'ten' }, { s: ['REPORTED'] }]) {
      const answer = await gql(stack.graphqlUrl, query, variables, token);
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$[sn]" got invalid value/);
    }
  });

  it('serves GraphiQL to a browser with every asset inline (works offline)', async () => {
    const response = await fetch(stack.graphqlUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('GraphiQL');
    expect(html.match(/(src|href)=["']https?:\/\/[^"']+["']/g) ?? []).toEqual([]);
  });

  it('allows introspection only to signed-in callers', async () => {
    const anonymous = await gql(stack.graphqlUrl, '{ __schema { queryType { name } } }');
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    const signedIn = await gql(stack.graphqlUrl, '{ __schema { queryType { name } } }', {}, token);
    expect(signedIn.data.__schema.queryType.name).toBe('Query');
  });

  it('passes every MUST of the graphql-http audit suite', async () => {
    const results = await Promise.all(
      serverAudits({ url: stack.graphqlUrl }).map(async (audit) => ({ audit, result: await audit.fn() })),
    );
    const mustFailures = results.filter(
      ({ audit, result }) => audit.name.startsWith('MUST') && result.status !== 'ok',
    );
    expect(
      mustFailures.map(({ audit, result }) => `${audit.name}: ${'reason' in result ? result.reason : ''}`),
    ).toEqual([]);
    const shouldFailures = results.filter(
      ({ audit, result }) => audit.name.startsWith('SHOULD') && result.status !== 'ok',
    );
    console.log(
      `graphql-http audit: ${results.length} audits, ${results.length - mustFailures.length - shouldFailures.length} ok; SHOULD not met: ${shouldFailures.map(({ audit }) => audit.name).join(' | ') || 'none'}`,
    );
  });
});

@ObjectType()
class Notice {
  @Field() text: string;
}

@Resolver()
class NoticeV1 {
  @Authorized()
  @Query(() => Notice)
  notice(): Notice {
    return { text: 'v1' };
  }
}

@ObjectType('NoticeBoard')
class NoticeBoard {
  @Field() headline: string;
}

@Resolver()
class NoticeV2 {
  @Authorized()
  @Query(() => Notice)
  notice(): Notice {
    return { text: 'v2' };
  }

  @Authorized()
  @Query(() => NoticeBoard)
  noticeBoard(): NoticeBoard {
    return { headline: 'published without a gateway restart' };
  }
}

// Does not compose: redefines the owner's Enterprise.name with another type.
@ObjectType('Enterprise')
class ClashingEnterprise {
  @Field(() => Number) name: number;
}

@Resolver()
class Clash {
  @Query(() => ClashingEnterprise, { nullable: true })
  clash(): null {
    return null;
  }
}

const noticeSubgraph = (resolvers: [Function, ...Function[]]) =>
  defineSubgraph({ name: 'notices', port: 0, resolvers, entities: [], migrations: [] });

describe('schema changes reach the gateway without a restart', () => {
  it('serves a newly published subgraph and its next version, and rejects one that does not compose', async () => {
    await stack.start(noticeSubgraph([NoticeV1]));
    await stack.waitForSupergraph((sdl) => sdl.includes('name: "notices"'));
    const v1 = await pollGateway('{ notice { text } }', (r) => r.data?.notice?.text === 'v1');
    expect(v1.data.notice.text).toBe('v1');

    await stack.start(noticeSubgraph([NoticeV2]));
    await stack.waitForSupergraph((sdl) => sdl.includes('noticeBoard'));
    const v2 = await pollGateway('{ noticeBoard { headline } }', (r) => Boolean(r.data?.noticeBoard));
    expect(v2.data.noticeBoard.headline).toBe('published without a gateway restart');

    const before = await (await fetch(`${stack.registry.url}/supergraph`)).text();
    const clash = await stack.start({ ...noticeSubgraph([Clash]), name: 'clash' });
    const publish = await fetch(`${stack.registry.url}/subgraphs/clash`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'clash',
        url: clash.url,
        sdl: clash.sdl,
        eventsUrl: `${clash.baseUrl}/events`,
        subscribes: [],
      }),
    });
    expect(publish.status).toBe(422);
    expect(await (await fetch(`${stack.registry.url}/supergraph`)).text()).toBe(before);
    const still = await gql(stack.graphqlUrl, '{ noticeBoard { headline } }', {}, token);
    expect(still.errors).toBeUndefined();
  });

  it('names the failed subgraph while the others still answer', async () => {
    await stack.subgraphs.training!.stop();
    const response = await gql(stack.graphqlUrl, PROFILE, { id: chem1.id }, token);
    expect(response.data.enterprise.name).toBe(chem1.name);
    expect(response.data.enterprise.hazards.totalCount).toBeGreaterThan(0);
    expect(response.data.enterprise.certificates).toBeNull();
    const failure = response.errors?.find((e) => e.extensions?.serviceName === 'training');
    expect(failure?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});

async function pollUntil<T>(
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function pollGateway(query: string, done: (response: any) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await gql(stack.graphqlUrl, query, {}, token);
    if (done(response) || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
