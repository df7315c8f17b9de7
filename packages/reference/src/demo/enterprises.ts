import { townByName } from '../divisions.js';
import { demoId } from '../ids.js';
import { industry } from '../industries.js';
import { createRandom } from '../random.js';
import { usccCheckCharacter } from '../uscc.js';
import { DEMO_SURNAMES } from './names.js';
import { orgId } from './organisations.js';

export type OperatingStatus =
  | 'UNDER_CONSTRUCTION'
  | 'TRIAL_RUN'
  | 'OPERATING'
  | 'SUSPENDED'
  | 'ORDERED_RECTIFICATION'
  | 'CLOSED'
  | 'DEREGISTERED';
export type EnterpriseScale = 'LARGE' | 'MEDIUM' | 'SMALL' | 'MICRO';
export type SupervisionClass = 'A' | 'B' | 'C' | 'D';

export interface DemoEnterprise {
  id: string;
  /** Natural key of the demo fixture (stable across releases). */
  key: string;
  uscc: string;
  name: string;
  shortName: string;
  industryCode: string;
  townshipCode: string;
  address: string;
  legalRepresentative: string;
  employeeCount: number;
  scale: EnterpriseScale;
  regulatorOrgIds: string[];
  operatingStatus: OperatingStatus;
  supervisionClass: SupervisionClass;
  isConstructionProject: boolean;
}

type Row = [key: string, name: string, industryCode: string, town: string, cls?: SupervisionClass];

/** Domain §11.3: ≈53 demo enterprises typed after the county's industrial profile; all "（演示）". */
const ROWS: Row[] = [
  ['coal1', '红沙岗一号井煤矿', 'COAL_MINE', '红沙岗', 'C'],
  ['coal2', '红沙岗露天煤矿', 'COAL_MINE', '红沙岗', 'C'],
  ['chem1', '红沙岗煤化工有限公司', 'HAZCHEM_PRODUCTION', '红沙岗', 'D'],
  ['chem2', '红沙岗精细化工', 'HAZCHEM_PRODUCTION', '红沙岗'],
  ['chem3', '园区工业气体', 'HAZCHEM_PRODUCTION', '红沙岗'],
  ['chem4', '红沙岗新材料', 'HAZCHEM_PRODUCTION', '红沙岗'],
  ['mine1', '芒硝矿', 'NON_COAL_MINE', '红沙岗'],
  ['mine2', '收成砂石采场', 'NON_COAL_MINE', '收成'],
  ['mine3', '蔡旗石料场', 'NON_COAL_MINE', '蔡旗'],
  ['fuel1', '三雷加油站', 'FUEL_STATION', '三雷', 'B'],
  ['fuel2', '东坝加油站', 'FUEL_STATION', '东坝', 'B'],
  ['fuel3', '泉山加油站', 'FUEL_STATION', '泉山', 'B'],
  ['fuel4', '西渠加油站', 'FUEL_STATION', '西渠', 'B'],
  ['fuel5', '薛百加油站', 'FUEL_STATION', '薛百', 'B'],
  ['fuel6', '蔡旗加油站', 'FUEL_STATION', '蔡旗', 'B'],
  ['gas1', '县城燃气有限公司', 'URBAN_GAS', '三雷'],
  ['gas2', 'LPG充装站', 'URBAN_GAS', '三雷'],
  ['fw1', '烟花爆竹批发仓库', 'FIREWORKS', '三雷'],
  ['fw2', '三雷烟花爆竹零售点', 'FIREWORKS', '三雷'],
  ['fw3', '薛百烟花爆竹零售点', 'FIREWORKS', '薛百'],
  ['fw4', '县城烟花爆竹零售点', 'FIREWORKS', '三雷'],
  ['it1', '瓜子炒货食品厂', 'INDUSTRY_TRADE', '苏武'],
  ['it2', '蜜瓜冷链冷库', 'INDUSTRY_TRADE', '大坝'],
  ['it3', '面粉厂', 'INDUSTRY_TRADE', '东湖'],
  ['it4', '饲料厂', 'INDUSTRY_TRADE', '重兴'],
  ['it5', '商砼站', 'INDUSTRY_TRADE', '三雷'],
  ['it6', '砖厂', 'INDUSTRY_TRADE', '夹河'],
  ['it7', '农机修理厂', 'INDUSTRY_TRADE', '昌宁'],
  ['it8', '县城购物中心', 'INDUSTRY_TRADE', '三雷'],
  ['it9', '惠民超市', 'INDUSTRY_TRADE', '三雷'],
  ['it10', '枸杞红枣加工', 'INDUSTRY_TRADE', '大滩'],
  ['it11', '包装厂', 'INDUSTRY_TRADE', '双茨科'],
  ['it12', '酒类灌装', 'INDUSTRY_TRADE', '红沙梁'],
  ['cons1', '县城学校教学楼', 'CONSTRUCTION', '三雷'],
  ['cons2', '住宅小区二期', 'CONSTRUCTION', '三雷'],
  ['cons3', '乡村道路改造', 'CONSTRUCTION', '南湖'],
  ['cons4', '光伏电站升压站', 'CONSTRUCTION', '红沙岗'],
  ['cons5', '水利渠系改造', 'CONSTRUCTION', '蔡旗'],
  ['ne1', '光伏电站一期', 'NEW_ENERGY', '红沙岗'],
  ['ne2', '光伏电站二期', 'NEW_ENERGY', '收成'],
  ['ne3', '风电场', 'NEW_ENERGY', '红沙岗'],
  ['road1', '客运公司', 'ROAD_TRANSPORT', '三雷'],
  ['road2', '危货运输公司', 'ROAD_TRANSPORT', '三雷'],
  ['road3', '公交公司', 'ROAD_TRANSPORT', '三雷'],
  ['crowd1', '宾馆', 'CROWDED_PLACE', '三雷'],
  ['crowd2', 'KTV', 'CROWDED_PLACE', '三雷'],
  ['crowd3', '民营医院', 'CROWDED_PLACE', '三雷'],
  ['crowd4', '养老院', 'CROWDED_PLACE', '大坝'],
  ['crowd5', '第一中学', 'CROWDED_PLACE', '三雷'],
  ['crowd6', '大坝中学', 'CROWDED_PLACE', '大坝'],
  ['tour1', '沙漠景区经营公司', 'TOURISM', '西渠'],
  ['log1', '快递分拨中心', 'LOGISTICS', '三雷'],
  ['log2', '农产品物流仓', 'LOGISTICS', '三雷'],
];

