import type { ServiceAuth, SubgraphDefinition } from '@safety/subgraph-kit';
import { TokenAuthority } from './token-authority.js';

/** How often the key set and the revocation list are re-read from the database (architecture §6a: within seconds). */
const REFRESH_INTERVAL_MS = 2000;

/**
 * Responsibility holds the keys itself: tokens are verified locally against `signing_key`, the
 * revocation list comes straight from `issued_token`, and its own SERVICE token is minted here.
 * Disabling an account revokes its tokens, so they are refused like any revoked token.
 */
export const accountAuth: NonNullable<SubgraphDefinition['auth']> = async ({
  db,
  log,
  name,
  serviceSecret,
}): Promise<ServiceAuth> => {
  const authority = await TokenAuthority.open(db, { log, serviceSecret });
  return {
    verify: authority.verifier(),
    serviceToken: () => authority.serviceToken(name),
    async start() {
      authority.startRefreshing(REFRESH_INTERVAL_MS);
    },
    stop() {
      authority.stop();
    },
  };
};
