import type { ApolloClient } from '@apollo/client';
import { createSafetyClient } from '../create-client.js';
import { createSessionStore, type SessionStore } from '../session.js';

/** One department app run on its own: its session store and the Apollo client that uses it. */
export interface DepartmentApp {
  session: SessionStore;
  client: ApolloClient;
}

/**
 * The standalone app's session and client. Same origin as the gateway: the static server proxies
 * `/graphql`, and so does `vite` in dev (packages/config/vite.app.mjs).
 */
export function createDepartmentApp({
  clientName,
  clientVersion = '0.0.0',
  uri = '/graphql',
}: {
  /** Sent as `graphql-client-name`, e.g. `app-hazard`. */
  clientName: string;
  clientVersion?: string;
  uri?: string;
}): DepartmentApp {
  const session = createSessionStore();
  return { session, client: createSafetyClient({ uri, clientName, clientVersion, session }) };
}
