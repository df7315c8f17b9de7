import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  createTokenVerifier,
  generateSigningKey,
  type PrincipalInput,
  publicJwks,
  RevocationList,
  Role,
  type SigningKey,
  signAccessToken,
  type TokenVerifier,
} from '@safety/auth';
import { type Logger, type SubgraphContext, writeAudit } from '@safety/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountKind, TokenKind } from './account.enums.js';
import { machineUsername, REFRESH_TOKEN_SECONDS, SERVICE_TOKEN_SECONDS } from './account.rules.js';
import { IssuedToken } from './issued-token.entity.js';
import { SigningKeyRow } from './signing-key.entity.js';
import { UserAccount } from './user-account.entity.js';

/** Keys retired less than this long ago stay published: machine tokens they signed may still be valid. */
const RETIRED_KEY_GRACE = '400 days';
/** Expired token rows are kept this long for inspection, then pruned. */
const EXPIRED_TOKEN_RETENTION = '90 days';
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * A revocation list that keeps jtis revoked in this process for a while even when a poll that
 * started before the revoking transaction committed replaces the list with an older one.
 */
class LocalRevocationList extends RevocationList {
  private readonly recent = new Map<string, number>();

  override add(jti: string): void {
    super.add(jti);
    this.recent.set(jti, Date.now());
  }

  override replace(jtis: Iterable<string>): void {
    super.replace(jtis);
    const cutoff = Date.now() - 30_000;
    for (const [jti, at] of this.recent) {
      if (at < cutoff) this.recent.delete(jti);
      else super.add(jti);
    }
  }
}

export function principalOf(account: UserAccount): PrincipalInput {
  return {
    id: account.id,
    username: account.username,
    kind: account.kind,
    roles: account.roles,
    permissions: account.permissions,
    scope: {
      orgUnitId: account.orgUnitId,
      townshipCodes: account.townshipCodes,
      industryCodes: account.industryCodes,
      enterpriseIds: account.enterpriseIds,
    },
  };
}

export interface IssuedJwt {
  token: string;
  jti: string;
  expiresAt: Date;
}

export class ServiceTokenRefused extends Error {}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** The system acting on its own (service tokens): audit rows without a signed-in actor. */
function systemContext(requestId: string): SubgraphContext {
  return { principal: null, requestId, mutation: undefined } as unknown as SubgraphContext;
}

const authorities = new WeakMap<DataSource, Promise<TokenAuthority>>();

/**
 * The account service's token issuer and verifier: ES256 keys kept in `signing_key`, every issued
 * token recorded in `issued_token`, and the revoked jtis mirrored in memory (refreshed every two
 * seconds, updated at once when this process revokes). One per database.
 */
export class TokenAuthority {
  readonly revocations = new LocalRevocationList();
  private keys: SigningKey[] = [];
  private signingKey: SigningKey | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private stopped = false;
  private cachedServiceToken: IssuedJwt | undefined;

  private constructor(
    private readonly db: DataSource,
    private readonly log: Logger | undefined,
    readonly serviceSecret: string | undefined,
  ) {}

  /** Loads (or on the very first start generates) the signing key and the revocation list. */
  static open(
    db: DataSource,
    options: { log?: Logger; serviceSecret?: string } = {},
  ): Promise<TokenAuthority> {
    const opening = (async () => {
      const authority = new TokenAuthority(db, options.log, options.serviceSecret);
      await authority.ensureSigningKey();
      await authority.refresh();
      return authority;
    })();
    authorities.set(db, opening);
    // A failed open (database not ready) must not be cached: the next caller tries again.
    opening.catch(() => authorities.get(db) === opening && authorities.delete(db));
    return opening;
  }

  jwks() {
    return publicJwks(this.keys);
  }

  verifier(): TokenVerifier {
    return createTokenVerifier({ jwks: () => this.jwks(), revocations: this.revocations });
  }

