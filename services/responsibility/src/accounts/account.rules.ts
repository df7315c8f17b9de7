import { ENTERPRISE_ROLES, Permission, Role } from '@safety/auth';
import { AccountKind } from './account.enums.js';

/** User access tokens are short-lived (architecture §6a: about an hour). */
export const ACCESS_TOKEN_SECONDS = 60 * 60;
/** Refresh tokens last a week and are replaced on every use. */
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 60 * 60;
/** Tokens minted for a platform service through /service-token. */
export const SERVICE_TOKEN_SECONDS = 12 * 60 * 60;
/** Integrator tokens are long-lived but not endless: a year at most, then reissued. */
export const MACHINE_TOKEN_MAX_DAYS = 365;

/** Failed-login rate limit (architecture §6a): 5 failures within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 } as const;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const MACHINE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/** Machine accounts live in their own namespace, so they never collide with a person's username. */
export function machineUsername(kind: AccountKind.SERVICE | AccountKind.INTEGRATOR, name: string): string {
  return `${kind === AccountKind.SERVICE ? 'service' : 'integrator'}:${name}`;
}

/**
 * Password policy [D, after GB/T 22239-2019 8.1.4.1 "口令复杂度" [K?]]: 8 to 128 characters,
 * at least three of lower case, upper case, digits and symbols, and not containing the username.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return 'at least 8 characters';
  if (password.length > 128) return 'at most 128 characters';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'use at least three of: lower case, upper case, digits, symbols';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return 'must not contain the username';
  return null;
}

/** Which roles an account of each kind may hold. SERVICE sees the whole county, so only services hold it. */
export function roleProblem(kind: AccountKind, roles: readonly Role[]): string | null {
  if (roles.length === 0) return 'at least one role';
  if (kind === AccountKind.SERVICE)
    return roles.length === 1 && roles[0] === Role.SERVICE ? null : 'a service account holds exactly SERVICE';
  if (roles.includes(Role.SERVICE)) return 'SERVICE is reserved for service accounts';
  if (kind === AccountKind.INTEGRATOR) {
    if (!roles.includes(Role.INTEGRATOR)) return 'an integrator account holds INTEGRATOR';
    if (roles.includes(Role.PLATFORM_ADMIN)) return 'an integrator cannot be a platform administrator';
  }
  return null;
}

/** Roles and permissions that confer account administration or county-wide access: only platform admins grant them. */
const PRIVILEGED_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.SERVICE];
const PRIVILEGED_PERMISSIONS: readonly Permission[] = [Permission.ACCOUNT_ADMIN];

/** An account administrator may not hand out more than a platform administrator would (no escalation). */
export function grantProblem(
  actor: { roles: readonly Role[] },
  roles: readonly Role[],
  permissions: readonly Permission[],
): string | null {
  if (actor.roles.includes(Role.PLATFORM_ADMIN)) return null;
  const privileged = [
    ...roles.filter((r) => PRIVILEGED_ROLES.includes(r)),
    ...permissions.filter((p) => PRIVILEGED_PERMISSIONS.includes(p)),
  ];
  return privileged.length ? `only a platform administrator may grant ${privileged.join(', ')}` : null;
}

export interface ScopeFacts {
  orgUnitId: string | null;
  townshipCodes: readonly string[];
  industryCodes: readonly string[];
  enterpriseIds: readonly string[];
}

const TOWN_ROLES: readonly Role[] = [Role.TOWNSHIP_OFFICER, Role.VILLAGE_GRID];
const DEPARTMENT_ROLES: readonly Role[] = [Role.EMB_STAFF, Role.EMB_ENFORCER, Role.INDUSTRY_REGULATOR];

/**
 * A role without the scope it works in would see nothing (domain §2.4): enterprise roles need
 * their enterprise, town roles their town, department roles their org unit and industries.
 * Returns problems by field path under `scope`.
 */
export function scopeProblems(roles: readonly Role[], scope: ScopeFacts): Record<string, string> {
  const problems: Record<string, string> = {};
  if (roles.some((r) => ENTERPRISE_ROLES.includes(r)) && scope.enterpriseIds.length === 0)
    problems['scope.enterpriseIds'] = 'enterprise roles need their enterprise';
  if (roles.some((r) => TOWN_ROLES.includes(r)) && scope.townshipCodes.length === 0)
    problems['scope.townshipCodes'] = 'town roles need their town';
  if (roles.some((r) => DEPARTMENT_ROLES.includes(r))) {
    if (!scope.orgUnitId) problems['scope.orgUnitId'] = 'department roles need their org unit';
    if (scope.industryCodes.length === 0)
      problems['scope.industryCodes'] = 'department roles need the industries they regulate';
  }
  return problems;
}

/** The failed-login counters kept on an account (or in memory for unknown usernames). */
export interface LoginThrottle {
  failedLogins: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export const FRESH_THROTTLE: LoginThrottle = { failedLogins: 0, firstFailedAt: null, lockedUntil: null };

/** Seconds until the lock ends; 0 when not locked. */
export function lockedForSeconds(state: LoginThrottle, now: Date): number {
  if (!state.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts a failure; the failure that reaches the limit within the window locks, and counting starts over. */
export function afterFailedLogin(state: LoginThrottle, now: Date): LoginThrottle {
  const windowOpen =
    state.firstFailedAt !== null &&
    now.getTime() - state.firstFailedAt.getTime() < LOCKOUT.windowSeconds * 1000;
  const failedLogins = windowOpen ? state.failedLogins + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  if (failedLogins >= LOCKOUT.maxFailures)
    return {
      failedLogins: 0,
      firstFailedAt: null,
      lockedUntil: new Date(now.getTime() + LOCKOUT.lockSeconds * 1000),
    };
  return { failedLogins, firstFailedAt, lockedUntil: null };
}
