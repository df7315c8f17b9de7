import { registerEnumType } from 'type-graphql';

/** 专项整治 states (domain §5.11). */
export enum CampaignStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  SUMMARISING = 'SUMMARISING',
  CLOSED = 'CLOSED',
}

/** A planned campaign, or one spawned by an accident or a major hazard (H-8 举一反三). */
export enum CampaignKind {
  REGULAR = 'REGULAR',
  LESSONS_LEARNED = 'LESSONS_LEARNED',
}

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: '专项整治状态',
  valuesConfig: {
    PLANNED: { description: '计划' },
    ACTIVE: { description: '实施中' },
    SUMMARISING: { description: '总结中' },
    CLOSED: { description: '已结束' },
  },
});
registerEnumType(CampaignKind, {
  name: 'CampaignKind',
  description: '专项整治类型',
  valuesConfig: {
    REGULAR: { description: '专项整治' },
    LESSONS_LEARNED: { description: '举一反三' },
  },
});
