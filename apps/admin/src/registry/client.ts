import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The schema registry's read API, same origin: infra/local/static-server.mjs proxies
 * `/registry/graphql` to the registry's `/graphql`. A client of its own: the registry is not part
 * of the supergraph, and it takes no session (no auth yet; reads only).
 */
export const REGISTRY_GRAPHQL = '/registry/graphql';
/** `GET /registry/health/<subgraph>` → that subgraph's `/readyz` (also via the static server). */
export const registryHealthUrl = (subgraph: string) => `/registry/health/${encodeURIComponent(subgraph)}`;

let client: ApolloClient | undefined;

export function registryClient(): ApolloClient {
  client ??= new ApolloClient({
    link: new HttpLink({ uri: REGISTRY_GRAPHQL, headers: { 'graphql-client-name': 'app-admin' } }),
    cache: new InMemoryCache(),
  });
  return client;
}
