import { describe, expect, it, vi } from 'vitest';
import {
  accessTokenLifetimeMs,
  createSessionStore,
  SESSION_STORAGE_KEY,
  type Session,
  type SessionStorageLike,
} from './session.js';

function fakeStorage(): SessionStorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const session: Session = {
  accessToken: 'access-1',
  expiresAt: '2026-03-01T10:00:00.000Z',
  refreshToken: 'refresh-1',
  refreshExpiresAt: '2026-03-08T09:00:00.000Z',
  account: {
    id: 'a1',
    username: 'saco.demo',
    displayName: '安委办（演示）',
    kind: 'USER',
    roles: ['SAC_OFFICE'],
    permissions: [],
    isDemo: true,
    officialId: null,
    scope: { orgUnitId: null, townshipCodes: [], industryCodes: [], enterpriseIds: [] },
  },
};

describe('session store', () => {
  it('persists the session under one key and reads it back in a new store', () => {
    const storage = fakeStorage();
    createSessionStore({ storage }).set(session);
    expect([...storage.items.keys()]).toEqual([SESSION_STORAGE_KEY]);
    expect(createSessionStore({ storage }).get()).toEqual(session);
  });

  it('notifies subscribers on set and sign-out, and stops after unsubscribe', () => {
    const store = createSessionStore({ storage: fakeStorage() });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set(session);
    store.signOut();
    store.signOut(); // already signed out: no second notification
    unsubscribe();
    store.set(session);
    expect(listener.mock.calls).toEqual([[session], [null]]);
  });

  it('forgets everything on sign-out', () => {
    const storage = fakeStorage();
    const store = createSessionStore({ storage });
    store.set(session);
    store.signOut();
    expect(store.get()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('treats unreadable or foreign stored values as signed out', () => {
    const storage = fakeStorage();
    storage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(createSessionStore({ storage }).get()).toBeNull();
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 'x' }));
    expect(createSessionStore({ storage }).get()).toBeNull();
  });

  it('tells how long the access token has left', () => {
    expect(accessTokenLifetimeMs(session, Date.parse('2026-03-01T09:59:00.000Z'))).toBe(60_000);
  });
});
