import type { StatusVariants } from '@safety/ui';
import type { HazardGrade, HazardStatus } from '../gql/graphql.js';

/** 令第16号 第3条: 重大 in red; 一般 in blue (variants as data). */
export const GRADE_VARIANTS: StatusVariants<HazardGrade> = {
  MAJOR: { colour: 'red', labelKey: 'grade.MAJOR' },
  GENERAL: { colour: 'blue', labelKey: 'grade.GENERAL' },
};

/** The lifecycle of domain §5.6, in order. */
export const STATUS_VARIANTS: StatusVariants<HazardStatus> = {
  DRAFT: { colour: 'default', labelKey: 'status.DRAFT' },
  REPORTED: { colour: 'default', labelKey: 'status.REPORTED' },
  FIXED_ON_SPOT: { colour: 'cyan', labelKey: 'status.FIXED_ON_SPOT' },
  CONFIRMED: { colour: 'processing', labelKey: 'status.CONFIRMED' },
  RECTIFYING: { colour: 'warning', labelKey: 'status.RECTIFYING' },
  PENDING_ACCEPTANCE: { colour: 'cyan', labelKey: 'status.PENDING_ACCEPTANCE' },
  ACCEPTED: { colour: 'success', labelKey: 'status.ACCEPTED' },
  CLOSED: { colour: 'success', labelKey: 'status.CLOSED' },
  REJECTED: { colour: 'default', labelKey: 'status.REJECTED' },
  REOPENED: { colour: 'warning', labelKey: 'status.REOPENED' },
};

/** Closed and rejected hazards have no running deadline. */
export const isFinished = (status: HazardStatus) =>
  status === 'ACCEPTED' || status === 'CLOSED' || status === 'REJECTED';
