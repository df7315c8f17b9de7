import type { Principal, TokenVerifier } from '@safety/auth';
import { TokenError } from '@safety/auth';
import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from './errors.js';

export interface AuthContext {
  principal: Principal | null;
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
      const header = context.request.headers.get('authorization');
      const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
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
