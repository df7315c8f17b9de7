import { createTokenVerifier, RevocationList, type TokenVerifier } from '@safety/auth';

/** How a service verifies callers and obtains its own SERVICE token. */
export interface ServiceAuth {
  verify: TokenVerifier;
  /** This service's SERVICE token, for event delivery and synchronous calls. */
  serviceToken(): Promise<string>;
  start(): Promise<void>;
  stop(): void;
}

/**
 * The default: keys from the account service's JWKS, its revocation list polled every
 * two seconds, and a SERVICE token obtained from it with the shared service secret.
 */
export function remoteServiceAuth(options: {
  service: string;
  authUrl: string;
  serviceSecret?: string;
}): ServiceAuth {
  const revocations = new RevocationList();
  const verify = createTokenVerifier({ jwksUrl: `${options.authUrl}/.well-known/jwks.json`, revocations });
  let cached: { token: string; expiresAt: number } | undefined;
  return {
    verify,
    async serviceToken() {
      if (cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
      if (!options.serviceSecret) throw new Error('SERVICE_SECRET is not set: cannot obtain a service token');
      const response = await fetch(`${options.authUrl}/service-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service: options.service, secret: options.serviceSecret }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`service token: HTTP ${response.status}`);
      const body = (await response.json()) as { token: string; expiresAt: string };
      cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
      return body.token;
    },
    async start() {
      // Not awaited: the account service may itself be this process, not yet listening.
      void revocations.startPolling(`${options.authUrl}/revoked-tokens`, 2000);
    },
    stop() {
      revocations.stop();
    },
  };
}
