import { registerEnumType } from 'type-graphql';

/** The three levels of 三级安全教育 (domain §7.3). */
export enum EducationLevel {
  COMPANY = 'COMPANY',
  WORKSHOP = 'WORKSHOP',
  TEAM = 'TEAM',
}

/** Three-level education states (domain §7.3). */
export enum ThreeLevelStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  PASSED = 'PASSED',
  REDO_REQUIRED = 'REDO_REQUIRED',
}

/** Why workshop- and team-level training must be redone (domain §7.2, 第15条 [K]). */
export enum RedoReason {
  POST_TRANSFER = 'POST_TRANSFER',
  RETURN_AFTER_ABSENCE = 'RETURN_AFTER_ABSENCE',
}

registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: '三级安全教育层级',
  valuesConfig: {
    COMPANY: { description: '厂(矿)级' },
    WORKSHOP: { description: '车间(工段、区、队)级' },
    TEAM: { description: '班组级' },
  },
});
registerEnumType(ThreeLevelStatus, {
  name: 'ThreeLevelStatus',
  description: '三级安全教育状态 (domain §7.3)',
  valuesConfig: {
    NOT_STARTED: { description: '未开始' },
    IN_PROGRESS: { description: '进行中' },
    PASSED: { description: '已合格' },
    REDO_REQUIRED: { description: '需重新教育（调岗或离岗一年以上返岗）' },
  },
});
registerEnumType(RedoReason, {
  name: 'ThreeLevelRedoReason',
  description: '重新进行车间级、班组级教育的原因',
  valuesConfig: {
    POST_TRANSFER: { description: '调整工作岗位' },
    RETURN_AFTER_ABSENCE: { description: '离岗一年以上重新上岗' },
  },
});
