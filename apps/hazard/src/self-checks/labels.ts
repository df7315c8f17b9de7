import type { SelfCheckCadence, SelfCheckItemResult, SelfCheckKind } from '../gql/graphql.js';

export const SELF_CHECK_KINDS: SelfCheckKind[] = [
  'PATROL',
  'TEAM_WEEKLY',
  'PLANT_MONTHLY',
  'SEASONAL',
  'PRE_HOLIDAY',
  'COMPREHENSIVE',
];

/** Default cadence per kind (domain §5.8 table); the service applies it when none is given. */
export const DEFAULT_CADENCE: Record<SelfCheckKind, SelfCheckCadence> = {
  PATROL: 'EACH_SHIFT',
  TEAM_WEEKLY: 'WEEKLY',
  PLANT_MONTHLY: 'MONTHLY',
  SEASONAL: 'QUARTERLY',
  PRE_HOLIDAY: 'BEFORE_KEY_PERIOD',
  COMPREHENSIVE: 'HALF_YEARLY',
};

/** The enterprise's management creates and retires plans; a plan's responsible role may also record it. */
export const MANAGEMENT_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];
export const RESPONSIBLE_ROLES = [...MANAGEMENT_ROLES, 'ENT_STAFF'];
export const ENTERPRISE_ROLES = RESPONSIBLE_ROLES;

export const isManagement = (roles: readonly string[]) =>
  roles.some((role) => MANAGEMENT_ROLES.includes(role));
export const canRecord = (roles: readonly string[], responsibleRole: string) =>
  isManagement(roles) || roles.includes(responsibleRole);

export const RESULTS: SelfCheckItemResult[] = ['OK', 'NOK', 'NA'];
