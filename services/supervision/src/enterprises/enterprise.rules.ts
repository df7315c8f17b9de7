import { isValidUscc } from '@safety/reference';
import { OperatingStatus } from './enterprise.enums.js';

export type StatusActor = 'REGULATOR' | 'ENTERPRISE';

/**
 * The operating-status state machine of domain §3.4: FROM → allowed TO, with who may do it.
 * Any transition not listed is forbidden.
 */
const TRANSITIONS: Array<[OperatingStatus, OperatingStatus, StatusActor[]]> = [
  [OperatingStatus.UNDER_CONSTRUCTION, OperatingStatus.TRIAL_RUN, ['REGULATOR', 'ENTERPRISE']],
  [OperatingStatus.TRIAL_RUN, OperatingStatus.OPERATING, ['REGULATOR', 'ENTERPRISE']],
  [OperatingStatus.OPERATING, OperatingStatus.SUSPENDED, ['REGULATOR', 'ENTERPRISE']],
  [OperatingStatus.SUSPENDED, OperatingStatus.OPERATING, ['REGULATOR', 'ENTERPRISE']],
  [OperatingStatus.OPERATING, OperatingStatus.ORDERED_RECTIFICATION, ['REGULATOR']],
  [OperatingStatus.ORDERED_RECTIFICATION, OperatingStatus.OPERATING, ['REGULATOR']],
  [OperatingStatus.CLOSED, OperatingStatus.DEREGISTERED, ['REGULATOR']],
];

export function canChangeStatus(from: OperatingStatus, to: OperatingStatus, actor: StatusActor): boolean {
  if (to === OperatingStatus.CLOSED)
    return actor === 'REGULATOR' && from !== OperatingStatus.CLOSED && from !== OperatingStatus.DEREGISTERED;
  return TRANSITIONS.some(([f, t, actors]) => f === from && t === to && actors.includes(actor));
}

/** Status changes that need a written reason (orders and closures are administrative decisions). */
export function statusChangeNeedsReason(to: OperatingStatus): boolean {
  return to === OperatingStatus.ORDERED_RECTIFICATION || to === OperatingStatus.CLOSED;
}

export function usccProblem(uscc: string): string | null {
  return isValidUscc(uscc) ? null : '统一社会信用代码无效（18位，校验位按 GB 32100）';
}
