import { Role } from '@safety/auth';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  mayRunArbitraryDocuments,
  nonPublicRootFields,
  PUBLIC_ROOT_FIELDS,
} from './trusted-documents.rules.js';

const PUBLIC = new Set(PUBLIC_ROOT_FIELDS);
const principal = (roles: Role[]) =>
  ({
    id: 'x',
    username: 'x',
    kind: 'USER',
    roles,
    permissions: [],
    scope: {},
    jti: 'j',
    expiresAt: new Date(),
  }) as never;

describe('nonPublicRootFields', () => {
  it.each([
    ['{ __typename }', null, []],
    ['query($n: String!) { __type(name: $n) { name } }', null, []],
    ['mutation { login(username: "u", password: "p") { accessToken } }', null, []],
    ['mutation { refreshSession(refreshToken: "t") { accessToken } }', null, []],
    ['{ enterprises(first: 1) { totalCount } }', null, ['Query.enterprises']],
    ['{ ... on Query { hazards { totalCount } } }', null, ['Query.hazards']],
    [
      'mutation { ...F } fragment F on Mutation { logout login(username: "u", password: "p") { accessToken } }',
      null,
      ['Mutation.logout'],
    ],
    ['query A { __typename } query B { enterprises { totalCount } }', 'A', []],
    ['query A { __typename } query B { enterprises { totalCount } }', 'B', ['Query.enterprises']],
  ])('%s (%s) → %j', (query, operationName, refused) => {
    expect(nonPublicRootFields(parse(query), operationName, PUBLIC)).toEqual(refused);
  });
});

describe('mayRunArbitraryDocuments', () => {
  it.each([
    [[Role.INTEGRATOR], true],
    [[Role.PLATFORM_ADMIN], true],
    [[Role.SERVICE], true],
    [[Role.SAC_OFFICE], false],
    [[Role.ENT_STAFF, Role.EXPERT], false],
  ])('%j → %s', (roles, allowed) => {
    expect(mayRunArbitraryDocuments(principal(roles))).toBe(allowed);
  });

  it('anonymous may not', () => {
    expect(mayRunArbitraryDocuments(null)).toBe(false);
  });
});
