import { registerEnumType } from 'type-graphql';

/** 企业自查的种类 (domain §5.8). */
export enum SelfCheckKind {
  PATROL = 'PATROL',
  TEAM_WEEKLY = 'TEAM_WEEKLY',
  PLANT_MONTHLY = 'PLANT_MONTHLY',
  SEASONAL = 'SEASONAL',
  PRE_HOLIDAY = 'PRE_HOLIDAY',
  COMPREHENSIVE = 'COMPREHENSIVE',
}

/** How often a plan is due (domain §5.8 "Default" column). */
export enum SelfCheckCadence {
  EACH_SHIFT = 'EACH_SHIFT',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  BEFORE_KEY_PERIOD = 'BEFORE_KEY_PERIOD',
  HALF_YEARLY = 'HALF_YEARLY',
}

/** One checklist item's outcome. */
export enum SelfCheckItemResult {
  OK = 'OK',
  NOK = 'NOK',
  NA = 'NA',
}

registerEnumType(SelfCheckKind, {
  name: 'SelfCheckKind',
  description: '企业自查种类',
  valuesConfig: {
    PATROL: { description: '岗位巡检' },
    TEAM_WEEKLY: { description: '班组/车间周检' },
    PLANT_MONTHLY: { description: '厂级综合月检' },
    SEASONAL: { description: '季节性检查' },
    PRE_HOLIDAY: { description: '节假日前检查' },
    COMPREHENSIVE: { description: '公司综合检查' },
  },
});
registerEnumType(SelfCheckCadence, {
  name: 'SelfCheckCadence',
  description: '自查频次',
  valuesConfig: {
    EACH_SHIFT: { description: '每班' },
    WEEKLY: { description: '每周' },
    MONTHLY: { description: '每月' },
    QUARTERLY: { description: '每季度' },
    BEFORE_KEY_PERIOD: { description: '每个重大节日和重点时段之前' },
    HALF_YEARLY: { description: '每半年' },
  },
});
registerEnumType(SelfCheckItemResult, {
  name: 'SelfCheckItemResult',
  description: '检查项结果',
  valuesConfig: {
    OK: { description: '符合' },
    NOK: { description: '不符合' },
    NA: { description: '不适用' },
  },
});
