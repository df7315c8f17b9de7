import { COUNTY, TOWNS } from '../divisions.js';
import { demoId } from '../ids.js';

export type OrgUnitType =
  | 'COUNTY_PARTY_COMMITTEE'
  | 'COUNTY_GOVERNMENT'
  | 'SAFETY_COMMITTEE'
  | 'SAFETY_COMMITTEE_OFFICE'
  | 'DEPARTMENT'
  | 'TOWNSHIP'
  | 'TOWNSHIP_SAFETY_OFFICE'
  | 'VILLAGE'
  | 'COMMUNITY'
  | 'PARK_ADMIN'
  | 'PROV_CITY_UNIT'
  | 'COUNTY_SOE'
  | 'PEOPLES_ORGANISATION';

export type SupervisoryRole = 'COMPREHENSIVE' | 'INDUSTRY' | 'NONE';

export interface DemoOrgUnit {
  id: string;
  code: string;
  name: string;
  type: OrgUnitType;
  parentCode: string | null;
  divisionCode: string;
  isSafetyCommitteeMember: boolean;
  supervisoryRole: SupervisoryRole;
}

const county = (
  code: string,
  name: string,
  type: OrgUnitType,
  supervisoryRole: SupervisoryRole = 'NONE',
  parentCode: string | null = 'GOV',
): DemoOrgUnit => ({
  id: orgId(code),
  code,
  name,
  type,
  parentCode,
  divisionCode: COUNTY.code,
  isSafetyCommitteeMember: type === 'DEPARTMENT' || type === 'SAFETY_COMMITTEE_OFFICE',
  supervisoryRole,
});

export function orgId(code: string): string {
  return demoId('org', code);
}

/** The county bodies of domain §11.2 (names to be confirmed by the county [K?]). */
export const COUNTY_ORG_UNITS: DemoOrgUnit[] = [
  county('PARTY', '中共民勤县委', 'COUNTY_PARTY_COMMITTEE', 'NONE', null),
  county('GOV', '民勤县人民政府', 'COUNTY_GOVERNMENT', 'NONE', null),
  county('SAC', '县安全生产委员会', 'SAFETY_COMMITTEE', 'NONE', 'GOV'),
  county('SAC_OFFICE', '县安委会办公室', 'SAFETY_COMMITTEE_OFFICE', 'COMPREHENSIVE', 'SAC'),
  county('EMB', '县应急管理局', 'DEPARTMENT', 'COMPREHENSIVE'),
  county('EMB_ENFORCEMENT', '县应急管理综合行政执法大队', 'DEPARTMENT', 'COMPREHENSIVE', 'EMB'),
  county('HOUSING', '县住房和城乡建设局', 'DEPARTMENT', 'INDUSTRY'),
  county('TRANSPORT', '县交通运输局', 'DEPARTMENT', 'INDUSTRY'),
  county('TRAFFIC_POLICE', '县公安局交通警察大队', 'DEPARTMENT', 'INDUSTRY'),
  county('PSB', '县公安局', 'DEPARTMENT', 'INDUSTRY'),
  county('FIRE_RESCUE', '县消防救援大队', 'DEPARTMENT', 'INDUSTRY'),
  county('SAMR', '县市场监督管理局', 'DEPARTMENT', 'INDUSTRY'),
  county('EDUCATION', '县教育局', 'DEPARTMENT', 'INDUSTRY'),
  county('HEALTH', '县卫生健康局', 'DEPARTMENT', 'INDUSTRY'),
  county('CULTURE_TOURISM', '县文体广电和旅游局', 'DEPARTMENT', 'INDUSTRY'),
  county('COMMERCE', '县商务局', 'DEPARTMENT', 'INDUSTRY'),
  county('MIIT', '县工业和信息化局', 'DEPARTMENT', 'INDUSTRY'),
  county('DRC', '县发展和改革局', 'DEPARTMENT', 'INDUSTRY'),
  county('AGRICULTURE', '县农业农村局', 'DEPARTMENT', 'INDUSTRY'),
  county('WATER', '县水务局', 'DEPARTMENT', 'INDUSTRY'),
  county('NATURAL_RESOURCES', '县自然资源局', 'DEPARTMENT', 'INDUSTRY'),
  county('CIVIL_AFFAIRS', '县民政局', 'DEPARTMENT', 'INDUSTRY'),
  county('ORGANISATION', '县委组织部', 'DEPARTMENT', 'NONE', 'PARTY'),
  county('PUBLICITY', '县委宣传部', 'DEPARTMENT', 'NONE', 'PARTY'),
  county('DISCIPLINE', '县纪委监委', 'DEPARTMENT', 'NONE', 'PARTY'),
];

/** Each town's Party committee/government and its safety (emergency) office. */
export const TOWN_ORG_UNITS: DemoOrgUnit[] = TOWNS.flatMap((town) => [
  {
    id: orgId(`TOWN_${town.pinyin}`),
    code: `TOWN_${town.pinyin}`,
    name: `${town.name}党委政府`,
    type: 'TOWNSHIP' as const,
    parentCode: 'GOV',
    divisionCode: town.code,
    isSafetyCommitteeMember: true,
    supervisoryRole: 'NONE' as const,
  },
  {
    id: orgId(`TOWN_SAFETY_${town.pinyin}`),
    code: `TOWN_SAFETY_${town.pinyin}`,
    name: `${town.name}安全生产（应急）办公室`,
    type: 'TOWNSHIP_SAFETY_OFFICE' as const,
    parentCode: `TOWN_${town.pinyin}`,
    divisionCode: town.code,
    isSafetyCommitteeMember: false,
    supervisoryRole: 'NONE' as const,
  },
]);

export const DEMO_ORG_UNITS: DemoOrgUnit[] = [...COUNTY_ORG_UNITS, ...TOWN_ORG_UNITS];

export interface DemoOfficial {
  id: string;
  name: string;
  orgCode: string;
  position: string;
  isPrincipal: boolean;
}

/** Demo officials only: no real person's name is ever used (domain §11.2). */
export const DEMO_OFFICIALS: DemoOfficial[] = [
  ['county-head', '张（演示）', 'GOV', '县长', true],
  ['exec-deputy', '李（演示）', 'GOV', '常务副县长', false],
  ['party-secretary', '王（演示）', 'PARTY', '县委书记', true],
  ['emb-director', '赵（演示）', 'EMB', '局长', true],
  ['sac-office-director', '陈（演示）', 'SAC_OFFICE', '办公室主任', true],
  ['housing-director', '刘（演示）', 'HOUSING', '局长', true],
  ['transport-director', '杨（演示）', 'TRANSPORT', '局长', true],
  ['samr-director', '黄（演示）', 'SAMR', '局长', true],
  ['fire-captain', '周（演示）', 'FIRE_RESCUE', '大队长', true],
  ['hongshagang-head', '吴（演示）', 'TOWN_hongshagang', '镇长', true],
].map(([key, name, orgCode, position, isPrincipal]) => ({
  id: demoId('official', key as string),
  name: `${name}${position}`,
  orgCode: orgCode as string,
  position: position as string,
  isPrincipal: isPrincipal as boolean,
}));
