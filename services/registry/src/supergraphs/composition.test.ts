import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './composition.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';
const users = {
  name: 'users',
  url: 'http://u/graphql',
  sdl: `${LINK}type User @key(fields: "id") { id: ID! }\ntype Query { me: User }`,
};
const posts = {
  name: 'posts',
  url: 'http://p/graphql',
  sdl: `${LINK}type User @key(fields: "id") { id: ID! posts: [String] }\ntype Query { feed: [String] }`,
};

describe('composeSupergraph', () => {
  it('composes Federation 2 subgraphs, independent of their order', () => {
    const one = composeSupergraph([users, posts]);
    const other = composeSupergraph([posts, users]);
    expect(one.ok && one.supergraphSdl).toContain('@join__graph(name: "users", url: "http://u/graphql")');
    expect(one).toEqual(other);
  });

  it('reports composition errors with their rule code', () => {
    const clash = {
      ...posts,
      sdl: `${LINK}type User @key(fields: "id") { id: String! }\ntype Query { feed: [String] }`,
    };
    const outcome = composeSupergraph([users, clash]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.code)).toContain('FIELD_TYPE_MISMATCH');
  });

  it('reports a syntax error with the subgraph name and location', () => {
    expect(composeSupergraph([{ ...users, sdl: 'type {' }])).toEqual({
      ok: false,
      errors: [
        { message: '[users] Syntax Error: Expected Name, found "{".', locations: [{ line: 1, column: 6 }] },
      ],
    });
  });
});
