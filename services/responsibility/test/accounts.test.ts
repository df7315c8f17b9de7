import { createTokenVerifier, Role } from '@safety/auth';
import { DEMO_PASSWORD, demoAccount, demoEnterprise, orgId, townByPinyin } from '@safety/reference';
import { type SubgraphRuntime, startSubgraph } from '@safety/subgraph-kit';
import { errorCodes, freshTestDatabase, type GraphQLResponse, gql } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsibilitySubgraph } from '../src/subgraph.js';

const SECRET = 'test-service-secret';

let runtime: SubgraphRuntime;
let database: Awaited<ReturnType<typeof freshTestDatabase>>;
beforeAll(async () => {
  database = await freshTestDatabase('responsibility_accounts');
  // No `auth` override: the service's own factory verifies against its keys and revocation list.
  runtime = await startSubgraph(responsibilitySubgraph, {
    port: 0,
    registryUrl: null,
    serviceSecret: SECRET,
    subscribers: async () => [],
    ...database.overrides,
  });
});
afterAll(async () => {
  await runtime?.stop();
  await database?.dispose();
});

const LOGIN = `mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken expiresAt refreshToken refreshExpiresAt account { id username kind roles }
  }
}`;
const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;
const ME = `{ me { id username kind roles permissions isDemo scope { orgUnitId townshipCodes industryCodes enterpriseIds } orgUnit { code } } }`;

const call = <T = any>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
  gql<T>(runtime.url, query, variables, token);

async function login(username: string, password = DEMO_PASSWORD) {
  const response = await call(LOGIN, { username, password });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.login as {
    accessToken: string;
    refreshToken: string;
    expiresAt: string;
    account: any;
  };
}

function jtiOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).jti;
}

