import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { sessionAccessToken } from '../graphiql/launch-graphiql.js';

/**
 * The schema registry's API, same origin: infra/local/static-server.mjs proxies `/registry/graphql` to
 * the registry's `/graphql`. A client of its own (the registry is not part of the supergraph), with the
 * signed-in admin's access token from the session every app of this origin shares (the shell's client
 * keeps it refreshed), read at each request.
 */
export const REGISTRY_GRAPHQL = '/registry/graphql';
/** `GET /registry/health/<subgraph>` → that subgraph's `/readyz` (also via the static server). */
export const registryHealthUrl = (subgraph: string) => `/registry/health/${encodeURIComponent(subgraph)}`;

let client: ApolloClient | undefined;

export function registryClient(): ApolloClient {
  client ??= new ApolloClient({
    link: new SetContextLink((prev) => {
      const token = sessionAccessToken();
      return {
        headers: { ...prev.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      };
    }).concat(new HttpLink({ uri: REGISTRY_GRAPHQL, headers: { 'graphql-client-name': 'app-admin' } })),
    cache: new InMemoryCache(),
  });
  return client;
}
