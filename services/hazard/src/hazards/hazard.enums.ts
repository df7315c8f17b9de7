import { registerEnumType } from 'type-graphql';

/** 事故隐患等级 (domain §3.6). */
export enum HazardGrade {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

/** Where a hazard was found (domain §5.6 `source`); new values are appended, never renamed. */
export enum HazardSource {
  ENTERPRISE_SELF_CHECK = 'ENTERPRISE_SELF_CHECK',
  STAFF_REPORT = 'STAFF_REPORT',
  GOV_INSPECTION = 'GOV_INSPECTION',
  SPECIAL_CAMPAIGN = 'SPECIAL_CAMPAIGN',
  EXPERT_SERVICE = 'EXPERT_SERVICE',
  WHISTLEBLOWER = 'WHISTLEBLOWER',
  MONITORING_ALERT = 'MONITORING_ALERT',
  LESSONS_LEARNED = 'LESSONS_LEARNED',
  LEADER_INSPECTION = 'LEADER_INSPECTION',
  MEDIA = 'MEDIA',
  SYSTEM_RULE = 'SYSTEM_RULE',
}

/**
 * The first subset of the hazard lifecycle (domain §5.6). ACCEPTED is folded into CLOSED until
 * supervised listings exist: unlisted hazards close on acceptance (rule 10, "system").
 */
export enum HazardStatus {
  REPORTED = 'REPORTED',
  CONFIRMED = 'CONFIRMED',
  RECTIFYING = 'RECTIFYING',
  PENDING_ACCEPTANCE = 'PENDING_ACCEPTANCE',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}

registerEnumType(HazardGrade, {
  name: 'HazardGrade',
  description: '事故隐患等级 (令第16号 第3条)',
  valuesConfig: {
    GENERAL: { description: '一般事故隐患' },
    MAJOR: { description: '重大事故隐患' },
  },
});
registerEnumType(HazardSource, {
  name: 'HazardSource',
  description: '隐患来源',
  valuesConfig: {
    ENTERPRISE_SELF_CHECK: { description: '企业自查' },
    STAFF_REPORT: { description: '员工报告' },
    GOV_INSPECTION: { description: '执法/监管检查' },
    SPECIAL_CAMPAIGN: { description: '专项整治' },
    EXPERT_SERVICE: { description: '专家问诊' },
    WHISTLEBLOWER: { description: '举报' },
    MONITORING_ALERT: { description: '监测预警' },
    LESSONS_LEARNED: { description: '举一反三' },
    LEADER_INSPECTION: { description: '领导检查' },
    MEDIA: { description: '舆论监督' },
    SYSTEM_RULE: { description: '系统规则' },
  },
});
registerEnumType(HazardStatus, {
  name: 'HazardStatus',
  description: '隐患状态 (domain §5.6)',
  valuesConfig: {
    REPORTED: { description: '已上报' },
    CONFIRMED: { description: '已确认' },
    RECTIFYING: { description: '整改中' },
    PENDING_ACCEPTANCE: { description: '待验收' },
    CLOSED: { description: '已销号' },
    REJECTED: { description: '不予确认' },
  },
});