  startRefreshing(intervalMs = 2000): void {
    this.timer ??= setInterval(
      () => void this.refresh().catch((error) => this.refreshFailed(error)),
      intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-reads keys (another replica may have added one) and the unexpired revoked jtis. */
  async refresh(): Promise<void> {
    const rows = await this.db.query(
      `SELECT kid, private_jwk, public_jwk, retired_at FROM signing_key
       WHERE retired_at IS NULL OR retired_at > now() - interval '${RETIRED_KEY_GRACE}'
       ORDER BY created_at DESC, kid`,
    );
    this.keys = rows.map((r: any) => ({ kid: r.kid, privateJwk: r.private_jwk, publicJwk: r.public_jwk }));
    const active = rows.find((r: any) => r.retired_at === null);
    this.signingKey = this.keys.find((k) => k.kid === active?.kid);
    const revoked: Array<{ jti: string }> = await this.db.query(
      `SELECT jti FROM issued_token WHERE revoked_at IS NOT NULL AND expires_at > now() AND kind <> $1`,
      [TokenKind.REFRESH],
    );
    this.revocations.replace(revoked.map((r) => r.jti));
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.db.query(
        `DELETE FROM issued_token WHERE expires_at < now() - interval '${EXPIRED_TOKEN_RETENTION}'`,
      );
    }
  }

  private refreshFailed(error: unknown) {
    // After stop() the data source is gone; a last in-flight poll failing then is expected.
    if (!this.stopped)
      this.log?.warn({ err: error }, 'token authority refresh failed; keeping the last lists');
  }

  private async ensureSigningKey(): Promise<void> {
    await this.db.transaction(async (manager) => {
      // Replicas starting together must not each create a key.
      await manager.query('LOCK TABLE signing_key IN SHARE ROW EXCLUSIVE MODE');
      const [active] = await manager.query('SELECT kid FROM signing_key WHERE retired_at IS NULL LIMIT 1');
      if (active) return;
      const key = await generateSigningKey();
      await manager.insert(SigningKeyRow, {
        kid: key.kid,
        privateJwk: key.privateJwk,
        publicJwk: key.publicJwk,
      });
      this.log?.info({ kid: key.kid }, 'signing key generated');
    });
  }

  /** Jtis revoked by a committed transaction of this process: refused here at once. */
  revoked(jtis: readonly string[]): void {
    for (const jti of jtis) this.revocations.add(jti);
  }

  /** Signs a JWT for `account` and records it, in the caller's transaction. */
  async sign(
    manager: EntityManager,
    account: UserAccount,
    kind: TokenKind.ACCESS | TokenKind.MACHINE,
    expiresInSeconds: number,
    sessionId: string | null = null,
  ): Promise<IssuedJwt> {
    if (!this.signingKey) throw new Error('no active signing key');
    const issued = await signAccessToken(this.signingKey, principalOf(account), { expiresInSeconds });
    await manager.insert(IssuedToken, {
      jti: issued.jti,
      accountId: account.id,
      kind,
      sessionId,
      expiresAt: issued.expiresAt,
    });
    return issued;
  }

  /** An opaque refresh token `<jti>.<secret>`; only the secret's SHA-256 is stored. */
  async issueRefreshToken(
    manager: EntityManager,
    accountId: string,
    sessionId: string,
  ): Promise<{ token: string; jti: string; expiresAt: Date }> {
    const jti = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000);
    await manager.insert(IssuedToken, {
      jti,
      accountId,
      kind: TokenKind.REFRESH,
      sessionId,
      secretHash: sha256(secret).toString('hex'),
      expiresAt,
    });
    return { token: `${jti}.${secret}`, jti, expiresAt };
  }

  /** This service's own SERVICE token (outbox delivery, synchronous calls), reused until an hour before expiry. */
  async serviceToken(service: string): Promise<string> {
    const cached = this.cachedServiceToken;
    if (cached && cached.expiresAt.getTime() - Date.now() > 60 * 60 * 1000) return cached.token;
    this.cachedServiceToken = await this.mintServiceToken(service, 'system');
    return this.cachedServiceToken.token;
  }

  /** A 12-hour SERVICE token for machine account `service:<name>`, created on first use. */
  mintServiceToken(service: string, requestId: string): Promise<IssuedJwt> {
    const username = machineUsername(AccountKind.SERVICE, service);
    return this.db.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(UserAccount)
        .values({
          username,
          displayName: service,
          kind: AccountKind.SERVICE,
          roles: [Role.SERVICE],
          permissions: [],
          townshipCodes: [],
          industryCodes: [],
          enterpriseIds: [],
        })
        .orIgnore()
        .execute();
      const account = await manager.findOneByOrFail(UserAccount, { username });
      if (account.disabled || account.kind !== AccountKind.SERVICE)
        throw new ServiceTokenRefused(`${username} is disabled or not a service account`);
      const issued = await this.sign(manager, account, TokenKind.MACHINE, SERVICE_TOKEN_SECONDS);
      await writeAudit(manager, systemContext(requestId), {
        operation: 'serviceToken',
        entity: 'IssuedToken',
        entityId: issued.jti,
        after: { accountId: account.id, username, kind: TokenKind.MACHINE, expiresAt: issued.expiresAt },
      });
      return issued;
    });
  }
}

/** The authority of this database: the one the auth factory opened, or one opened on demand (tests with a stand-in auth). */
export function tokenAuthority(db: DataSource): Promise<TokenAuthority> {
  return authorities.get(db) ?? TokenAuthority.open(db, { serviceSecret: process.env.SERVICE_SECRET });
}

/** Splits `<jti>.<secret>` and checks the secret against the stored hash in constant time. */
export function refreshTokenParts(token: string): { jti: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { jti: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const stored = Buffer.from(storedHash, 'hex');
  const given = sha256(secret);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * Revokes the unexpired, unrevoked tokens matching one filter, in the caller's transaction.
 * Returns their jtis; hand them to `TokenAuthority.revoked` once the transaction commits.
 */
export async function revokeTokens(
  manager: EntityManager,
  filter: { jti: string } | { sessionId: string } | { accountId: string },
  revokedBy: string,
  reason: string,
): Promise<string[]> {
  const [column, value] =
    'jti' in filter
      ? ['jti', filter.jti]
      : 'sessionId' in filter
        ? ['session_id', filter.sessionId]
        : ['account_id', filter.accountId];
  const [rows] = await manager.query(
    `UPDATE issued_token SET revoked_at = now(), revoked_by = $2, reason = $3
     WHERE ${column} = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING jti`,
    [value, revokedBy, reason],
  );
  return (rows as Array<{ jti: string }>).map((r) => r.jti);
}
