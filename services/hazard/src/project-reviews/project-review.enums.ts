import { registerEnumType } from 'type-graphql';

export enum ProjectReviewStatus {
  SUBMITTED = 'SUBMITTED',
  ASSESSING = 'ASSESSING',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  DECIDED = 'DECIDED',
  CONSTRUCTION = 'CONSTRUCTION',
  ACCEPTED = 'ACCEPTED',
}

export enum ProjectDecision {
  APPROVE = 'APPROVE',
  APPROVE_WITH_CONDITIONS = 'APPROVE_WITH_CONDITIONS',
  VETO = 'VETO',
}

/** The approval stage the review is attached to. */
export enum ProjectStage {
  PROJECT_APPROVAL = 'PROJECT_APPROVAL',
  PLANNING = 'PLANNING',
  LAND_USE = 'LAND_USE',
  CONSTRUCTION_PERMIT = 'CONSTRUCTION_PERMIT',
}

registerEnumType(ProjectReviewStatus, {
  name: 'ProjectReviewStatus',
  description: '项目安全风险评估与论证状态',
  valuesConfig: {
    SUBMITTED: { description: '已提交' },
    ASSESSING: { description: '风险评估中' },
    EXPERT_REVIEW: { description: '专家论证中' },
    DECIDED: { description: '已决定' },
    CONSTRUCTION: { description: '建设中' },
    ACCEPTED: { description: '已竣工验收（三同时）' },
  },
});
registerEnumType(ProjectDecision, {
  name: 'ProjectDecision',
  description: '评估论证结论',
  valuesConfig: {
    APPROVE: { description: '通过' },
    APPROVE_WITH_CONDITIONS: { description: '有条件通过' },
    VETO: { description: '一票否决' },
  },
});
registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: '项目审批阶段',
  valuesConfig: {
    PROJECT_APPROVAL: { description: '立项' },
    PLANNING: { description: '规划' },
    LAND_USE: { description: '用地' },
    CONSTRUCTION_PERMIT: { description: '施工许可' },
  },
});
