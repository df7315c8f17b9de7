/**
 * Major hazard source tables (危险化学品重大危险源, domain §5.4) as data. Quantities are tonnes as
 * decimal strings; the rules compute on them exactly.
 */

/** GB 18218-2018 unit types: a production unit is bounded by its shut-off valves, a storage unit by its dike or building. */
export const MajorHazardUnitType = {
  PRODUCTION_UNIT: 'PRODUCTION_UNIT',
  STORAGE_UNIT: 'STORAGE_UNIT',
} as const;
export type MajorHazardUnitType = (typeof MajorHazardUnitType)[keyof typeof MajorHazardUnitType];

export const MAJOR_HAZARD_UNIT_TYPE_LABEL_ZH: Readonly<Record<MajorHazardUnitType, string>> = {
  PRODUCTION_UNIT: '生产单元',
  STORAGE_UNIT: '储存单元',
};

export type MajorHazardSourceGrade = 'I' | 'II' | 'III' | 'IV';

export const MAJOR_HAZARD_SOURCE_GRADE_LABEL_ZH: Readonly<Record<MajorHazardSourceGrade, string>> = {
  I: '一级重大危险源',
  II: '二级重大危险源',
  III: '三级重大危险源',
  IV: '四级重大危险源',
};

/** Grading by R, most severe first: R ≥ minR (domain §5.4; 令第40号 annex [S], GB 18218-2018 [K]). */
export const MAJOR_HAZARD_GRADE_BANDS: readonly { grade: MajorHazardSourceGrade; minR: string }[] = [
  { grade: 'I', minR: '100' },
  { grade: 'II', minR: '50' },
  { grade: 'III', minR: '10' },
  { grade: 'IV', minR: '0' },
];

/** α by residents (常住人口) within 500 m outside the plant boundary, most first (domain §5.4 [S]). */
export const ALPHA_BY_POPULATION: readonly { minPeople: number; alpha: string }[] = [
  { minPeople: 100, alpha: '2.0' },
  { minPeople: 50, alpha: '1.5' },
  { minPeople: 30, alpha: '1.2' },
  { minPeople: 1, alpha: '1.0' },
  { minPeople: 0, alpha: '0.5' },
];

/** Which β-by-class table applies: GB 18218-2018 表4 [K?], or the coarse classes of the 2011 annex [S]. */
export const BetaEdition = {
  GB18218_2018: 'GB18218_2018',
  SAWS_ORDER_40_2011: 'SAWS_ORDER_40_2011',
} as const;
export type BetaEdition = (typeof BetaEdition)[keyof typeof BetaEdition];

export const BETA_EDITION_LABEL_ZH: Readonly<Record<BetaEdition, string>> = {
  GB18218_2018: 'GB 18218-2018《危险化学品重大危险源辨识》表4',
  SAWS_ORDER_40_2011: '《危险化学品重大危险源监督管理暂行规定》(原安监总局令第40号) 附件 (2011)',
};

/**
 * β by hazard class, GB 18218-2018 表4 as given in domain §5.4 [K?: verify against the official
 * text before go-live; domain §12 item 9]. Classes the spec does not name take 1 ("other classes").
 */
export const BETA_BY_CLASS_2018 = {
  'W1.1': '2',
  'W1.2': '2',
  'W1.3': '2',
  W2: '1.5',
  W3: '1',
  W4: '1',
  'W5.1': '1.5',
  'W5.2': '1',
  'W5.3': '1',
  'W5.4': '1',
  'W6.1': '1.5',
  'W6.2': '1',
  'W7.1': '1.5',
  'W7.2': '1',
  W8: '1',
  'W9.1': '1',
  'W9.2': '1',
  W10: '1',
  W11: '1',
  J1: '4',
  J2: '1',
  J3: '2',
  J4: '2',
  J5: '1',
} as const;
export type HazardClass2018 = keyof typeof BETA_BY_CLASS_2018;

/** β by the coarse classes of the 2011 annex (令第40号) [S]. */
export const BETA_BY_CLASS_2011 = {
  EXPLOSIVE: '2',
  FLAMMABLE_GAS: '1.5',
  UNLISTED_TOXIC_GAS: '2',
  HIGHLY_TOXIC_GAS: '4',
  OTHER: '1',
} as const;
export type HazardClass2011 = keyof typeof BETA_BY_CLASS_2011;

export const HAZARD_CLASS_2011_LABEL_ZH: Readonly<Record<HazardClass2011, string>> = {
  EXPLOSIVE: '爆炸品',
  FLAMMABLE_GAS: '易燃气体',
  UNLISTED_TOXIC_GAS: '其他毒性气体',
  HIGHLY_TOXIC_GAS: '剧毒气体',
  OTHER: '其他类别危险化学品',
};

export interface CatalogueSubstance {
  nameZh: string;
  /** Other names the same substance is entered under. */
  aliases: readonly string[];
  /** Null where we are not sure of the CAS number the official table uses. */
  cas: string | null;
  /** Critical quantity Q in tonnes; null where the spec does not give it. */
  criticalQuantity: string | null;
  /** β of the named toxic gas table, the same in both editions [S]; null if not a named toxic gas. */
  toxicGasBeta: string | null;
  /** Default class when the substance is not a named toxic gas and its class does not depend on the enterprise. */
  hazardClass2018: HazardClass2018 | null;
  hazardClass2011: HazardClass2011 | null;
}

