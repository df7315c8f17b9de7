import { Role } from './roles.js';

/** Data scope of a principal (domain §2.4). Empty arrays mean "none of this kind". */
export interface DataScope {
  orgUnitId: string | null;
  townshipCodes: string[];
  industryCodes: string[];
  enterpriseIds: string[];
}

export const EMPTY_SCOPE: DataScope = {
  orgUnitId: null,
  townshipCodes: [],
  industryCodes: [],
  enterpriseIds: [],
};

/** Roles that see every enterprise's rows (§2.4; operators and services need the whole county too). */
const COUNTY_WIDE: readonly Role[] = [Role.COUNTY_LEADER, Role.SAC_OFFICE, Role.PLATFORM_ADMIN, Role.SERVICE];

export interface ScopedPrincipal {
  roles: readonly Role[];
  scope: DataScope;
}

export function seesWholeCounty(principal: ScopedPrincipal): boolean {
  return principal.roles.some((role) => COUNTY_WIDE.includes(role));
}

/** The facts about an enterprise that decide visibility, as replicated in every service's `enterprise_ref`. */
export interface EnterpriseScopeFacts {
  id: string;
  townshipCode: string;
  industryCode: string;
  regulatorOrgIds: string[];
}

/** The rule of §2.4, in memory: used by tests and by code that already holds the facts. */
export function canSeeEnterprise(principal: ScopedPrincipal, enterprise: EnterpriseScopeFacts): boolean {
  if (seesWholeCounty(principal)) return true;
  const { scope } = principal;
  return (
    scope.townshipCodes.includes(enterprise.townshipCode) ||
    (scope.industryCodes.includes(enterprise.industryCode) &&
      scope.orgUnitId !== null &&
      enterprise.regulatorOrgIds.includes(scope.orgUnitId)) ||
    scope.enterpriseIds.includes(enterprise.id)
  );
}

export type SqlCondition = { sql: string; params: Record<string, unknown> };

/**
 * The rule of §2.4 as a SQL condition over an `enterprise_ref` alias, with named
 * parameters (TypeORM style). `null` means no restriction.
 */
export function enterpriseScopeCondition(principal: ScopedPrincipal, alias: string): SqlCondition | null {
  if (seesWholeCounty(principal)) return null;
  const { scope } = principal;
  return {
    sql:
      `(${alias}.township_code = ANY(:scopeTownships) ` +
      `OR (${alias}.industry_code = ANY(:scopeIndustries) AND CAST(:scopeOrg AS uuid) = ANY(${alias}.regulator_org_ids)) ` +
      `OR ${alias}.id = ANY(CAST(:scopeEnterprises AS uuid[])))`,
    params: {
      scopeTownships: scope.townshipCodes,
      scopeIndustries: scope.industryCodes,
      scopeOrg: scope.orgUnitId,
      scopeEnterprises: scope.enterpriseIds,
    },
  };
}
