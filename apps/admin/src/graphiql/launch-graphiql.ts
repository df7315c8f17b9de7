import { SESSION_STORAGE_KEY } from '@safety/client';

/** The gateway's offline GraphiQL (Yoga's bundled GraphiQL 5), on this origin through the static server. */
export const GATEWAY_GRAPHIQL = '/graphql';

/**
 * GraphiQL keeps its state in localStorage under `graphiql:*` on the gateway's origin, which is this
 * origin. With `headers` set, `shouldPersistHeaders` on and no saved tabs, its first tab opens with
 * these headers, so the admin's session token (or a pasted integrator token) is already in place.
 * Anonymous: the headers are cleared.
 */
export function openGraphiql(token: string | null, storage: Storage = window.localStorage) {
  storage.removeItem('graphiql:tabState');
  if (token) {
    storage.setItem('graphiql:headers', JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2));
    storage.setItem('graphiql:shouldPersistHeaders', 'true');
  } else {
    storage.removeItem('graphiql:headers');
  }
  window.open(GATEWAY_GRAPHIQL, '_blank', 'noopener,noreferrer');
}

/** The signed-in admin's access token, from the session every app of this origin shares. */
export function sessionAccessToken(storage: Storage = window.localStorage): string | null {
  try {
    const session = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null') as {
      accessToken?: unknown;
    } | null;
    return typeof session?.accessToken === 'string' ? session.accessToken : null;
  } catch {
    return null;
  }
}
