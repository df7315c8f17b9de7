import type { SessionFieldsFragment } from './gql/graphql.js';

/** A signed-in session as `login` and `refreshSession` return it. */
export type Session = SessionFieldsFragment;
export type SessionAccount = Session['account'];

/** The part of the Web Storage API the store uses (localStorage in a browser). */
export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'safety.session';

export interface SessionStore {
  /** The current session, or null when signed out. */
  get(): Session | null;
  set(session: Session): void;
  /** Forgets the session (tokens and account) and tells the subscribers. */
  signOut(): void;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: (session: Session | null) => void): () => void;
}

function memoryStorage(): SessionStorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function isSession(value: unknown): value is Session {
  const candidate = value as Partial<Session> | null;
  return (
    typeof candidate?.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    typeof candidate.account?.id === 'string'
  );
}

/**
 * The token store every app shares: one JSON value under one storage key, so all tabs of the
 * same origin see the same session; other tabs' sign-in and sign-out reach the subscribers too.
 */
export function createSessionStore(
  options: { storage?: SessionStorageLike; key?: string } = {},
): SessionStore {
  const storage = options.storage ?? globalThis.localStorage ?? memoryStorage();
  const key = options.key ?? SESSION_STORAGE_KEY;
  const listeners = new Set<(session: Session | null) => void>();

  const read = (): Session | null => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      return isSession(parsed) ? parsed : null;
    } catch {
      return null;
    }
  };
  let current = read();
  const notify = () => {
    for (const listener of listeners) listener(current);
  };

  if (typeof window !== 'undefined' && storage === globalThis.localStorage) {
    window.addEventListener('storage', (event) => {
      if (event.key !== key) return;
      current = read();
      notify();
    });
  }

  return {
    get: () => current,
    set(session) {
      current = session;
      storage.setItem(key, JSON.stringify(session));
      notify();
    },
    signOut() {
      const wasSignedIn = current !== null;
      current = null;
      storage.removeItem(key);
      if (wasSignedIn) notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Milliseconds until the access token expires (negative once it has). */
export function accessTokenLifetimeMs(session: Session, now = Date.now()): number {
  return Date.parse(session.expiresAt) - now;
}