const CLASS_DRAW: SupervisionClass[] = ['A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D'];

function makeUscc(index: number): string {
  // 9 = registered by market regulation, 1 = enterprise, then the county code, an organisation code and the check.
  const body = `91620621MA${String(7100000 + index * 37).padStart(7, '0')}`.slice(0, 17);
  return body + usccCheckCharacter(body);
}

function scaleOf(employees: number): EnterpriseScale {
  if (employees >= 1000) return 'LARGE';
  if (employees >= 300) return 'MEDIUM';
  if (employees >= 20) return 'SMALL';
  return 'MICRO';
}

export function enterpriseId(key: string): string {
  return demoId('enterprise', key);
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = (() => {
  const random = createRandom('enterprises');
  return ROWS.map(([key, baseName, industryCode, townName, cls], index) => {
    const town = townByName(townName);
    const employees = industryCode === 'COAL_MINE' ? random.int(400, 1200) : random.int(8, 320);
    const isConstructionProject = industryCode === 'CONSTRUCTION';
    const status: OperatingStatus =
      key === 'mine3'
        ? 'ORDERED_RECTIFICATION'
        : key === 'it6'
          ? 'SUSPENDED'
          : isConstructionProject
            ? 'UNDER_CONSTRUCTION'
            : 'OPERATING';
    return {
      id: enterpriseId(key),
      key,
      uscc: makeUscc(index),
      name: `${baseName}（演示）`,
      shortName: baseName,
      industryCode,
      townshipCode: town.code,
      address: `甘肃省武威市民勤县${town.name}演示路${random.int(1, 199)}号`,
      legalRepresentative: `${random.pick(DEMO_SURNAMES)}（演示）`,
      employeeCount: employees,
      scale: scaleOf(employees),
      regulatorOrgIds: industry(industryCode).defaultRegulators.map(orgId),
      operatingStatus: status,
      supervisionClass: cls ?? random.pick(CLASS_DRAW),
      isConstructionProject,
    };
  });
})();

export function demoEnterprise(key: string): DemoEnterprise {
  const found = DEMO_ENTERPRISES.find((e) => e.key === key);
  if (!found) throw new Error(`unknown demo enterprise ${key}`);
  return found;
}
