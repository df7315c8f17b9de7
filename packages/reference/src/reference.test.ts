import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_ENTERPRISES,
  demoId,
  INDUSTRY_CODES,
  isValidUscc,
  TOWNS,
  usccCheckCharacter,
} from './index.js';

describe('reference data', () => {
  it('has the 18 towns of Minqin', () => {
    expect(TOWNS).toHaveLength(18);
    expect(new Set(TOWNS.map((t) => t.code)).size).toBe(18);
  });

  it('validates the USCC check character (GB 32100)', () => {
    const body = '91620621MA7100037';
    const valid = body + usccCheckCharacter(body);
    expect(isValidUscc(valid)).toBe(true);
    const wrong = body + (valid.endsWith('0') ? '1' : '0');
    expect(isValidUscc(wrong)).toBe(false);
    expect(isValidUscc('91620621MA710003')).toBe(false);
  });
});

describe('demo fixture', () => {
  it('is deterministic: ids derive from natural keys', () => {
    expect(demoId('enterprise', 'coal1')).toBe(demoId('enterprise', 'coal1'));
    expect(DEMO_ENTERPRISES.find((e) => e.key === 'coal1')?.id).toBe(demoId('enterprise', 'coal1'));
  });

  it('has ≈53 enterprises with valid USCCs, known industries and at least one regulator', () => {
    expect(DEMO_ENTERPRISES.length).toBe(53);
    for (const e of DEMO_ENTERPRISES) {
      expect(isValidUscc(e.uscc), e.uscc).toBe(true);
      expect(INDUSTRY_CODES).toContain(e.industryCode);
      expect(e.regulatorOrgIds.length).toBeGreaterThan(0);
      expect(e.name).toMatch(/（演示）$/);
    }
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.uscc)).size).toBe(53);
  });

  it('has one demo account for every role but SERVICE', () => {
    const roles = new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles));
    for (const role of Object.values(Role)) if (role !== Role.SERVICE) expect(roles, role).toContain(role);
  });
});
