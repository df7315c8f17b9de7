import {
  createTokenVerifier,
  generateSigningKey,
  type PrincipalInput,
  publicJwks,
  RevocationList,
  Role,
  type SigningKey,
  signAccessToken,
} from '@safety/auth';
import { demoAccount, demoAccountOrgId } from '@safety/reference';
import type { ServiceAuth } from '../auth/service-auth.js';

/** A token issuer for tests: real ES256 tokens and a real revocation list, without the account service. */
export class TestAuthority {
  readonly revocations = new RevocationList();

  private constructor(readonly key: SigningKey) {}

  static async create(): Promise<TestAuthority> {
    return new TestAuthority(await generateSigningKey());
  }

  async token(principal: PrincipalInput, expiresInSeconds = 600): Promise<string> {
    return (await signAccessToken(this.key, principal, { expiresInSeconds })).token;
  }

  async tokenWithId(principal: PrincipalInput): Promise<{ token: string; jti: string }> {
    return signAccessToken(this.key, principal, { expiresInSeconds: 600 });
  }

  /** The token of a demo account of domain §11.6, with its real roles and scope. */
  async tokenFor(username: string): Promise<string> {
    return this.token(demoPrincipal(username));
  }

  serviceAuth(service = 'test'): ServiceAuth {
    const verify = createTokenVerifier({ jwks: () => publicJwks([this.key]), revocations: this.revocations });
    return {
      verify,
      serviceToken: () =>
        this.token({
          id: `service:${service}`,
          username: service,
          kind: 'SERVICE',
          roles: [Role.SERVICE],
          permissions: [],
          scope: { orgUnitId: null, townshipCodes: [], industryCodes: [], enterpriseIds: [] },
        }),
      start: async () => {},
      stop: () => {},
    };
  }
}

export function demoPrincipal(username: string): PrincipalInput {
  const account = demoAccount(username);
  return {
    id: account.id,
    username: account.username,
    kind: 'USER',
    roles: account.roles,
    permissions: account.permissions,
    scope: {
      orgUnitId: demoAccountOrgId(account),
      townshipCodes: account.townshipCodes,
      industryCodes: account.industryCodes,
      enterpriseIds: account.enterpriseIds,
    },
  };
}
