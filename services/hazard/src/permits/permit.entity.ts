import { Directive, Field, ID, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  PermitEquipmentResultEnum,
  PermitGasUnitEnum,
  PermitLevelEnum,
  PermitPurposeEnum,
  PermitStatusEnum,
  PermitTypeEnum,
  PermitWorkerRoleEnum,
  PermitWorkKindEnum,
} from './permit.enums.js';
import type {
  PermitLevel,
  PermitPurpose,
  PermitStatus,
  PermitType,
  WorkerRole,
  WorkKind,
} from './permit.tables.js';

/** The unit that hired a worker (domain §5.9 `engagedBy`): "谁招请无证人员，谁负责任". */
@ObjectType('PermitEngagingUnit', { description: '招用单位（本单位或承包商）' })
export class PermitEngagingUnit {
  @Field(() => ID, { nullable: true }) enterpriseId: string | null;
  @Field() name: string;
}

@ObjectType('PermitWorker', { description: '作业票人员' })
export class PermitWorkerRow {
  @Field(() => ID, { description: 'Person (training)' }) personId: string;
  @Field(() => PermitWorkerRoleEnum) role: WorkerRole;
  @Field(() => PermitEngagingUnit) engagedBy: PermitEngagingUnit;
  @Field(() => [PermitWorkKindEnum]) workKinds: WorkKind[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Certificates the approval relied on (snapshot; P-2 revokes when one becomes invalid)',
  })
  certificateIds?: string[];
}

@ObjectType('PermitFlammableReading', { description: '可燃气体读数' })
export class PermitFlammableReading {
  @Field({ description: 'Exact decimal' }) reading: string;
  @Field(() => PermitGasUnitEnum) unit: 'PCT_VOL' | 'PCT_LEL';
  @Field({ description: 'LEL of the gas, % vol (exact decimal)' }) lelPctVol: string;
  @Field(() => String, { nullable: true }) substance?: string | null;
}

@ObjectType('PermitToxicReading', { description: '有毒物质读数' })
export class PermitToxicReading {
  @Field({ description: 'H2S, CO, NH3, CL2, SO2, HCN or another name' }) substance: string;
  @Field({ description: 'mg/m³, exact decimal' }) mgPerM3: string;
}

/** A failing reason of the rules: stable code, Chinese text, whom it is about. */
@ObjectType('PermitReason', { description: '不通过原因' })
export class PermitReasonRow {
  @Field() code: string;
  @Field() messageZh: string;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

/** One sample (domain §5.9 `gasTests[]`); timing and limits in P-5–P-7. */
@ObjectType('PermitGasTest', { description: '气体分析' })
export class PermitGasTestRow {
  @Field({ description: 'Sampling time (ISO 8601)' }) at: string;
  @Field({ description: 'Sampling point' }) point: string;
  @Field(() => String, { nullable: true, description: 'O₂ % vol' }) oxygenPctVol: string | null;
  @Field(() => [PermitFlammableReading]) flammables: PermitFlammableReading[];
  @Field(() => [PermitToxicReading]) toxics: PermitToxicReading[];
  @Field(() => ID) analystId: string;
  @Field(() => [PermitReasonRow], {
    description: 'Limits this sample fails (P-6, P-7); empty when it passes',
  })
  problems: PermitReasonRow[];
}

@ObjectType('PermitEquipmentCheck', { description: '焊接设备检查' })
export class PermitEquipmentCheckRow {
  @Field({ description: 'Welding machine id' }) equipmentId: string;
  @Field({ description: 'Inspection date (YYYY-MM-DD)' }) inspectedAt: string;
  @Field(() => PermitEquipmentResultEnum) result: 'OK' | 'DEFECTIVE' | 'OBSOLETE';
}

@ObjectType('PermitMeasure', { description: '安全措施（隔离、灭火器、监火、清除可燃物…）' })
export class PermitMeasure {
  @Field() text: string;
  @Field() confirmed: boolean;
}

/** P-4 site facts of hot work. */
@ObjectType('HotWorkSite', { description: '动火地点情况 (P-4)' })
export class HotWorkSiteRow {
  @Field({ description: '火灾爆炸危险场所' }) fireExplosionHazardArea: boolean;
  @Field({ description: '运行状态的设备、管道、储罐、容器' }) onRunningEquipment: boolean;
  @Field({ description: '带压不置换' }) pressurisedWithoutDisplacement: boolean;
  @Field({ description: '重大危险源罐区防火堤内' }) insideMajorHazardTankFarmDike: boolean;
  @Field({ description: '管廊上' }) onPipeRack: boolean;
  @Field({ description: '固定动火区内' }) inFixedHotWorkArea: boolean;
  @Field({ description: '装置全部停车、清洗、置换、分析合格、隔离' }) unitShutDownPurgedIsolated: boolean;
  @Field({ description: '经批准按二级动火管理' }) shutdownDowngradeApproved: boolean;
}

/** The certificate training relied on (domain §7.6 evidence), as the permit keeps it. */
@ObjectType('PermitCredentialEvidence', { description: '资格校验所依据的证书' })
export class PermitCredentialEvidence {
  @Field(() => ID) certificateId: string;
  @Field() number: string;
  @Field({ description: 'Certificate type as training names it' }) certType: string;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => String, { nullable: true }) subType: string | null;
  @Field({ description: 'Status on the day checked' }) status: string;
  @Field() issuedAt: string;
  @Field() validTo: string;
  @Field(() => String, { nullable: true }) nextReviewDue: string | null;
}

