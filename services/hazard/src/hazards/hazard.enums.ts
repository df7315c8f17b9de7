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

/** The hazard lifecycle of domain §5.6 (rows 1–12 and the creation transitions). */
export enum HazardStatus {
  DRAFT = 'DRAFT',
  REPORTED = 'REPORTED',
  FIXED_ON_SPOT = 'FIXED_ON_SPOT',
  CONFIRMED = 'CONFIRMED',
  RECTIFYING = 'RECTIFYING',
  PENDING_ACCEPTANCE = 'PENDING_ACCEPTANCE',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  REOPENED = 'REOPENED',
}

/** 隐患类别 (令第16号 第3条: things, people, management). */
export enum HazardCategory {
  UNSAFE_CONDITION = 'UNSAFE_CONDITION',
  UNSAFE_ACT = 'UNSAFE_ACT',
  MANAGEMENT_DEFECT = 'MANAGEMENT_DEFECT',
}

/** How a hazard was judged (domain §5.6 `determination`, §5.7.1). */
export enum HazardDetermination {
  STANDARD_CLAUSE = 'STANDARD_CLAUSE',
  EXPERT_JUDGEMENT = 'EXPERT_JUDGEMENT',
  EXTERNAL_FACTOR = 'EXTERNAL_FACTOR',
}

/** What an evidence file shows (content-addressed file ids from the gateway's `POST /files`). */
export enum EvidenceKind {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
  COMPLETION_REPORT = 'COMPLETION_REPORT',
  RESUMPTION_APPLICATION = 'RESUMPTION_APPLICATION',
  WORKERS_CONGRESS_REPORT = 'WORKERS_CONGRESS_REPORT',
  EXPERT_OPINION = 'EXPERT_OPINION',
  OTHER = 'OTHER',
}

/** 临时管控措施 (domain §5.6 `interimMeasures`). */
export enum InterimMeasureKind {
  PARTIAL_SUSPENSION = 'PARTIAL_SUSPENSION',
  FULL_SUSPENSION = 'FULL_SUSPENSION',
  ISOLATION = 'ISOLATION',
  MONITORING = 'MONITORING',
  OTHER = 'OTHER',
}

/** 整改结果分级验收 (H-1). */
export enum AcceptanceTier {
  SELF = 'SELF',
  REGULATOR = 'REGULATOR',
  COUNTY = 'COUNTY',
}

/** Why a reported hazard is not confirmed (domain §5.6 row 4). */
export enum RejectionKind {
  NOT_A_HAZARD = 'NOT_A_HAZARD',
  DUPLICATE = 'DUPLICATE',
}

/** The two legs of 双重交办 (H-2), created as tasks in responsibility. */
export enum AssignmentLeg {
  ENTERPRISE_RECTIFICATION = 'ENTERPRISE_RECTIFICATION',
  SUPERVISOR_OVERSIGHT = 'SUPERVISOR_OVERSIGHT',
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
    DRAFT: { description: '草稿' },
    REPORTED: { description: '已上报' },
    FIXED_ON_SPOT: { description: '即知即改' },
    CONFIRMED: { description: '已确认' },
    RECTIFYING: { description: '整改中' },
    PENDING_ACCEPTANCE: { description: '待验收' },
    ACCEPTED: { description: '已验收' },
    CLOSED: { description: '已销号' },
    REJECTED: { description: '不予确认' },
    REOPENED: { description: '已重新打开' },
  },
});
registerEnumType(HazardCategory, {
  name: 'HazardCategory',
  description: '隐患类别',
  valuesConfig: {
    UNSAFE_CONDITION: { description: '物的不安全状态' },
    UNSAFE_ACT: { description: '人的不安全行为' },
    MANAGEMENT_DEFECT: { description: '管理缺陷' },
  },
});
registerEnumType(HazardDetermination, {
  name: 'HazardDetermination',
  description: '判定依据',
  valuesConfig: {
    STANDARD_CLAUSE: { description: '依据判定标准条款 (criterionId required)' },
    EXPERT_JUDGEMENT: { description: '专家论证 (expert opinion file required)' },
    EXTERNAL_FACTOR: { description: '外部因素致本单位自身难以排除' },
  },
});
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: '证据材料类型',
  valuesConfig: {
    BEFORE: { description: '整改前照片' },
    AFTER: { description: '整改后照片' },
    COMPLETION_REPORT: { description: '治理完成情况报告' },
    RESUMPTION_APPLICATION: { description: '恢复生产申请' },
    WORKERS_CONGRESS_REPORT: { description: '向职工大会/职工代表大会报告的材料' },
    EXPERT_OPINION: { description: '专家意见' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(InterimMeasureKind, {
  name: 'InterimMeasureKind',
  description: '临时管控措施',
  valuesConfig: {
    PARTIAL_SUSPENSION: { description: '局部停产' },
    FULL_SUSPENSION: { description: '全部停产停业' },
    ISOLATION: { description: '警戒隔离' },
    MONITORING: { description: '加强监测' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(AcceptanceTier, {
  name: 'AcceptanceTier',
  description: '验收层级 (H-1)',
  valuesConfig: {
    SELF: { description: '企业自验' },
    REGULATOR: { description: '部门验收' },
    COUNTY: { description: '县级验收' },
  },
});
registerEnumType(RejectionKind, {
  name: 'RejectionKind',
  description: '不予确认原因',
  valuesConfig: {
    NOT_A_HAZARD: { description: '不构成隐患' },
    DUPLICATE: { description: '重复上报' },
  },
});
registerEnumType(AssignmentLeg, {
  name: 'AssignmentLeg',
  description: '双重交办',
  valuesConfig: {
    ENTERPRISE_RECTIFICATION: { description: '企业整改' },
    SUPERVISOR_OVERSIGHT: { description: '属地/行业监管督办' },
  },
});
