import { Role } from '@safety/auth';
import { INDUSTRIES } from '@safety/reference';

/** 重大工程和项目安全风险评估与论证 (domain §5.10). */
export type ProjectReviewStatusValue =
  | 'SUBMITTED'
  | 'ASSESSING'
  | 'EXPERT_REVIEW'
  | 'DECIDED'
  | 'CONSTRUCTION'
  | 'ACCEPTED';
export type ProjectDecisionValue = 'APPROVE' | 'APPROVE_WITH_CONDITIONS' | 'VETO';
export type ProjectOperation =
  | 'startProjectAssessment'
  | 'requestExpertReview'
  | 'decideProject'
  | 'startProjectConstruction'
  | 'acceptProject';

/** The transitions of domain §5.10 as data. */
export const PROJECT_TRANSITIONS: Record<
  ProjectOperation,
  { from: ProjectReviewStatusValue; to: ProjectReviewStatusValue }
> = {
  startProjectAssessment: { from: 'SUBMITTED', to: 'ASSESSING' },
  requestExpertReview: { from: 'ASSESSING', to: 'EXPERT_REVIEW' },
  decideProject: { from: 'EXPERT_REVIEW', to: 'DECIDED' },
  startProjectConstruction: { from: 'DECIDED', to: 'CONSTRUCTION' },
  acceptProject: { from: 'CONSTRUCTION', to: 'ACCEPTED' },
};

/** Regulators who receive, assess and decide reviews (approval departments and the SAC office). */
export const PROJECT_REVIEWER_ROLES: Role[] = [
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
];
/** Expert opinions come from contracted experts or are entered by reviewers. */
export const PROJECT_EXPERT_ROLES: Role[] = [...PROJECT_REVIEWER_ROLES, Role.EXPERT];

/**
 * Mandatory review scope [D, SEED list]: hazardous chemicals, mines, fireworks, construction of
 * high-risk works, crowded places (and civil explosives with the hazchem family).
 */
const MANDATORY_DOMAINS = ['HAZCHEM', 'MINE'];
const MANDATORY_INDUSTRIES = ['FIREWORKS', 'CONSTRUCTION', 'CROWDED_PLACE', 'CIVIL_EXPLOSIVES'];

export function inMandatoryScope(industryCode: string): boolean {
  const industry = INDUSTRIES.find((i) => i.code === industryCode);
  return MANDATORY_INDUSTRIES.includes(industryCode) || MANDATORY_DOMAINS.includes(industry?.domain ?? '');
}

/** Expert opinions needed before a decision [D]: three for the mandatory scope (论证), else one. */
export function expertOpinionsRequired(mandatory: boolean): number {
  return mandatory ? 3 : 1;
}

export type Problems = Record<string, string>;

/** The guards of the decision (domain §5.10): opinions, conditions, the veto's reason. */
export function decisionProblems(review: {
  mandatory: boolean;
  expertOpinionCount: number;
  decision: ProjectDecisionValue;
  conditions: readonly string[];
  reason: string | null;
}): Problems {
  const problems: Problems = {};
  const needed = expertOpinionsRequired(review.mandatory);
  if (review.expertOpinionCount < needed)
    problems.expertOpinions = `${needed} expert opinion(s) needed before deciding${review.mandatory ? ' (mandatory scope)' : ''}`;
  if (review.decision === 'APPROVE_WITH_CONDITIONS' && !review.conditions.length)
    problems.conditions = 'an approval with conditions states them';
  if (review.decision !== 'APPROVE_WITH_CONDITIONS' && review.conditions.length)
    problems.conditions = 'only an approval with conditions carries conditions';
  if (review.decision === 'VETO' && !review.reason?.trim())
    problems.reason = 'a one-vote veto states the major safety risk';
  return problems;
}

/** 三同时: construction starts after the safety pre-evaluation and the safety design review. */
export function constructionProblems(review: {
  decision: ProjectDecisionValue | null;
  preEvaluationAt: string | null;
  safetyDesignReviewedAt: string | null;
}): Problems {
  const problems: Problems = {};
  if (review.decision === 'VETO') problems.decision = 'a vetoed project is not built (one-vote veto)';
  if (!review.preEvaluationAt) problems.preEvaluationAt = '三同时: the safety pre-evaluation comes first';
  if (!review.safetyDesignReviewedAt)
    problems.safetyDesignReviewedAt = '三同时: the safety facilities design is reviewed before construction';
  if (
    review.preEvaluationAt &&
    review.safetyDesignReviewedAt &&
    review.safetyDesignReviewedAt < review.preEvaluationAt
  )
    problems.safetyDesignReviewedAt = 'the design review follows the pre-evaluation';
  return problems;
}

/** Acceptance (三同时 completion): the safety facilities are accepted with the main project. */
export function acceptanceProblems(review: {
  safetyDesignReviewedAt: string | null;
  completionAcceptanceAt: string | null;
}): Problems {
  if (!review.completionAcceptanceAt)
    return { completionAcceptanceAt: '三同时: record the completion acceptance of the safety facilities' };
  if (review.safetyDesignReviewedAt && review.completionAcceptanceAt < review.safetyDesignReviewedAt)
    return { completionAcceptanceAt: 'the acceptance follows the design review' };
  return {};
}

/** Review code `XM-YYYY-nnn`. */
export function projectReviewCode(year: number, sequence: number): string {
  return `XM-${year}-${String(sequence).padStart(3, '0')}`;
}
