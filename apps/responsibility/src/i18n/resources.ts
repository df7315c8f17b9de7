import type { SafetyResources } from '@safety/ui';

/** UI strings of the responsibility module, namespace `responsibility`. Simplified Chinese is the source. */
const zhCN = {
  module: { title: '全面责任', orgUnits: '组织机构', calendar: '工作日历' },
  signIn: { title: '全面责任体系 · 登录' },
  orgUnit: {
    listTitle: '组织机构与责任人',
    code: '代码',
    name: '名称',
    type: '组织类型',
    supervisoryRole: '监管职责',
    committeeMember: '安委会成员单位',
    parent: '上级单位',
    division: '所属区划',
    search: '搜索名称或代码',
    officials: '领导干部/工作人员',
    officialsCount: '人员',
    view: '查看人员',
    position: '职务',
    principal: '主要负责同志',
    portfolio: '分管领域',
    noOfficials: '该单位暂无人员信息',
    yes: '是',
    no: '否',
    emptyTitle: '没有符合条件的组织机构',
    emptyHint: '请调整或清除筛选条件后再试。',
  },
  calendar: {
    title: '工作日历',
    hint: '工作日、法定节假日与调休，依据国务院办公厅放假通知',
    workingDays: '本月工作日 {{count}} 天',
    restDays: '休息日 {{count}} 天',
    makeUp: '调休上班 {{count}} 天',
    work: '班',
    rest: '休',
  },
  type: {
    COUNTY_PARTY_COMMITTEE: '县委',
    COUNTY_GOVERNMENT: '县政府',
    SAFETY_COMMITTEE: '安委会',
    SAFETY_COMMITTEE_OFFICE: '安委会办公室',
    DEPARTMENT: '县直部门',
    TOWNSHIP: '镇党委政府',
    TOWNSHIP_SAFETY_OFFICE: '镇安全生产（应急）办',
    VILLAGE: '村委会',
    COMMUNITY: '社区',
    PARK_ADMIN: '园区管理机构',
    PROV_CITY_UNIT: '省市属在民单位',
    COUNTY_SOE: '县属国有企业',
    PEOPLES_ORGANISATION: '人民团体',
  },
  role: { COMPREHENSIVE: '综合监管', INDUSTRY: '行业监管', NONE: '无' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  module: { title: 'Responsibility', orgUnits: 'Organisations', calendar: 'Work calendar' },
  signIn: { title: 'Responsibility · Sign in' },
  orgUnit: {
    listTitle: 'Organisations and officials',
    code: 'Code',
    name: 'Name',
    type: 'Type',
    supervisoryRole: 'Supervisory role',
    committeeMember: 'Safety committee member',
    parent: 'Parent',
    division: 'Division',
    search: 'Search name or code',
    officials: 'Officials',
    officialsCount: 'Officials',
    view: 'Officials',
    position: 'Position',
    principal: 'Principal',
    portfolio: 'Portfolio',
    noOfficials: 'No officials recorded for this unit',
    yes: 'Yes',
    no: 'No',
    emptyTitle: 'No organisation matches',
    emptyHint: 'Change or clear the filters and try again.',
  },
  calendar: {
    title: 'Work calendar',
    hint: 'Working days, public holidays and make-up working days, from the State Council notices',
    workingDays: '{{count}} working days this month',
    restDays: '{{count}} rest days',
    makeUp: '{{count}} make-up working days',
    work: 'Work',
    rest: 'Off',
  },
  type: {
    COUNTY_PARTY_COMMITTEE: 'County Party committee',
    COUNTY_GOVERNMENT: 'County government',
    SAFETY_COMMITTEE: 'Safety committee',
    SAFETY_COMMITTEE_OFFICE: 'Safety committee office',
    DEPARTMENT: 'County department',
    TOWNSHIP: 'Town',
    TOWNSHIP_SAFETY_OFFICE: 'Town safety office',
    VILLAGE: 'Village',
    COMMUNITY: 'Community',
    PARK_ADMIN: 'Industrial park',
    PROV_CITY_UNIT: 'Provincial or city unit',
    COUNTY_SOE: 'County state-owned enterprise',
    PEOPLES_ORGANISATION: "People's organisation",
  },
  role: { COMPREHENSIVE: 'Comprehensive', INDUSTRY: 'Industry', NONE: 'None' },
};

export const RESPONSIBILITY_NAMESPACE = 'responsibility';

export const responsibilityResources: SafetyResources = {
  'zh-CN': { [RESPONSIBILITY_NAMESPACE]: zhCN },
  en: { [RESPONSIBILITY_NAMESPACE]: en },
};

export const ORG_UNIT_TYPES = Object.keys(zhCN.type);