/** One answer of the qualification gate for one worker and credential. */
@ObjectType('PermitQualificationAnswer', { description: '人员资格校验结果' })
export class PermitQualificationAnswer {
  @Field(() => ID) personId: string;
  @Field(() => PermitWorkerRoleEnum) role: WorkerRole;
  @Field({ description: 'The credential asked for (Chinese label)' }) credential: string;
  @Field({ description: 'The PermitQualificationRule row and version' }) ruleId: string;
  @Field() ok: boolean;
  @Field(() => [String], { description: 'QualificationFailure codes of training' }) failures: string[];
  @Field(() => PermitCredentialEvidence, { nullable: true }) evidence: PermitCredentialEvidence | null;
}

/** The gate's result: live (`permitGate`) or as last recorded on the permit. */
@ObjectType('PermitGateResult', { description: '作业人员资格闸门结果 (P-1)' })
export class PermitGateResult {
  @Field({ description: 'When the gate was asked (ISO 8601)' }) checkedAt: string;
  @Field({ description: 'The instant checked: the permit validFrom (ISO 8601)' }) at: string;
  @Field({ description: 'Every worker passes; there is no override (P-1)' }) ok: boolean;
  @Field(() => [PermitReasonRow], { description: 'Every failing reason, per worker' })
  reasons: PermitReasonRow[];
  @Field(() => [PermitQualificationAnswer]) answers: PermitQualificationAnswer[];
}

@ObjectType('PermitRevocation', { description: '作业票撤销' })
export class PermitRevocation {
  @Field() at: string;
  @Field() reason: string;
  @Field(() => ID, { nullable: true, description: 'The worker whose certificate became invalid (P-2)' })
  personId: string | null;
  @Field(() => ID, { nullable: true }) certificateId: string | null;
  @Field(() => ID, { nullable: true, description: 'Account that revoked it; null when the platform did' })
  byId: string | null;
  @Field(() => [ID], { description: 'Guardians to notify' }) notifyPersonIds: string[];
}

/** 危险作业/特殊作业票 (domain §5.9). */
@Entity('work_permit')
@ObjectType({ description: '危险作业/特殊作业票' })
@Directive('@key(fields: "id")')
export class WorkPermit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '作业票编号 ZY-YYYY-nnnnnn' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: 'Town (镇) of the enterprise' })
  @Column('text', { name: 'township_code' })
  townshipCode: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'industry_code', nullable: true })
  industryCode: string | null;

  @Field(() => PermitTypeEnum)
  @Column('text')
  type: PermitType;

  @Field(() => PermitLevelEnum, { nullable: true, description: 'Hot work: the managed level (P-4)' })
  @Column('text', { nullable: true })
  level: PermitLevel | null;

  @Field(() => PermitPurposeEnum)
  @Column('text')
  purpose: PermitPurpose;

  @Field(() => ID, { nullable: true, description: 'The hazard a RECTIFICATION permit fixes' })
  @Column('uuid', { name: 'hazard_id', nullable: true })
  hazardId: string | null;

  @Field()
  @Column('text')
  location: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'risk_point_id', nullable: true })
  riskPointId: string | null;

  @Field()
  @Column('timestamptz', { name: 'valid_from' })
  validFrom: Date;

  @Field()
  @Column('timestamptz', { name: 'valid_to' })
  validTo: Date;

  @Field(() => PermitStatusEnum)
  @Column('text')
  status: PermitStatus;

  @Field(() => [PermitWorkerRow])
  @Column('jsonb', { default: () => "'[]'" })
  workers: PermitWorkerRow[];

  @Field(() => [PermitGasTestRow])
  @Column('jsonb', { name: 'gas_tests', default: () => "'[]'" })
  gasTests: PermitGasTestRow[];

  @Field(() => [PermitEquipmentCheckRow])
  @Column('jsonb', { name: 'equipment_checks', default: () => "'[]'" })
  equipmentChecks: PermitEquipmentCheckRow[];

  @Field(() => [PermitMeasure])
  @Column('jsonb', { default: () => "'[]'" })
  measures: PermitMeasure[];

  @Field(() => HotWorkSiteRow, { nullable: true })
  @Column('jsonb', { name: 'hot_work_site', nullable: true })
  hotWorkSite: HotWorkSiteRow | null;

  @Field(() => String, { nullable: true, description: 'Other special situation (P-4: one level up)' })
  @Column('text', { name: 'other_special_situation', nullable: true })
  otherSpecialSituation: string | null;

  @Field({ description: 'Oxygen-enriched environment declared (P-7: O₂ up to 23.5 %)' })
  @Column('boolean', { name: 'oxygen_enriched', default: false })
  oxygenEnriched: boolean;

  @Field({ description: 'Continuous gas monitoring in place (SPECIAL hot work, confined space)' })
  @Column('boolean', { name: 'continuous_monitoring', default: false })
  continuousMonitoring: boolean;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'approved_by_id', nullable: true })
  approvedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Field(() => PermitRevocation, { nullable: true })
  @Column('jsonb', { nullable: true })
  revocation: PermitRevocation | null;

  /** P-2 revocations wait here for the sweep to emit `PermitRevoked` (event handlers have no outbox). */
  @Column('boolean', { name: 'revocation_notice_pending', default: false })
  revocationNoticePending: boolean;

  @Field(() => PermitGateResult, {
    nullable: true,
    description: 'The last answer of the qualification gate (refused or passed)',
  })
  @Column('jsonb', { name: 'last_gate', nullable: true })
  lastGate: PermitGateResult | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'created_by_id', nullable: true })
  createdById: string | null;

  @Field({ description: 'Optimistic lock: pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
