/** Industry taxonomy (domain §3.3). Default regulators are org-unit codes of `demo/organisations.ts` [K?]. */
export interface Industry {
  code: string;
  labelZh: string;
  domain: string;
  defaultRegulators: string[];
  /** High-risk for training hours (《生产经营单位安全培训规定》). */
  highRisk: boolean;
  /** Art. 27 certificate duty (安全生产法 2021 第27条). */
  certificateDuty: boolean;
}

export const INDUSTRIES: Industry[] = [
  {
    code: 'COAL_MINE',
    labelZh: '煤矿',
    domain: 'MINE',
    defaultRegulators: ['DRC', 'EMB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'NON_COAL_MINE',
    labelZh: '金属非金属矿山',
    domain: 'MINE',
    defaultRegulators: ['EMB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'HAZCHEM_PRODUCTION',
    labelZh: '危险化学品生产',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB', 'MIIT'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'HAZCHEM_STORAGE_TRADE',
    labelZh: '危险化学品经营（带储存）',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'FUEL_STATION',
    labelZh: '加油（气）站',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB', 'COMMERCE'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'HAZCHEM_TRADE_NO_STORAGE',
    labelZh: '危险化学品经营（不带储存）',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'FIREWORKS',
    labelZh: '烟花爆竹',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB', 'PSB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'METALLURGY',
    labelZh: '冶金/金属冶炼',
    domain: 'HAZCHEM',
    defaultRegulators: ['EMB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'INDUSTRY_TRADE',
    labelZh: '工贸',
    domain: 'FIRE',
    defaultRegulators: ['EMB', 'MIIT'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'CONSTRUCTION',
    labelZh: '建筑施工',
    domain: 'CONSTRUCTION',
    defaultRegulators: ['HOUSING'],
    highRisk: false,
    certificateDuty: true,
  },
  {
    code: 'URBAN_GAS',
    labelZh: '城镇燃气',
    domain: 'HAZCHEM',
    defaultRegulators: ['HOUSING'],
    highRisk: false,
    certificateDuty: true,
  },
  {
    code: 'ROAD_TRANSPORT',
    labelZh: '道路运输',
    domain: 'ROAD',
    defaultRegulators: ['TRANSPORT', 'TRAFFIC_POLICE'],
    highRisk: false,
    certificateDuty: true,
  },
  {
    code: 'CROWDED_PLACE',
    labelZh: '人员密集场所',
    domain: 'CROWD',
    defaultRegulators: ['FIRE_RESCUE', 'COMMERCE'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'TOURISM',
    labelZh: '旅游景区',
    domain: 'CROWD',
    defaultRegulators: ['CULTURE_TOURISM'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'LOGISTICS',
    labelZh: '仓储物流、快递',
    domain: 'NEW_SECTOR',
    defaultRegulators: ['TRANSPORT', 'COMMERCE'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'NEW_ENERGY',
    labelZh: '新能源',
    domain: 'NEW_SECTOR',
    defaultRegulators: ['DRC'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'AGRI_MACHINERY',
    labelZh: '农业机械',
    domain: 'ROAD',
    defaultRegulators: ['AGRICULTURE'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'WATER_WORKS',
    labelZh: '水利工程',
    domain: 'CONSTRUCTION',
    defaultRegulators: ['WATER'],
    highRisk: false,
    certificateDuty: false,
  },
  {
    code: 'CIVIL_EXPLOSIVES',
    labelZh: '民用爆炸物品',
    domain: 'HAZCHEM',
    defaultRegulators: ['MIIT', 'PSB'],
    highRisk: true,
    certificateDuty: true,
  },
  {
    code: 'OTHER',
    labelZh: '其他',
    domain: 'PUBLIC_SECURITY_OTHER',
    defaultRegulators: [],
    highRisk: false,
    certificateDuty: false,
  },
];

export const INDUSTRY_CODES = INDUSTRIES.map((industry) => industry.code);

export function industry(code: string): Industry {
  const found = INDUSTRIES.find((i) => i.code === code);
  if (!found) throw new Error(`unknown industry ${code}`);
  return found;
}
