import type { SubgraphDefinition } from '@safety/subgraph-kit';
import { MACHINE_NAME_PATTERN } from './account.rules.js';
import { ServiceTokenRefused, sameSecret, tokenAuthority } from './token-authority.js';

type Routes = NonNullable<SubgraphDefinition['routes']>;

const BODY_LIMIT_BYTES = 4096;

async function readJson(request: AsyncIterable<Buffer | string>): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > BODY_LIMIT_BYTES) throw new SyntaxError('body too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The HTTP side of the account service (architecture §6a): the public keys, the revoked token ids
 * every service polls, and SERVICE tokens for platform services holding the shared secret.
 */
export const accountRoutes: Routes = (app, runtime) => {
  app.get('/.well-known/jwks.json', async (_req, res) => {
    const authority = await tokenAuthority(runtime.dataSource);
    res.setHeader('cache-control', 'public, max-age=60');
    res.json(authority.jwks());
  });

  app.get('/revoked-tokens', async (_req, res) => {
    try {
      const rows: Array<{ jti: string }> = await runtime.dataSource.query(
        `SELECT jti FROM issued_token WHERE revoked_at IS NOT NULL AND expires_at > now() AND kind <> 'REFRESH'`,
      );
      res.setHeader('cache-control', 'no-store');
      res.json({ revoked: rows.map((r) => r.jti) });
    } catch (error) {
      runtime.log.error({ err: error }, 'revoked-tokens failed');
      res.status(503).json({ error: 'revocation list unavailable' });
    }
  });

  app.post('/service-token', async (req, res) => {
    const requestId = (req as typeof req & { requestId?: string }).requestId ?? 'service-token';
    try {
      const authority = await tokenAuthority(runtime.dataSource);
      const expected = authority.serviceSecret;
      if (!expected) return void res.status(503).json({ error: 'SERVICE_SECRET is not configured' });
      let body: { service?: unknown; secret?: unknown };
      try {
        body = ((await readJson(req)) ?? {}) as typeof body;
      } catch {
        return void res.status(400).json({ error: 'expected JSON {service, secret}' });
      }
      const { service, secret } = body;
      if (typeof service !== 'string' || !MACHINE_NAME_PATTERN.test(service) || typeof secret !== 'string')
        return void res.status(400).json({ error: 'expected JSON {service, secret}' });
      if (!sameSecret(secret, expected)) {
        runtime.log.warn({ service, requestId }, 'service token refused: wrong secret');
        return void res.status(401).json({ error: 'wrong service secret' });
      }
      const issued = await authority.mintServiceToken(service, requestId);
      res.setHeader('cache-control', 'no-store');
      res.json({ token: issued.token, expiresAt: issued.expiresAt.toISOString() });
    } catch (error) {
      if (error instanceof ServiceTokenRefused) return void res.status(403).json({ error: error.message });
      runtime.log.error({ err: error, requestId }, 'service token failed');
      res.status(500).json({ error: `internal error; quote request id ${requestId}` });
    }
  });
};
