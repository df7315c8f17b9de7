/**
 * Reference tables for hazardous-work permits (危险作业/特殊作业票, domain §5.9): codes, Chinese labels,
 * limits and the versioned qualification table. Data plus two one-line helpers; the rules live in `*.rules.ts`.
 */

/** The eight special operations of GB 30871-2022 (domain §5.9 `type`) [K]. */
export const PERMIT_TYPES = [
  'HOT_WORK',
  'CONFINED_SPACE',
  'BLIND_PLATE',
  'WORK_AT_HEIGHT',
  'LIFTING',
  'TEMP_POWER',
  'EXCAVATION',
  'ROAD_BREAK',
] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];
export const PERMIT_TYPE_LABELS: Record<PermitType, string> = {
  HOT_WORK: '动火作业',
  CONFINED_SPACE: '受限空间作业',
  BLIND_PLATE: '盲板抽堵作业',
  WORK_AT_HEIGHT: '高处作业',
  LIFTING: '吊装作业',
  TEMP_POWER: '临时用电作业',
  EXCAVATION: '动土作业',
  ROAD_BREAK: '断路作业',
};

/** Hot-work levels, strictest first (domain §5.9 P-4). */
export const HOT_WORK_LEVELS = ['SPECIAL', 'LEVEL_1', 'LEVEL_2'] as const;
export type HotWorkLevel = (typeof HOT_WORK_LEVELS)[number];
export const HOT_WORK_LEVEL_LABELS: Record<HotWorkLevel, string> = {
  SPECIAL: '特级动火',
  LEVEL_1: '一级动火',
  LEVEL_2: '二级动火',
};

/**
 * Work-at-height levels I–IV "by height" [K]. The spec gives no height bands, so the level is an input
 * chosen by the issuer, not computed here (bands to be confirmed against GB 30871-2022 before computing).
 */
export const HEIGHT_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type HeightLevel = (typeof HEIGHT_LEVELS)[number];
export const HEIGHT_LEVEL_LABELS: Record<HeightLevel, string> = {
  I: 'Ⅰ级高处作业',
  II: 'Ⅱ级高处作业',
  III: 'Ⅲ级高处作业',
  IV: 'Ⅳ级高处作业',
};

export type PermitLevel = HotWorkLevel | HeightLevel;

export const PERMIT_PURPOSES = ['PRODUCTION', 'MAINTENANCE', 'RECTIFICATION', 'CONSTRUCTION'] as const;
export type PermitPurpose = (typeof PERMIT_PURPOSES)[number];
export const PERMIT_PURPOSE_LABELS: Record<PermitPurpose, string> = {
  PRODUCTION: '生产作业',
  MAINTENANCE: '检维修作业',
  RECTIFICATION: '隐患整改',
  CONSTRUCTION: '施工作业',
};

/** Roles of people named on a permit (domain §5.9 `workers[].role`). */
export const WORKER_ROLES = ['EXECUTOR', 'GUARDIAN', 'ISSUER', 'APPROVER'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];
export const WORKER_ROLE_LABELS: Record<WorkerRole, string> = {
  EXECUTOR: '作业人',
  GUARDIAN: '监护人',
  ISSUER: '签发人',
  APPROVER: '审批人',
};

/**
 * What a worker actually does on the job; drives the certificate rows that say "executor doing welding",
 * "crane operator / signaller" etc. (domain §5.9 qualification table) [D].
 */
export const WORK_KINDS = [
  'WELDING',
  'THERMAL_CUTTING',
  'ELECTRICAL_LOW_VOLTAGE',
  'ELECTRICAL_HIGH_VOLTAGE',
  'SCAFFOLDING',
  'HEIGHT_INSTALLATION',
  'CRANE_OPERATION',
  'CRANE_SIGNALLING',
  'HAZCHEM_PROCESS_OPERATION',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  WELDING: '焊接',
  THERMAL_CUTTING: '热切割',
  ELECTRICAL_LOW_VOLTAGE: '低压电气作业',
  ELECTRICAL_HIGH_VOLTAGE: '高压电气作业',
  SCAFFOLDING: '登高架设',
  HEIGHT_INSTALLATION: '高处安装、维护、拆除',
  CRANE_OPERATION: '起重机操作',
  CRANE_SIGNALLING: '起重指挥',
  HAZCHEM_PROCESS_OPERATION: '危险化工工艺操作',
};

