import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  ControlLevel,
  RiskControlKind,
  RiskLevel,
  RiskLevelBasis,
  RiskMethod,
  RiskPointKind,
} from './risk.enums.js';

/** One control measure of a risk point (domain §5.2 `controls[]`). */
@ObjectType('RiskControl', { description: '风险管控措施' })
export class RiskControl {
  @Field(() => RiskControlKind) kind: RiskControlKind;
  @Field() text: string;
}

/** The inputs of an assessment: L, E, C for LEC; L, S for the matrix. */
@ObjectType({ description: '评估取值' })
export class RiskAssessmentInputValues {
  @Field({ description: 'L (likelihood)' }) l: string;
  @Field(() => String, { nullable: true, description: 'E (exposure), LEC' }) e: string | null;
  @Field(() => String, { nullable: true, description: 'C (consequence), LEC' }) c: string | null;
  @Field(() => String, { nullable: true, description: 'S (severity), matrix' }) s: string | null;
}

/** 风险点: a facility/area or an activity whose risk is identified, assessed and controlled (domain §5.2). */
@Entity('risk_point')
@ObjectType({ description: '风险点' })
@Directive('@key(fields: "id")')
export class RiskPoint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'null for a public-area risk (then orgUnitId)' })
  @Index()
  @Column('uuid', { name: 'enterprise_id', nullable: true })
  enterpriseId: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible body of a public-area risk point' })
  @Column('uuid', { name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Field(() => String, { nullable: true, description: 'Town (镇)' })
  @Column('text', { name: 'township_code', nullable: true })
  townshipCode: string | null;

  @Field(() => String, { nullable: true, description: 'Industry of the enterprise (criteria profile)' })
  @Column('text', { name: 'industry_code', nullable: true })
  industryCode: string | null;

  @Field(() => RiskPointKind)
  @Column('text')
  kind: RiskPointKind;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field(() => [[Float]], {
    nullable: true,
    description: 'Floor-plan polygon [[x, y], …] in a 0–1000 plan space (enterprise four-colour map)',
  })
  @Column('jsonb', { name: 'floor_plan_polygon', nullable: true })
  floorPlanPolygon: number[][] | null;

  @Field(() => [String], { description: 'AccidentType (GB 6441-1986), e.g. 火灾, 中毒和窒息' })
  @Column('jsonb', { name: 'accident_types', default: () => "'[]'" })
  accidentTypes: string[];

  @Field(() => [String], { description: '人、物、环境、管理 factors' })
  @Column('jsonb', { name: 'hazard_factors', default: () => "'[]'" })
  hazardFactors: string[];

  @Field(() => [RiskControl])
  @Column('jsonb', { default: () => "'[]'" })
  controls: RiskControl[];

  @Field(() => ControlLevel)
  @Column('text', { name: 'control_level' })
  controlLevel: ControlLevel;

  @Field(() => String, { nullable: true, description: 'Why the control level is below the default' })
  @Column('text', { name: 'control_level_reason', nullable: true })
  controlLevelReason: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'responsible_person_id', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The major hazard source this point is part of (domain §5.4)',
  })
  @Column('uuid', { name: 'major_hazard_source_id', nullable: true })
  majorHazardSourceId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'current_assessment_id', nullable: true })
  currentAssessmentId: string | null;

  @Field(() => RiskLevel, {
    nullable: true,
    description: 'Effective level: assessed, raised by the overrides of domain §5.2 c; null until assessed',
  })
  @Index()
  @Column('text', { name: 'risk_level', nullable: true })
  riskLevel: RiskLevel | null;

  @Field(() => [RiskLevelBasis], { description: 'Every rule that demands the current level' })
  @Column('jsonb', { name: 'level_basis', default: () => "'[]'" })
  levelBasis: RiskLevelBasis[];

  @Field(() => String, { nullable: true, description: '岗位风险告知卡: a file id from POST /files' })
  @Column('text', { name: 'notice_card_file_id', nullable: true })
  noticeCardFileId: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Re-assess by this local day' })
  @Index()
  @Column('date', { name: 'next_review_due', nullable: true })
  nextReviewDue: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'retired_reason', nullable: true })
  retiredReason: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the point' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** 风险评估记录: one assessment of a risk point, kept forever with its criteria version (domain §5.2). */
@Entity('risk_assessment')
@ObjectType({ description: '风险评估记录' })
export class RiskAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Index()
  @Column('uuid', { name: 'risk_point_id' })
  riskPointId: string;

  @Field(() => RiskMethod)
  @Column('text')
  method: RiskMethod;

  /** {l, e, c} (LEC) or {l, s} (matrix), as entered; exposed through `RiskAssessmentInputValues`. */
  @Column('jsonb')
  inputs: Record<string, string | number>;

  @Field({ description: 'D (LEC) or R (matrix), exact decimal' })
  @Column('text')
  score: string;

  @Field(() => Int, { nullable: true, description: 'LEC band 1–5 (4级 and 5级 are both LOW)' })
  @Column('int', { nullable: true })
  band: number | null;

  @Field(() => String, { nullable: true, description: 'Classic wording of the LEC band' })
  @Column('text', { name: 'band_wording', nullable: true })
  bandWording: string | null;

  @Field(() => RiskLevel)
  @Column('text', { name: 'computed_level' })
  computedLevel: RiskLevel;

  @Field(() => RiskLevel, { nullable: true, description: 'Raised by the assessors (never lowered)' })
  @Column('text', { name: 'override_level', nullable: true })
  overrideLevel: RiskLevel | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'override_reason', nullable: true })
  overrideReason: string | null;

  @Field(() => [String])
  @Column('jsonb', { name: 'assessor_ids', default: () => "'[]'" })
  assessorIds: string[];

  @Field()
  @Column('timestamptz', { name: 'assessed_at' })
  assessedAt: Date;

  @Field({ description: 'RiskCriteriaProfile id@version used' })
  @Column('text', { name: 'criteria_version' })
  criteriaVersion: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The stored enterprise risk level (domain §5.2 last paragraph), recomputed after assessments and hourly. */
@Entity('enterprise_risk')
export class EnterpriseRisk {
  @PrimaryColumn('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Column('text', { nullable: true })
  level: RiskLevel | null;

  @Column('text', { name: 'base_level', nullable: true })
  baseLevel: RiskLevel | null;

  @Column('jsonb', { default: () => "'[]'" })
  reasons: unknown[];

  @Column('timestamptz', { name: 'computed_at' })
  computedAt: Date;
}
