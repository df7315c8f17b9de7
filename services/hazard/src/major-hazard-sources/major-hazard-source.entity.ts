import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  BaobaoRole,
  BetaBasis,
  BetaEdition,
  MajorHazardSourceGrade,
  MajorHazardUnitType,
} from './major-hazard-source.enums.js';

/** One substance of a unit with its q/Q and β as assessed (domain §5.4). */
@ObjectType('MajorHazardSubstance', { description: '重大危险源单元内的危险化学品' })
export class MajorHazardSubstance {
  @Field() name: string;
  @Field(() => String, { nullable: true }) cas: string | null;
  @Field({ description: 'q: maximum quantity present, t (exact decimal)' }) q: string;
  @Field({ description: 'Q: critical quantity, t (GB 18218-2018)' }) criticalQuantity: string;
  @Field({ description: 'q/Q (rounded to 6 places when not a finite decimal; see ratioExact)' })
  ratio: string;
  @Field() ratioExact: boolean;
  @Field(() => String, { nullable: true, description: 'Hazard class β was read from (W5.2, J1, …)' })
  hazardClass: string | null;

  @Field({ description: 'β used' }) beta: string;
  @Field(() => BetaBasis) betaBasis: BetaBasis;
  @Field(() => String, { nullable: true, description: 'Justification of a β override' })
  betaJustification: string | null;
}

/** 危险化学品重大危险源: one production or storage unit, identified and graded by GB 18218-2018. */
@Entity('major_hazard_source')
@ObjectType({ description: '危险化学品重大危险源（辨识单元）' })
@Directive('@key(fields: "id")')
export class MajorHazardSource {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: '单元名称, e.g. 甲醇罐区' })
  @Column('text', { name: 'unit_name' })
  unitName: string;

  @Field(() => MajorHazardUnitType)
  @Column('text', { name: 'unit_type' })
  unitType: MajorHazardUnitType;

  @Field(() => BetaEdition)
  @Column('text', { name: 'beta_edition' })
  betaEdition: BetaEdition;

  @Field(() => [MajorHazardSubstance])
  @Column('jsonb')
  substances: MajorHazardSubstance[];

  /** The substances as entered (recomputed from these on update). */
  @Column('jsonb', { name: 'substance_inputs' })
  substanceInputs: Record<string, unknown>[];

  @Field(() => Int, { description: '厂界外500米范围内常住人口' })
  @Column('int', { name: 'residents_within_500m' })
  residentsWithin500m: number;

  @Field({ description: 'α by the residents within 500 m' })
  @Column('text')
  alpha: string;

  @Field({ description: 'S = Σ q/Q (≥ 1: a major hazard source)' })
  @Column('text')
  s: string;

  @Field({ description: 'S is exact (false: rounded to 6 places)' })
  @Column('boolean', { name: 's_exact' })
  sExact: boolean;

  @Field({ description: 'S ≥ 1 (equality counts)' })
  @Column('boolean', { name: 'is_major_hazard_source' })
  isMajorHazardSource: boolean;

  @Field(() => String, { nullable: true, description: 'R = α × Σ β·q/Q; null unless S ≥ 1' })
  @Column('text', { nullable: true })
  r: string | null;

  @Field(() => Boolean, { nullable: true })
  @Column('boolean', { name: 'r_exact', nullable: true })
  rExact: boolean | null;

  @Field(() => MajorHazardSourceGrade, { nullable: true, description: 'null (not IV) unless S ≥ 1' })
  @Column('text', { nullable: true })
  grade: MajorHazardSourceGrade | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '备案日期' })
  @Column('date', { name: 'filed_at', nullable: true })
  filedAt: string | null;

  @Field({ description: 'Linked to online monitoring (监测预警)' })
  @Column('boolean', { name: 'monitoring_linked', default: false })
  monitoringLinked: boolean;

  @Field(() => String, { nullable: true, description: '包保主要负责人' })
  @Column('text', { name: 'principal_name', nullable: true })
  principalName: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'principal_id', nullable: true })
  principalId: string | null;

  @Field(() => String, { nullable: true, description: '包保技术负责人' })
  @Column('text', { name: 'technical_lead_name', nullable: true })
  technicalLeadName: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'technical_lead_id', nullable: true })
  technicalLeadId: string | null;

  @Field(() => String, { nullable: true, description: '包保操作负责人' })
  @Column('text', { name: 'operations_lead_name', nullable: true })
  operationsLeadName: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'operations_lead_id', nullable: true })
  operationsLeadId: string | null;

  @Field(() => LocalDateResolver, { description: 'First day the 包保 cadences are judged from' })
  @Column('date', { name: 'baobao_since' })
  baobaoSince: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One 包保 check by one of the three persons (domain §5.4). */
@Entity('baobao_check')
@ObjectType({ description: '包保责任人检查记录' })
export class BaobaoCheck {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'source_id' })
  sourceId: string;

  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field(() => BaobaoRole)
  @Column('text')
  role: BaobaoRole;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'checked_on' })
  checkedOn: string;

  @Field()
  @Column('text', { name: 'person_name' })
  personName: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'person_id', nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  findings: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