/** Permit statuses (domain §5.9 state machine). */
export const PERMIT_STATUSES = [
  'DRAFT',
  'GAS_TESTED',
  'APPROVED',
  'IN_PROGRESS',
  'SUSPENDED',
  'COMPLETED',
  'CLOSED',
  'REVOKED',
  'EXPIRED',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export const PERMIT_STATUS_LABELS: Record<PermitStatus, string> = {
  DRAFT: '草稿',
  GAS_TESTED: '已气体分析',
  APPROVED: '已审批',
  IN_PROGRESS: '作业中',
  SUSPENDED: '作业暂停',
  COMPLETED: '已完工',
  CLOSED: '已关闭',
  REVOKED: '已撤销',
  EXPIRED: '已过期',
};
/** "Any open" status that moves to EXPIRED once `validTo` has passed; COMPLETED only waits for the site check. */
export const OPEN_PERMIT_STATUSES: readonly PermitStatus[] = [
  'DRAFT',
  'GAS_TESTED',
  'APPROVED',
  'IN_PROGRESS',
  'SUSPENDED',
];
/** Permits that P-2 revokes when a worker's certificate becomes invalid (domain §5.9 P-2). */
export const LIVE_PERMIT_STATUSES: readonly PermitStatus[] = ['APPROVED', 'IN_PROGRESS'];

/** Who acts on a permit, as far as the state machine cares. ANALYST records gas tests; SYSTEM runs timers and events. */
export const PERMIT_ACTORS = [
  'ANALYST',
  'APPROVER',
  'GUARDIAN',
  'EXECUTOR',
  'ISSUER',
  'REGULATOR',
  'SYSTEM',
] as const;
export type PermitActor = (typeof PERMIT_ACTORS)[number];

/** Enterprise `operatingStatus` (domain §3.4); the permit rules only read it. */
export type EnterpriseOperatingStatus =
  | 'UNDER_CONSTRUCTION'
  | 'TRIAL_RUN'
  | 'OPERATING'
  | 'SUSPENDED'
  | 'ORDERED_RECTIFICATION'
  | 'CLOSED'
  | 'DEREGISTERED';
/** Domain §3.4: while suspended or ordered to rectify, only these purposes may be approved. */
export const PURPOSES_ALLOWED_WHILE_STOPPED: readonly PermitPurpose[] = ['RECTIFICATION', 'MAINTENANCE'];

// ---------------------------------------------------------------------------------------------------------
// Time limits

/** Hot-work permit validity by (managed) level, in hours (domain §5.9 `validFrom`/`validTo`) [K?: GB 30871-2022]. */
export const HOT_WORK_VALIDITY_HOURS: Record<HotWorkLevel, number> = {
  SPECIAL: 8,
  LEVEL_1: 8,
  LEVEL_2: 72,
};
/** P-5: the sample is taken at most 30 min before hot work starts; no 60 min relaxation (2014 edition) [K?]. */
export const GAS_TEST_MAX_AGE_MINUTES = 30;
/** P-5: re-analyse after an interruption longer than this, by level [K?: GB 30871-2022]. */
export const HOT_WORK_INTERRUPTION_LIMIT_MINUTES: Record<HotWorkLevel, number> = {
  SPECIAL: 30,
  LEVEL_1: 30,
  LEVEL_2: 60,
};
/** P-7: gases inside a confined space are recorded at least every 2 h during the work. */
export const CONFINED_SPACE_MONITORING_MAX_GAP_MINUTES = 120;

/** Night hours in Asia/Shanghai local time, configured per enterprise (P-4) [D]. `from` may be after `to` (over midnight). */
export interface NightHours {
  /** `HH:mm`, inclusive. */
  from: string;
  /** `HH:mm`, exclusive. */
  to: string;
}
export const DEFAULT_NIGHT_HOURS: NightHours = { from: '20:00', to: '08:00' };

// ---------------------------------------------------------------------------------------------------------
// Gas limits (exact decimals are kept as strings and read with decimal.js)

/** P-6 [K?: GB 30871]: the LEL at or above which the looser flammable limit applies ("≥ 4 %"). */
export const FLAMMABLE_LEL_BRANCH_PCT_VOL = '4';
export const FLAMMABLE_LIMIT_PCT_VOL = { lelAtLeastBranch: '0.5', lelBelowBranch: '0.2' } as const;

/** P-7 oxygen range, % vol, both ends inclusive; 23.5 % only when an oxygen-enriched environment is declared. */
export const OXYGEN_RANGE_PCT_VOL = { min: '19.5', max: '21', maxEnriched: '23.5' } as const;

/** Occupational exposure limits of GBZ 2.1-2019, mg/m³: MAC, or PC-TWA / PC-STEL. */
export interface ToxicLimit {
  labelZh: string;
  mac?: string;
  pcTwa?: string;
  pcStel?: string;
  marker: string;
}
/**
 * PARTIAL table of GBZ 2.1-2019 limits (domain §5.9 P-7): only substances whose values the drafter is
 * confident of. Every value except H₂S [S, quoted in the spec] must be verified against the official text
 * [K?]. A substance missing here fails the test (fail closed) until the table is extended.
 */
export const TOXIC_LIMITS = {
  H2S: { labelZh: '硫化氢', mac: '10', marker: 'S' },
  CO: { labelZh: '一氧化碳（非高原）', pcTwa: '20', pcStel: '30', marker: 'K?' },
  NH3: { labelZh: '氨', pcTwa: '20', pcStel: '30', marker: 'K?' },
  CL2: { labelZh: '氯', mac: '1', marker: 'K?' },
  SO2: { labelZh: '二氧化硫', pcTwa: '5', pcStel: '10', marker: 'K?' },
  HCN: { labelZh: '氰化氢', mac: '1', marker: 'K?' },
} as const satisfies Record<string, ToxicLimit>;
export type ToxicSubstance = keyof typeof TOXIC_LIMITS;

/**
 * The limit a single (spot) reading is compared with: the MAC where GBZ 2.1 sets one, otherwise the PC-TWA,
 * the stricter of the two time-weighted values, because one reading cannot show an average [D].
 */
export function toxicSpotLimit(limit: ToxicLimit): string | null {
  return limit.mac ?? limit.pcTwa ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Qualification (domain §5.9 table, §7.5–7.6)

/**
 * Certificate kinds as `training` stores them (`CertificateCategory` in services/training, i.e. the
 * spec's `Certificate.type`); repeated here because services share no code.
 */
export const TRAINING_CERT_TYPES = {
  SPECIAL_OPERATION: 'SPECIAL_OPERATION',
  SPECIAL_EQUIPMENT: 'SPECIAL_EQUIPMENT',
} as const;
export type TrainingCertType = (typeof TRAINING_CERT_TYPES)[keyof typeof TRAINING_CERT_TYPES];

/**
 * Operation categories as `training` stores them (`Certificate.operationType`: the spec's `category`).
 * `Q1 起重机指挥` is not yet among training's codes (training seeds only `Q2 起重机司机`).
 */
export const TRAINING_CATEGORIES = {
  ELECTRICAL: '电工作业',
  WELDING_CUTTING: '焊接与热切割作业',
  WORK_AT_HEIGHT: '高处作业',
  HAZCHEM: '危险化学品安全作业',
  CRANE_DRIVER: 'Q2 起重机司机',
  CRANE_SIGNALLER: 'Q1 起重机指挥',
} as const;
/** Operation items (spec `subType`, §7.5); training has no sub-type field yet. */
export const TRAINING_SUB_TYPES = {
  LOW_VOLTAGE: '低压电工作业',
  HIGH_VOLTAGE: '高压电工作业',
} as const;

/** A credential the caller asks `training.qualificationCheck` about (domain §7.6). */
export type CredentialRequirement =
  | { kind: 'CERTIFICATE'; certType: TrainingCertType; category: string; subType?: string }
  /** Active employment at the enterprise or a registered contractor, three-level education passed (§7.3). */
  | { kind: 'EMPLOYMENT_AND_THREE_LEVEL' }
  /** A training record for the permit type (guardians) [D]. */
  | { kind: 'PERMIT_TYPE_TRAINING'; permitType: PermitType };

/** One row of the versioned `PermitQualificationRule` table; `'ANY'` matches everything. */
export interface PermitQualificationRule {
  id: string;
  version: string;
  /** Local dates, both inclusive. */
  effectiveFrom: string;
  effectiveTo: string | null;
  permitTypes: readonly PermitType[] | 'ANY';
  roles: readonly WorkerRole[] | 'ANY';
  /** The worker must do at least one of these; `'ANY'` applies to every worker in the role. */
  workKinds: readonly WorkKind[] | 'ANY';
  requirement: CredentialRequirement;
  basis: string;
}

const V1 = { version: 'PQR-1', effectiveFrom: '2022-10-01', effectiveTo: null } as const;
const specialOperation = (category: string, subType?: string): CredentialRequirement => ({
  kind: 'CERTIFICATE',
  certType: TRAINING_CERT_TYPES.SPECIAL_OPERATION,
  category,
  ...(subType ? { subType } : {}),
});
const specialEquipment = (category: string): CredentialRequirement => ({
  kind: 'CERTIFICATE',
  certType: TRAINING_CERT_TYPES.SPECIAL_EQUIPMENT,
  category,
});

/**
 * Domain §5.9 certificate requirement per role [D with K mapping]. Version 1 starts with GB 30871-2022
 * (in force 1 Oct 2022 [K?]). New versions are appended with their own `effectiveFrom`; rows never change.
 */
export const PERMIT_QUALIFICATION_RULES: readonly PermitQualificationRule[] = [
  {
    ...V1,
    id: 'PQR-1-ALL',
    permitTypes: 'ANY',
    roles: 'ANY',
    workKinds: 'ANY',
    requirement: { kind: 'EMPLOYMENT_AND_THREE_LEVEL' },
    basis: '每个角色：在岗（本单位或登记承包商）且三级安全教育合格（§7.3）',
  },
  ...PERMIT_TYPES.map(
    (permitType): PermitQualificationRule => ({
      ...V1,
      id: `PQR-1-GUARDIAN-${permitType}`,
      permitTypes: [permitType],
      roles: ['GUARDIAN'],
      workKinds: 'ANY',
      requirement: { kind: 'PERMIT_TYPE_TRAINING', permitType },
      basis: '监护人经本类作业培训 [D]',
    }),
  ),
  {
    ...V1,
    id: 'PQR-1-HOT-WELD',
    permitTypes: ['HOT_WORK'],
    roles: ['EXECUTOR'],
    workKinds: ['WELDING', 'THERMAL_CUTTING'],
    requirement: specialOperation(TRAINING_CATEGORIES.WELDING_CUTTING),
    basis: '动火作业焊割人员：特种作业操作证（焊接与热切割作业）',
  },
  {
    ...V1,
    id: 'PQR-1-POWER',
    permitTypes: ['TEMP_POWER'],
    roles: ['EXECUTOR'],
    workKinds: 'ANY',
    requirement: specialOperation(TRAINING_CATEGORIES.ELECTRICAL),
    basis: '临时用电作业人：特种作业操作证（电工作业）',
  },
  {
    ...V1,
    id: 'PQR-1-POWER-LV',
    permitTypes: ['TEMP_POWER'],
    roles: ['EXECUTOR'],
    workKinds: ['ELECTRICAL_LOW_VOLTAGE'],
    requirement: specialOperation(TRAINING_CATEGORIES.ELECTRICAL, TRAINING_SUB_TYPES.LOW_VOLTAGE),
    basis: '临时用电作业人：低压电工作业',
  },
  {
    ...V1,
    id: 'PQR-1-POWER-HV',
    permitTypes: ['TEMP_POWER'],
    roles: ['EXECUTOR'],
    workKinds: ['ELECTRICAL_HIGH_VOLTAGE'],
    requirement: specialOperation(TRAINING_CATEGORIES.ELECTRICAL, TRAINING_SUB_TYPES.HIGH_VOLTAGE),
    basis: '临时用电作业人：高压电工作业',
  },
  {
    ...V1,
    id: 'PQR-1-HEIGHT',
    permitTypes: ['WORK_AT_HEIGHT'],
    roles: ['EXECUTOR'],
    workKinds: ['SCAFFOLDING', 'HEIGHT_INSTALLATION'],
    requirement: specialOperation(TRAINING_CATEGORIES.WORK_AT_HEIGHT),
    basis: '高处作业（登高架设、安装维护拆除）：特种作业操作证（高处作业）',
  },
  {
    ...V1,
    id: 'PQR-1-CRANE-DRIVER',
    permitTypes: ['LIFTING'],
    roles: ['EXECUTOR'],
    workKinds: ['CRANE_OPERATION'],
    requirement: specialEquipment(TRAINING_CATEGORIES.CRANE_DRIVER),
    basis: '吊装作业起重机司机：特种设备作业人员证 Q2 [K]',
  },
  {
    ...V1,
    id: 'PQR-1-CRANE-SIGNAL',
    permitTypes: ['LIFTING'],
    roles: ['EXECUTOR'],
    workKinds: ['CRANE_SIGNALLING'],
    requirement: specialEquipment(TRAINING_CATEGORIES.CRANE_SIGNALLER),
    basis: '吊装作业起重指挥：特种设备作业人员证 Q1 [K]',
  },
  {
    ...V1,
    id: 'PQR-1-HAZCHEM',
    permitTypes: 'ANY',
    roles: ['EXECUTOR'],
    workKinds: ['HAZCHEM_PROCESS_OPERATION'],
    requirement: specialOperation(TRAINING_CATEGORIES.HAZCHEM),
    basis: '危险化工工艺操作：特种作业操作证（危险化学品安全作业）',
  },
];

/** `QualificationFailure` of `training.qualificationCheck` (domain §7.6), with the text the UI shows (P-1). */
export const QUALIFICATION_FAILURE_LABELS = {
  NO_CERTIFICATE: '无所需证书',
  WRONG_CATEGORY: '证书类别不符',
  EXPIRED: '证书已过期',
  REVIEW_OVERDUE: '证书逾期未复审',
  REVIEW_FAILED: '证书复审不合格',
  SUSPENDED_OR_REVOKED: '证书被暂扣或撤销',
  OFF_POST_OVER_6_MONTHS: '离开特种作业岗位6个月以上，未重新考核',
  THREE_LEVEL_NOT_PASSED: '三级安全教育未合格',
  NOT_EMPLOYED_OR_CONTRACTED: '非本单位或登记承包商在岗人员',
  UNDER_18: '未满18周岁',
  NO_SPECIAL_WORK_TRAINING: '无本类作业监护培训记录',
  SPECIAL_WORK_TRAINING_EXPIRED: '本类作业监护培训已超过一年',
} as const;
export type QualificationFailure = keyof typeof QUALIFICATION_FAILURE_LABELS;

/** Certificate statuses that count as valid for gating (domain §7.5); every other status invalidates. */
export const VALID_CERTIFICATE_STATUSES: readonly string[] = ['VALID', 'REVIEW_WINDOW'];

// ---------------------------------------------------------------------------------------------------------
// Reasons returned by the rules: stable codes, Chinese text for the UI

export const PERMIT_REASON_MESSAGES = {
  TRANSITION_NOT_ALLOWED: '不允许的作业票状态变更',
  ACTOR_NOT_PERMITTED: '当前角色无权执行此操作',
  JOINT_CONFIRMATION_REQUIRED: '须由作业人和监护人共同确认',
  FACT_MISSING: '缺少判定所需的信息',
  CALENDAR_MISSING: '缺少作业日期的工作日历',
  REASON_REQUIRED: '须填写原因',
  GAS_TEST_MISSING: '缺少气体分析',
  GAS_TEST_FAILED: '气体分析不合格',
  GAS_TEST_TOO_OLD: '取样时间距作业开始超过30分钟',
  GAS_TEST_REANALYSIS_REQUIRED: '作业中断超过规定时间，恢复作业前须重新进行气体分析',
  GAS_TEST_DAILY_REQUIRED: '每日作业开始前须重新进行气体分析',
  CONTINUOUS_MONITORING_REQUIRED: '须进行连续气体监测',
  OXYGEN_NOT_MEASURED: '未检测氧含量',
  OXYGEN_OUT_OF_RANGE: '氧含量不在允许范围内',
  FLAMMABLE_NOT_MEASURED: '未检测可燃气体浓度',
  FLAMMABLE_OVER_LIMIT: '可燃气体浓度超过限值',
  TOXIC_OVER_LIMIT: '有毒物质浓度超过GBZ 2.1限值',
  TOXIC_LIMIT_UNKNOWN: '该有毒物质的限值未录入，不能判定合格',
  QUALIFICATION_FAILED: '作业人员资格校验未通过',
  QUALIFICATION_NOT_CHECKED: '未按作业开始时间对该人员进行资格校验',
  ENTERPRISE_STOPPED_PURPOSE: '企业处于停产或责令停产停业整顿状态，仅可审批隐患整改或检维修作业',
  RECTIFICATION_HAZARD_MISSING: '隐患整改作业须关联隐患',
  GUARDIAN_MISSING: '未指定监护人',
  EQUIPMENT_CHECK_FAILED: '设备检查不合格',
  EQUIPMENT_CHECK_MISSING: '焊割作业缺少焊接设备检查记录',
  VALIDITY_INVALID: '有效期结束时间须晚于开始时间',
  VALIDITY_TOO_LONG: '作业票有效期超过上限',
  LEVEL_MISSING: '未确定作业级别',
  LEVEL_TOO_LOW: '作业级别低于按规定应管理的级别',
  NOT_YET_VALID: '未到作业票有效期',
  VALIDITY_PASSED: '作业票已超过有效期',
  NOT_EXPIRED: '作业票尚未超过有效期',
  SITE_NOT_CHECKED: '未完成作业现场检查（如无残留火种）',
  CERTIFICATE_INVALIDATED: '作业人员证书已失效，作业票撤销',
} as const;
export type PermitReasonCode = keyof typeof PERMIT_REASON_MESSAGES;

/** A failing reason: a stable code, the Chinese text, and what it is about. */
export interface PermitReason {
  code: PermitReasonCode;
  messageZh: string;
  personId?: string;
  /** Extra machine-readable detail: a fact name, a QualificationFailure, a sampling point, a limit. */
  detail?: string;
}

export function reason(
  code: PermitReasonCode,
  extra: Omit<PermitReason, 'code' | 'messageZh'> = {},
): PermitReason {
  return { code, messageZh: PERMIT_REASON_MESSAGES[code], ...extra };
}
