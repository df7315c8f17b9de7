import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { MonitoringAlertStatus as S } from './alert.enums.js';
import {
  acknowledgeDue,
  alertPartiesOf,
  decideAlert,
  escalationDue,
  incomingProblems,
} from './alert.rules.js';

const at = (time: string) => new Date(`2025-06-30T${time}:00+08:00`);

describe('monitoring alerts (domain §5.13)', () => {
  it('is due for acknowledgement 30 minutes after it started, or after it arrived when delivered late', () => {
    expect(acknowledgeDue(at('10:00'), at('10:01'))).toEqual(at('10:31'));
    expect(acknowledgeDue(at('10:00'), at('09:59'))).toEqual(at('10:30'));
    expect(acknowledgeDue(at('08:00'), at('10:00'))).toEqual(at('10:30'));
  });

  it('escalates an OPEN alert only after the deadline', () => {
    const alert = { status: S.OPEN, acknowledgeDueAt: at('10:30') };
    expect(escalationDue(alert, at('10:30'))).toBe(false);
    expect(escalationDue(alert, new Date(at('10:30').getTime() + 1))).toBe(true);
    expect(escalationDue({ ...alert, status: S.ACKNOWLEDGED }, at('11:00'))).toBe(false);
  });

  it.each([
    ['acknowledge', S.OPEN, ['ENTERPRISE'], 'ALLOWED', S.ACKNOWLEDGED],
    ['acknowledge', S.OPEN, ['REGULATOR'], 'NOT_PERMITTED', S.ACKNOWLEDGED],
    ['acknowledge', S.ESCALATED, ['REGULATOR'], 'ALLOWED', S.ACKNOWLEDGED],
    ['acknowledge', S.DISPOSED, ['ENTERPRISE'], 'ILLEGAL', undefined],
    ['escalate', S.OPEN, ['SYSTEM'], 'ALLOWED', S.ESCALATED],
    ['escalate', S.OPEN, ['REGULATOR'], 'NOT_PERMITTED', S.ESCALATED],
    ['escalate', S.ACKNOWLEDGED, ['SYSTEM'], 'ILLEGAL', undefined],
    ['dispose', S.ACKNOWLEDGED, ['ENTERPRISE'], 'ALLOWED', S.DISPOSED],
    ['dispose', S.OPEN, ['ENTERPRISE'], 'ILLEGAL', undefined],
    ['close', S.DISPOSED, ['REGULATOR'], 'ALLOWED', S.CLOSED],
    ['close', S.ACKNOWLEDGED, ['REGULATOR'], 'ILLEGAL', undefined],
  ] as const)('%s from %s by %j → %s', (operation, from, parties, decision, to) => {
    expect(decideAlert(operation, from, parties)).toEqual(to ? { decision, to } : { decision });
  });

  it('maps roles to parties', () => {
    expect(alertPartiesOf([Role.ENT_SAFETY_MANAGER])).toEqual(['ENTERPRISE']);
    expect(alertPartiesOf([Role.ENT_STAFF])).toEqual([]);
    expect(alertPartiesOf([Role.EMB_STAFF])).toEqual(['REGULATOR']);
    expect(alertPartiesOf([Role.SERVICE])).toEqual(['SYSTEM']);
  });

  it('checks incoming alerts', () => {
    expect(incomingProblems({ startedAt: at('10:00') }, at('10:00'))).toEqual({});
    expect(incomingProblems({ startedAt: at('10:06') }, at('10:00'))).toHaveProperty('startedAt');
    expect(incomingProblems({ startedAt: at('10:00'), clearedAt: at('09:00') }, at('10:00'))).toHaveProperty(
      'clearedAt',
    );
  });
});
