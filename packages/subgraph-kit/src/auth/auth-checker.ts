import type { Permission, Principal, Role } from '@safety/auth';
import type { AuthChecker } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';

/**
 * `@Authorized()` needs a signed-in caller; `@Authorized(Role.X, Permission.Y)` needs one of
 * the listed roles or permissions. Failing gives UNAUTHENTICATED or FORBIDDEN, never a bare false.
 */
export const authChecker: AuthChecker<SubgraphContext, Role | Permission> = ({ context }, required) => {
  const principal = context.principal;
  if (!principal) throw unauthenticated();
  if (required.length === 0) return true;
  if (holdsAny(principal, required)) return true;
  throw forbidden();
};

export function holdsAny(principal: Principal, required: readonly (Role | Permission)[]): boolean {
  return required.some(
    (item) => principal.roles.includes(item as Role) || principal.permissions.includes(item as Permission),
  );
}

export function requirePrincipal(context: SubgraphContext): Principal {
  if (!context.principal) throw unauthenticated();
  return context.principal;
}
