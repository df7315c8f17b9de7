import { Role, type ScopedPrincipal, seesWholeCounty } from '@safety/auth';
import { INDUSTRIES } from '@safety/reference';
import { criterionById } from '../criteria/criteria.rules.js';

/** 专项整治 lifecycle (domain §5.11). */
export type CampaignStatusValue = 'PLANNED' | 'ACTIVE' | 'SUMMARISING' | 'CLOSED';
export type CampaignOperation = 'activateCampaign' | 'startCampaignSummary' | 'closeCampaign';

/** The transitions of domain §5.11 as data: operation → from → to. */
export const CAMPAIGN_TRANSITIONS: Record<
  CampaignOperation,
  { from: CampaignStatusValue; to: CampaignStatusValue }
> = {
  activateCampaign: { from: 'PLANNED', to: 'ACTIVE' },
  startCampaignSummary: { from: 'ACTIVE', to: 'SUMMARISING' },
  closeCampaign: { from: 'SUMMARISING', to: 'CLOSED' },
};

/** `SafetyDomain` of domain §3.2, plus the cross-cutting focus of §5.11 (hot work, lessons learned). */
export const CAMPAIGN_DOMAINS = [
  'ROAD',
  'CONSTRUCTION',
  'MINE',
  'HAZCHEM',
  'CROWD',
  'FIRE',
  'SPECIAL_EQUIPMENT',
  'NEW_SECTOR',
  'NATURAL_DISASTER',
  'PUBLIC_SECURITY_OTHER',
  'CROSS_CUTTING',
] as const;

/** Who may plan and run campaigns: the SAC office, the leaders, and the regulating departments and towns. */
export const CAMPAIGN_MANAGER_ROLES: Role[] = [
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
];

/** Who records checks of targeted enterprises during a campaign. */
export const CAMPAIGN_CHECKER_ROLES: Role[] = [
  ...CAMPAIGN_MANAGER_ROLES,
  Role.EMB_ENFORCER,
  Role.STATIONED_SUPERVISOR,
];

/** Government readers see every campaign (they are county programmes); enterprises see those targeting them. */
export const CAMPAIGN_READER_ROLES: Role[] = [
  ...CAMPAIGN_CHECKER_ROLES,
  Role.VILLAGE_GRID,
  Role.DISCIPLINE_VIEWER,
  Role.EXPERT,
];

/** Campaign code `ZX-YYYY-nnn` (专项). */
export function campaignCode(year: number, sequence: number): string {
  return `ZX-${year}-${String(sequence).padStart(3, '0')}`;
}

export type Problems = Record<string, string>;

export interface CampaignDraft {
  domain: string;
  periodFrom: string;
  periodTo: string;
  targetIndustryCodes: readonly string[];
  targetTownshipCodes: readonly string[];
  targetCriterionIds: readonly string[];
  leadOrgId: string;
  supportOrgIds: readonly string[];
}

/** Field problems of a campaign definition (BAD_USER_INPUT names the field). */
export function campaignProblems(draft: CampaignDraft): Problems {
  const problems: Problems = {};
  if (!(CAMPAIGN_DOMAINS as readonly string[]).includes(draft.domain))
    problems.domain = `must be one of ${CAMPAIGN_DOMAINS.join(', ')}`;
  if (draft.periodTo < draft.periodFrom) problems.periodTo = 'the period ends before it starts';
  const unknownCriterion = draft.targetCriterionIds.find((id) => !criterionById(id));
  if (unknownCriterion) problems.targetCriterionIds = `unknown criterion ${unknownCriterion}`;
  if (
    !draft.targetIndustryCodes.length &&
    !draft.targetTownshipCodes.length &&
    !draft.targetCriterionIds.length
  )
    problems.targetFilter = 'target at least one industry, town or criterion';
  if (draft.supportOrgIds.includes(draft.leadOrgId))
    problems.supportOrgIds = 'the lead organisation is not also a supporting one';
  return problems;
}

/**
 * The industries a target filter reaches: the named industries plus those every named criterion
 * applies to (H-8: "the same industry or criterion"). Empty means "any industry".
 */
export function targetIndustries(filter: {
  targetIndustryCodes: readonly string[];
  targetCriterionIds: readonly string[];
}): string[] {
  const fromCriteria = filter.targetCriterionIds.flatMap(
    (id) => criterionById(id)?.applicableIndustries ?? [],
  );
  return [...new Set([...filter.targetIndustryCodes, ...fromCriteria])].sort();
}

/** Enterprises no longer operating are not targeted (closed or deregistered, domain §3.4). */
export const UNTARGETED_OPERATING_STATUSES = ['CLOSED', 'DEREGISTERED'];

/** Whether an enterprise falls under a campaign's target filter (the in-memory twin of the SQL). */
export function isTargeted(
  enterprise: { industryCode: string; townshipCode: string; operatingStatus: string },
  filter: {
    targetIndustryCodes: readonly string[];
    targetTownshipCodes: readonly string[];
    targetCriterionIds: readonly string[];
  },
): boolean {
  if (UNTARGETED_OPERATING_STATUSES.includes(enterprise.operatingStatus)) return false;
  const industries = targetIndustries(filter);
  if (industries.length && !industries.includes(enterprise.industryCode)) return false;
  if (filter.targetTownshipCodes.length && !filter.targetTownshipCodes.includes(enterprise.townshipCode))
    return false;
  return true;
}

/** May this caller run the campaign (transitions, edits)? The lead organisation, or the county-wide roles. */
export function mayManage(principal: ScopedPrincipal, campaign: { leadOrgId: string }): boolean {
  return seesWholeCounty(principal) || principal.scope.orgUnitId === campaign.leadOrgId;
}

/** The safety domain of an industry (domain §3.3), for a lessons-learned campaign. */
export function domainOfIndustry(industryCode: string | null): string {
  return INDUSTRIES.find((i) => i.code === industryCode)?.domain ?? 'CROSS_CUTTING';
}

/** H-8: default length of a lessons-learned campaign [D]: thirty days from launch. */
export const LESSONS_LEARNED_DAYS = 30;

/** Monday (Asia/Shanghai calendar day) of the week containing `date` (YYYY-MM-DD): the snapshot key. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** Share covered, in percent with one decimal (exact), or null without targets. */
export function coverageRate(covered: number, targeted: number): string | null {
  if (!targeted) return null;
  return (Math.round((covered * 1000) / targeted) / 10).toFixed(1);
}
