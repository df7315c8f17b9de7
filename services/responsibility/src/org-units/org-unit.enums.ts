import { registerEnumType } from 'type-graphql';

/** OrgUnit.type (domain §4.2). */
export enum OrgUnitType {
  COUNTY_PARTY_COMMITTEE = 'COUNTY_PARTY_COMMITTEE',
  COUNTY_GOVERNMENT = 'COUNTY_GOVERNMENT',
  SAFETY_COMMITTEE = 'SAFETY_COMMITTEE',
  SAFETY_COMMITTEE_OFFICE = 'SAFETY_COMMITTEE_OFFICE',
  DEPARTMENT = 'DEPARTMENT',
  TOWNSHIP = 'TOWNSHIP',
  TOWNSHIP_SAFETY_OFFICE = 'TOWNSHIP_SAFETY_OFFICE',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  PARK_ADMIN = 'PARK_ADMIN',
  PROV_CITY_UNIT = 'PROV_CITY_UNIT',
  COUNTY_SOE = 'COUNTY_SOE',
  PEOPLES_ORGANISATION = 'PEOPLES_ORGANISATION',
}

/** OrgUnit.supervisoryRole (domain §4.2). */
export enum SupervisoryRole {
  COMPREHENSIVE = 'COMPREHENSIVE',
  INDUSTRY = 'INDUSTRY',
  NONE = 'NONE',
}

registerEnumType(OrgUnitType, {
  name: 'OrgUnitType',
  description: '组织类型',
  valuesConfig: {
    COUNTY_PARTY_COMMITTEE: { description: '县委' },
    COUNTY_GOVERNMENT: { description: '县政府' },
    SAFETY_COMMITTEE: { description: '安委会' },
    SAFETY_COMMITTEE_OFFICE: { description: '安委会办公室' },
    DEPARTMENT: { description: '县直部门' },
    TOWNSHIP: { description: '镇党委政府' },
    TOWNSHIP_SAFETY_OFFICE: { description: '镇安全生产（应急）办' },
    VILLAGE: { description: '村委会' },
    COMMUNITY: { description: '社区' },
    PARK_ADMIN: { description: '园区管理机构' },
    PROV_CITY_UNIT: { description: '省市属在民单位' },
    COUNTY_SOE: { description: '县属国有企业' },
    PEOPLES_ORGANISATION: { description: '人民团体' },
  },
});
registerEnumType(SupervisoryRole, {
  name: 'SupervisoryRole',
  description: '监管职责',
  valuesConfig: {
    COMPREHENSIVE: { description: '综合监管' },
    INDUSTRY: { description: '行业监管' },
    NONE: { description: '无' },
  },
});
