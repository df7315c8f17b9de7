import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, ServerError } from '@apollo/client';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { print } from 'graphql';
import { from, mergeMap, type Observable, of, tap, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { createSafetyCache } from './cache.js';
import type { RefreshSessionMutation } from './gql/graphql.js';
import { RefreshSessionDocument } from './operations.js';
import { accessTokenLifetimeMs, type Session, type SessionStore } from './session.js';

export interface SafetyClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  uri: string;
  /** Sent as `graphql-client-name` / `graphql-client-version` (usage reporting, CSRF prevention). */
  clientName: string;
  clientVersion: string;
  session: SessionStore;
  /** Called once when the session ends because its tokens were refused (expired, revoked, garbage). */
  onSignedOut?: () => void;
  /** Refresh this long before the access token expires; default one minute. */
  refreshLeewayMs?: number;
  fetch?: typeof fetch;
}

/** Operations that must never carry a token nor trigger a refresh: their UNAUTHENTICATED means wrong credentials. */
export const ANONYMOUS_OPERATIONS = new Set(['Login', 'RefreshSession']);

/** Set `context: { skipAuth: true }` on an operation to send it without a token and without refresh handling. */
export interface SafetyOperationContext {
  skipAuth?: boolean;
}

function hasUnauthenticated(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

function refusedResult(result: ApolloLink.Result): boolean {
  return 'errors' in result && hasUnauthenticated(result.errors as GraphQLFormattedError[] | undefined);
}

function refusedError(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  return CombinedGraphQLErrors.is(error) && hasUnauthenticated(error.errors);
}

/**
 * The tokens of one session: refreshed shortly before the access token expires and once after a
 * request is refused. A refresh token is single use (presenting it twice revokes the whole session),
 * so concurrent requests share one refresh.
 */
export type TokenKeeper = ReturnType<typeof createTokenKeeper>;

function createTokenKeeper(options: SafetyClientOptions) {
  const { session, uri, clientName, clientVersion } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const leeway = options.refreshLeewayMs ?? 60_000;
  let refreshing: Promise<Session | null> | null = null;

  /** The new session, null when the server refused the refresh token; throws when it could not be asked. */
  const exchange = async (refreshToken: string): Promise<Session | null> => {
    const response = await fetchImpl(uri, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'graphql-client-name': clientName,
        'graphql-client-version': clientVersion,
      },
      body: JSON.stringify({
        operationName: 'RefreshSession',
        query: print(RefreshSessionDocument),
        variables: { refreshToken },
      }),
    });
    const body = (await response
      .json()
      .catch(() => ({}))) as FormattedExecutionResult<RefreshSessionMutation>;
    if (body.data?.refreshSession) return body.data.refreshSession;
    if (response.status === 401 || hasUnauthenticated(body.errors)) return null;
    throw new Error(body.errors?.[0]?.message ?? `Session refresh failed with HTTP ${response.status}`);
  };

  const refresh = (current: Session): Promise<Session | null> => {
    refreshing ??= exchange(current.refreshToken)
      .then((next) => {
        // A sign-out or another sign-in meanwhile wins over this refresh.
        if (next && session.get()?.refreshToken === current.refreshToken) session.set(next);
        return next;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  const signOut = () => {
    if (!session.get()) return;
    session.signOut();
    options.onSignedOut?.();
  };

  return {
    signOut,
    /** The token to send now, refreshed first when it is about to expire; null when signed out. */
    async current(): Promise<string | null> {
      const current = session.get();
      if (!current) return null;
      if (accessTokenLifetimeMs(current) > leeway) return current.accessToken;
      try {
        const next = await refresh(current);
        if (next) return next.accessToken;
        signOut();
        return null;
      } catch {
        return current.accessToken; // the gateway could not be asked: try the old token, it may still be valid
      }
    },
    /** After `rejected` was refused: a fresh token to retry with, or null (then the session may be over). */
    async afterRefusal(rejected: string): Promise<string | null> {
      const current = session.get();
      if (!current) return null;
      if (current.accessToken !== rejected) return current.accessToken; // another request refreshed already
      try {
        const next = await refresh(current);
        if (next) return next.accessToken;
      } catch {
        return null; // not a refusal: keep the session, hand the original failure to the caller
      }
      signOut();
      return null;
    },
  };
}

/** The auth link: bearer token and client headers; refresh before expiry; one refresh-and-retry on UNAUTHENTICATED. */
export function createAuthLink(
  options: SafetyClientOptions,
  tokens: TokenKeeper = createTokenKeeper(options),
): ApolloLink {
  const clientHeaders = {
    'graphql-client-name': options.clientName,
    'graphql-client-version': options.clientVersion,
  };

  return new ApolloLink((operation, forward) => {
    const send = (token: string | null): Observable<ApolloLink.Result> => {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, ...clientHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }));
      return forward(operation);
    };
    const context = operation.getContext() as SafetyOperationContext;
    if (context.skipAuth || ANONYMOUS_OPERATIONS.has(operation.operationName ?? '')) return send(null);

    return from(tokens.current()).pipe(
      mergeMap((token) => {
        if (!token) return send(null);
        // The second refusal ends the session; the caller still gets the failure.
        const retried = (next: string) =>
          send(next).pipe(
            tap({
              next: (result) => {
                if (refusedResult(result)) tokens.signOut();
              },
              error: (error) => {
                if (refusedError(error)) tokens.signOut();
              },
            }),
          );
        const retry = (original: Observable<ApolloLink.Result>) =>
          from(tokens.afterRefusal(token)).pipe(mergeMap((next) => (next ? retried(next) : original)));
        return send(token).pipe(
          mergeMap((result) => (refusedResult(result) ? retry(of(result)) : of(result))),
          catchError((error) =>
            refusedError(error) ? retry(throwError(() => error)) : throwError(() => error),
          ),
        );
      }),
    );
  });
}

/** The Apollo Client every app uses: auth link, gateway HTTP link, cache with connection pagination. */
export function createSafetyClient(options: SafetyClientOptions): ApolloClient {
  const tokens = createTokenKeeper(options);
  const client = new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(options, tokens),
      new HttpLink({ uri: options.uri, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    ]),
    cache: createSafetyCache(),
  });
  // Nothing read under one account may be shown to the next. (clearStore would also reject the
  // request in flight that found the session over, so only the cache is emptied.)
  options.session.subscribe((session) => {
    if (!session) void client.cache.reset();
  });
  connections.set(client, { tokens, uri: options.uri, fetch: options.fetch });
  return client;
}

/** What other transports of a client (files) share with its auth link: one refresh at a time. */
export interface ClientConnection {
  tokens: TokenKeeper;
  uri: string;
  fetch?: typeof fetch;
}
const connections = new WeakMap<ApolloClient, ClientConnection>();

/** The connection of a client made by `createSafetyClient`; undefined for any other client. */
export function connectionOf(client: ApolloClient): ClientConnection | undefined {
  return connections.get(client);
}
