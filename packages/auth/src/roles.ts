/** The roles of domain §2.3, plus SERVICE for service-to-service calls. */
export enum Role {
  COUNTY_LEADER = 'COUNTY_LEADER',
  SAC_OFFICE = 'SAC_OFFICE',
  EMB_STAFF = 'EMB_STAFF',
  EMB_ENFORCER = 'EMB_ENFORCER',
  INDUSTRY_REGULATOR = 'INDUSTRY_REGULATOR',
  TOWNSHIP_OFFICER = 'TOWNSHIP_OFFICER',
  VILLAGE_GRID = 'VILLAGE_GRID',
  STATIONED_SUPERVISOR = 'STATIONED_SUPERVISOR',
  ENT_PRINCIPAL = 'ENT_PRINCIPAL',
  ENT_SAFETY_DIRECTOR = 'ENT_SAFETY_DIRECTOR',
  ENT_SAFETY_MANAGER = 'ENT_SAFETY_MANAGER',
  ENT_STAFF = 'ENT_STAFF',
  EXPERT = 'EXPERT',
  RESCUE_COMMANDER = 'RESCUE_COMMANDER',
  TRAINING_ORG = 'TRAINING_ORG',
  DISCIPLINE_VIEWER = 'DISCIPLINE_VIEWER',
  PUBLIC = 'PUBLIC',
  INTEGRATOR = 'INTEGRATOR',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  SERVICE = 'SERVICE',
}

export const ROLE_LABELS_ZH: Record<Role, string> = {
  COUNTY_LEADER: '县委、县政府领导',
  SAC_OFFICE: '县安委会办公室',
  EMB_STAFF: '县应急管理局业务股室',
  EMB_ENFORCER: '应急管理综合行政执法人员',
  INDUSTRY_REGULATOR: '行业监管部门人员',
  TOWNSHIP_OFFICER: '镇安全生产（应急）机构人员',
  VILLAGE_GRID: '村（社区）网格员/安全员',
  STATIONED_SUPERVISOR: '驻矿/驻厂监管员',
  ENT_PRINCIPAL: '企业主要负责人',
  ENT_SAFETY_DIRECTOR: '安全总监',
  ENT_SAFETY_MANAGER: '安全生产管理人员',
  ENT_STAFF: '从业人员',
  EXPERT: '安全专家/第三方机构人员',
  RESCUE_COMMANDER: '救援队伍负责人',
  TRAINING_ORG: '安全培训机构',
  DISCIPLINE_VIEWER: '纪委监委',
  PUBLIC: '社会公众/举报人',
  INTEGRATOR: '系统对接账号',
  PLATFORM_ADMIN: '平台管理员',
  SERVICE: '服务间调用账号',
};

/** Roles held by people who work for an enterprise: they only ever see their own enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = [
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
  Role.ENT_STAFF,
];

/** Roles that regulate (government side). */
export const REGULATOR_ROLES: readonly Role[] = [
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.EMB_ENFORCER,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
  Role.VILLAGE_GRID,
  Role.STATIONED_SUPERVISOR,
];
