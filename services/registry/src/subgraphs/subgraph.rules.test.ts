import { describe, expect, it } from 'vitest';
import { etagMatches } from '../http/etag.js';
import { readPublication, sha256 } from './subgraph.rules.js';

const valid = { url: 'http://127.0.0.1:4101/graphql', sdl: 'type Query { a: Int }' };

describe('readPublication', () => {
  it('fills the optional fields and normalizes subscriptions', () => {
    expect(readPublication('hazard', { ...valid, name: 'hazard', subscribes: ['B', 'A', 'B'] })).toEqual({
      ok: true,
      publication: {
        name: 'hazard',
        ...valid,
        eventsUrl: null,
        subscribes: ['A', 'B'],
        publishedBy: null,
        commit: null,
      },
    });
  });

  it.each([
    ['a name unfit for a join__Graph value', '1st', valid],
    ['a body name that differs from the path', 'hazard', { ...valid, name: 'training' }],
    ['a non-http url', 'hazard', { ...valid, url: 'ftp://x' }],
    ['an empty sdl', 'hazard', { ...valid, sdl: '  ' }],
    ['a bad eventsUrl', 'hazard', { ...valid, eventsUrl: 'nope' }],
    ['subscribes that are not strings', 'hazard', { ...valid, subscribes: [1] }],
    ['an overlong commit', 'hazard', { ...valid, commit: 'x'.repeat(201) }],
    ['an array body', 'hazard', []],
  ])('rejects %s', (_case, name, body) => {
    expect(readPublication(name, body).ok).toBe(false);
  });
});

describe('etagMatches', () => {
  const hash = sha256('x');
  it.each([
    [undefined, false],
    [`"${hash}"`, true],
    [`W/"${hash}"`, true],
    [`"other", "${hash}"`, true],
    ['*', true],
    ['"other"', false],
  ])('%s → %s', (header, expected) => {
    expect(etagMatches(header, hash)).toBe(expected);
  });
});
