import { registerEnumType } from 'type-graphql';
import {
  ControlLevel as ControlLevelValues,
  RiskLevel as RiskLevelValues,
  RiskMethod as RiskMethodValues,
} from './risk.tables.js';

/** 安全风险等级 (domain §3.6): the values of `risk.tables.ts`, as GraphQL enums. */
export const RiskLevel = RiskLevelValues;
export type RiskLevel = (typeof RiskLevel)[keyof typeof RiskLevel];
export const RiskMethod = RiskMethodValues;
export type RiskMethod = (typeof RiskMethod)[keyof typeof RiskMethod];
export const ControlLevel = ControlLevelValues;
export type ControlLevel = (typeof ControlLevel)[keyof typeof ControlLevel];

/** 风险点类型 (domain §5.2 `kind`). */
export enum RiskPointKind {
  FACILITY_AREA = 'FACILITY_AREA',
  ACTIVITY = 'ACTIVITY',
}

/** Kind of a control measure (domain §5.2 `controls[]`). */
export enum RiskControlKind {
  ENGINEERING = 'ENGINEERING',
  MANAGEMENT = 'MANAGEMENT',
  TRAINING = 'TRAINING',
  PPE = 'PPE',
  EMERGENCY = 'EMERGENCY',
}

/** Why a risk point carries its level (domain §5.2 c). */
export enum RiskLevelBasis {
  COMPUTED = 'COMPUTED',
  MANUAL_OVERRIDE = 'MANUAL_OVERRIDE',
  OPEN_MAJOR_HAZARD = 'OPEN_MAJOR_HAZARD',
  MAJOR_HAZARD_SOURCE_GRADE = 'MAJOR_HAZARD_SOURCE_GRADE',
}

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: '安全风险等级 (四色)',
  valuesConfig: {
    MAJOR: { description: '重大风险（红）' },
    HIGH: { description: '较大风险（橙）' },
    MODERATE: { description: '一般风险（黄）' },
    LOW: { description: '低风险（蓝）' },
  },
});
registerEnumType(RiskMethod, {
  name: 'RiskMethod',
  description: '风险评估方法',
  valuesConfig: {
    LEC: { description: '作业条件危险性分析法 D = L × E × C' },
    MATRIX: { description: '风险矩阵法 R = L × S' },
  },
});
registerEnumType(ControlLevel, {
  name: 'ControlLevel',
  description: '管控层级',
  valuesConfig: {
    COMPANY: { description: '公司级' },
    DEPARTMENT: { description: '部门/车间级' },
    TEAM: { description: '班组级' },
    POST: { description: '岗位级' },
  },
});
registerEnumType(RiskPointKind, {
  name: 'RiskPointKind',
  description: '风险点类型',
  valuesConfig: {
    FACILITY_AREA: { description: '设施、部位、场所、区域' },
    ACTIVITY: { description: '作业活动' },
  },
});
registerEnumType(RiskControlKind, {
  name: 'RiskControlKind',
  description: '管控措施类别',
  valuesConfig: {
    ENGINEERING: { description: '工程技术措施' },
    MANAGEMENT: { description: '管理措施' },
    TRAINING: { description: '培训教育措施' },
    PPE: { description: '个体防护措施' },
    EMERGENCY: { description: '应急处置措施' },
  },
});
registerEnumType(RiskLevelBasis, {
  name: 'RiskLevelBasis',
  description: '风险等级判定依据',
  valuesConfig: {
    COMPUTED: { description: '评估计算' },
    MANUAL_OVERRIDE: { description: '评估人员调高（附理由）' },
    OPEN_MAJOR_HAZARD: { description: '存在未销号重大事故隐患，直接判定为重大风险' },
    MAJOR_HAZARD_SOURCE_GRADE: { description: '属于一级、二级重大危险源，至少为较大风险' },
  },
});
