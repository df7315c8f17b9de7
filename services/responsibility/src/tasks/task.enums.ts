import { registerEnumType } from 'type-graphql';

/** Where a task comes from (domain §4.7). */
export enum TaskSource {
  MEETING = 'MEETING',
  BRIEFING = 'BRIEFING',
  INSPECTION_TOUR = 'INSPECTION_TOUR',
  BULLETIN = 'BULLETIN',
  HAZARD_DUAL_ASSIGNMENT = 'HAZARD_DUAL_ASSIGNMENT',
  ACCIDENT_RECTIFICATION = 'ACCIDENT_RECTIFICATION',
  SUPERVISED_LISTING = 'SUPERVISED_LISTING',
}

/** The two legs of 双重交办 (H-2); null for other tasks. */
export enum TaskLeg {
  ENTERPRISE_RECTIFICATION = 'ENTERPRISE_RECTIFICATION',
  SUPERVISOR_OVERSIGHT = 'SUPERVISOR_OVERSIGHT',
}

export enum TaskStatus {
  ISSUED = 'ISSUED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
}

/** The escalation ladder for late tasks (domain §4.7). */
export enum TaskEscalation {
  REMINDER = 'REMINDER',
  GUIDANCE = 'GUIDANCE',
  INTERVIEW = 'INTERVIEW',
}

registerEnumType(TaskSource, {
  name: 'TaskSource',
  description: '交办事项来源',
  valuesConfig: {
    MEETING: { description: '会议' },
    BRIEFING: { description: '风险研判' },
    INSPECTION_TOUR: { description: '考核巡查' },
    BULLETIN: { description: '通报' },
    HAZARD_DUAL_ASSIGNMENT: { description: '隐患双重交办' },
    ACCIDENT_RECTIFICATION: { description: '事故整改' },
    SUPERVISED_LISTING: { description: '挂牌督办' },
  },
});

registerEnumType(TaskLeg, {
  name: 'TaskLeg',
  description: '双重交办的一方',
  valuesConfig: {
    ENTERPRISE_RECTIFICATION: { description: '企业整改' },
    SUPERVISOR_OVERSIGHT: { description: '属地/行业监管督办' },
  },
});

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: '交办事项状态',
  valuesConfig: {
    ISSUED: { description: '已交办' },
    ACKNOWLEDGED: { description: '已签收' },
    IN_PROGRESS: { description: '办理中' },
    SUBMITTED: { description: '已报送' },
    RETURNED: { description: '已退回' },
    VERIFIED: { description: '已核实' },
    CLOSED: { description: '已办结' },
  },
});

registerEnumType(TaskEscalation, {
  name: 'TaskEscalation',
  description: '逾期督办层级',
  valuesConfig: {
    REMINDER: { description: '提醒' },
    GUIDANCE: { description: '指导' },
    INTERVIEW: { description: '约谈' },
  },
});