/** Polls until `ok` or five seconds have passed (revocation must reach every verifier within seconds). */
async function within5s(check: () => Promise<GraphQLResponse>, ok: (r: GraphQLResponse) => boolean) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const response = await check();
    if (ok(response) || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const refused = (r: GraphQLResponse) => errorCodes(r).includes('UNAUTHENTICATED');

let adminToken: string;
const admin = async () => {
  adminToken ??= (await login('admin.demo')).accessToken;
  return adminToken;
};

describe('sign-in', () => {
  it('returns an access token that works for `me`, with the account’s roles and scope', async () => {
    const session = await login('town.hongshagang.demo');
    const account = demoAccount('town.hongshagang.demo');
    expect(session.account).toEqual({
      id: account.id,
      username: account.username,
      kind: 'USER',
      roles: ['TOWNSHIP_OFFICER'],
    });
    const lifetime = Date.parse(session.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    const me = await call(ME, {}, session.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({
      username: 'town.hongshagang.demo',
      isDemo: true,
      scope: {
        orgUnitId: orgId('TOWN_SAFETY_hongshagang'),
        townshipCodes: [townByPinyin('hongshagang').code],
        enterpriseIds: [],
      },
      orgUnit: { code: 'TOWN_SAFETY_hongshagang' },
    });
  });

  it('accepts the username in any case and refuses `me` without a token', async () => {
    await login('Saco.Demo');
    expect(errorCodes(await call(ME))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await call(ME, {}, 'not-a-jwt'))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown user', async () => {
    const wrongPassword = await call(LOGIN, { username: 'saco.demo', password: 'Wrong@2026' });
    const unknownUser = await call(LOGIN, { username: 'nobody.demo', password: DEMO_PASSWORD });
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknownUser)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.errors![0]!.message).toBe(unknownUser.errors![0]!.message);
    expect(wrongPassword.errors![0]!.extensions?.retryAfterSeconds).toBeUndefined();
  });

  it('locks an account for 15 minutes after 5 failures, and a password reset lifts the lock', async () => {
    const attempt = (password: string) => call(LOGIN, { username: 'expert.demo', password });
    for (let i = 1; i <= 4; i++) {
      const response = await attempt(`Wrong@${i}xyz`);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors![0]!.extensions?.retryAfterSeconds).toBeUndefined();
    }
    const fifth = await attempt('Wrong@5xyz');
    expect(errorCodes(fifth)).toEqual(['UNAUTHENTICATED']);
    expect(fifth.errors![0]!.extensions?.retryAfterSeconds).toBe(900);
    const rightButLocked = await attempt(DEMO_PASSWORD);
    expect(errorCodes(rightButLocked)).toEqual(['UNAUTHENTICATED']);
    expect(rightButLocked.errors![0]!.extensions?.retryAfterSeconds).toBeGreaterThan(890);

    const RESET = `mutation($id: ID!, $pw: String!) { resetPassword(id: $id, newPassword: $pw) { lockedUntil failedLogins } }`;
    const id = demoAccount('expert.demo').id;
    const weak = await call(RESET, { id, pw: 'password' }, await admin());
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: expect.any(String) },
    });
    const reset = await call(RESET, { id, pw: 'Expert#2026x' }, await admin());
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetPassword).toEqual({ lockedUntil: null, failedLogins: 0 });
    await login('expert.demo', 'Expert#2026x');
  });

  it('locks unknown usernames the same way, so a lock does not reveal that an account exists', async () => {
    let last: GraphQLResponse | undefined;
    for (let i = 0; i < 5; i++)
      last = await call(LOGIN, { username: 'ghost.demo', password: `Wrong@${i}xyz` });
    expect(last!.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', retryAfterSeconds: 900 });
  });

  it('refuses to sign in machine accounts with a password', async () => {
    await fetch(`${runtime.baseUrl}/service-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'training', secret: SECRET }),
    });
    const response = await call(LOGIN, { username: 'service:training', password: DEMO_PASSWORD });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('sessions', () => {
  it('rotates the refresh token on use and ends the session when a spent one is replayed', async () => {
    const first = await login('emb.staff.demo');
    const refreshed = await call(REFRESH, { token: first.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    const second = refreshed.data.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await call(ME, {}, second.accessToken)).data.me.username).toBe('emb.staff.demo');

    const replay = await call(REFRESH, { token: first.refreshToken });
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    // A replayed refresh token means it was copied: every token of that session is revoked.
    expect(refused(await within5s(() => call(ME, {}, second.accessToken), refused))).toBe(true);
    expect(errorCodes(await call(REFRESH, { token: second.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await call(REFRESH, { token: 'garbage' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('logout revokes the token and its session; the jti is published at /revoked-tokens', async () => {
    const session = await login('zhujian.demo');
    expect((await call(ME, {}, session.accessToken)).errors).toBeUndefined();
    const out = await call('mutation { logout }', {}, session.accessToken);
    expect(out.data).toEqual({ logout: true });
    expect(refused(await within5s(() => call(ME, {}, session.accessToken), refused))).toBe(true);
    expect(errorCodes(await call(REFRESH, { token: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    const published = (await (await fetch(`${runtime.baseUrl}/revoked-tokens`)).json()) as {
      revoked: string[];
    };
    expect(published.revoked).toContain(jtiOf(session.accessToken));
  });

  it('publishes keys at /.well-known/jwks.json that verify the tokens it issues', async () => {
    const session = await login('county.leader.demo');
    const verify = createTokenVerifier({ jwksUrl: `${runtime.baseUrl}/.well-known/jwks.json` });
    const principal = await verify(session.accessToken);
    expect(principal).toMatchObject({
      id: demoAccount('county.leader.demo').id,
      username: 'county.leader.demo',
      roles: [Role.COUNTY_LEADER],
      kind: 'USER',
    });
    const jwks = (await (await fetch(`${runtime.baseUrl}/.well-known/jwks.json`)).json()) as { keys: any[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys.every((k) => k.d === undefined && k.alg === 'ES256')).toBe(true);
  });

  it('keeps passwords and tokens out of the audit log', async () => {
    const rows: Array<{ text: string }> = await runtime.dataSource.query(
      `SELECT coalesce(before::text, '') || coalesce(after::text, '') || coalesce(reason, '') AS text FROM audit_log`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const all = rows.map((r) => r.text).join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('$argon2');
    expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    const logins = await runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE operation = 'login' AND reason = 'signed in'`,
    );
    expect(logins[0].n).toBeGreaterThan(3);
  });
});

