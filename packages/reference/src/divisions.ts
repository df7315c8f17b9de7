/** Administrative divisions (domain §3.1). */
export type DivisionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'SUBDISTRICT' | 'VILLAGE' | 'COMMUNITY';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  /** Placeholder code or name, to be replaced by the official statistical list at deployment. */
  placeholder: boolean;
}

export const PROVINCE: Division = {
  code: '62',
  name: '甘肃省',
  level: 'PROVINCE',
  parentCode: null,
  placeholder: false,
};
export const CITY: Division = {
  code: '6206',
  name: '武威市',
  level: 'CITY',
  parentCode: '62',
  placeholder: false,
};
export const COUNTY: Division = {
  code: '620621',
  name: '民勤县',
  level: 'COUNTY',
  parentCode: '6206',
  placeholder: false,
};

/** The 18 towns (names real, codes placeholders until the official list is imported: domain §12 item 1). */
export const TOWN_NAMES = [
  ['三雷镇', 'sanlei'],
  ['东坝镇', 'dongba'],
  ['泉山镇', 'quanshan'],
  ['西渠镇', 'xiqu'],
  ['东湖镇', 'donghu'],
  ['红沙岗镇', 'hongshagang'],
  ['昌宁镇', 'changning'],
  ['重兴镇', 'chongxing'],
  ['蔡旗镇', 'caiqi'],
  ['薛百镇', 'xuebai'],
  ['大坝镇', 'daba'],
  ['苏武镇', 'suwu'],
  ['夹河镇', 'jiahe'],
  ['大滩镇', 'datan'],
  ['双茨科镇', 'shuangcike'],
  ['红沙梁镇', 'hongshaliang'],
  ['收成镇', 'shoucheng'],
  ['南湖镇', 'nanhu'],
] as const;

export interface Town extends Division {
  pinyin: string;
}

export const TOWNS: Town[] = TOWN_NAMES.map(([name, pinyin], index) => ({
  code: `620621${String(100 + index)}`,
  name,
  pinyin,
  level: 'TOWN',
  parentCode: COUNTY.code,
  placeholder: true,
}));

export function townByPinyin(pinyin: string): Town {
  const town = TOWNS.find((t) => t.pinyin === pinyin);
  if (!town) throw new Error(`unknown town ${pinyin}`);
  return town;
}

export function townByName(name: string): Town {
  const town = TOWNS.find((t) => t.name === name || t.name === `${name}镇`);
  if (!town) throw new Error(`unknown town ${name}`);
  return town;
}

const VILLAGE_ORDINALS = ['一', '二', '三', '四'];

/** Four placeholder villages per town, as the offline demo of domain §11.1 asks. */
export const DEMO_VILLAGES: Division[] = TOWNS.flatMap((town) =>
  VILLAGE_ORDINALS.map((ordinal, index) => ({
    code: `${town.code}${String(200 + index + 1)}`,
    name: `${town.name}演示${ordinal}村`,
    level: 'VILLAGE' as const,
    parentCode: town.code,
    placeholder: true,
  })),
);

export const ALL_DIVISIONS: Division[] = [PROVINCE, CITY, COUNTY, ...TOWNS, ...DEMO_VILLAGES];
