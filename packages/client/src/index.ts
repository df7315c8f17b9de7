export * from './app-shell/index.js';
export { connectionTypePolicies, createSafetyCache, cursorConnection } from './cache.js';
export {
  ANONYMOUS_OPERATIONS,
  createAuthLink,
  createSafetyClient,
  type SafetyClientOptions,
  type SafetyOperationContext,
} from './create-client.js';
export * from './files/index.js';
export { LoginDocument, LogoutDocument, RefreshSessionDocument } from './operations.js';
export * from './pickers/index.js';
export {
  accessTokenLifetimeMs,
  createSessionStore,
  SESSION_STORAGE_KEY,
  type Session,
  type SessionAccount,
  type SessionStorageLike,
  type SessionStore,
} from './session.js';
export { SessionProvider, useSession, useSessionStore } from './session-context.js';
export { SignInForm, type SignInFormProps, signInErrorMessage } from './sign-in/index.js';
