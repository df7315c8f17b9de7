import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { connectionTypePolicies, createSafetyCache, cursorConnection } from './cache.js';

type Merge = (
  existing: unknown,
  incoming: unknown,
  options: { args: Record<string, unknown> | null },
) => unknown;
const merge = cursorConnection(['status']).merge as unknown as Merge;
const page = (ids: string[], endCursor: string) => ({
  nodes: ids,
  edges: ids.map((id) => ({ cursor: `c-${id}` })),
  pageInfo: { endCursor, hasNextPage: true },
  totalCount: 9,
});

describe('cursorConnection', () => {
  it('uses the filters as key arguments, none when a connection has no filters', () => {
    expect(cursorConnection(['status', 'grade']).keyArgs).toEqual(['status', 'grade']);
    expect(cursorConnection([]).keyArgs).toBe(false);
  });

  it('starts over on a first page and appends the page after the last cursor', () => {
    const first = page(['1', '2'], 'c-2');
    expect(merge(page(['0'], 'c-0'), first, { args: { first: 2 } })).toEqual(first);
    const merged = merge(first, page(['3', '4'], 'c-4'), { args: { first: 2, after: 'c-2' } });
    expect(merged).toMatchObject({
      nodes: ['1', '2', '3', '4'],
      pageInfo: { endCursor: 'c-4' },
      totalCount: 9,
    });
  });

  it('replaces a page fetched again instead of duplicating it', () => {
    const two = merge(page(['1', '2'], 'c-2'), page(['3', '4'], 'c-4'), { args: { after: 'c-2' } });
    const again = merge(two, page(['3', '5'], 'c-5'), { args: { after: 'c-2' } });
    expect(again).toMatchObject({ nodes: ['1', '2', '3', '5'] });
  });

  it('gives every generated connection field of the supergraph a policy', () => {
    const policies = connectionTypePolicies();
    expect(Object.keys(policies.Query?.fields ?? {})).toEqual(
      expect.arrayContaining(['enterprises', 'hazards', 'accounts']),
    );
    expect(Object.keys(policies.Enterprise?.fields ?? {})).toContain('hazards');
  });

  it('grows one cached list per filter through the cache', () => {
    const cache = createSafetyCache();
    const query = gql`
      query ($after: String) {
        hazards(first: 1, after: $after, status: OPEN) {
          nodes { id }
          pageInfo { endCursor hasNextPage }
        }
      }
    `;
    const write = (id: string, after: string | null) =>
      cache.writeQuery({
        query,
        variables: { after },
        data: {
          hazards: {
            __typename: 'HazardConnection',
            nodes: [{ __typename: 'Hazard', id }],
            pageInfo: { __typename: 'PageInfo', endCursor: `c-${id}`, hasNextPage: true },
          },
        },
      });
    write('h1', null);
    write('h2', 'c-h1');
    expect(cache.readQuery({ query, variables: { after: null } })).toMatchObject({
      hazards: { nodes: [{ id: 'h1' }, { id: 'h2' }] },
    });
  });
});
