/** Where a machine token stands; `active` comes from the server (neither revoked nor expired). */
export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(token: { active: boolean; revokedAt?: string | null }): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return token.active ? 'active' : 'expired';
}

/** Variants are data: the tag colour of each status. */
export const TOKEN_STATUS_COLOR: Record<TokenStatus, string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/** Roles an integrator account may hold (responsibility refuses SERVICE and PLATFORM_ADMIN for integrators). */
export const INTEGRATOR_ROLE_CHOICES = [
  'INTEGRATOR',
  'COUNTY_LEADER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
  'DISCIPLINE_VIEWER',
  'PUBLIC',
] as const;
