import { registerEnumType } from 'type-graphql';

/** Enterprise plan types (domain §8.2 `planType`, 《生产安全事故应急预案管理办法》). */
export enum EmergencyPlanType {
  COMPREHENSIVE = 'COMPREHENSIVE',
  SPECIALIZED = 'SPECIALIZED',
  ONSITE = 'ONSITE',
}

/**
 * A first subset of the plan states of domain §8.2. FILED stands for FILED and ACTIVE (the
 * system activates a filed plan at once); drafting, review and filing steps come later.
 */
export enum EmergencyPlanStatus {
  DRAFTING = 'DRAFTING',
  FILED = 'FILED',
  REVISION_REQUIRED = 'REVISION_REQUIRED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(EmergencyPlanType, {
  name: 'EmergencyPlanType',
  description: '应急预案类型（生产经营单位）',
  valuesConfig: {
    COMPREHENSIVE: { description: '综合应急预案' },
    SPECIALIZED: { description: '专项应急预案' },
    ONSITE: { description: '现场处置方案' },
  },
});
registerEnumType(EmergencyPlanStatus, {
  name: 'EmergencyPlanStatus',
  description: '应急预案状态 (domain §8.2)',
  valuesConfig: {
    DRAFTING: { description: '编制中（未备案）' },
    FILED: { description: '已备案（施行中）' },
    REVISION_REQUIRED: { description: '需修订' },
    SUPERSEDED: { description: '已被新版本替代' },
  },
});