const substance = (s: Partial<CatalogueSubstance> & { nameZh: string }): CatalogueSubstance => ({
  aliases: [],
  cas: null,
  criticalQuantity: null,
  toxicGasBeta: null,
  hazardClass2018: null,
  hazardClass2011: null,
  ...s,
});

/**
 * PARTIAL catalogue: only the substances domain §5.4 names. Q values [S for ammonia, chlorine,
 * hydrogen sulfide, sulfur dioxide; K for the rest]; complete from GB 18218-2018 表1/表2 before go-live.
 * Methanol and gasoline have no default class: their W5 sub-class depends on the enterprise's classification.
 */
export const MAJOR_HAZARD_SUBSTANCES: readonly CatalogueSubstance[] = [
  // Named toxic gases (β table of domain §5.4).
  substance({ nameZh: '一氧化碳', cas: '630-08-0', toxicGasBeta: '2' }),
  substance({ nameZh: '二氧化硫', cas: '7446-09-5', criticalQuantity: '20', toxicGasBeta: '2' }),
  substance({
    nameZh: '氨',
    aliases: ['氨气', '液氨'],
    cas: '7664-41-7',
    criticalQuantity: '10',
    toxicGasBeta: '2',
  }),
  substance({ nameZh: '环氧乙烷', cas: '75-21-8', toxicGasBeta: '2' }),
  substance({ nameZh: '氯化氢', cas: '7647-01-0', toxicGasBeta: '3' }),
  substance({ nameZh: '溴甲烷', cas: '74-83-9', toxicGasBeta: '3' }),
  substance({
    nameZh: '氯',
    aliases: ['氯气', '液氯'],
    cas: '7782-50-5',
    criticalQuantity: '5',
    toxicGasBeta: '4',
  }),
  substance({ nameZh: '硫化氢', cas: '7783-06-4', criticalQuantity: '5', toxicGasBeta: '5' }),
  substance({ nameZh: '氟化氢', cas: '7664-39-3', toxicGasBeta: '5' }),
  substance({ nameZh: '二氧化氮', cas: '10102-44-0', toxicGasBeta: '10' }),
  substance({ nameZh: '氰化氢', cas: '74-90-8', toxicGasBeta: '10' }),
  substance({ nameZh: '碳酰氯', aliases: ['光气'], cas: '75-44-5', toxicGasBeta: '20' }),
  substance({ nameZh: '磷化氢', cas: '7803-51-2', toxicGasBeta: '20' }),
  substance({ nameZh: '异氰酸甲酯', cas: '624-83-9', toxicGasBeta: '20' }),
  // Flammable gases and liquids named in domain §5.4.
  substance({
    nameZh: '氢',
    aliases: ['氢气'],
    cas: '1333-74-0',
    criticalQuantity: '5',
    hazardClass2018: 'W2',
    hazardClass2011: 'FLAMMABLE_GAS',
  }),
  substance({
    nameZh: '液化石油气',
    cas: '68476-85-7',
    criticalQuantity: '50',
    hazardClass2018: 'W2',
    hazardClass2011: 'FLAMMABLE_GAS',
  }),
  substance({
    nameZh: '天然气',
    cas: '8006-14-2',
    criticalQuantity: '50',
    hazardClass2018: 'W2',
    hazardClass2011: 'FLAMMABLE_GAS',
  }),
  substance({ nameZh: '甲醇', cas: '67-56-1', criticalQuantity: '500' }),
  // CAS left empty: the official table's entry (汽油, incl. ethanol/methanol gasoline) must be checked.
  substance({ nameZh: '汽油', criticalQuantity: '200' }),
];

/** 包保 roles (domain §5.4 [SEED]; cadences [K?: 应急厅〔2021〕12号, verify before go-live]). */
export const BaobaoRole = {
  PRINCIPAL: 'PRINCIPAL',
  TECHNICAL_LEAD: 'TECHNICAL_LEAD',
  OPERATIONS_LEAD: 'OPERATIONS_LEAD',
} as const;
export type BaobaoRole = (typeof BaobaoRole)[keyof typeof BaobaoRole];

export const BAOBAO_ROLES: readonly BaobaoRole[] = ['PRINCIPAL', 'TECHNICAL_LEAD', 'OPERATIONS_LEAD'];

/** Calendar quarter, calendar month, ISO week (Mon–Sun), all on Asia/Shanghai dates. */
export type CadencePeriod = 'QUARTER' | 'MONTH' | 'ISO_WEEK';

export const BAOBAO_CADENCE: Readonly<Record<BaobaoRole, CadencePeriod>> = {
  PRINCIPAL: 'QUARTER',
  TECHNICAL_LEAD: 'MONTH',
  OPERATIONS_LEAD: 'ISO_WEEK',
};

export const BAOBAO_ROLE_LABEL_ZH: Readonly<Record<BaobaoRole, string>> = {
  PRINCIPAL: '主要负责人',
  TECHNICAL_LEAD: '技术负责人',
  OPERATIONS_LEAD: '操作负责人',
};
