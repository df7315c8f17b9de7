import { canSeeEnterprise, type EnterpriseScopeFacts, type ScopedPrincipal } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { demoPrincipal } from './authority.js';
import { gql } from './graphql-client.js';
import type { TestSubgraph } from './test-subgraph.js';

/** A connection on Query whose nodes belong to an enterprise. */
export interface ScopedConnection {
  /** Query field, e.g. `hazards`. */
  field: string;
  /** The node field holding the owning enterprise id (default `enterpriseId`). */
  enterpriseIdField?: string;
  /** Entity type of the nodes, checked through `_entities` (omit for non-entities). */
  typename?: string;
  /** Query field fetching one node by `id`, e.g. `hazard`. */
  byIdField?: string;
}

export interface ScopeHarnessSpec {
  subgraph: () => TestSubgraph;
  connections: ScopedConnection[];
  /** Connection fields this service adds to `Enterprise`, e.g. `hazards`. */
  enterpriseFields?: string[];
  /** Aggregates: a query and how to read the count it reports, compared with the rows the caller can see. */
  aggregates?: Array<{ name: string; connection: string; query: string; count: (data: any) => number }>;
  /** Demo accounts to check; defaults cover an enterprise, a town, an industry regulator and a public user. */
  principals?: string[];
}

const DEFAULT_PRINCIPALS = [
  'ent.coal1.principal.demo',
  'ent.chem1.manager.demo',
  'town.hongshagang.demo',
  'zhujian.demo',
  'emb.staff.demo',
  'public.demo',
];
const REFERENCE = 'saco.demo';

type Row = { id: string; enterpriseId: string };

