import { describe, expect, it } from 'vitest';
import { OperatingStatus as S } from './enterprise.enums.js';
import { canChangeStatus, statusChangeNeedsReason, usccProblem } from './enterprise.rules.js';

describe('operating status (domain §3.4)', () => {
  it.each([
    [S.UNDER_CONSTRUCTION, S.TRIAL_RUN, 'ENTERPRISE', true],
    [S.TRIAL_RUN, S.OPERATING, 'REGULATOR', true],
    [S.OPERATING, S.SUSPENDED, 'ENTERPRISE', true],
    [S.SUSPENDED, S.OPERATING, 'ENTERPRISE', true],
    [S.OPERATING, S.ORDERED_RECTIFICATION, 'REGULATOR', true],
    [S.OPERATING, S.ORDERED_RECTIFICATION, 'ENTERPRISE', false],
    [S.ORDERED_RECTIFICATION, S.OPERATING, 'ENTERPRISE', false],
    [S.ORDERED_RECTIFICATION, S.OPERATING, 'REGULATOR', true],
    [S.SUSPENDED, S.CLOSED, 'REGULATOR', true],
    [S.OPERATING, S.CLOSED, 'ENTERPRISE', false],
    [S.CLOSED, S.DEREGISTERED, 'REGULATOR', true],
    [S.CLOSED, S.OPERATING, 'REGULATOR', false],
    [S.UNDER_CONSTRUCTION, S.OPERATING, 'REGULATOR', false],
  ] as const)('%s → %s by %s: %s', (from, to, actor, allowed) => {
    expect(canChangeStatus(from, to, actor)).toBe(allowed);
  });

  it('asks for a reason when ordering rectification or closing', () => {
    expect(statusChangeNeedsReason(S.ORDERED_RECTIFICATION)).toBe(true);
    expect(statusChangeNeedsReason(S.SUSPENDED)).toBe(false);
  });

  it('validates the USCC', () => {
    expect(usccProblem('123')).not.toBeNull();
  });
});
