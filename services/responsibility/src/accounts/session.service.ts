import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  isUuid,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import { GraphQLError } from 'graphql';
import { AccountKind, TokenKind } from './account.enums.js';
import {
  ACCESS_TOKEN_SECONDS,
  afterFailedLogin,
  FRESH_THROTTLE,
  type LoginThrottle,
  lockedForSeconds,
} from './account.rules.js';
import type { LoginResult } from './account.types.js';
import { IssuedToken } from './issued-token.entity.js';
import { verifyPassword } from './password.js';
import {
  refreshTokenParts,
  revokeTokens,
  secretMatches,
  type TokenAuthority,
  tokenAuthority,
} from './token-authority.js';
import { UserAccount } from './user-account.entity.js';

const WRONG_CREDENTIALS = 'Wrong username or password';
/** Why a refresh token was revoked when it was exchanged; presenting it again means it was copied. */
const ROTATED = 'rotated';

function wrongCredentials(): GraphQLError {
  return new GraphQLError(WRONG_CREDENTIALS, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

function lockedOut(seconds: number): GraphQLError {
  return new GraphQLError(`Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, retryAfterSeconds: seconds },
  });
}

function signInAgain(message = 'Sign in again'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/**
 * Failure counters for usernames that do not exist, kept in memory with the same rule as for
 * accounts, so a lock-out never tells an attacker whether a username is real.
 */
const unknownUsernames = new Map<string, LoginThrottle>();
const MAX_TRACKED_UNKNOWN = 10_000;

function trackUnknown(username: string, now: Date): LoginThrottle {
  const next = afterFailedLogin(unknownUsernames.get(username) ?? FRESH_THROTTLE, now);
  unknownUsernames.delete(username);
  if (unknownUsernames.size >= MAX_TRACKED_UNKNOWN)
    unknownUsernames.delete(unknownUsernames.keys().next().value!);
  unknownUsernames.set(username, next);
  return next;
}

type RefreshOutcome = { result: LoginResult } | { refused: string; revoked: string[] };

/** Sign-in, refresh and sign-out (architecture §6a). */
export class SessionService {
  constructor(private readonly context: SubgraphContext) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const now = new Date();
    const account =
      name.length <= 100
        ? await this.context.db.getRepository(UserAccount).findOneBy({ username: name })
        : null;

    const locked = lockedForSeconds(account ?? unknownUsernames.get(name) ?? FRESH_THROTTLE, now);
    if (locked) throw lockedOut(locked);

    // Unknown users and machine accounts (no hash) still cost one verification; over-long passwords are not hashed.
    const stored = account?.kind === AccountKind.USER ? account.passwordHash : null;
    const valid = await verifyPassword(password.length <= 256 ? stored : null, password.slice(0, 256));
    if (!account) {
      const lockedFor = lockedForSeconds(trackUnknown(name, now), now);
      throw lockedFor ? lockedOut(lockedFor) : wrongCredentials();
    }
    if (!valid) {
      const next = await this.recordFailure(account.id, now);
      const lockedFor = lockedForSeconds(next, now);
      throw lockedFor ? lockedOut(lockedFor) : wrongCredentials();
    }
    // The password was right, so saying the account is disabled reveals nothing new.
    if (account.disabled) throw signInAgain('This account is disabled: ask your administrator');

    const authority = await tokenAuthority(this.context.db);
    return this.context.transaction(async (uow) => {
      await uow.manager.update(UserAccount, account.id, { ...FRESH_THROTTLE, lastLoginAt: now });
      Object.assign(account, FRESH_THROTTLE, { lastLoginAt: now });
      const result = await this.openSession(uow, authority, account, randomUUID());
      await uow.audit({
        entity: 'UserAccount',
        entityId: account.id,
        reason: 'signed in',
        after: { username: name },
      });
      return result;
    });
  }

  /** Exchanges a refresh token for a new pair; the old one is spent. Reusing a spent one ends the whole session. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const parts = refreshTokenParts(refreshToken);
    if (!parts) throw signInAgain();
    const authority = await tokenAuthority(this.context.db);
    const outcome = await this.context.transaction(async (uow): Promise<RefreshOutcome> => {
      const row = await uow.manager
        .getRepository(IssuedToken)
        .createQueryBuilder('token')
        .where('token.jti = :jti AND token.kind = :kind', { jti: parts.jti, kind: TokenKind.REFRESH })
        .setLock('pessimistic_write')
        .getOne();
      if (!row || !secretMatches(parts.secret, row.secretHash))
        return { refused: 'Sign in again', revoked: [] };
      const sessionId = row.sessionId ?? row.jti;
      if (row.revokedAt) {
        if (row.reason !== ROTATED) return { refused: 'Sign in again', revoked: [] };
        const revoked = await revokeTokens(uow.manager, { sessionId }, 'system', 'refresh token reused');
        await uow.audit({
          entity: 'UserAccount',
          entityId: row.accountId,
          reason: 'refresh token reused: session ended',
        });
        return { refused: 'Sign in again: this session was ended for your safety', revoked };
      }
      if (row.expiresAt <= new Date()) return { refused: 'Sign in again: your session expired', revoked: [] };
      const account = await uow.manager.findOneBy(UserAccount, { id: row.accountId });
      if (!account || account.disabled) {
        const revoked = await revokeTokens(uow.manager, { sessionId }, 'system', 'account disabled');
        return { refused: 'Sign in again', revoked };
      }
      await revokeTokens(uow.manager, { jti: row.jti }, 'system', ROTATED);
      const result = await this.openSession(uow, authority, account, sessionId);
      await uow.audit({ entity: 'UserAccount', entityId: account.id, reason: 'session refreshed' });
      return { result };
    });
    if ('result' in outcome) return outcome.result;
    authority.revoked(outcome.revoked);
    throw signInAgain(outcome.refused);
  }

  /** Revokes the caller's token and, for a user session, every other token of that session. */
  async logout(): Promise<boolean> {
    const principal = requirePrincipal(this.context);
    const authority = await tokenAuthority(this.context.db);
    const revoked = await this.context.transaction(async (uow) => {
      // A token from another issuer (a county's own OIDC provider) may carry a non-UUID jti we never recorded.
      if (!isUuid(principal.jti)) return [];
      const row = await uow.manager.findOneBy(IssuedToken, { jti: principal.jti });
      const jtis = row?.sessionId
        ? await revokeTokens(uow.manager, { sessionId: row.sessionId }, principal.username, 'signed out')
        : await revokeTokens(uow.manager, { jti: principal.jti }, principal.username, 'signed out');
      await uow.audit({ entity: 'IssuedToken', entityId: principal.jti, reason: 'signed out' });
      return jtis;
    });
    authority.revoked([...revoked, principal.jti]);
    return true;
  }

  private async openSession(
    uow: UnitOfWork,
    authority: TokenAuthority,
    account: UserAccount,
    sessionId: string,
  ): Promise<LoginResult> {
    const access = await authority.sign(
      uow.manager,
      account,
      TokenKind.ACCESS,
      ACCESS_TOKEN_SECONDS,
      sessionId,
    );
    const refresh = await authority.issueRefreshToken(uow.manager, account.id, sessionId);
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt,
      account,
    };
  }

  private recordFailure(accountId: string, now: Date): Promise<LoginThrottle> {
    return this.context.transaction(async (uow) => {
      // Locked row: concurrent wrong guesses must each count.
      const current = await uow.manager
        .getRepository(UserAccount)
        .createQueryBuilder('account')
        .where('account.id = :id', { id: accountId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const next = afterFailedLogin(current, now);
      await uow.manager.update(UserAccount, accountId, next);
      await uow.audit({
        entity: 'UserAccount',
        entityId: accountId,
        reason: next.lockedUntil ? 'sign-in failed: locked for 15 minutes' : 'sign-in failed',
      });
      return next;
    });
  }
}
