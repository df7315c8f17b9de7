import { Permission, Role } from '@safety/auth';
import { townByPinyin } from '../divisions.js';
import { demoId } from '../ids.js';
import { INDUSTRIES } from '../industries.js';
import { demoEnterprise } from './enterprises.js';
import { orgId } from './organisations.js';

export interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  orgCode: string | null;
  townshipCodes: string[];
  industryCodes: string[];
  enterpriseIds: string[];
  officialKey?: string;
}

/** The demo password of every demo account; printed by the start command, never valid for real data. */
export const DEMO_PASSWORD = 'Minqin@2026';

const regulatedBy = (orgCode: string) =>
  INDUSTRIES.filter((i) => i.defaultRegulators.includes(orgCode)).map((i) => i.code);

type Spec = Omit<DemoAccount, 'id' | 'permissions' | 'townshipCodes' | 'industryCodes' | 'enterpriseIds'> &
  Partial<Pick<DemoAccount, 'permissions' | 'townshipCodes' | 'industryCodes' | 'enterpriseIds'>>;

const specs: Spec[] = [
  {
    username: 'county.leader.demo',
    displayName: '县领导（演示）',
    roles: [Role.COUNTY_LEADER],
    orgCode: 'GOV',
  },
  {
    username: 'saco.demo',
    displayName: '安委办（演示）',
    roles: [Role.SAC_OFFICE],
    orgCode: 'SAC_OFFICE',
    permissions: [Permission.LISTING_APPROVER, Permission.CLASSIFICATION_APPROVER],
  },
  {
    username: 'emb.staff.demo',
    displayName: '应急管理局股室（演示）',
    roles: [Role.EMB_STAFF],
    orgCode: 'EMB',
    industryCodes: regulatedBy('EMB'),
  },
  {
    username: 'emb.enforcer1.demo',
    displayName: '执法人员一（演示）',
    roles: [Role.EMB_ENFORCER],
    orgCode: 'EMB',
    industryCodes: regulatedBy('EMB'),
    permissions: [Permission.DRAW_WITNESS],
  },
  {
    username: 'zhujian.demo',
    displayName: '住建局（演示）',
    roles: [Role.INDUSTRY_REGULATOR],
    orgCode: 'HOUSING',
    industryCodes: regulatedBy('HOUSING'),
  },
  {
    // 市场监管: supervises special equipment across industries (domain §5.5), regulates no industry by default.
    username: 'samr.demo',
    displayName: '市场监管局（演示）',
    roles: [Role.INDUSTRY_REGULATOR],
    orgCode: 'SAMR',
    industryCodes: regulatedBy('SAMR'),
  },
  {
    username: 'town.hongshagang.demo',
    displayName: '红沙岗镇应急办（演示）',
    roles: [Role.TOWNSHIP_OFFICER],
    orgCode: 'TOWN_SAFETY_hongshagang',
    townshipCodes: [townByPinyin('hongshagang').code],
  },
  {
    username: 'village.grid.demo',
    displayName: '三雷镇网格员（演示）',
    roles: [Role.VILLAGE_GRID],
    orgCode: 'TOWN_SAFETY_sanlei',
    townshipCodes: [townByPinyin('sanlei').code],
  },
  {
    username: 'stationed.coal1.demo',
    displayName: '驻矿监管员（演示）',
    roles: [Role.STATIONED_SUPERVISOR],
    orgCode: 'DRC',
    enterpriseIds: [demoEnterprise('coal1').id],
  },
  {
    username: 'ent.coal1.principal.demo',
    displayName: '一号井矿长（演示）',
    roles: [Role.ENT_PRINCIPAL],
    orgCode: null,
    enterpriseIds: [demoEnterprise('coal1').id],
  },
  {
    username: 'ent.chem1.director.demo',
    displayName: '煤化工安全总监（演示）',
    roles: [Role.ENT_SAFETY_DIRECTOR],
    orgCode: null,
    enterpriseIds: [demoEnterprise('chem1').id],
  },
  {
    username: 'ent.chem1.manager.demo',
    displayName: '煤化工安全员（演示）',
    roles: [Role.ENT_SAFETY_MANAGER],
    orgCode: null,
    enterpriseIds: [demoEnterprise('chem1').id],
  },
  {
    username: 'ent.coal1.staff.demo',
    displayName: '一号井从业人员（演示）',
    roles: [Role.ENT_STAFF],
    orgCode: null,
    enterpriseIds: [demoEnterprise('coal1').id],
  },
  { username: 'expert.demo', displayName: '安全专家（演示）', roles: [Role.EXPERT], orgCode: null },
  {
    username: 'rescue.commander.demo',
    displayName: '救援队长（演示）',
    roles: [Role.RESCUE_COMMANDER],
    orgCode: 'FIRE_RESCUE',
  },
  {
    username: 'training.org.demo',
    displayName: '培训机构（演示）',
    roles: [Role.TRAINING_ORG],
    orgCode: null,
  },
  {
    username: 'discipline.demo',
    displayName: '纪委监委（演示）',
    roles: [Role.DISCIPLINE_VIEWER],
    orgCode: 'DISCIPLINE',
  },
  { username: 'public.demo', displayName: '公众（演示）', roles: [Role.PUBLIC], orgCode: null },
  {
    username: 'integrator.demo',
    displayName: '系统对接（演示）',
    roles: [Role.INTEGRATOR],
    orgCode: null,
    townshipCodes: [townByPinyin('sanlei').code],
  },
  {
    username: 'admin.demo',
    displayName: '平台管理员（演示）',
    roles: [Role.PLATFORM_ADMIN],
    orgCode: null,
    permissions: [Permission.ACCOUNT_ADMIN],
  },
];

export const DEMO_ACCOUNTS: DemoAccount[] = specs.map((spec) => ({
  permissions: [],
  townshipCodes: [],
  industryCodes: [],
  enterpriseIds: [],
  ...spec,
  id: demoId('account', spec.username),
}));

export function demoAccount(username: string): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`unknown demo account ${username}`);
  return found;
}

export function demoAccountOrgId(account: DemoAccount): string | null {
  return account.orgCode ? orgId(account.orgCode) : null;
}
