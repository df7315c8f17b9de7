import { Role } from '@safety/auth';
import { HAZARD_REGULATOR_ROLES } from '../hazards/hazard.rules.js';
import { MonitoringAlertStatus } from './alert.enums.js';

/** [D] domain §5.13: the enterprise acknowledges within 30 minutes, else the alert goes to its regulator. */
export const ACKNOWLEDGE_MINUTES = 30;

/**
 * When acknowledgement is due: 30 minutes from the alarm's start, or from its arrival when the
 * integrator delivered it late [D], so a late delivery never escalates before anyone could act.
 */
export function acknowledgeDue(startedAt: Date, receivedAt: Date): Date {
  const from = Math.max(startedAt.getTime(), receivedAt.getTime());
  return new Date(from + ACKNOWLEDGE_MINUTES * 60_000);
}

export type AlertParty = 'ENTERPRISE' | 'REGULATOR' | 'SYSTEM';
export type AlertOperation = 'acknowledge' | 'escalate' | 'dispose' | 'close';

export const ALERT_ENTERPRISE_ROLES: readonly Role[] = [
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
];

/** The state machine of domain §5.13 as data: one row per edge, with who may take it. */
export const ALERT_TRANSITIONS: ReadonlyArray<{
  operation: AlertOperation;
  from: MonitoringAlertStatus;
  to: MonitoringAlertStatus;
  actors: readonly AlertParty[];
}> = [
  {
    operation: 'acknowledge',
    from: MonitoringAlertStatus.OPEN,
    to: MonitoringAlertStatus.ACKNOWLEDGED,
    actors: ['ENTERPRISE'],
  },
  // [D] An escalated alert is still acknowledged late (by the enterprise or the regulator that took it up).
  {
    operation: 'acknowledge',
    from: MonitoringAlertStatus.ESCALATED,
    to: MonitoringAlertStatus.ACKNOWLEDGED,
    actors: ['ENTERPRISE', 'REGULATOR'],
  },
  {
    operation: 'escalate',
    from: MonitoringAlertStatus.OPEN,
    to: MonitoringAlertStatus.ESCALATED,
    actors: ['SYSTEM'],
  },
  {
    operation: 'dispose',
    from: MonitoringAlertStatus.ACKNOWLEDGED,
    to: MonitoringAlertStatus.DISPOSED,
    actors: ['ENTERPRISE', 'REGULATOR'],
  },
  {
    operation: 'close',
    from: MonitoringAlertStatus.DISPOSED,
    to: MonitoringAlertStatus.CLOSED,
    actors: ['ENTERPRISE', 'REGULATOR'],
  },
];

export function alertPartiesOf(roles: readonly Role[]): AlertParty[] {
  const parties: AlertParty[] = [];
  if (roles.some((r) => ALERT_ENTERPRISE_ROLES.includes(r))) parties.push('ENTERPRISE');
  if (roles.some((r) => HAZARD_REGULATOR_ROLES.includes(r))) parties.push('REGULATOR');
  if (roles.includes(Role.SERVICE)) parties.push('SYSTEM');
  return parties;
}

/** ILLEGAL: no such edge (CONFLICT); NOT_PERMITTED: the edge exists, not for these parties (FORBIDDEN). */
export function decideAlert(
  operation: AlertOperation,
  from: MonitoringAlertStatus,
  parties: readonly AlertParty[],
): { decision: 'ALLOWED' | 'ILLEGAL' | 'NOT_PERMITTED'; to?: MonitoringAlertStatus } {
  const edge = ALERT_TRANSITIONS.find((t) => t.operation === operation && t.from === from);
  if (!edge) return { decision: 'ILLEGAL' };
  return edge.actors.some((a) => parties.includes(a))
    ? { decision: 'ALLOWED', to: edge.to }
    : { decision: 'NOT_PERMITTED', to: edge.to };
}

/** Escalation is due once the acknowledgement deadline has passed on an OPEN alert. */
export function escalationDue(
  alert: { status: MonitoringAlertStatus; acknowledgeDueAt: Date },
  at: Date,
): boolean {
  return alert.status === MonitoringAlertStatus.OPEN && at.getTime() > alert.acknowledgeDueAt.getTime();
}

/** Guards of an incoming alert (from an integrator). */
export function incomingProblems(
  input: { startedAt: Date; clearedAt?: Date | null },
  at: Date,
): Record<string, string> {
  const problems: Record<string, string> = {};
  // A little clock skew between systems is tolerated.
  if (input.startedAt.getTime() > at.getTime() + 5 * 60_000) problems.startedAt = 'cannot be in the future';
  if (input.clearedAt && input.clearedAt.getTime() < input.startedAt.getTime())
    problems.clearedAt = 'must not be before the alarm started';
  return problems;
}
