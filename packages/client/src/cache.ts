import { type FieldPolicy, InMemoryCache, type TypePolicies } from '@apollo/client';
import { CONNECTION_FIELDS } from './gql/connection-fields.js';

/** The shape every `*Connection` shares (architecture §5, Pagination); all parts optional in a selection. */
interface Connection {
  nodes?: unknown[];
  edges?: Array<{ cursor?: string }>;
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean };
  totalCount?: number;
}

/**
 * Cursor pagination for one connection field: one cached list per combination of `keyArgs` (the
 * filters), pages appended by `after` so `fetchMore({ variables: { after: endCursor } })` grows it.
 */
export function cursorConnection(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs: keyArgs.length > 0 ? keyArgs : false,
    merge(existing, incoming, { args }) {
      const after = args?.after as string | null | undefined;
      if (!existing || !after) return incoming;
      // Re-fetching a page that is already cached replaces it and what followed, instead of duplicating rows.
      const edgeIndex = existing.edges?.findIndex((edge) => edge.cursor === after) ?? -1;
      const keep =
        existing.pageInfo?.endCursor === after || edgeIndex < 0
          ? (existing.nodes ?? existing.edges)?.length
          : edgeIndex + 1;
      return {
        ...incoming,
        ...(incoming.nodes ? { nodes: [...(existing.nodes ?? []).slice(0, keep), ...incoming.nodes] } : {}),
        ...(incoming.edges ? { edges: [...(existing.edges ?? []).slice(0, keep), ...incoming.edges] } : {}),
      };
    },
  };
}

/** Type policies for every connection field of the supergraph (generated list, see the compose script). */
export function connectionTypePolicies(
  fields: Record<string, Record<string, string[]>> = CONNECTION_FIELDS,
): TypePolicies {
  return Object.fromEntries(
    Object.entries(fields).map(([typeName, connections]) => [
      typeName,
      {
        fields: Object.fromEntries(
          Object.entries(connections).map(([field, keyArgs]) => [field, cursorConnection(keyArgs)]),
        ),
      },
    ]),
  );
}

export function createSafetyCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies: connectionTypePolicies() });
}
