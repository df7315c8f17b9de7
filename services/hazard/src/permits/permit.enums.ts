import { registerEnumType } from 'type-graphql';
import {
  HEIGHT_LEVEL_LABELS,
  HOT_WORK_LEVEL_LABELS,
  PERMIT_PURPOSE_LABELS,
  PERMIT_STATUS_LABELS,
  PERMIT_TYPE_LABELS,
  WORK_KIND_LABELS,
  WORKER_ROLE_LABELS,
} from './permit.tables.js';

/**
 * GraphQL enums of the permit tables (domain §5.9): the codes and Chinese labels live in
 * `permit.tables.ts`, so each enum here is that table as an object of its own codes.
 */
const asEnum = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries(Object.keys(labels).map((key) => [key, key])) as { [P in K]: P };
const described = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([key, description]) => [key, { description }]));

export const PermitTypeEnum = asEnum(PERMIT_TYPE_LABELS);
registerEnumType(PermitTypeEnum, {
  name: 'PermitType',
  description: '特殊作业类别 (GB 30871-2022)',
  valuesConfig: described(PERMIT_TYPE_LABELS),
});

export const PermitStatusEnum = asEnum(PERMIT_STATUS_LABELS);
registerEnumType(PermitStatusEnum, {
  name: 'PermitStatus',
  description: '作业票状态',
  valuesConfig: described(PERMIT_STATUS_LABELS),
});

const LEVEL_LABELS = { ...HOT_WORK_LEVEL_LABELS, ...HEIGHT_LEVEL_LABELS };
export const PermitLevelEnum = asEnum(LEVEL_LABELS);
registerEnumType(PermitLevelEnum, {
  name: 'PermitLevel',
  description: '作业级别：动火 特级/一级/二级；高处 Ⅰ–Ⅳ级',
  valuesConfig: described(LEVEL_LABELS),
});

export const PermitPurposeEnum = asEnum(PERMIT_PURPOSE_LABELS);
registerEnumType(PermitPurposeEnum, {
  name: 'PermitPurpose',
  description: '作业目的',
  valuesConfig: described(PERMIT_PURPOSE_LABELS),
});

export const PermitWorkerRoleEnum = asEnum(WORKER_ROLE_LABELS);
registerEnumType(PermitWorkerRoleEnum, {
  name: 'PermitWorkerRole',
  description: '作业票人员角色',
  valuesConfig: described(WORKER_ROLE_LABELS),
});

export const PermitWorkKindEnum = asEnum(WORK_KIND_LABELS);
registerEnumType(PermitWorkKindEnum, {
  name: 'PermitWorkKind',
  description: '作业人员实际从事的工作（决定所需证书）',
  valuesConfig: described(WORK_KIND_LABELS),
});

const EQUIPMENT_RESULT_LABELS = { OK: '合格', DEFECTIVE: '存在缺陷', OBSOLETE: '淘汰设备' };
export const PermitEquipmentResultEnum = asEnum(EQUIPMENT_RESULT_LABELS);
registerEnumType(PermitEquipmentResultEnum, {
  name: 'PermitEquipmentResult',
  description: '焊接设备检查结果',
  valuesConfig: described(EQUIPMENT_RESULT_LABELS),
});

const GAS_UNIT_LABELS = { PCT_VOL: '体积分数 %', PCT_LEL: '爆炸下限 %LEL' };
export const PermitGasUnitEnum = asEnum(GAS_UNIT_LABELS);
registerEnumType(PermitGasUnitEnum, {
  name: 'PermitGasUnit',
  description: '可燃气体读数单位',
  valuesConfig: described(GAS_UNIT_LABELS),
});
