import type { Principal, TokenVerifier } from '@safety/auth';
import { TokenError } from '@safety/auth';
import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from './errors.js';

export interface AuthContext {
  principal: Principal | null;
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | null | undefined): string | undefined {
  return header?.match(/^Bearer\s+(.+)$/i)?.[1];
}

/**
 * Verifies the bearer token once at the edge (JWKS + revocation list); subgraphs verify it
 * again (zero trust). A bad token fails the whole request; no token means anonymous.
 */
export function useAuthentication(verify: TokenVerifier) {
  return {
    async onContextBuilding({
      context,
      extendContext,
    }: {
      context: { request: Request };
      extendContext: (extension: AuthContext) => void;
    }) {
      const token = bearerToken(context.request.headers.get('authorization'));
      if (!token) return extendContext({ principal: null });
      try {
        extendContext({ principal: await verify(token) });
      } catch (error) {
        const reason = error instanceof TokenError ? error.message : 'token invalid';
        throw new GraphQLError(`Sign in again: ${reason}`, {
          extensions: { code: GatewayErrorCode.UNAUTHENTICATED, http: { status: 401 } },
        });
      }
    },
  };
}
