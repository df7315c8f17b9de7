/**
 * Risk assessment tables as data (domain §3.6, §5.2). Values are decimal strings so that nothing
 * passes through binary floating point; the rules in `risk.rules.ts` compute on them exactly.
 */

/** 安全风险等级 (domain §3.6; 安委办〔2016〕11号). New values are appended, never renamed. */
export const RiskLevel = {
  MAJOR: 'MAJOR',
  HIGH: 'HIGH',
  MODERATE: 'MODERATE',
  LOW: 'LOW',
} as const;
export type RiskLevel = (typeof RiskLevel)[keyof typeof RiskLevel];

/** Ordered from most to least severe (legends, sorting). */
export const RISK_LEVELS: readonly RiskLevel[] = ['MAJOR', 'HIGH', 'MODERATE', 'LOW'];

/** Higher rank = more severe; used for max() and "overrides only raise". */
export const RISK_LEVEL_RANK: Readonly<Record<RiskLevel, number>> = {
  LOW: 1,
  MODERATE: 2,
  HIGH: 3,
  MAJOR: 4,
};

export const RISK_LEVEL_INFO: Readonly<Record<RiskLevel, { labelZh: string; colourZh: string }>> = {
  MAJOR: { labelZh: '重大风险', colourZh: '红' },
  HIGH: { labelZh: '较大风险', colourZh: '橙' },
  MODERATE: { labelZh: '一般风险', colourZh: '黄' },
  LOW: { labelZh: '低风险', colourZh: '蓝' },
};

/** Assessment methods of domain §5.2 (a) and (b). */
export const RiskMethod = { LEC: 'LEC', MATRIX: 'MATRIX' } as const;
export type RiskMethod = (typeof RiskMethod)[keyof typeof RiskMethod];

export const RISK_METHOD_LABEL_ZH: Readonly<Record<RiskMethod, string>> = {
  LEC: '作业条件危险性分析法（LEC）',
  MATRIX: '风险矩阵法（LS）',
};

export interface ScaleValue {
  /** Exact decimal string. */
  value: string;
  labelZh: string;
}

/** LEC value tables (domain §5.2 a) [S: widely published tables]. Only these values are accepted. */
export const LEC_L_VALUES: readonly ScaleValue[] = [
  { value: '10', labelZh: '完全可以预料' },
  { value: '6', labelZh: '相当可能' },
  { value: '3', labelZh: '可能，但不经常' },
  { value: '1', labelZh: '可能性小，完全意外' },
  { value: '0.5', labelZh: '很不可能，可以设想' },
  { value: '0.2', labelZh: '极不可能' },
  { value: '0.1', labelZh: '实际不可能' },
];

export const LEC_E_VALUES: readonly ScaleValue[] = [
  { value: '10', labelZh: '连续暴露' },
  { value: '6', labelZh: '每天工作时间内暴露' },
  { value: '3', labelZh: '每周一次或偶然暴露' },
  { value: '2', labelZh: '每月一次暴露' },
  { value: '1', labelZh: '每年几次暴露' },
  { value: '0.5', labelZh: '非常罕见地暴露' },
];

export const LEC_C_VALUES: readonly ScaleValue[] = [
  { value: '100', labelZh: '大灾难，许多人死亡' },
  { value: '40', labelZh: '灾难，数人死亡' },
  { value: '15', labelZh: '非常严重，一人死亡' },
  { value: '7', labelZh: '严重，重伤' },
  { value: '3', labelZh: '重大，致残' },
  { value: '1', labelZh: '引人注目，需要救护' },
];

/** LEC danger band: 1 (极其危险) … 5 (稍有危险). */
export type LecBand = 1 | 2 | 3 | 4 | 5;

/**
 * LEC band thresholds of one profile. The boundary convention is fixed in code (domain §5.2 a,
 * not configurable): band 1 is D > band1Above (strict), band 5 is D < band4From (strict), and the
 * inner bands include their lower bound.
 */
export interface LecBands {
  band1Above: string;
  band2From: string;
  band3From: string;
  band4From: string;
  levels: Readonly<Record<LecBand, RiskLevel>>;
  wording: Readonly<Record<LecBand, string>>;
}

/** Domain §5.2 a: >320 / 160–320 / 70–<160 / 20–<70 / <20; 4级 and 5级 both map to LOW. */
export const DEFAULT_LEC_BANDS: LecBands = {
  band1Above: '320',
  band2From: '160',
  band3From: '70',
  band4From: '20',
  levels: { 1: 'MAJOR', 2: 'HIGH', 3: 'MODERATE', 4: 'LOW', 5: 'LOW' },
  wording: {
    1: '极其危险，不能继续作业',
    2: '高度危险，需立即整改',
    3: '显著危险，需要整改',
    4: '一般危险，需要注意',
    5: '稍有危险，可以接受',
  },
};

/** Risk-matrix axis value, 1–5 (domain §5.2 b). */
export type MatrixValue = 1 | 2 | 3 | 4 | 5;
export const MATRIX_VALUES: readonly MatrixValue[] = [1, 2, 3, 4, 5];

/** One matrix band: R ≥ minScore (and below the next band's minScore) gives `level`. */
export interface MatrixBand {
  minScore: number;
  level: RiskLevel;
}

/** Domain §5.2 b default bands [K?: local standards differ]: ≥20 / 15–16 / 9–12 / ≤8; most severe first. */
export const DEFAULT_MATRIX_BANDS: readonly MatrixBand[] = [
  { minScore: 20, level: 'MAJOR' },
  { minScore: 15, level: 'HIGH' },
  { minScore: 9, level: 'MODERATE' },
  { minScore: 1, level: 'LOW' },
];

