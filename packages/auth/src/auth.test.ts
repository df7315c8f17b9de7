import { describe, expect, it } from 'vitest';
import {
  canSeeEnterprise,
  createTokenVerifier,
  enterpriseScopeCondition,
  generateSigningKey,
  publicJwks,
  RevocationList,
  Role,
  signAccessToken,
  TokenError,
} from './index.js';

const principal = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'town.hongshagang.demo',
  kind: 'USER' as const,
  roles: [Role.TOWNSHIP_OFFICER],
  permissions: [],
  scope: { orgUnitId: null, townshipCodes: ['620621106'], industryCodes: [], enterpriseIds: [] },
};

describe('tokens', () => {
  it('round-trips claims through a signed token', async () => {
    const key = await generateSigningKey();
    const verify = createTokenVerifier({ jwks: () => publicJwks([key]) });
    const { token, jti } = await signAccessToken(key, principal, { expiresInSeconds: 60 });
    const verified = await verify(token);
    expect(verified).toMatchObject({ ...principal, jti });
  });

  it('refuses a token signed by another key, an expired one and a revoked one', async () => {
    const [key, other] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const revocations = new RevocationList();
    const verify = createTokenVerifier({ jwks: () => publicJwks([key]), revocations });
    const foreign = await signAccessToken(other, principal, { expiresInSeconds: 60 });
    await expect(verify(foreign.token)).rejects.toMatchObject({ reason: 'INVALID' });
    const expired = await signAccessToken(key, principal, { expiresInSeconds: -10 });
    await expect(verify(expired.token)).rejects.toMatchObject({ reason: 'EXPIRED' });
    const good = await signAccessToken(key, principal, { expiresInSeconds: 60 });
    await expect(verify(good.token)).resolves.toBeTruthy();
    revocations.add(good.jti);
    await expect(verify(good.token)).rejects.toBeInstanceOf(TokenError);
  });
});

describe('scope', () => {
  const enterprise = {
    id: 'e1',
    townshipCode: '620621106',
    industryCode: 'COAL_MINE',
    regulatorOrgIds: ['org-emb'],
  };

  it.each([
    ['a town officer of its town', principal, true],
    [
      'a town officer of another town',
      { ...principal, scope: { ...principal.scope, townshipCodes: ['x'] } },
      false,
    ],
    [
      'an industry regulator that regulates it',
      {
        roles: [Role.INDUSTRY_REGULATOR],
        scope: { orgUnitId: 'org-emb', townshipCodes: [], industryCodes: ['COAL_MINE'], enterpriseIds: [] },
      },
      true,
    ],
    [
      'the right industry but another regulator',
      {
        roles: [Role.INDUSTRY_REGULATOR],
        scope: { orgUnitId: 'org-zj', townshipCodes: [], industryCodes: ['COAL_MINE'], enterpriseIds: [] },
      },
      false,
    ],
    [
      'its own enterprise user',
      {
        roles: [Role.ENT_STAFF],
        scope: { orgUnitId: null, townshipCodes: [], industryCodes: [], enterpriseIds: ['e1'] },
      },
      true,
    ],
    ['the safety committee office', { roles: [Role.SAC_OFFICE], scope: principal.scope }, true],
  ])('%s: visible=%s', (_name, who, visible) => {
    expect(canSeeEnterprise(who as never, enterprise)).toBe(visible);
  });

  it('builds no condition for county-wide roles and a parameterised one otherwise', () => {
    expect(enterpriseScopeCondition({ roles: [Role.COUNTY_LEADER], scope: principal.scope }, 'e')).toBeNull();
    const condition = enterpriseScopeCondition(principal, 'e');
    expect(condition?.sql).toContain('e.township_code = ANY(:scopeTownships)');
    expect(condition?.params.scopeTownships).toEqual(['620621106']);
  });
});
