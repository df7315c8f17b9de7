import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { MAJOR_HAZARD_CRITERIA } from '../criteria/criteria.catalogue.js';
import {
  CAMPAIGN_TRANSITIONS,
  campaignCode,
  campaignProblems,
  coverageRate,
  domainOfIndustry,
  isTargeted,
  mayManage,
  targetIndustries,
  weekStart,
} from './campaign.rules.js';

const draft = {
  domain: 'ROAD',
  periodFrom: '2025-03-01',
  periodTo: '2025-11-30',
  targetIndustryCodes: ['ROAD_TRANSPORT'],
  targetTownshipCodes: [],
  targetCriterionIds: [],
  leadOrgId: 'lead',
  supportOrgIds: ['other'],
};

describe('campaign rules (domain §5.11)', () => {
  it('moves PLANNED → ACTIVE → SUMMARISING → CLOSED, one step each', () => {
    const chain = Object.values(CAMPAIGN_TRANSITIONS).map((t) => `${t.from}>${t.to}`);
    expect(chain).toEqual(['PLANNED>ACTIVE', 'ACTIVE>SUMMARISING', 'SUMMARISING>CLOSED']);
  });

  it('codes campaigns ZX-YYYY-nnn', () => {
    expect(campaignCode(2025, 7)).toBe('ZX-2025-007');
  });

  it('names the field of each definition problem', () => {
    expect(campaignProblems(draft)).toEqual({});
    expect(campaignProblems({ ...draft, domain: 'SPACE' })).toHaveProperty('domain');
    expect(campaignProblems({ ...draft, periodTo: '2025-02-28' })).toHaveProperty('periodTo');
    expect(campaignProblems({ ...draft, targetIndustryCodes: [] })).toHaveProperty('targetFilter');
    expect(campaignProblems({ ...draft, targetCriterionIds: ['nope'] })).toHaveProperty('targetCriterionIds');
    expect(campaignProblems({ ...draft, supportOrgIds: ['lead'] })).toHaveProperty('supportOrgIds');
  });

  it('H-8: a criterion targets the industries it applies to', () => {
    const criterion = MAJOR_HAZARD_CRITERIA[0]!;
    const industries = targetIndustries({ targetIndustryCodes: [], targetCriterionIds: [criterion.id] });
    expect(industries).toEqual([...new Set(criterion.applicableIndustries)].sort());
    expect(targetIndustries({ targetIndustryCodes: ['FIREWORKS'], targetCriterionIds: [] })).toEqual([
      'FIREWORKS',
    ]);
  });

  it('targets operating enterprises matching every condition given', () => {
    const filter = {
      targetIndustryCodes: ['FUEL_STATION'],
      targetTownshipCodes: ['620621100'],
      targetCriterionIds: [],
    };
    const station = { industryCode: 'FUEL_STATION', townshipCode: '620621100', operatingStatus: 'OPERATING' };
    expect(isTargeted(station, filter)).toBe(true);
    expect(isTargeted({ ...station, townshipCode: 'x' }, filter)).toBe(false);
    expect(isTargeted({ ...station, industryCode: 'FIREWORKS' }, filter)).toBe(false);
    expect(isTargeted({ ...station, operatingStatus: 'CLOSED' }, filter)).toBe(false);
    expect(isTargeted({ ...station, operatingStatus: 'SUSPENDED' }, filter)).toBe(true);
  });

  it('lets the lead organisation or the county-wide roles run a campaign', () => {
    const scope = { orgUnitId: 'lead', townshipCodes: [], industryCodes: [], enterpriseIds: [] };
    expect(mayManage({ roles: [Role.EMB_STAFF], scope }, { leadOrgId: 'lead' })).toBe(true);
    expect(mayManage({ roles: [Role.EMB_STAFF], scope }, { leadOrgId: 'other' })).toBe(false);
    expect(mayManage({ roles: [Role.SAC_OFFICE], scope }, { leadOrgId: 'other' })).toBe(true);
  });

  it('keys weekly snapshots by Monday and rounds coverage to one decimal', () => {
    expect(weekStart('2025-06-30')).toBe('2025-06-30');
    expect(weekStart('2025-07-06')).toBe('2025-06-30');
    expect(weekStart('2025-01-01')).toBe('2024-12-30');
    expect(coverageRate(2, 6)).toBe('33.3');
    expect(coverageRate(0, 0)).toBeNull();
    expect(domainOfIndustry('COAL_MINE')).toBe('MINE');
    expect(domainOfIndustry(null)).toBe('CROSS_CUTTING');
  });
});
