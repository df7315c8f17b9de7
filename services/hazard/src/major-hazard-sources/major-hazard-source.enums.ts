import { registerEnumType } from 'type-graphql';
import {
  BaobaoRole as BaobaoRoleValues,
  BetaEdition as BetaEditionValues,
  MajorHazardUnitType as UnitTypeValues,
} from './major-hazard-source.tables.js';

/** The values of `major-hazard-source.tables.ts`, as GraphQL enums (domain §5.4). */
export const MajorHazardUnitType = UnitTypeValues;
export type MajorHazardUnitType = (typeof MajorHazardUnitType)[keyof typeof MajorHazardUnitType];
export const BetaEdition = BetaEditionValues;
export type BetaEdition = (typeof BetaEdition)[keyof typeof BetaEdition];
export const BaobaoRole = BaobaoRoleValues;
export type BaobaoRole = (typeof BaobaoRole)[keyof typeof BaobaoRole];

export enum MajorHazardSourceGrade {
  I = 'I',
  II = 'II',
  III = 'III',
  IV = 'IV',
}

/** How β was chosen for a substance. */
export enum BetaBasis {
  NAMED_TOXIC_GAS = 'NAMED_TOXIC_GAS',
  HAZARD_CLASS = 'HAZARD_CLASS',
  OVERRIDE = 'OVERRIDE',
}

export enum BaobaoCadence {
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  ISO_WEEK = 'ISO_WEEK',
}

registerEnumType(MajorHazardUnitType, {
  name: 'MajorHazardUnitType',
  description: '重大危险源单元类型',
  valuesConfig: {
    PRODUCTION_UNIT: { description: '生产单元（以切断阀为界）' },
    STORAGE_UNIT: { description: '储存单元（罐区以防火堤为界，库区以独立库房为界）' },
  },
});
registerEnumType(BetaEdition, {
  name: 'BetaEdition',
  description: 'β 校正系数取值依据',
  valuesConfig: {
    GB18218_2018: { description: 'GB 18218-2018 表4' },
    SAWS_ORDER_40_2011: { description: '原安监总局令第40号附件 (2011)' },
  },
});
registerEnumType(BaobaoRole, {
  name: 'BaobaoRole',
  description: '重大危险源安全包保责任人',
  valuesConfig: {
    PRINCIPAL: { description: '主要负责人（每季度至少一次）' },
    TECHNICAL_LEAD: { description: '技术负责人（每月至少一次）' },
    OPERATIONS_LEAD: { description: '操作负责人（每周至少一次）' },
  },
});
registerEnumType(MajorHazardSourceGrade, {
  name: 'MajorHazardSourceGrade',
  description: '重大危险源等级',
  valuesConfig: {
    I: { description: '一级 (R ≥ 100)' },
    II: { description: '二级 (50 ≤ R < 100)' },
    III: { description: '三级 (10 ≤ R < 50)' },
    IV: { description: '四级 (R < 10)' },
  },
});
registerEnumType(BetaBasis, {
  name: 'BetaBasis',
  description: 'β 取值来源',
  valuesConfig: {
    NAMED_TOXIC_GAS: { description: '列名毒性气体' },
    HAZARD_CLASS: { description: '按危险性类别' },
    OVERRIDE: { description: '经论证调整（附依据）' },
  },
});
registerEnumType(BaobaoCadence, {
  name: 'BaobaoCadence',
  description: '包保检查周期',
  valuesConfig: {
    QUARTER: { description: '季度' },
    MONTH: { description: '月' },
    ISO_WEEK: { description: '周（周一至周日）' },
  },
});