async function allRows(subgraph: TestSubgraph, connection: ScopedConnection, token: string) {
  const enterpriseId = connection.enterpriseIdField ?? 'enterpriseId';
  const rows: Row[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const response: any = await gql(
      subgraph.url,
      `query($after: String) { ${connection.field}(first: 200, after: $after) {
         totalCount pageInfo { hasNextPage endCursor } nodes { id ${enterpriseId === 'id' ? '' : enterpriseId} } } }`,
      { after },
      token,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = response.data[connection.field];
    totalCount = result.totalCount;
    rows.push(...result.nodes.map((n: any) => ({ id: n.id, enterpriseId: n[enterpriseId] })));
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  return { rows, totalCount };
}

async function enterpriseFacts(subgraph: TestSubgraph): Promise<Map<string, EnterpriseScopeFacts>> {
  const refs = await subgraph.runtime.dataSource.query(
    'SELECT id, township_code, industry_code, regulator_org_ids FROM enterprise_ref',
  );
  return new Map(
    refs.map((r: any) => [
      r.id,
      {
        id: r.id,
        townshipCode: r.township_code,
        industryCode: r.industry_code,
        regulatorOrgIds: r.regulator_org_ids,
      },
    ]),
  );
}

/**
 * The reusable scope harness (domain §2.4): for each principal and each exposed connection it
 * checks lists, `totalCount`, lookups by id, `_entities`, the fields added to `Enterprise` and
 * aggregates against the rule evaluated independently in memory over `enterprise_ref`.
 */
export function describeScopeHarness(spec: ScopeHarnessSpec): void {
  const principals = spec.principals ?? DEFAULT_PRINCIPALS;

  describe('data scope harness', () => {
    it('refuses anonymous callers on every scoped connection', async () => {
      for (const connection of spec.connections) {
        const response = await gql(spec.subgraph().url, `{ ${connection.field}(first: 1) { totalCount } }`);
        expect(response.errors?.[0]?.extensions?.code, connection.field).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses a revoked token with UNAUTHENTICATED', async () => {
      const subgraph = spec.subgraph();
      const connection = spec.connections[0]!;
      const { token, jti } = await subgraph.authority.tokenWithId(demoPrincipal(REFERENCE));
      const query = `{ ${connection.field}(first: 1) { totalCount } }`;
      expect((await gql(subgraph.url, query, {}, token)).errors).toBeUndefined();
      subgraph.authority.revocations.add(jti);
      const refused = await gql(subgraph.url, query, {}, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    for (const username of principals) {
      describe(username, () => {
        const principal = demoPrincipal(username) as ScopedPrincipal;

        for (const connection of spec.connections) {
          it(`${connection.field}: list, totalCount, by id and _entities show only rows in scope`, async () => {
            const subgraph = spec.subgraph();
            const facts = await enterpriseFacts(subgraph);
            const visible = (row: Row) => {
              const enterprise = facts.get(row.enterpriseId);
              return enterprise !== undefined && canSeeEnterprise(principal, enterprise);
            };
            const reference = await allRows(
              subgraph,
              connection,
              await subgraph.authority.tokenFor(REFERENCE),
            );
            expect(reference.rows.length, 'the harness needs data to be meaningful').toBeGreaterThan(0);
            const expected = reference.rows.filter(visible);
            const token = await subgraph.authority.tokenFor(username);
            const seen = await allRows(subgraph, connection, token);
            expect(seen.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
            expect(seen.totalCount).toBe(expected.length);

            const hidden = reference.rows.find((row) => !visible(row));
            const shown = expected[0];
            if (connection.byIdField) {
              const byId = (id: string) =>
                gql(
                  subgraph.url,
                  `query($id: ID!) { ${connection.byIdField}(id: $id) { id } }`,
                  { id },
                  token,
                );
              if (hidden) {
                const response = await byId(hidden.id);
                const value = response.data?.[connection.byIdField];
                expect(value ?? null, `${connection.byIdField} must not reveal ${hidden.id}`).toBeNull();
              }
              if (shown) expect((await byId(shown.id)).data?.[connection.byIdField]?.id).toBe(shown.id);
            }
            if (connection.typename) {
              const sample = reference.rows.slice(0, 150);
              const response: any = await gql(
                subgraph.url,
                `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${connection.typename} { id } } }`,
                { r: sample.map((row) => ({ __typename: connection.typename, id: row.id })) },
                token,
              );
              expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
              response.data._entities.forEach((entity: { id: string } | null, index: number) => {
                const row = sample[index]!;
                expect(entity?.id ?? null, `_entities ${row.id}`).toBe(visible(row) ? row.id : null);
              });
            }
          });
        }

        for (const field of spec.enterpriseFields ?? []) {
          it(`Enterprise.${field}: empty for enterprises out of scope`, async () => {
            const subgraph = spec.subgraph();
            const facts = await enterpriseFacts(subgraph);
            const ids = [...facts.keys()];
            const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id ${field}(first: 200) { totalCount nodes { id } } } } }`;
            const variables = { r: ids.map((id) => ({ __typename: 'Enterprise', id })) };
            const reference: any = await gql(
              subgraph.url,
              query,
              variables,
              await subgraph.authority.tokenFor(REFERENCE),
            );
            const seen: any = await gql(
              subgraph.url,
              query,
              variables,
              await subgraph.authority.tokenFor(username),
            );
            expect(seen.errors, JSON.stringify(seen.errors)).toBeUndefined();
            let nonEmpty = 0;
            ids.forEach((id, index) => {
              const all = reference.data._entities[index][field];
              const mine = seen.data._entities[index]?.[field];
              const expected = canSeeEnterprise(principal, facts.get(id)!) ? all.totalCount : 0;
              expect(mine?.totalCount ?? 0, `Enterprise ${id}.${field}`).toBe(expected);
              expect(mine?.nodes?.length ?? 0).toBe(Math.min(expected, 200));
              nonEmpty += all.totalCount > 0 ? 1 : 0;
            });
            expect(nonEmpty, 'the harness needs enterprises with rows').toBeGreaterThan(0);
          });
        }

        for (const aggregate of spec.aggregates ?? []) {
          it(`aggregate ${aggregate.name} counts only rows in scope`, async () => {
            const subgraph = spec.subgraph();
            const token = await subgraph.authority.tokenFor(username);
            const connection = spec.connections.find((c) => c.field === aggregate.connection)!;
            const seen = await allRows(subgraph, connection, token);
            const response: any = await gql(subgraph.url, aggregate.query, {}, token);
            expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
            expect(aggregate.count(response.data)).toBe(seen.totalCount);
          });
        }
      });
    }
  });
}
