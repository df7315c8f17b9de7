import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { Session, SessionStore } from './session.js';

const SessionContext = createContext<SessionStore | null>(null);

/** Makes the app's session store available to `useSession()` and the sign-in form. */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession() needs a <SessionProvider store={...}> above it');
  return store;
}

/** The signed-in session (tokens and account), or null; re-renders on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