describe('account administration', () => {
  const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id username roles scope { townshipCodes enterpriseIds } } }`;
  const base = {
    username: 'town.caiqi.officer',
    displayName: '蔡旗镇应急办（演示）',
    password: 'Caiqi#2026x',
    roles: ['TOWNSHIP_OFFICER'],
    scope: { townshipCodes: [townByPinyin('caiqi').code] },
  };

  it('lets an administrator create an account that can then sign in', async () => {
    const created = await call(CREATE, { input: base }, await admin());
    expect(created.errors).toBeUndefined();
    expect(created.data.createAccount).toMatchObject({
      username: base.username,
      roles: ['TOWNSHIP_OFFICER'],
    });
    const session = await login(base.username, base.password);
    expect((await call(ME, {}, session.accessToken)).data.me.scope.townshipCodes).toEqual([
      townByPinyin('caiqi').code,
    ]);
    expect(errorCodes(await call(CREATE, { input: base }, await admin()))).toEqual(['CONFLICT']);
    const list = await call(
      `{ accounts(search: "caiqi") { totalCount nodes { username } } }`,
      {},
      await admin(),
    );
    expect(list.data.accounts).toEqual({ totalCount: 1, nodes: [{ username: base.username }] });
  });

  it('refuses non-administrators with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const saco = await login('saco.demo');
    const input = { ...base, username: 'not.allowed' };
    expect(errorCodes(await call(CREATE, { input }, saco.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await call('{ accounts { totalCount } }', {}, saco.accessToken))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const short = await call(CREATE, { input: { ...base, username: 'ab' } }, await admin());
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { username: expect.any(String) },
    });
    const weak = await call(
      CREATE,
      { input: { ...base, username: 'weak.pw', password: 'password1' } },
      await admin(),
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: expect.any(String) },
    });
    const noEnterprise = await call(
      CREATE,
      { input: { ...base, username: 'ent.nobody', roles: ['ENT_STAFF'], scope: {} } },
      await admin(),
    );
    expect(noEnterprise.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'scope.enterpriseIds': expect.any(String) },
    });
    const badTown = await call(
      CREATE,
      { input: { ...base, username: 'bad.town', scope: { townshipCodes: ['999'] } } },
      await admin(),
    );
    expect(badTown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'scope.townshipCodes': expect.any(String) },
    });
    const service = await call(
      CREATE,
      { input: { ...base, username: 'fake.service', roles: ['SERVICE'] } },
      await admin(),
    );
    expect(service.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { roles: expect.any(String) },
    });
  });

  it('lets an ACCOUNT_ADMIN create accounts but not grant platform administration', async () => {
    const created = await call(
      CREATE,
      {
        input: {
          username: 'saco.accounts',
          displayName: '安委办账号管理员（演示）',
          password: 'Accounts#2026',
          roles: ['SAC_OFFICE'],
          permissions: ['ACCOUNT_ADMIN'],
          scope: {},
        },
      },
      await admin(),
    );
    expect(created.errors).toBeUndefined();
    const accountAdmin = (await login('saco.accounts', 'Accounts#2026')).accessToken;
    const escalate = await call(
      CREATE,
      { input: { ...base, username: 'sneaky.admin', roles: ['PLATFORM_ADMIN'], scope: {} } },
      accountAdmin,
    );
    expect(errorCodes(escalate)).toEqual(['FORBIDDEN']);
    const ok = await call(CREATE, { input: { ...base, username: 'town.caiqi.second' } }, accountAdmin);
    expect(ok.errors).toBeUndefined();
  });

  it('disabling an account revokes its tokens within seconds and stops sign-in', async () => {
    const session = await login('discipline.demo');
    const id = demoAccount('discipline.demo').id;
    const DISABLE = `mutation($id: ID!, $d: Boolean!) { setAccountDisabled(id: $id, disabled: $d, reason: "离职（演示）") { disabled } }`;
    expect((await call(DISABLE, { id, d: true }, await admin())).data.setAccountDisabled.disabled).toBe(true);
    expect(refused(await within5s(() => call(ME, {}, session.accessToken), refused))).toBe(true);
    const again = await call(LOGIN, { username: 'discipline.demo', password: DEMO_PASSWORD });
    expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await call(REFRESH, { token: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    await call(DISABLE, { id, d: false }, await admin());
    await login('discipline.demo');
  });
});

describe('machine accounts and tokens', () => {
  const CREATE_MACHINE = `mutation($input: CreateMachineAccountInput!) { createMachineAccount(input: $input) { id username kind roles } }`;
  const ISSUE = `mutation($id: ID!, $days: Int!) { issueMachineToken(accountId: $id, expiresInDays: $days) { token jti expiresAt } }`;
  const TOKENS = `query($id: ID!) { tokens(accountId: $id) { jti kind active revokedBy reason } }`;
  const REVOKE = `mutation($jti: ID!, $reason: String!) { revokeToken(jti: $jti, reason: $reason) { jti revokedAt revokedBy reason active } }`;

  it('issues an integrator token that works, lists it, and revokes it everywhere within seconds', async () => {
    const created = await call(
      CREATE_MACHINE,
      {
        input: {
          name: 'city-platform',
          displayName: '市级平台（演示）',
          kind: 'INTEGRATOR',
          scope: { townshipCodes: [townByPinyin('sanlei').code] },
        },
      },
      await admin(),
    );
    expect(created.errors).toBeUndefined();
    const account = created.data.createMachineAccount;
    expect(account).toMatchObject({
      username: 'integrator:city-platform',
      kind: 'INTEGRATOR',
      roles: ['INTEGRATOR'],
    });

    const issued = await call(ISSUE, { id: account.id, days: 30 }, await admin());
    expect(issued.errors).toBeUndefined();
    const { token, jti, expiresAt } = issued.data.issueMachineToken;
    expect(jtiOf(token)).toBe(jti);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const me = await call(ME, {}, token);
    expect(me.data.me).toMatchObject({ username: 'integrator:city-platform', kind: 'INTEGRATOR' });

    const listed = await call(TOKENS, { id: account.id }, await admin());
    expect(listed.data.tokens).toEqual([
      { jti, kind: 'MACHINE', active: true, revokedBy: null, reason: null },
    ]);
    expect(JSON.stringify(listed.data)).not.toContain(token);

    const revoked = await call(REVOKE, { jti, reason: '对接结束（演示）' }, await admin());
    expect(revoked.data.revokeToken).toMatchObject({
      jti,
      revokedBy: 'admin.demo',
      reason: '对接结束（演示）',
      active: false,
    });
    expect(refused(await within5s(() => call(ME, {}, token), refused))).toBe(true);
    const published = (await (await fetch(`${runtime.baseUrl}/revoked-tokens`)).json()) as {
      revoked: string[];
    };
    expect(published.revoked).toContain(jti);
  });

  it('is for administrators only and checks its input', async () => {
    const saco = (await login('saco.demo')).accessToken;
    expect(
      errorCodes(await call(CREATE_MACHINE, { input: { name: 'rogue', kind: 'INTEGRATOR' } }, saco)),
    ).toEqual(['FORBIDDEN']);
    const userAccount = demoAccount('saco.demo').id;
    const forUser = await call(ISSUE, { id: userAccount, days: 30 }, await admin());
    expect(forUser.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { accountId: expect.any(String) },
    });
    const tooLong = await call(ISSUE, { id: userAccount, days: 1000 }, await admin());
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { expiresInDays: expect.any(String) },
    });
    const badName = await call(
      CREATE_MACHINE,
      { input: { name: 'Bad Name', kind: 'SERVICE' } },
      await admin(),
    );
    expect(badName.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { name: expect.any(String) },
    });
    const unknown = await call(
      REVOKE,
      { jti: '00000000-0000-4000-8000-000000000000', reason: '测试' },
      await admin(),
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('service tokens', () => {
  const serviceToken = (body: unknown) =>
    fetch(`${runtime.baseUrl}/service-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('mints a 12-hour SERVICE token for a service holding the shared secret', async () => {
    const response = await serviceToken({ service: 'hazard', secret: SECRET });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresAt: string };
    const lifetime = Date.parse(body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(11.9 * 3600_000);
    expect(lifetime).toBeLessThanOrEqual(12 * 3600_000);
    const verify = createTokenVerifier({ jwksUrl: `${runtime.baseUrl}/.well-known/jwks.json` });
    expect(await verify(body.token)).toMatchObject({
      username: 'service:hazard',
      kind: 'SERVICE',
      roles: [Role.SERVICE],
    });
    expect((await call(ME, {}, body.token)).data.me).toMatchObject({
      username: 'service:hazard',
      kind: 'SERVICE',
    });
    const again = await serviceToken({ service: 'hazard', secret: SECRET });
    expect(again.status).toBe(200);
    const accounts = await runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM user_account WHERE username = 'service:hazard'`,
    );
    expect(accounts[0].n).toBe(1);
  });

  it('refuses a wrong secret with 401 and a malformed request with 400', async () => {
    expect((await serviceToken({ service: 'hazard', secret: 'wrong' })).status).toBe(401);
    expect((await serviceToken({ service: 'hazard' })).status).toBe(400);
    expect((await serviceToken({ service: 'Bad Name!', secret: SECRET })).status).toBe(400);
    expect((await serviceToken('{not json')).status).toBe(400);
  });

  it('gives the service itself a SERVICE token it verifies locally', async () => {
    const token = await runtime.auth.serviceToken();
    expect(await runtime.auth.verify(token)).toMatchObject({
      username: 'service:responsibility',
      roles: [Role.SERVICE],
    });
  });

  it('lets an enterprise-scoped account see only its own enterprise’s regulators', async () => {
    const session = await login('ent.coal1.principal.demo');
    const coal1 = demoEnterprise('coal1');
    const chem1 = demoEnterprise('chem1');
    const response = await call(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id regulators { code } } } }`,
      { r: [coal1, chem1].map((e) => ({ __typename: 'Enterprise', id: e.id })) },
      session.accessToken,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].regulators.length).toBe(coal1.regulatorOrgIds.length);
    expect(response.data._entities[1].regulators).toEqual([]);
  });
});
