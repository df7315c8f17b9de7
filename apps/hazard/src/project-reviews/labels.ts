import type { StatusVariants } from '@safety/ui';
import type { ProjectDecision, ProjectReviewStatus, ProjectStage } from '../gql/graphql.js';

/** The state machine of domain §5.10, in order. */
export const REVIEW_STATUSES: ProjectReviewStatus[] = [
  'SUBMITTED',
  'ASSESSING',
  'EXPERT_REVIEW',
  'DECIDED',
  'CONSTRUCTION',
  'ACCEPTED',
];

export const REVIEW_STATUS_VARIANTS: StatusVariants<ProjectReviewStatus> = {
  SUBMITTED: { colour: 'default', labelKey: 'review.status.SUBMITTED' },
  ASSESSING: { colour: 'processing', labelKey: 'review.status.ASSESSING' },
  EXPERT_REVIEW: { colour: 'processing', labelKey: 'review.status.EXPERT_REVIEW' },
  DECIDED: { colour: 'warning', labelKey: 'review.status.DECIDED' },
  CONSTRUCTION: { colour: 'cyan', labelKey: 'review.status.CONSTRUCTION' },
  ACCEPTED: { colour: 'success', labelKey: 'review.status.ACCEPTED' },
};

/** 一票否决 in red: the veto is the point of the review (domain §5.10). */
export const DECISION_VARIANTS: StatusVariants<ProjectDecision> = {
  APPROVE: { colour: 'success', labelKey: 'review.decision.APPROVE' },
  APPROVE_WITH_CONDITIONS: { colour: 'warning', labelKey: 'review.decision.APPROVE_WITH_CONDITIONS' },
  VETO: { colour: 'error', labelKey: 'review.decision.VETO' },
};

export const DECISIONS: ProjectDecision[] = ['APPROVE', 'APPROVE_WITH_CONDITIONS', 'VETO'];
export const STAGES: ProjectStage[] = ['PROJECT_APPROVAL', 'PLANNING', 'LAND_USE', 'CONSTRUCTION_PERMIT'];

/** The service's PROJECT_REVIEWER_ROLES: approval departments and the SAC office. */
export const REVIEWER_ROLES = ['COUNTY_LEADER', 'SAC_OFFICE', 'EMB_STAFF', 'INDUSTRY_REGULATOR'];
/** Expert opinions also come from contracted experts (PROJECT_EXPERT_ROLES). */
export const EXPERT_ROLES = [...REVIEWER_ROLES, 'EXPERT'];
