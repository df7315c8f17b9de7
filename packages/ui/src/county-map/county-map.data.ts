/**
 * Minqin County's 18 towns as a SCHEMATIC map: hand-drawn polygons, NOT surveyed boundaries.
 * The shapes only keep the rough arrangement: the Shiyang river oasis running south-west (蔡旗镇, where the
 * river enters) to north-east (东湖镇, towards 青土湖), with 红沙岗镇 as the large desert area on the west.
 * Do not measure distances or areas on it; replace with surveyed boundaries if they are ever licensed.
 */

/** One town of the schematic map; `code` is the statistical division code (packages/reference divisions.ts). */
export interface CountyMapTown {
  code: string;
  name: string;
  nameEn: string;
  /** Where the name is written and the tooltip points, in viewBox units. */
  label: readonly [number, number];
  /** SVG polygon points in viewBox units; neighbours share vertices. Schematic, not surveyed. */
  points: string;
}

/** The viewBox all shapes are drawn in (x to the east, y to the south). */
export const COUNTY_MAP_VIEWBOX = { x: 0, y: 80, width: 460, height: 305 } as const;

/** Schematic, not surveyed boundaries. Order and codes follow packages/reference (620621100 … 620621117). */
export const COUNTY_MAP_TOWNS: readonly CountyMapTown[] = [
  {
    code: '620621100',
    name: '三雷镇',
    nameEn: 'Sanlei',
    label: [224, 270],
    points: '189,274 231,239 260,265 216,301',
  },
  {
    code: '620621101',
    name: '东坝镇',
    nameEn: 'Dongba',
    label: [269, 235],
    points: '231,239 273,206 311,231 260,265',
  },
  {
    code: '620621102',
    name: '泉山镇',
    nameEn: 'Quanshan',
    label: [315, 201],
    points: '273,206 324,167 350,198 311,231',
  },
  {
    code: '620621103',
    name: '西渠镇',
    nameEn: 'Xiqu',
    label: [389, 191],
    points: '350,198 395,158 426,189 385,218',
  },
  {
    code: '620621104',
    name: '东湖镇',
    nameEn: 'Donghu',
    label: [404, 124],
    points: '367,127 408,97 445,114 395,158',
  },
  {
    code: '620621105',
    name: '红沙岗镇',
    nameEn: 'Hongshagang',
    label: [112, 236],
    points: '16,272 80,187 226,91 289,140 244,182 203,218 153,250 119,289 147,311 96,347 46,337',
  },
  {
    code: '620621106',
    name: '昌宁镇',
    nameEn: 'Changning',
    label: [283, 174],
    points: '244,182 289,140 324,167 273,206',
  },
  {
    code: '620621107',
    name: '重兴镇',
    nameEn: 'Chongxing',
    label: [152, 281],
    points: '119,289 153,250 189,274 147,311',
  },
  {
    code: '620621108',
    name: '蔡旗镇',
    nameEn: 'Caiqi',
    label: [134, 343],
    points: '96,347 147,311 169,341 124,372',
  },
  {
    code: '620621109',
    name: '薛百镇',
    nameEn: 'Xuebai',
    label: [180, 307],
    points: '147,311 189,274 216,301 169,341',
  },
  {
    code: '620621110',
    name: '大坝镇',
    nameEn: 'Daba',
    label: [194, 245],
    points: '153,250 203,218 231,239 189,274',
  },
  {
    code: '620621111',
    name: '苏武镇',
    nameEn: 'Suwu',
    label: [255, 298],
    points: '216,301 260,265 297,297 246,328',
  },
  {
    code: '620621112',
    name: '夹河镇',
    nameEn: 'Jiahe',
    label: [238, 211],
    points: '203,218 244,182 273,206 231,239',
  },
  {
    code: '620621113',
    name: '大滩镇',
    nameEn: 'Datan',
    label: [346, 225],
    points: '311,231 350,198 385,218 337,253',
  },
  {
    code: '620621114',
    name: '双茨科镇',
    nameEn: 'Shuangcike',
    label: [301, 262],
    points: '260,265 311,231 337,253 297,297',
  },
  {
    code: '620621115',
    name: '红沙梁镇',
    nameEn: 'Hongshaliang',
    label: [329, 136],
    points: '289,140 336,108 367,127 324,167',
  },
  {
    code: '620621116',
    name: '收成镇',
    nameEn: 'Shoucheng',
    label: [359, 163],
    points: '324,167 367,127 395,158 350,198',
  },
  {
    code: '620621117',
    name: '南湖镇',
    nameEn: 'Nanhu',
    label: [215, 336],
    points: '169,341 216,301 246,328 241,350 203,360',
  },
];

/** The Shiyang river, schematic: from 蔡旗镇 (south-west) through the oasis to 青土湖 (north-east). */
export const SHIYANG_RIVER_POINTS = '110,370 134,343 180,307 224,270 269,235 315,201 359,163 404,124 432,96';
