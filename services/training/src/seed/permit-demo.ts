import { demoEnterprise, demoId } from '@safety/reference';

/**
 * The people the hazardous-work permit demo needs (domain §11.4: "3 blocked by the qualification gate
 * (one expired review, one wrong category, one off-post > 6 months)"), plus qualified workers for the
 * permits that pass. Natural keys are fixed, so any service derives the same ids: `demoId('person', key)`.
 * All work at `chem1` (红沙岗煤化工有限公司) with active employment and three-level education passed.
 * Dates are relative to the demo's today (DEMO_TODAY): date the blocked permits within the last 30 days.
 */
export const PERMIT_DEMO_ENTERPRISE_KEY = 'chem1';

export interface PermitDemoPerson {
  key: string;
  nameZh: string;
  /** The special-operation category of the certificate they hold. */
  operationType: string;
  subType: string;
  post: string;
  /** What `qualificationCheck` answers for hot work (焊接与热切割作业) on a permit dated in the last 30 days. */
  hotWork: 'OK' | 'REVIEW_OVERDUE' | 'WRONG_CATEGORY' | 'OFF_POST_OVER_6_MONTHS';
}

export const PERMIT_DEMO_PEOPLE = {
  /** 特种作业操作证 焊接与热切割作业, review due 40 days before today and not reviewed. */
  reviewOverdue: {
    key: 'permit-demo:review-overdue',
    nameZh: '孙复审（演示）',
    operationType: '焊接与热切割作业',
    subType: '熔化焊接与热切割作业',
    post: '焊工',
    hotWork: 'REVIEW_OVERDUE',
  },
  /** A valid 电工作业 certificate, sent to do hot work. */
  wrongCategory: {
    key: 'permit-demo:wrong-category',
    nameZh: '郭电工（演示）',
    operationType: '电工作业',
    subType: '低压电工作业',
    post: '电工',
    hotWork: 'WRONG_CATEGORY',
  },
  /** A valid welding certificate, but last on the welding post 8 months before today. */
  offPost: {
    key: 'permit-demo:off-post',
    nameZh: '何离岗（演示）',
    operationType: '焊接与热切割作业',
    subType: '熔化焊接与热切割作业',
    post: '焊工',
    hotWork: 'OFF_POST_OVER_6_MONTHS',
  },
  welder1: {
    key: 'permit-demo:welder-1',
    nameZh: '马焊工（演示）',
    operationType: '焊接与热切割作业',
    subType: '熔化焊接与热切割作业',
    post: '焊工',
    hotWork: 'OK',
  },
  welder2: {
    key: 'permit-demo:welder-2',
    nameZh: '高焊工（演示）',
    operationType: '焊接与热切割作业',
    subType: '熔化焊接与热切割作业',
    post: '焊工',
    hotWork: 'OK',
  },
  electrician: {
    key: 'permit-demo:electrician',
    nameZh: '林电工（演示）',
    operationType: '电工作业',
    subType: '低压电工作业',
    post: '电工',
    hotWork: 'WRONG_CATEGORY',
  },
} as const satisfies Record<string, PermitDemoPerson>;

/**
 * The guardian of the demo's chem1 permits (hazard's permit seed names 高焊工 as GUARDIAN on every type)
 * is trained for each type it guards (domain §5.9 "trained for the permit type"), so the approved permits
 * stay consistent with the gate. Days before today each training was completed (within the year it counts).
 */
export const PERMIT_DEMO_GUARDIAN = {
  person: 'welder2',
  trainings: {
    HOT_WORK: 120,
    CONFINED_SPACE: 150,
    TEMP_POWER: 180,
    WORK_AT_HEIGHT: 210,
    LIFTING: 240,
  },
} as const satisfies { person: keyof typeof PERMIT_DEMO_PEOPLE; trainings: Record<string, number> };

/** Days before today the review-overdue certificate's review fell due. */
export const REVIEW_OVERDUE_DAYS = 40;
/** Months before today the off-post welder last worked the welding post. */
export const OFF_POST_MONTHS_AGO = 8;

export function permitDemoPersonId(key: string): string {
  return demoId('person', key);
}

export function permitDemoEnterpriseId(): string {
  return demoEnterprise(PERMIT_DEMO_ENTERPRISE_KEY).id;
}
