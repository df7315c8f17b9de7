/**
 * Major-hazard determination criteria (重大事故隐患判定标准), domain §5.7.1: versioned seed data.
 *
 * THIS CATALOGUE IS PARTIAL. Every `textParaphrase` is our own Chinese paraphrase, never the official
 * wording, and covers only what domain §5.7.1 gives or what the drafter knows with confidence. Before
 * go-live each standard must be completed and checked against its official text; `CATALOGUE_COMPLETENESS`
 * says, per standard, what is loaded and what is missing. `sourceMarker` follows domain §0.2: 'S' where
 * the spec checked the fact, 'K' for knowledge believed accurate (including items read in third-party
 * copies of the text while drafting), 'K?' for uncertain knowledge that must be verified.
 *
 * Criterion ids (`<standard code>:<key>`) are stored in hazards: they are written by hand, never derived
 * from array position, and must never be renamed or reused. New criteria are appended.
 *
 * Pure data: the `hazard` service persists it (seeded from here) and exposes it over GraphQL.
 */

/** Version of this seed data set; a hazard records the catalogue version it was judged against (domain §0.3). */
export const CRITERIA_CATALOGUE_VERSION = '2025.1-partial';

/** Industry codes of domain §3.3 (`packages/reference/src/industries.ts`); the tests check both agree. */
export const INDUSTRY_CODES = [
  'COAL_MINE',
  'NON_COAL_MINE',
  'HAZCHEM_PRODUCTION',
  'HAZCHEM_STORAGE_TRADE',
  'FUEL_STATION',
  'HAZCHEM_TRADE_NO_STORAGE',
  'FIREWORKS',
  'METALLURGY',
  'INDUSTRY_TRADE',
  'CONSTRUCTION',
  'URBAN_GAS',
  'ROAD_TRANSPORT',
  'CROWDED_PLACE',
  'TOURISM',
  'LOGISTICS',
  'NEW_ENERGY',
  'AGRI_MACHINERY',
  'WATER_WORKS',
  'CIVIL_EXPLOSIVES',
  'OTHER',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

/** Domain §0.2 markers, as far as they apply to criteria. */
export type SourceMarker = 'S' | 'K' | 'K?';
/** DIRECT: any one element makes the hazard major; COMBINED: major only when a group's count is reached. */
export type Judgement = 'DIRECT' | 'COMBINED';
/** A calendar day in Asia/Shanghai, `YYYY-MM-DD` (domain §0.3). */
export type LocalDate = string;

/** A determination standard (one version of it). `code` is our stable key and the prefix of criterion ids. */
export interface Standard {
  readonly code: string;
  readonly title: string;
  readonly issuer: string;
  /** 文号 or standard number as published. */
  readonly documentNo: string;
  readonly version: string;
  readonly effectiveFrom: LocalDate;
  /** Last day in force (inclusive); absent while in force. */
  readonly effectiveTo?: LocalDate;
  readonly replaces?: string;
  /** Industries the standard applies to (domain §3.3); a criterion may narrow but never widen this. */
  readonly applicableIndustries: readonly IndustryCode[];
  /** Marker for the metadata above (number, dates). */
  readonly sourceMarker: SourceMarker;
  readonly note: string;
}

/** A COMBINED counting rule: the place type it is for and the number of elements that makes a major hazard. */
export interface CombinedGroup {
  /** `<standard code>#<GROUP>`, e.g. `GB35181-2017#CROWDED`. */
  readonly id: string;
  readonly standardCode: string;
  readonly labelZh: string;
  /** "N条以上（含本数）": the count at which the hazard is major. */
  readonly threshold: number;
  readonly sourceMarker: SourceMarker;
}

/** One criterion (a DIRECT clause, or a COMBINED element as counted in one group), domain §5.7.1. */
export interface MajorHazardCriterion {
  readonly id: string;
  readonly standardCode: string;
  readonly standardTitle: string;
  readonly version: string;
  readonly effectiveFrom: LocalDate;
  readonly effectiveTo?: LocalDate;
  readonly applicableIndustries: readonly IndustryCode[];
  /** Sector or special field inside the standard, e.g. 冶金, 粉尘涉爆, 涉氨制冷, 有限空间. */
  readonly sector?: string;
  readonly clauseNo: string;
  readonly textParaphrase: string;
  readonly judgement: Judgement;
  readonly combinedGroup?: string;
  readonly combinedThreshold?: number;
  readonly sourceMarker: SourceMarker;
}

export interface CompletenessNote {
  /** PARTIAL: some clauses loaded; NONE: the standard is known but no clause is loaded yet. */
  readonly status: 'PARTIAL' | 'NONE';
  readonly note: string;
}

// ---------------------------------------------------------------------------------------------------
// Standards and their applicability (domain §5.7.1 A–G mapped to §3.3 industries), written once here.
// ---------------------------------------------------------------------------------------------------

// Fire rules apply to every premises whatever its industry; the place type, not the industry, picks the group.
const ALL_INDUSTRIES: readonly IndustryCode[] = INDUSTRY_CODES;

const A: Standard = {
  code: 'MEM-10-2023',
  title: '工贸企业重大事故隐患判定标准',
  issuer: '应急管理部',
  documentNo: '应急管理部令第10号',
  version: '2023',
  effectiveFrom: '2023-05-15',
  replaces: '工贸行业重大生产安全事故隐患判定标准（2017版）',
  // METALLURGY is listed besides INDUSTRY_TRADE because §3.3 keeps 冶金/金属冶炼 as its own code while the
  // standard's 冶金 sector and its 3(3) item on metal smelting belong to the 工贸 scope.
  applicableIndustries: ['INDUSTRY_TRADE', 'METALLURGY'],
  sourceMarker: 'S',
  note: '3项管理类、7个行业47项行业类、3个专项领域14项专项类（domain §5.7.1 A）。',
};

const B: Standard = {
  code: 'SAWS-121-2017-CHEM',
  title: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
  issuer: '原国家安全生产监督管理总局',
  documentNo: '安监总管三〔2017〕121号',
  version: '2017',
  effectiveFrom: '2017-11-13',
  // FUEL_STATION: 加油（气）站 trade refined oil/LPG under a 危险化学品经营许可证, so they are
  // 危险化学品经营单位 within this standard's scope [K].
  applicableIndustries: [
    'HAZCHEM_PRODUCTION',
    'HAZCHEM_STORAGE_TRADE',
    'HAZCHEM_TRADE_NO_STORAGE',
    'FUEL_STATION',
  ],
  // [K?] issue date of the notice; confirm against the official document.
  sourceMarker: 'K?',
  note: '共20项（domain §5.7.1 B：1–12项 [S]，14–20项 [K]）。',
};

const C: Standard = {
  code: 'SAWS-121-2017-FIREWORKS',
  title: '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）',
  issuer: '原国家安全生产监督管理总局',
  documentNo: '安监总管三〔2017〕121号',
  version: '2017',
  effectiveFrom: '2017-11-13',
  applicableIndustries: ['FIREWORKS'],
  sourceMarker: 'K?',
  note: '与化工标准同文印发；条目编号待核（domain §5.7.1 C [K?]）。演示假定民勤仅有批发、零售，储存类条目优先适用。',
};

const D: Standard = {
  code: 'NMSA-88-2022',
  title: '金属非金属矿山重大事故隐患判定标准',
  issuer: '国家矿山安全监察局',
  documentNo: '矿安〔2022〕88号',
  version: '2022',
  effectiveFrom: '2022-09-01',
  replaces: '金属非金属矿山重大生产安全事故隐患判定标准（试行）（2017）',
  // §3.3 NON_COAL_MINE includes tailings ponds and quarries, which the standard covers (尾矿库, 露天矿山).
  applicableIndustries: ['NON_COAL_MINE'],
  sourceMarker: 'S',
  note: '分地下矿山、露天矿山、尾矿库三部分（domain §5.7.1 D）。',
};

const E: Standard = {
  code: 'MEM-4-2020',
  title: '煤矿重大事故隐患判定标准',
  issuer: '应急管理部',
  documentNo: '应急管理部令第4号',
  version: '2020',
  effectiveFrom: '2021-01-01',
  replaces: '煤矿重大生产安全事故隐患判定标准（原国家安全生产监督管理总局令第85号）',
  applicableIndustries: ['COAL_MINE'],
  sourceMarker: 'S',
  note: '15个方面（domain §5.7.1 E）；各方面下的具体情形（第三条起）尚未载入。',
};

const F2017: Standard = {
  code: 'GB35181-2017',
  title: '重大火灾隐患判定方法',
  issuer: '国家质量监督检验检疫总局、国家标准化管理委员会',
  documentNo: 'GB 35181-2017',
  version: '2017',
  // [K?] in-force date of the 2017 edition; confirm against the published standard.
  effectiveFrom: '2018-07-01',
  // The 2025 edition is in force from 2025-11-01, so the 2017 edition's last day is the day before.
  effectiveTo: '2025-10-31',
  replaces: 'GA 653-2006 重大火灾隐患判定方法',
  applicableIndustries: ALL_INDUSTRIES,
  sourceMarker: 'K?',
  note: '直接判定要素（第6章）与综合判定要素（第7章）；综合判定按场所类型计数（domain §5.7.1 F）。',
};

const F2025: Standard = {
  code: 'GB35181-2025',
  title: '重大火灾隐患判定规则',
  issuer: '国家市场监督管理总局、国家标准化管理委员会',
  documentNo: 'GB 35181-2025',
  version: '2025',
  effectiveFrom: '2025-11-01',
  replaces: 'GB 35181-2017 重大火灾隐患判定方法',
  applicableIndustries: ALL_INDUSTRIES,
  sourceMarker: 'S',
  note:
    '2025-04-25发布、2025-11-01实施（domain §5.7.1 F [S]）。前言称：删除术语“重要场所”，增加“儿童活动场所”' +
    '“老年人照料设施”“劳动密集型企业”“多业态混合生产经营场所”，直接判定要素（第5章）与综合判定要素（第6章）有更改，' +
    '并增加火灾自动报警系统和固定灭火设施不能正常运行的判定规则（附录A）。',
};

const G_BUILDING: Standard = {
  code: 'MOHURD-2022-BUILDING',
  title: '房屋市政工程生产安全重大事故隐患判定标准（2022版）',
  issuer: '住房和城乡建设部',
  documentNo: '建质规〔2022〕2号',
  version: '2022',
  effectiveFrom: '2022-04-19',
  // §3.3 CONSTRUCTION also covers road, water and power projects, which this standard (房屋建筑和市政基础
  // 设施工程 only) does not; the taxonomy cannot tell them apart, so the whole code is mapped.
  applicableIndustries: ['CONSTRUCTION'],
  sourceMarker: 'K?',
  note: '文号与施行日期待核（domain §5.7.1 G [K?]）。',
};

const G_GAS: Standard = {
  code: 'MOHURD-2023-GAS',
  title: '城镇燃气经营安全重大隐患判定标准',
  issuer: '住房和城乡建设部',
  documentNo: '（文号待核）',
  version: '2023',
  // Placeholder: the spec gives only the year 2023; the exact day must come from the official notice.
  effectiveFrom: '2023-01-01',
  applicableIndustries: ['URBAN_GAS'],
  sourceMarker: 'K?',
  note: '标题、文号、施行日期均待核（domain §5.7.1 G [K?]）；施行日期为按年份设的占位值。',
};

const G_ROAD: Standard = {
  code: 'MOT-2023-ROAD',
  title: '道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）',
  issuer: '交通运输部',
  documentNo: '（文号待核）',
  version: '2023',
  // [K] 2023-10-01 as quoted in a transport company's published excerpt; confirm against the official notice.
  effectiveFrom: '2023-10-01',
  applicableIndustries: ['ROAD_TRANSPORT'],
  sourceMarker: 'K',
  note: '文号待核（domain §5.7.1 G [K?]）。',
};

const G_EXPLOSIVES: Standard = {
  code: 'MIIT-337-2023',
  title: '民用爆炸物品行业重大事故隐患判定标准（试行）',
  issuer: '工业和信息化部办公厅',
  documentNo: '工信厅安全函〔2023〕337号',
  version: '2023',
  // [K?] the notice is dated 2023-12-01; the in-force day is taken as that date until confirmed.
  effectiveFrom: '2023-12-01',
  applicableIndustries: ['CIVIL_EXPLOSIVES'],
  sourceMarker: 'K?',
  note: '文号 [S]（domain §5.7.1 G）；施行日期待核。',
};

export const STANDARDS: readonly Standard[] = [
  A,
  B,
  C,
  D,
  E,
  F2017,
  F2025,
  G_BUILDING,
  G_GAS,
  G_ROAD,
  G_EXPLOSIVES,
];

// ---------------------------------------------------------------------------------------------------
// Builders: a clause is written once; the id is `<standard code>:<key>` with a hand-written key.
// ---------------------------------------------------------------------------------------------------

interface Clause {
  key: string;
  clauseNo: string;
  text: string;
  marker: SourceMarker;
  sector?: string;
  /** Narrows the standard's industries where the clause itself is narrower (e.g. production-only). */
  industries?: readonly IndustryCode[];
}

function criterion(
  standard: Standard,
  clause: Clause,
  judgement: Judgement,
  group?: CombinedGroup,
  groupKey?: string,
): MajorHazardCriterion {
  return Object.freeze({
    id: group ? `${standard.code}:${groupKey}.${clause.key}` : `${standard.code}:${clause.key}`,
    standardCode: standard.code,
    standardTitle: standard.title,
    version: standard.version,
    effectiveFrom: standard.effectiveFrom,
    ...(standard.effectiveTo ? { effectiveTo: standard.effectiveTo } : {}),
    applicableIndustries: clause.industries ?? standard.applicableIndustries,
    ...(clause.sector ? { sector: clause.sector } : {}),
    clauseNo: clause.clauseNo,
    textParaphrase: clause.text,
    judgement,
    ...(group ? { combinedGroup: group.id, combinedThreshold: group.threshold } : {}),
    sourceMarker: clause.marker,
  });
}

const direct = (standard: Standard, clauses: readonly Clause[]): MajorHazardCriterion[] =>
  clauses.map((clause) => criterion(standard, clause, 'DIRECT'));

/** One COMBINED criterion per (element, group): an element counts in every group that lists it. */
function combined(
  standard: Standard,
  groups: readonly { group: CombinedGroup; key: string; elements: readonly Clause[] }[],
): MajorHazardCriterion[] {
  return groups.flatMap(({ group, key, elements }) =>
    elements.map((element) => criterion(standard, element, 'COMBINED', group, key)),
  );
}

// ---------------------------------------------------------------------------------------------------
// A. 工贸 (应急管理部令第10号). Article numbers of the sector/special parts are to be filled from the
// official text; clause labels follow domain §5.7.1 ("dust (1)" → 粉尘涉爆（一）).
// ---------------------------------------------------------------------------------------------------

const A_METALLURGY: readonly IndustryCode[] = ['METALLURGY'];
const A_LIGHT_INDUSTRY: readonly IndustryCode[] = ['INDUSTRY_TRADE'];

const A_CRITERIA = direct(A, [
  {
    key: '3.1',
    clauseNo: '第三条（一）',
    text: '未对承包单位、承租单位的安全生产工作进行统一协调和管理，或者未定期对其开展安全检查。',
    marker: 'S',
    sector: '管理类',
  },
  {
    key: '3.2',
    clauseNo: '第三条（二）',
    text: '特种作业人员未按规定经专门安全作业培训并取得相应资格即上岗作业。',
    marker: 'S',
    sector: '管理类',
  },
  {
    key: '3.3',
    clauseNo: '第三条（三）',
    text: '金属冶炼企业的主要负责人、安全生产管理人员未按规定经考核合格。',
    marker: 'S',
    sector: '管理类',
  },
  // [K?] the drafter's recollection of the first two 冶金 items; verify wording and numbering.
  {
    key: 'metallurgy.1',
    clauseNo: '冶金（一）',
    text: '会议室、休息室、操作室、交接班室、更衣室等人员聚集场所，或钢（铁）水罐冷热修工位，设在铁水、钢水、液渣吊运跨的地坪区域内。',
    marker: 'K?',
    sector: '冶金',
    industries: A_METALLURGY,
  },
  {
    key: 'metallurgy.2',
    clauseNo: '冶金（二）',
    text: '生产期间冶炼、精炼、铸造区域的事故坑、炉下渣坑，或熔融金属泄漏、喷溅可能波及的炉前平台、炉基、吊运及地面运输通道等区域存在积水。',
    marker: 'K?',
    sector: '冶金',
    industries: A_METALLURGY,
  },
  // [K?] domain §5.7.1: wording from the 2017 predecessor; confirm against the 2023 text.
  {
    key: 'light-industry.food-frying',
    clauseNo: '轻工（食品）',
    text: '食品制造企业的烘制、油炸设备未设置防过热自动切断装置。',
    marker: 'K?',
    sector: '轻工',
    industries: A_LIGHT_INDUSTRY,
  },
  {
    key: 'light-industry.liquor-ethanol',
    clauseNo: '轻工（白酒）',
    text: '白酒勾兑、灌装场所和酒库未设置乙醇浓度检测报警装置，或报警装置未与通风设施联锁。',
    marker: 'K?',
    sector: '轻工',
    industries: A_LIGHT_INDUSTRY,
  },
  // Special items apply to every 工贸 sector, metallurgy included.
  {
    key: 'dust.1',
    clauseNo: '粉尘涉爆（一）',
    text: '粉尘爆炸危险场所位于非框架结构的多层建（构）筑物内，或场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所。',
    marker: 'S',
    sector: '粉尘涉爆',
  },
  {
    key: 'dust.2',
    clauseNo: '粉尘涉爆（二）',
    text: '不同类别的可燃性粉尘，或可燃性粉尘与可燃气体，共用一套除尘系统；或不同建（构）筑物、不同防火分区共用除尘系统或除尘系统相互连通。',
    marker: 'S',
    sector: '粉尘涉爆',
  },
  {
    key: 'dust.3',
    clauseNo: '粉尘涉爆（三）',
    text: '干式除尘系统未采取泄爆、惰化、抑爆中的任何一种爆炸防控措施。',
    marker: 'S',
    sector: '粉尘涉爆',
  },
  // [K] read in a published copy of the 2023 text while drafting.
  {
    key: 'dust.4',
    clauseNo: '粉尘涉爆（四）',
    text: '铝镁等金属粉尘采用正压方式除尘，或其他可燃性粉尘正压吹送时，未采取火花探测消除等防范点燃源的措施。',
    marker: 'K',
    sector: '粉尘涉爆',
  },
  {
    key: 'dust.5',
    clauseNo: '粉尘涉爆（五）',
    text: '采用重力沉降室除尘，或以干式巷道式构筑物作为除尘风道。',
    marker: 'S',
    sector: '粉尘涉爆',
  },
  {
    key: 'ammonia.1',
    clauseNo: '涉氨制冷（一）',
    text: '包装、分割、产品整理等人员较多的场所，其空调采用氨直接蒸发制冷。',
    marker: 'S',
    sector: '涉氨制冷',
  },
  {
    key: 'ammonia.2',
    clauseNo: '涉氨制冷（二）',
    text: '快速冻结装置未设在单独的作业间内，或该作业间内作业人员超过9人。',
    marker: 'S',
    sector: '涉氨制冷',
  },
  {
    key: 'confined-space.1',
    clauseNo: '有限空间（一）',
    text: '未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志。',
    marker: 'S',
    sector: '有限空间',
  },
  {
    key: 'confined-space.2',
    clauseNo: '有限空间（二）',
    text: '有限空间作业未履行审批，或未执行“先通风、再检测、后作业”，或未安排现场监护人员。',
    marker: 'S',
    sector: '有限空间',
  },
]);

// ---------------------------------------------------------------------------------------------------
// B. 化工和危险化学品 (安监总管三〔2017〕121号), items 1–20 (domain §5.7.1 B: 1–12 [S], 14–20 [K]).
// Items the spec does not paraphrase are the drafter's knowledge [K].
// ---------------------------------------------------------------------------------------------------

// Items about production units, processes or trial runs cannot concern a trading or storage-only unit.
const B_PRODUCTION: readonly IndustryCode[] = ['HAZCHEM_PRODUCTION'];

const B_CRITERIA = direct(B, [
  {
    key: '1',
    clauseNo: '第1项',
    text: '危险化学品生产、经营单位的主要负责人和安全生产管理人员未依法经考核合格。',
    marker: 'S',
  },
  { key: '2', clauseNo: '第2项', text: '特种作业人员未持证上岗。', marker: 'S' },
  {
    key: '3',
    clauseNo: '第3项',
    text: '涉及“两重点一重大”（重点监管危险化工工艺、重点监管危险化学品、重大危险源）的装置或储存设施，外部安全防护距离不符合国家标准。',
    marker: 'S',
  },
  {
    key: '4',
    clauseNo: '第4项',
    text: '涉及重点监管危险化工工艺的装置未实现自动化控制或不具备紧急停车功能，或已装备的自动化控制、紧急停车系统未投用。',
    marker: 'S',
    industries: B_PRODUCTION,
  },
  {
    key: '5',
    clauseNo: '第5项',
    text: '构成一级、二级重大危险源的危险化学品罐区不能紧急切断；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源罐区未配备独立的安全仪表系统。',
    marker: 'S',
  },
  { key: '6', clauseNo: '第6项', text: '全压力式液化烃储罐未按国家标准设置注水措施。', marker: 'K' },
  {
    key: '7',
    clauseNo: '第7项',
    text: '液化烃、液氨、液氯等易燃易爆或有毒有害液化气体装卸充装未采用万向管道充装系统。',
    marker: 'S',
  },
  {
    key: '8',
    clauseNo: '第8项',
    text: '光气、氯气等剧毒气体或硫化氢气体的管道穿越厂区（含化工园区、工业园区）以外的公共区域。',
    marker: 'K',
  },
  { key: '9', clauseNo: '第9项', text: '地区架空电力线路穿越生产区且不符合国家标准。', marker: 'K' },
  {
    key: '10',
    clauseNo: '第10项',
    text: '在役化工装置未经正规设计，且未开展安全设计诊断。',
    marker: 'K',
    industries: B_PRODUCTION,
  },
  {
    key: '11',
    clauseNo: '第11项',
    text: '仍在使用淘汰落后安全技术工艺、设备目录所列的工艺或设备。',
    marker: 'K',
  },
  {
    key: '12',
    clauseNo: '第12项',
    text: '可能泄漏可燃、有毒有害气体的场所未按国家标准设置检测报警装置，或爆炸危险场所未按国家标准安装使用防爆电气设备。',
    marker: 'S',
  },
  {
    key: '13',
    clauseNo: '第13项',
    text: '控制室或机柜间朝向有火灾、爆炸危险装置的一侧，不满足国家标准的防火防爆要求。',
    marker: 'K',
  },
  {
    key: '14',
    clauseNo: '第14项',
    text: '化工生产装置未按国家标准设置双重电源供电，或自动化控制系统未设置不间断电源。',
    marker: 'K',
    industries: B_PRODUCTION,
  },
  { key: '15', clauseNo: '第15项', text: '安全阀、爆破片等安全附件未正常投入使用。', marker: 'K' },
  {
    key: '16',
    clauseNo: '第16项',
    text: '未建立与岗位相匹配的全员安全生产责任制，或未制定并实施事故隐患排查治理制度。',
    marker: 'K',
  },
  { key: '17', clauseNo: '第17项', text: '未制定操作规程和工艺控制指标。', marker: 'K' },
  {
    key: '18',
    clauseNo: '第18项',
    text: '未按国家标准制定动火、进入受限空间等特殊作业管理制度，或制度未得到有效执行。',
    marker: 'K',
  },
  {
    key: '19',
    clauseNo: '第19项',
    text: '新开发工艺未经小试、中试和工业化试验即投入工业化生产；国内首次使用的化工工艺未经省级有关部门组织安全可靠性论证；新建装置无试生产方案即投料开车；或精细化工企业未按要求开展反应安全风险评估。',
    marker: 'K',
    industries: B_PRODUCTION,
  },
  {
    key: '20',
    clauseNo: '第20项',
    text: '危险化学品未按国家标准分区分类储存，超量或超品种储存，或相互禁配物质混放混存。',
    marker: 'K',
  },
]);

// ---------------------------------------------------------------------------------------------------
// C. 烟花爆竹 (安监总管三〔2017〕121号) [K?]: numbering unconfirmed, so keys are descriptive.
// ---------------------------------------------------------------------------------------------------

const C_CRITERIA = direct(C, [
  {
    key: 'managers-competence',
    clauseNo: '（条号待核）主要负责人考核',
    text: '主要负责人、安全生产管理人员未依法经考核合格。',
    marker: 'K?',
  },
  {
    key: 'certificates-live-repair',
    clauseNo: '（条号待核）持证与带药检维修',
    text: '特种作业人员未持证上岗，或在有药物的情况下检修设备设施。',
    marker: 'K?',
  },
  {
    key: 'workers-over-quota',
    clauseNo: '（条号待核）超员',
    text: '工（库）房内实际作业人员多于核定人数。',
    marker: 'K?',
  },
  {
    key: 'explosive-over-quota',
    clauseNo: '（条号待核）超药量',
    text: '工（库）房内实际滞留或存放的药量超过核定药量。',
    marker: 'K?',
  },
  {
    key: 'safety-distance-barrier',
    clauseNo: '（条号待核）安全距离',
    text: '工（库）房内部或外部安全距离不足，或防护屏障缺失、不符合要求。',
    marker: 'K?',
  },
  {
    key: 'antistatic-fire-lightning',
    clauseNo: '（条号待核）防静电防火防雷',
    text: '防静电、防火、防雷设备设施缺失或失效。',
    marker: 'K?',
  },
  {
    key: 'use-change',
    clauseNo: '（条号待核）改变用途',
    text: '未经批准改变工（库）房的设计用途。',
    marker: 'K?',
  },
]);

// ---------------------------------------------------------------------------------------------------
// D. 金属非金属矿山 (矿安〔2022〕88号): the spec's examples, split one hazard per criterion.
// ---------------------------------------------------------------------------------------------------

const D_CRITERIA = direct(D, [
  {
    key: 'underground.exits',
    clauseNo: '地下矿山·安全出口',
    text: '直达地面的独立安全出口少于两个或与设计不符，或安全出口堵塞、梯子间无法使用。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'underground.banned-equipment',
    clauseNo: '地下矿山·禁用设备工艺',
    text: '使用国家明令禁止的设备、材料或工艺。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'underground.interconnected-workings',
    clauseNo: '地下矿山·井巷贯通',
    text: '不同采矿权主体的矿山井巷相互贯通。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'underground.status-drawings',
    clauseNo: '地下矿山·现状图纸',
    text: '未保存现状图纸，或未按期更新（生产矿山每3个月、基建矿山每月）。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'underground.flood',
    clauseNo: '地下矿山·防洪',
    text: '井口标高低于历史最高洪水位加1米且无防护措施；或受地表水威胁的矿山遇暴雨未停产撤人。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'underground.gas-detector-self-rescuer',
    clauseNo: '地下矿山·检测仪与自救器',
    text: '入井人员未携带便携式气体检测报警仪或自救器，或不会使用自救器。',
    marker: 'S',
    sector: '地下矿山',
  },
  {
    key: 'open-pit.bench-order',
    clauseNo: '露天矿山·开采顺序',
    text: '未按自上而下的顺序分台阶（分层）开采。',
    marker: 'S',
    sector: '露天矿山',
  },
  {
    key: 'open-pit.slope-geometry',
    clauseNo: '露天矿山·边坡参数',
    text: '工作帮坡角陡于设计，或最终边坡台阶高度超过设计。',
    marker: 'S',
    sector: '露天矿山',
  },
  {
    key: 'open-pit.slope-instability',
    clauseNo: '露天矿山·边坡失稳',
    text: '边坡出现失稳（滑移等）迹象。',
    marker: 'S',
    sector: '露天矿山',
  },
  {
    key: 'tailings.dam-works',
    clauseNo: '尾矿库·坝体与库区作业',
    text: '未按设计在坝体或库区内进行开挖、爆破等作业。',
    marker: 'S',
    sector: '尾矿库',
  },
  {
    key: 'tailings.outer-slope',
    clauseNo: '尾矿库·外坡比',
    text: '坝体外坡坡比陡于设计。',
    marker: 'S',
    sector: '尾矿库',
  },
  {
    key: 'tailings.over-design',
    clauseNo: '尾矿库·超设计',
    text: '坝体高度或全库容超过设计。',
    marker: 'S',
    sector: '尾矿库',
  },
]);

// ---------------------------------------------------------------------------------------------------
// E. 煤矿 (应急管理部令第4号): the 15 categories of 第二条 [S]; the detailed situations are not loaded.
// ---------------------------------------------------------------------------------------------------

const E_CATEGORIES: readonly [string, string][] = [
  // Example figures: the annual one is [S], the monthly one [K] in domain §5.7.1 E (verify).
  [
    '一',
    '超能力、超强度或超定员组织生产（例如全年原煤产量超过核定生产能力10%以上，或月产量超过核定年能力的10%）。',
  ],
  ['二', '瓦斯超限仍然作业。'],
  ['三', '煤与瓦斯突出矿井未按规定落实防突出措施。'],
  ['四', '高瓦斯矿井未建立瓦斯抽采系统和监控系统，或系统不能正常运行。'],
  ['五', '通风系统不完善、不可靠。'],
  ['六', '有严重水患而未采取有效措施。'],
  ['七', '超层越界开采。'],
  ['八', '有冲击地压危险而未采取有效措施。'],
  ['九', '自然发火严重而未采取有效措施。'],
  ['十', '使用明令禁止或淘汰的设备、工艺。'],
  ['十一', '煤矿没有双回路供电系统。'],
  ['十二', '新建煤矿边建设边生产，或改扩建期间违规组织生产。'],
  ['十三', '整体承包后未依法重新取得或变更安全生产许可证即生产，或承包方再转包等违规承包。'],
  ['十四', '改制（所有权变更）后未明确安全责任，或未重新取得、变更相关证照。'],
  ['十五', '其他重大事故隐患。'],
];

const E_CRITERIA = direct(
  E,
  E_CATEGORIES.map(([numeral, text], index) => ({
    // The key is the category number written out, not a position: categories never move.
    key: `2.${index + 1}`,
    clauseNo: `第二条（${numeral}）`,
    text,
    marker: 'S' as const,
  })),
);

// ---------------------------------------------------------------------------------------------------
// F. Fire: GB 35181-2017 and GB 35181-2025 coexist (domain §5.7.1 F). Keys are descriptive so the same
// element can be matched across editions; clause numbers are in `clauseNo`.
// ---------------------------------------------------------------------------------------------------

// [K?] 2017 direct elements (第6章): 6.1–6.5 read in a published copy while drafting, the rest drafter's recall.
const FIRE_2017_DIRECT: readonly Clause[] = [
  {
    key: 'direct.hazmat-siting',
    clauseNo: '6.1',
    text: '生产、储存、装卸易燃易爆危险品的工厂、仓库、专用车站码头或储罐区，未设在城市边缘或相对独立的安全地带。',
    marker: 'K',
  },
  {
    key: 'direct.hazmat-with-crowd',
    clauseNo: '6.2',
    text: '易燃易爆危险品的生产、储存、经营场所与人员密集场所或居住场所同处一栋建筑，或两者防火间距不足规定值的75%。',
    marker: 'K',
  },
  {
    key: 'direct.fuel-station-urban',
    clauseNo: '6.3',
    text: '城市建成区内的加油站、加气站或加油加气合建站，储量达到或超过一级站标准。',
    marker: 'K',
  },
  {
    key: 'direct.class-ab-basement',
    clauseNo: '6.4',
    text: '甲、乙类生产场所或仓库设在地下室或半地下室。',
    marker: 'K',
  },
  {
    key: 'direct.crowded-exits',
    clauseNo: '6.5',
    text: '公共娱乐场所、商店或地下人员密集场所的安全出口数量不足，或总净宽度不到规定值的80%。',
    marker: 'K',
  },
  {
    key: 'direct.sprinkler-alarm-missing',
    clauseNo: '6.6',
    text: '旅馆、公共娱乐场所、商店或地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统。',
    marker: 'K?',
  },
  {
    key: 'direct.tank-farm-systems',
    clauseNo: '6.7',
    text: '易燃可燃液体或可燃气体储罐（区）未按规定设置固定灭火、冷却、可燃气体浓度报警或火灾报警设施。',
    marker: 'K?',
  },
  {
    key: 'direct.hazmat-in-crowded-place',
    clauseNo: '6.8',
    text: '在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品。',
    marker: 'K?',
  },
  {
    key: 'direct.children-elderly-floor',
    clauseNo: '6.9',
    text: '托儿所、幼儿园的儿童用房或老年人活动场所所在楼层不符合规定。',
    marker: 'K?',
  },
  {
    key: 'direct.sandwich-panel-dwelling',
    clauseNo: '6.10',
    text: '人员密集场所中的居住部分用彩钢夹芯板搭建，且芯材燃烧性能低于A级。',
    marker: 'K?',
  },
];

// [K?] 2017 combined elements (第7章): 7.1.1–7.3.6 read in a published copy while drafting, the rest recall.
// Not loaded yet: 7.3.10–7.3.12, 7.4.1–7.4.4, 7.6, 7.7.1, 7.7.3, 7.8.1, 7.9.
const fire2017 = {
  fireLane: {
    key: 'fire-lane',
    clauseNo: '7.1.1',
    text: '未按规定或消防规划设置消防车道，或消防车道被堵塞、占用。',
    marker: 'K',
  },
  separation: {
    key: 'fire-separation',
    clauseNo: '7.1.2',
    text: '建筑间既有防火间距被占用或不到规定值的80%，或明火、散发火花地点与易燃易爆厂房、装置的间距不足。',
    marker: 'K',
  },
  dormitory: {
    key: 'dormitory-in-workplace',
    clauseNo: '7.1.3',
    text: '厂房、库房、商场内设员工宿舍，或在住宅等民用建筑内从事生产、储存、经营，且不符合GA 703。',
    marker: 'K',
  },
  metroShops: {
    key: 'metro-station-shops',
    clauseNo: '7.1.4',
    text: '地下车站的站厅乘客疏散区、站台或疏散通道内设有商业经营场所。',
    marker: 'K',
  },
  compartment: {
    key: 'fire-compartment-enlarged',
    clauseNo: '7.2.1',
    text: '原有防火分区被改变，实际面积超过规定值的50%。',
    marker: 'K',
  },
  fireDoors: {
    key: 'fire-doors-damaged',
    clauseNo: '7.2.2',
    text: '某防火分区内防火门、防火卷帘等分隔设施损坏数量超过总数的50%。',
    marker: 'K',
  },
  classCDE: {
    key: 'class-cde-separation',
    clauseNo: '7.2.3',
    text: '丙、丁、戊类厂房内有火灾或爆炸危险的部位未采取防火分隔等防火防爆措施。',
    marker: 'K',
  },
  refuge: {
    key: 'refuge-areas',
    clauseNo: '7.3.1',
    text: '避难走道、避难间、避难层设置不符合规定或被占用。',
    marker: 'K',
  },
  stairForm: {
    key: 'crowded-stair-form',
    clauseNo: '7.3.2',
    text: '人员密集场所内疏散楼梯间的形式不符合规定。',
    marker: 'K',
  },
  exits: {
    key: 'exits-other-places',
    clauseNo: '7.3.3',
    text: '6.5以外场所或建筑的安全出口数量、宽度不符合规定，或既有安全出口被封堵。',
    marker: 'K',
  },
  independentExit: {
    key: 'independent-exit-missing',
    clauseNo: '7.3.4',
    text: '按规定应设独立安全出口或疏散楼梯的建筑未设置。',
    marker: 'K',
  },
  shopDistance: {
    key: 'shop-evacuation-distance',
    clauseNo: '7.3.5',
    text: '商店营业厅内疏散距离超过规定值的125%。',
    marker: 'K',
  },
  signsLighting: {
    key: 'evacuation-signs-lighting',
    clauseNo: '7.3.6',
    text: '未按规定设置疏散指示标志、应急照明，或其损坏率超过应设数量的30%（高层、地下建筑）或50%（其他建筑）。',
    marker: 'K',
  },
  stairDoors: {
    key: 'stair-doors-damaged',
    clauseNo: '7.3.7',
    text: '封闭或防烟楼梯间的门损坏率超过总数的20%（设有人员密集场所的高层建筑）或50%（其他建筑）。',
    marker: 'K?',
  },
  finishes: {
    key: 'escape-route-finishes',
    clauseNo: '7.3.8',
    text: '人员密集场所疏散走道、楼梯间、前室的室内装修材料燃烧性能不符合GB 50222。',
    marker: 'K?',
  },
  bars: {
    key: 'escape-route-bars',
    clauseNo: '7.3.9',
    text: '人员密集场所的疏散走道、楼梯间、疏散门或安全出口设有栅栏或卷帘门。',
    marker: 'K?',
  },
  otherFixed: {
    key: 'other-fixed-extinguishing-missing',
    clauseNo: '7.4.5',
    text: '未按规定设置自动喷水以外的其他固定灭火设施。',
    marker: 'K?',
  },
  fixedNotWorking: {
    key: 'fixed-extinguishing-not-working',
    clauseNo: '7.4.6',
    text: '已设置的自动喷水灭火系统或其他固定灭火设施不能正常使用或运行。',
    marker: 'K?',
  },
  smoke: {
    key: 'smoke-control',
    clauseNo: '7.5',
    text: '人员密集场所、高层建筑或地下建筑未按规定设置防烟、排烟设施，或设施不能正常运行。',
    marker: 'K?',
  },
  alarmNotWorking: {
    key: 'fire-alarm-not-working',
    clauseNo: '7.7.2',
    text: '火灾自动报警系统不能正常运行。',
    marker: 'K?',
  },
  controlRoom: {
    key: 'control-room-uncertified',
    clauseNo: '7.8.2',
    text: '消防控制室值班操作人员未按GB 25506持证上岗。',
    marker: 'K?',
  },
} satisfies Record<string, Clause>;

const FIRE_2017_ALL_COMBINED: readonly Clause[] = Object.values(fire2017);

const group = (
  standard: Standard,
  suffix: string,
  labelZh: string,
  threshold: number,
  sourceMarker: SourceMarker,
): CombinedGroup =>
  Object.freeze({
    id: `${standard.code}#${suffix}`,
    standardCode: standard.code,
    labelZh,
    threshold,
    sourceMarker,
  });

// [K?] domain §5.7.1 F: crowded places ≥3 of the listed elements, listed place types ≥4 of any, others ≥6.
const G2017_CROWDED = group(F2017, 'CROWDED', '人员密集场所（7.3.1～7.3.9、7.5、7.9.3所列要素）', 3, 'K?');
// [K?] Not in the spec: drafter's knowledge of the 2017 rule for flammable/explosive premises; verify.
const G2017_FLAMMABLE = group(
  F2017,
  'FLAMMABLE',
  '易燃易爆危险品场所（7.1.1～7.1.3、7.4.5、7.4.6所列要素）',
  3,
  'K?',
);
const G2017_LISTED = group(
  F2017,
  'LISTED_ANY',
  '人员密集场所、易燃易爆危险品场所、重要场所（第7章任意要素）',
  4,
  'K?',
);
const G2017_OTHER = group(F2017, 'OTHER', '其他场所（第7章任意要素）', 6, 'K?');

const F2017_CRITERIA = [
  ...direct(F2017, FIRE_2017_DIRECT),
  ...combined(F2017, [
    {
      group: G2017_CROWDED,
      key: 'crowded',
      // 7.9.3 also counts here but is not loaded yet.
      elements: [
        fire2017.refuge,
        fire2017.stairForm,
        fire2017.exits,
        fire2017.independentExit,
        fire2017.shopDistance,
        fire2017.signsLighting,
        fire2017.stairDoors,
        fire2017.finishes,
        fire2017.bars,
        fire2017.smoke,
      ],
    },
    {
      group: G2017_FLAMMABLE,
      key: 'flammable',
      elements: [
        fire2017.fireLane,
        fire2017.separation,
        fire2017.dormitory,
        fire2017.otherFixed,
        fire2017.fixedNotWorking,
      ],
    },
    { group: G2017_LISTED, key: 'listed', elements: FIRE_2017_ALL_COMBINED },
    { group: G2017_OTHER, key: 'other', elements: FIRE_2017_ALL_COMBINED },
  ]),
];

// GB 35181-2025: the official element list is not loaded yet. As placeholders the 2017 elements are carried
// over under the same keys, marked K? with clause numbers to be filled (第5章 direct, 第6章 combined).
const carriedOver = (clause: Clause, chapter: string): Clause => ({
  ...clause,
  clauseNo: `${chapter}（条号待核，原2017版${clause.clauseNo}）`,
  marker: 'K?',
});

// The 2025 edition deleted the term 重要场所 [S: foreword], so the "listed types" group no longer names it.
// Whether a separate flammable-premises rule survives in 2025 is unknown; none is loaded for 2025.
const G2025_CROWDED = group(F2025, 'CROWDED', '人员密集场所（所列要素）', 3, 'K?');
const G2025_LISTED = group(
  F2025,
  'LISTED_ANY',
  '人员密集场所、易燃易爆危险品场所等所列场所（任意要素）',
  4,
  'K?',
);
const G2025_OTHER = group(F2025, 'OTHER', '其他场所（任意要素）', 6, 'K?');

const FIRE_2025_COMBINED = FIRE_2017_ALL_COMBINED.map((clause) => carriedOver(clause, '第6章'));
function fire2025(key: string): Clause {
  const clause = FIRE_2025_COMBINED.find((c) => c.key === key);
  if (!clause) throw new Error(`fire element ${key} is not carried over to GB 35181-2025`);
  return clause;
}

const F2025_CRITERIA = [
  ...direct(
    F2025,
    FIRE_2017_DIRECT.map((clause) => carriedOver(clause, '第5章')),
  ),
  ...combined(F2025, [
    {
      group: G2025_CROWDED,
      key: 'crowded',
      elements: [
        'refuge-areas',
        'crowded-stair-form',
        'exits-other-places',
        'independent-exit-missing',
        'shop-evacuation-distance',
        'evacuation-signs-lighting',
        'stair-doors-damaged',
        'escape-route-finishes',
        'escape-route-bars',
        'smoke-control',
      ].map(fire2025),
    },
    { group: G2025_LISTED, key: 'listed', elements: FIRE_2025_COMBINED },
    { group: G2025_OTHER, key: 'other', elements: FIRE_2025_COMBINED },
  ]),
];

// ---------------------------------------------------------------------------------------------------
// G. Other sector standards: only the clauses that can be paraphrased responsibly.
// ---------------------------------------------------------------------------------------------------

// [K?] drafter's recollection of 第三条 (施工安全管理); verify against 建质规〔2022〕2号.
const G_BUILDING_CRITERIA = direct(G_BUILDING, [
  {
    key: '3.1',
    clauseNo: '第三条（一）',
    text: '建筑施工企业未取得安全生产许可证擅自施工。',
    marker: 'K?',
    sector: '施工安全管理',
  },
  {
    key: '3.2',
    clauseNo: '第三条（二）',
    text: '施工单位主要负责人、项目负责人、专职安全生产管理人员未取得安全生产考核合格证书即从事相关工作。',
    marker: 'K?',
    sector: '施工安全管理',
  },
  {
    key: '3.3',
    clauseNo: '第三条（三）',
    text: '建筑施工特种作业人员未取得特种作业操作资格证书上岗。',
    marker: 'K?',
    sector: '施工安全管理',
  },
  {
    key: '3.4',
    clauseNo: '第三条（四）',
    text: '危险性较大的分部分项工程未编制或未审核专项施工方案，或超过一定规模的未按规定组织专家论证。',
    marker: 'K?',
    sector: '施工安全管理',
  },
]);

// [K] 第三条 (common to road transport and urban passenger transport), read in a published excerpt.
const G_ROAD_CRITERIA = direct(G_ROAD, [
  {
    key: '3.1',
    clauseNo: '第三条（一）',
    text: '未取得经营许可或未按规定备案即经营，或超出许可（备案）事项、有效期经营。',
    marker: 'K',
    sector: '通用',
  },
  {
    key: '3.2',
    clauseNo: '第三条（二）',
    text: '使用报废、擅自改装拼装、检验检测不合格或过期等不符合规定的车辆、设施设备经营。',
    marker: 'K',
    sector: '通用',
  },
  {
    key: '3.3',
    clauseNo: '第三条（三）',
    text: '驾驶员和车辆长期存在超速、超员、超载、疲劳驾驶而未及时纠正和严肃处理，或驾驶员一次诚信考核计10分及以上未处理仍安排上岗。',
    marker: 'K',
    sector: '通用',
  },
  {
    key: '3.4',
    clauseNo: '第三条（四）',
    text: '已发布台风橙色及以上或暴雨、暴雪、大雾、道路结冰等红色预警、不具备安全通行条件时，不执行停运指令或应急预案仍安排运输。',
    marker: 'K',
    sector: '通用',
  },
]);

// [K] items 一–八, read in a published copy of the notice while drafting.
const G_EXPLOSIVES_CRITERIA = direct(G_EXPLOSIVES, [
  {
    key: '1',
    clauseNo: '第一项',
    text: '营业执照、生产许可证或安全生产许可证未依法取得或已过期，或安全评价结论为不合格。',
    marker: 'K',
  },
  {
    key: '2',
    clauseNo: '第二项',
    text: '未设安全管理机构，或未配备安全管理人员、注册安全工程师。',
    marker: 'K',
  },
  {
    key: '3',
    clauseNo: '第三项',
    text: '主要负责人、安全生产管理人员未依法经考核合格，或特种作业人员未持证上岗。',
    marker: 'K',
  },
  {
    key: '4',
    clauseNo: '第四项',
    text: '超许可数量或品种、超规定时间作业、超规定储存量或超定员组织生产经营。',
    marker: 'K',
  },
  {
    key: '5',
    clauseNo: '第五项',
    text: '管理严重缺失，或安全防护、控制保护设施失效，可能使本单元或更大范围失控。',
    marker: 'K',
  },
  {
    key: '6',
    clauseNo: '第六项',
    text: '受外部因素影响，单位自身难以排除且已构成重大风险。',
    marker: 'K',
  },
  {
    key: '7',
    clauseNo: '第七项',
    text: '未经设计擅自改变危险性建（构）筑物用途进行危险作业。',
    marker: 'K',
  },
  {
    key: '8',
    clauseNo: '第八项',
    text: '危险工（库）房缺少防爆、防火、防雷设备设施。',
    marker: 'K',
  },
]);

export const COMBINED_GROUPS: readonly CombinedGroup[] = [
  G2017_CROWDED,
  G2017_FLAMMABLE,
  G2017_LISTED,
  G2017_OTHER,
  G2025_CROWDED,
  G2025_LISTED,
  G2025_OTHER,
];

export const MAJOR_HAZARD_CRITERIA: readonly MajorHazardCriterion[] = Object.freeze([
  ...A_CRITERIA,
  ...B_CRITERIA,
  ...C_CRITERIA,
  ...D_CRITERIA,
  ...E_CRITERIA,
  ...F2017_CRITERIA,
  ...F2025_CRITERIA,
  ...G_BUILDING_CRITERIA,
  ...G_ROAD_CRITERIA,
  ...G_EXPLOSIVES_CRITERIA,
]);

/** What each standard's seed holds and what is still to be filled from the official text. */
export const CATALOGUE_COMPLETENESS: Readonly<Record<string, CompletenessNote>> = {
  [A.code]: {
    status: 'PARTIAL',
    note: '已载入管理类3项、粉尘涉爆5项（共10项）、涉氨制冷2项、有限空间2项，冶金2项与轻工2项；其余行业类条目（有色、建材、机械、纺织、烟草及冶金、轻工其余条目）和粉尘涉爆（六）～（十）未载入，专项与行业类的条号待核。',
  },
  [B.code]: {
    status: 'PARTIAL',
    note: '20项均已载入（释义）；各项适用行业的细分与措辞须依原文核对。',
  },
  [C.code]: { status: 'PARTIAL', note: '仅载入规范所举7类情形；条号与其余条目待依原文补齐。' },
  [D.code]: {
    status: 'PARTIAL',
    note: '仅载入规范所举地下、露天、尾矿库示例；其余条目与条号待依原文补齐。',
  },
  [E.code]: {
    status: 'PARTIAL',
    note: '仅载入第二条15个方面；第三条至第十七条的具体情形待依原文补齐。',
  },
  [F2017.code]: {
    status: 'PARTIAL',
    note: '载入直接判定要素6.1～6.10与部分综合判定要素；7.3.10～7.3.12、7.4.1～7.4.4、7.6、7.7.1、7.7.3、7.8.1、7.9未载入；分组规则待核。',
  },
  [F2025.code]: {
    status: 'PARTIAL',
    note: '原文要素未载入：暂以2017版要素占位（条号待核），分组门槛按 domain §5.7.1；须依2025版第5、6章及附录A替换。',
  },
  [G_BUILDING.code]: {
    status: 'PARTIAL',
    note: '仅载入第三条（施工安全管理）4项；基坑、模板、脚手架、起重、高处作业、临时用电、有限空间、拆除、暗挖等条目待补。',
  },
  [G_GAS.code]: { status: 'NONE', note: '尚无可负责任释义的条目；待依官方文本载入。' },
  [G_ROAD.code]: {
    status: 'PARTIAL',
    note: '仅载入第三条通用4项（不含兜底项）；客运、危货、货运、城市客运等分行业条目待补。',
  },
  [G_EXPLOSIVES.code]: { status: 'PARTIAL', note: '载入第一至第八项；其余条目待依原文补齐。' },
};
