import { registerEnumType } from 'type-graphql';

/** 风险研判 levels (domain §5.12). */
export enum BriefingLevel {
  SACO_WEEKLY = 'SACO_WEEKLY',
  DEPT_WEEKLY = 'DEPT_WEEKLY',
  TOWN_MONTHLY = 'TOWN_MONTHLY',
  CROSS_DEPT = 'CROSS_DEPT',
}

export enum BriefingStatus {
  DRAFT = 'DRAFT',
  HELD = 'HELD',
  ISSUED = 'ISSUED',
}

/**
 * 安全风险等级 of a risk item: the four levels of domain §3.6. Named for briefings so it cannot clash
 * with the risk module's own registration of `RiskLevel`.
 */
export enum BriefingRiskLevel {
  MAJOR = 'MAJOR',
  HIGH = 'HIGH',
  MODERATE = 'MODERATE',
  LOW = 'LOW',
}

/** What a risk item turns into when the briefing is issued. */
export enum RiskItemFollowUp {
  NONE = 'NONE',
  TASK = 'TASK',
  WARNING_NOTICE = 'WARNING_NOTICE',
}

registerEnumType(BriefingLevel, {
  name: 'BriefingLevel',
  description: '风险研判层级',
  valuesConfig: {
    SACO_WEEKLY: { description: '县安委办周研判' },
    DEPT_WEEKLY: { description: '部门周研判' },
    TOWN_MONTHLY: { description: '乡镇月研判' },
    CROSS_DEPT: { description: '跨部门联合研判' },
  },
});
registerEnumType(BriefingStatus, {
  name: 'BriefingStatus',
  description: '风险研判状态',
  valuesConfig: {
    DRAFT: { description: '草稿' },
    HELD: { description: '已召开' },
    ISSUED: { description: '已印发' },
  },
});
registerEnumType(BriefingRiskLevel, {
  name: 'BriefingRiskLevel',
  description: '安全风险等级 (domain §3.6)',
  valuesConfig: {
    MAJOR: { description: '重大风险（红）' },
    HIGH: { description: '较大风险（橙）' },
    MODERATE: { description: '一般风险（黄）' },
    LOW: { description: '低风险（蓝）' },
  },
});
registerEnumType(RiskItemFollowUp, {
  name: 'RiskItemFollowUp',
  description: '研判事项的落实方式',
  valuesConfig: {
    NONE: { description: '仅记录' },
    TASK: { description: '交办任务' },
    WARNING_NOTICE: { description: '提示函' },
  },
});
