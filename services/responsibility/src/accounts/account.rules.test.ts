import { Permission, Role } from '@safety/auth';
import { DEMO_PASSWORD } from '@safety/reference';
import { describe, expect, it } from 'vitest';
import { AccountKind } from './account.enums.js';
import {
  afterFailedLogin,
  FRESH_THROTTLE,
  grantProblem,
  LOCKOUT,
  type LoginThrottle,
  lockedForSeconds,
  machineUsername,
  passwordProblem,
  roleProblem,
  scopeProblems,
  USERNAME_PATTERN,
} from './account.rules.js';

describe('password policy', () => {
  it.each([
    [DEMO_PASSWORD, undefined, null],
    ['Short1!', undefined, 'at least 8 characters'],
    ['alllowercase', undefined, 'use at least three of: lower case, upper case, digits, symbols'],
    ['lowerUPPER', undefined, 'use at least three of: lower case, upper case, digits, symbols'],
    ['lower123UPPER', undefined, null],
    ['zhangsan@2026', 'zhangsan', 'must not contain the username'],
    [`${'x'.repeat(120)}Ab1!xxxxxx`, undefined, 'at most 128 characters'],
  ])('%s (user %s) → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });
});

describe('usernames', () => {
  it.each([
    ['saco.demo', true],
    ['ent.coal1.principal.demo', true],
    ['ab', false],
    ['Upper.case', false],
    ['service:hazard', false],
    ['.leading', false],
  ])('%s valid=%s', (username, valid) => {
    expect(USERNAME_PATTERN.test(username)).toBe(valid);
  });

  it('puts machine accounts in their own namespace', () => {
    expect(machineUsername(AccountKind.SERVICE, 'hazard')).toBe('service:hazard');
    expect(machineUsername(AccountKind.INTEGRATOR, 'city-platform')).toBe('integrator:city-platform');
  });
});

describe('roles by account kind', () => {
  it.each([
    [AccountKind.USER, [Role.SAC_OFFICE], null],
    [AccountKind.USER, [], 'at least one role'],
    [AccountKind.USER, [Role.SERVICE], 'SERVICE is reserved for service accounts'],
    [AccountKind.USER, [Role.INTEGRATOR], null],
    [AccountKind.SERVICE, [Role.SERVICE], null],
    [AccountKind.SERVICE, [Role.SERVICE, Role.SAC_OFFICE], 'a service account holds exactly SERVICE'],
    [AccountKind.INTEGRATOR, [Role.INTEGRATOR], null],
    [AccountKind.INTEGRATOR, [Role.TOWNSHIP_OFFICER], 'an integrator account holds INTEGRATOR'],
    [
      AccountKind.INTEGRATOR,
      [Role.INTEGRATOR, Role.PLATFORM_ADMIN],
      'an integrator cannot be a platform administrator',
    ],
  ])('%s with %j → %s', (kind, roles, problem) => {
    expect(roleProblem(kind, roles)).toBe(problem);
  });
});

describe('granting without escalation', () => {
  const accountAdmin = { roles: [Role.SAC_OFFICE] };
  it.each([
    [accountAdmin, [Role.TOWNSHIP_OFFICER], [], null],
    [accountAdmin, [Role.PLATFORM_ADMIN], [], 'only a platform administrator may grant PLATFORM_ADMIN'],
    [
      accountAdmin,
      [Role.SAC_OFFICE],
      [Permission.ACCOUNT_ADMIN],
      'only a platform administrator may grant ACCOUNT_ADMIN',
    ],
    [{ roles: [Role.PLATFORM_ADMIN] }, [Role.PLATFORM_ADMIN], [Permission.ACCOUNT_ADMIN], null],
  ])('%j grants %j %j → %s', (actor, roles, permissions, problem) => {
    expect(grantProblem(actor, roles, permissions)).toBe(problem);
  });
});

describe('scope a role needs (domain §2.4)', () => {
  const empty = { orgUnitId: null, townshipCodes: [], industryCodes: [], enterpriseIds: [] };
  it.each([
    [[Role.SAC_OFFICE], empty, []],
    [[Role.ENT_STAFF], empty, ['scope.enterpriseIds']],
    [[Role.ENT_STAFF], { ...empty, enterpriseIds: ['e'] }, []],
    [[Role.TOWNSHIP_OFFICER], empty, ['scope.townshipCodes']],
    [[Role.INDUSTRY_REGULATOR], empty, ['scope.orgUnitId', 'scope.industryCodes']],
    [[Role.EMB_STAFF], { ...empty, orgUnitId: 'o', industryCodes: ['COAL_MINE'] }, []],
  ])('%j → %j', (roles, scope, fields) => {
    expect(Object.keys(scopeProblems(roles, scope))).toEqual(fields);
  });
});

describe('failed-login lock (5 in 15 minutes → 15 minutes)', () => {
  const t0 = new Date('2025-03-01T08:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const fail = (state: LoginThrottle, minutes: number) => afterFailedLogin(state, at(minutes));

  it('locks on the fifth failure within the window', () => {
    let state = FRESH_THROTTLE;
    for (const minute of [0, 1, 2, 3]) state = fail(state, minute);
    expect(state).toMatchObject({ failedLogins: 4, lockedUntil: null });
    state = fail(state, 4);
    expect(state.lockedUntil).toEqual(at(4 + LOCKOUT.lockSeconds / 60));
    expect(lockedForSeconds(state, at(4))).toBe(LOCKOUT.lockSeconds);
    expect(lockedForSeconds(state, at(18))).toBe(60);
    expect(lockedForSeconds(state, at(19))).toBe(0);
  });

  it('starts counting again when the window has passed', () => {
    let state = FRESH_THROTTLE;
    for (const minute of [0, 1, 2, 3]) state = fail(state, minute);
    state = fail(state, 16);
    expect(state).toMatchObject({ failedLogins: 1, lockedUntil: null, firstFailedAt: at(16) });
  });
});
