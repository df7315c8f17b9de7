import type { ControlLevel, RiskControlKind } from '../gql/graphql.js';

/** Who identifies and assesses risks (the service's RISK_EDITOR_ROLES, domain §5.1); the server decides anyway. */
export const RISK_EDITOR_ROLES = [
  'ENT_PRINCIPAL',
  'ENT_SAFETY_DIRECTOR',
  'ENT_SAFETY_MANAGER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
];
export const ENTERPRISE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER', 'ENT_STAFF'];

export const canEditRisk = (roles: readonly string[] | undefined) =>
  (roles ?? []).some((role) => RISK_EDITOR_ROLES.includes(role));

/** GB 6441-1986's 20 injury-event classes (domain §3.6 AccidentType); stored as the Chinese names. */
export const ACCIDENT_TYPES = [
  '物体打击',
  '车辆伤害',
  '机械伤害',
  '起重伤害',
  '触电',
  '淹溺',
  '灼烫',
  '火灾',
  '高处坠落',
  '坍塌',
  '冒顶片帮',
  '透水',
  '放炮',
  '火药爆炸',
  '瓦斯爆炸',
  '锅炉爆炸',
  '容器爆炸',
  '其他爆炸',
  '中毒和窒息',
  '其他伤害',
];

/** 人、物、环境、管理 (domain §5.2 hazardFactors). */
export const HAZARD_FACTOR_GROUPS = ['人的因素', '物的因素', '环境因素', '管理因素'];

export const CONTROL_KINDS: RiskControlKind[] = ['ENGINEERING', 'MANAGEMENT', 'TRAINING', 'PPE', 'EMERGENCY'];

/** Most senior first; a level below the default for the risk needs a reason (domain §5.2). */
export const CONTROL_LEVELS: ControlLevel[] = ['COMPANY', 'DEPARTMENT', 'TEAM', 'POST'];
export const CONTROL_LEVEL_RANK: Record<ControlLevel, number> = {
  POST: 1,
  TEAM: 2,
  DEPARTMENT: 3,
  COMPANY: 4,
};

export const isBelowDefault = (
  level: ControlLevel | undefined,
  defaultLevel: ControlLevel | null | undefined,
) => Boolean(level && defaultLevel && CONTROL_LEVEL_RANK[level] < CONTROL_LEVEL_RANK[defaultLevel]);