export interface MatrixDescriptors {
  likelihood: Readonly<Record<MatrixValue, string>>;
  severity: Readonly<Record<MatrixValue, string>>;
}

/** Generic descriptors [D/K?]: sectors configure their own (e.g. the Shandong DB37/T 2882 family). */
export const DEFAULT_MATRIX_DESCRIPTORS: MatrixDescriptors = {
  likelihood: { 5: '很可能（频繁发生）', 4: '可能', 3: '偶尔', 2: '不大可能', 1: '极不可能' },
  severity: {
    5: '特别重大（多人死亡）',
    4: '重大（一人死亡）',
    3: '较大（重伤）',
    2: '一般（轻伤）',
    1: '轻微（无伤害或急救）',
  },
};

/** Industry code of domain §3.3 (see `@safety/reference` `INDUSTRY_CODES`). */
export type IndustryCode = string;

interface ProfileBase {
  id: string;
  version: number;
  /** First local day (YYYY-MM-DD) the profile is in force. */
  effectiveFrom: string;
  /** Last local day in force, inclusive; null = open-ended. */
  effectiveTo: string | null;
  /** 'ALL' is the fallback for industries no specific profile names. */
  industryCodes: readonly IndustryCode[] | 'ALL';
}

export interface LecCriteriaProfile extends ProfileBase {
  method: 'LEC';
  lecBands: LecBands;
}

export interface MatrixCriteriaProfile extends ProfileBase {
  method: 'MATRIX';
  matrixBands: readonly MatrixBand[];
  matrixDescriptors: MatrixDescriptors;
}

/** Versioned per industry (domain §0.3 versioned catalogues, §5.2); Gansu/Wuwei guidance goes here [K?]. */
export type RiskCriteriaProfile = LecCriteriaProfile | MatrixCriteriaProfile;

/** Platform default: LEC for every industry, in force for all history so old assessments resolve. */
export const DEFAULT_LEC_PROFILE: LecCriteriaProfile = {
  id: 'DEFAULT-LEC',
  version: 1,
  effectiveFrom: '2000-01-01',
  effectiveTo: null,
  industryCodes: 'ALL',
  method: 'LEC',
  lecBands: DEFAULT_LEC_BANDS,
};

/**
 * The default 5 × 5 matrix [K?]. Assigned to no industry by default: a county assigns sectors by
 * loading a copy with `industryCodes` set (domain §12 item 5).
 */
export const DEFAULT_MATRIX_PROFILE: MatrixCriteriaProfile = {
  id: 'DEFAULT-MATRIX',
  version: 1,
  effectiveFrom: '2000-01-01',
  effectiveTo: null,
  industryCodes: [],
  method: 'MATRIX',
  matrixBands: DEFAULT_MATRIX_BANDS,
  matrixDescriptors: DEFAULT_MATRIX_DESCRIPTORS,
};

export const DEFAULT_RISK_CRITERIA_PROFILES: readonly RiskCriteriaProfile[] = [
  DEFAULT_LEC_PROFILE,
  DEFAULT_MATRIX_PROFILE,
];

/** 管控层级 (domain §5.2 `controlLevel`), most senior first. */
export const ControlLevel = {
  COMPANY: 'COMPANY',
  DEPARTMENT: 'DEPARTMENT',
  TEAM: 'TEAM',
  POST: 'POST',
} as const;
export type ControlLevel = (typeof ControlLevel)[keyof typeof ControlLevel];

export const CONTROL_LEVEL_RANK: Readonly<Record<ControlLevel, number>> = {
  POST: 1,
  TEAM: 2,
  DEPARTMENT: 3,
  COMPANY: 4,
};

export const CONTROL_LEVEL_LABEL_ZH: Readonly<Record<ControlLevel, string>> = {
  COMPANY: '公司级',
  DEPARTMENT: '部门/车间级',
  TEAM: '班组级',
  POST: '岗位级',
};

/** Domain §5.2 [K common practice; D as default]. */
export const DEFAULT_CONTROL_LEVEL: Readonly<Record<RiskLevel, ControlLevel>> = {
  MAJOR: 'COMPANY',
  HIGH: 'DEPARTMENT',
  MODERATE: 'TEAM',
  LOW: 'POST',
};

/** Events that make a re-assessment due at once (domain §5.2 [D/K?]). */
export const ReviewTrigger = {
  PROCESS_CHANGE: 'PROCESS_CHANGE',
  EQUIPMENT_CHANGE: 'EQUIPMENT_CHANGE',
  MATERIAL_CHANGE: 'MATERIAL_CHANGE',
  ACCIDENT_AT_POINT: 'ACCIDENT_AT_POINT',
  NEAR_MISS_AT_POINT: 'NEAR_MISS_AT_POINT',
  LAW_OR_STANDARD_CHANGE: 'LAW_OR_STANDARD_CHANGE',
  MAJOR_HAZARD_FOUND: 'MAJOR_HAZARD_FOUND',
} as const;
export type ReviewTrigger = (typeof ReviewTrigger)[keyof typeof ReviewTrigger];

export const REVIEW_TRIGGER_LABEL_ZH: Readonly<Record<ReviewTrigger, string>> = {
  PROCESS_CHANGE: '新工艺或工艺变更',
  EQUIPMENT_CHANGE: '新设备或设备变更',
  MATERIAL_CHANGE: '新材料或物料变更',
  ACCIDENT_AT_POINT: '该风险点发生事故',
  NEAR_MISS_AT_POINT: '该风险点发生未遂事件',
  LAW_OR_STANDARD_CHANGE: '相关法律法规、标准变化',
  MAJOR_HAZARD_FOUND: '该风险点发现重大事故隐患',
};

/** Longest interval between assessments of a risk point (domain §5.2: at least every 12 months). */
export const MAX_REVIEW_INTERVAL_MONTHS = 12;
