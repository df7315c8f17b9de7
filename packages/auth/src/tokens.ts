import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { Permission } from './permissions.js';
import type { RevocationList } from './revocation.js';
import { Role } from './roles.js';
import { type DataScope, EMPTY_SCOPE } from './scope.js';

export const TOKEN_ISSUER = 'safety-platform';
export const TOKEN_AUDIENCE = 'safety-platform';
const ALGORITHM = 'ES256';

export type PrincipalKind = 'USER' | 'SERVICE' | 'INTEGRATOR';

/** Who is calling: the verified content of an access token. */
export interface Principal {
  /** Account id. */
  id: string;
  username: string;
  kind: PrincipalKind;
  roles: Role[];
  permissions: Permission[];
  scope: DataScope;
  /** Token id, used for revocation. */
  jti: string;
  expiresAt: Date;
}

export type PrincipalInput = Omit<Principal, 'jti' | 'expiresAt'>;

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const base = { kid, alg: ALGORITHM, use: 'sig' };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...base },
    publicJwk: { ...(await exportJWK(publicKey)), ...base },
  };
}

export function publicJwks(keys: SigningKey[]): JSONWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}

/** Signs an access token; `expiresInSeconds` short for users, long for machine accounts. */
export async function signAccessToken(
  key: SigningKey,
  principal: PrincipalInput,
  options: { expiresInSeconds: number; jti?: string },
): Promise<{ token: string; jti: string; expiresAt: Date }> {
  const jti = options.jti ?? randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + options.expiresInSeconds;
  const privateKey = await importJWK(key.privateJwk, ALGORITHM);
  const token = await new SignJWT({
    username: principal.username,
    kind: principal.kind,
    roles: principal.roles,
    permissions: principal.permissions,
    scope: principal.scope,
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(principal.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(privateKey);
  return { token, jti, expiresAt: new Date(exp * 1000) };
}

export class TokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'INVALID' | 'EXPIRED' | 'REVOKED',
  ) {
    super(message);
  }
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/** Verifies tokens against a JWKS (a URL, so a county can plug in its own OIDC provider, or a local set). */
export function createTokenVerifier(options: {
  jwksUrl?: string;
  jwks?: () => JSONWebKeySet;
  revocations?: RevocationList;
}): TokenVerifier {
  const remote = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000, timeoutDuration: 5_000 })
    : undefined;
  return async (token) => {
    let payload: JWTPayload;
    try {
      const keySet = remote ?? createLocalJWKSet(options.jwks?.() ?? { keys: [] });
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
      }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new TokenError(expired ? 'token expired' : 'token invalid', expired ? 'EXPIRED' : 'INVALID');
    }
    if (options.revocations?.has(payload.jti)) throw new TokenError('token revoked', 'REVOKED');
    return principalFromPayload(payload);
  };
}

function principalFromPayload(payload: JWTPayload): Principal {
  const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
    Object.values(Role).includes(r as Role),
  );
  const permissions = (Array.isArray(payload.permissions) ? payload.permissions : []).filter(
    (p): p is Permission => Object.values(Permission).includes(p as Permission),
  );
  const scope = { ...EMPTY_SCOPE, ...((payload.scope as Partial<DataScope>) ?? {}) };
  return {
    id: String(payload.sub),
    username: String(payload.username ?? ''),
    kind: (payload.kind as PrincipalKind) ?? 'USER',
    roles,
    permissions,
    scope,
    jti: String(payload.jti),
    expiresAt: new Date((payload.exp ?? 0) * 1000),
  };
}
