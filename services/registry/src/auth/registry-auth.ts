import type { ApolloServerPlugin } from '@apollo/server';
import {
  createTokenVerifier,
  type Principal,
  RevocationList,
  Role,
  TokenError,
  type TokenVerifier,
} from '@safety/auth';
import { ErrorCode, holdsAny } from '@safety/subgraph-kit';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';

/** Reads need an admin or a service; every mutation needs an admin (issue 5, registry auth). */
export const READ_ROLES = [Role.PLATFORM_ADMIN, Role.SERVICE] as const;
export const WRITE_ROLES = [Role.PLATFORM_ADMIN] as const;

export interface RegistryAuth {
  /** Undefined when neither AUTH_URL nor a verifier is configured: every caller is anonymous. */
  verify?: TokenVerifier;
  stop(): void;
}

/** Verifies callers like the subgraphs do: responsibility's JWKS, its revocation list polled. */
export function registryAuth(options: { authUrl?: string; verify?: TokenVerifier }): RegistryAuth {
  if (options.verify) return { verify: options.verify, stop: () => {} };
  if (!options.authUrl) return { stop: () => {} };
  const revocations = new RevocationList();
  // Not awaited: responsibility publishes to the registry, so it usually starts after it.
  void revocations.startPolling(`${options.authUrl}/revoked-tokens`, 2000);
  return {
    verify: createTokenVerifier({ jwksUrl: `${options.authUrl}/.well-known/jwks.json`, revocations }),
    stop: () => revocations.stop(),
  };
}

function refusal(code: string, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** The caller of a request: null without a token; a bad token is refused, never downgraded to anonymous. */
export async function principalOf(auth: RegistryAuth, header: string | undefined): Promise<Principal | null> {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) return null;
  if (!auth.verify)
    throw refusal(ErrorCode.UNAUTHENTICATED, 'This registry verifies no tokens (AUTH_URL is not set)', 401);
  try {
    return await auth.verify(token);
  } catch (error) {
    const reason = error instanceof TokenError ? error.message : 'token invalid';
    throw refusal(ErrorCode.UNAUTHENTICATED, `Sign in again: ${reason}`, 401);
  }
}

/** Introspection alone (`__schema`, `__type`, `__typename`) stays open: it reveals the API, not data. */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
    )
  );
}

/**
 * Guards every root field of the API, including those other parts of the registry add (usage,
 * documents): the resolvers' `@Authorized` says the same per field, this makes it the default.
 */
export function accessPlugin(): ApolloServerPlugin<{ principal: Principal | null }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation || introspectionOnly(operation)) return;
          const principal = contextValue.principal;
          if (!principal) throw refusal(ErrorCode.UNAUTHENTICATED, 'Sign in first', 401);
          const required = operation.operation === 'query' ? READ_ROLES : WRITE_ROLES;
          if (!holdsAny(principal, required))
            throw refusal(ErrorCode.FORBIDDEN, `Needs one of the roles ${required.join(', ')}`, 403);
        },
      };
    },
  };
}

/** The name a decision is recorded under. */
export function actorOf(principal: Principal): string {
  return principal.username || principal.id;
}
