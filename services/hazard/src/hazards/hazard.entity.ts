import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
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
  AcceptanceTier,
  AssignmentLeg,
  EvidenceKind,
  HazardCategory,
  HazardDetermination,
  HazardGrade,
  HazardSource,
  HazardStatus,
  InterimMeasureKind,
  RejectionKind,
} from './hazard.enums.js';
import type { ListingLevel } from './hazard.rules.js';

/** An evidence file (photo, signed PDF) by its content address, with what it shows (domain §2.6). */
@ObjectType('HazardEvidence', { description: '隐患证据材料' })
export class HazardEvidence {
  @Field({ description: 'File id from the gateway `POST /files`: SHA-256 of the content, 64 hex' })
  fileId: string;

  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field(() => String, { nullable: true }) caption: string | null;
  @Field({ description: 'When it was attached (ISO 8601)' }) addedAt: string;
  @Field(() => ID, { nullable: true }) addedById: string | null;
}

/** 临时管控措施 while a hazard is rectified. */
@ObjectType('InterimMeasure', { description: '临时管控措施' })
export class InterimMeasure {
  @Field(() => InterimMeasureKind) kind: InterimMeasureKind;
  @Field() text: string;
}

/**
 * 重大事故隐患治理方案: the content of 令第16号 第15条 and the "五定" fields
 * (定措施、定责任、定资金、定时限、定预案), approved by the enterprise principal.
 */
@ObjectType('RectificationPlan', { description: '重大事故隐患治理方案' })
export class RectificationPlan {
  @Field({ description: '治理的目标和任务' }) objectives: string;
  @Field({ description: '采取的方法和措施 (定措施)' }) measures: string;
  @Field({ description: '经费 in yuan, exact decimal (定资金)' }) funds: string;
  @Field({ description: '物资落实' }) materials: string;
  @Field({ description: '负责治理的机构' }) responsibleOrganisation: string;
  @Field({ description: '责任人 (定责任)' }) responsiblePerson: string;
  @Field(() => LocalDateResolver, { description: '治理时限 (定时限)' }) deadline: string;
  @Field({ description: '时限和要求' }) requirements: string;
  @Field({ description: '治理期间的安全措施' }) safetyMeasures: string;
  @Field({ description: '应急预案 (定预案)' }) contingencyPlan: string;
  @Field(() => String, { nullable: true, description: 'The signed plan document' })
  planFileId: string | null;

  @Field() submittedAt: string;
  @Field(() => ID, { nullable: true }) submittedById: string | null;
  @Field(() => String, { nullable: true, description: 'Approved by the principal (ISO 8601)' })
  approvedAt: string | null;

  @Field(() => ID, { nullable: true }) approvedById: string | null;
}

/** One leg of 双重交办 (H-2); responsibility creates the task from the event. */
@ObjectType('HazardAssignment', { description: '双重交办' })
export class HazardAssignment {
  @Field(() => AssignmentLeg) leg: AssignmentLeg;
  @Field(() => ID, { nullable: true }) enterpriseId: string | null;
  @Field(() => [ID]) orgUnitIds: string[];
  @Field(() => String, { nullable: true }) townshipCode: string | null;
}

@ObjectType('GeoPoint', { description: 'WGS-84 position' })
export class GeoPoint {
  @Field(() => Float) longitude: number;
  @Field(() => Float) latitude: number;
}

/** 事故隐患: a hazard and its rectification lifecycle (domain §5.6). */
@Entity('hazard')
@ObjectType({ description: '事故隐患' })
@Directive('@key(fields: "id")')
export class Hazard {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '隐患编号 HZ-YYYY-nnnnnn' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field(() => ID, {
    nullable: true,
    description: 'null for public-area hazards (then orgUnitId is responsible)',
  })
  @Column('uuid', { name: 'enterprise_id', nullable: true })
  enterpriseId: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible body of a public-area hazard' })
  @Column('uuid', { name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Supervising department beyond the industry regulators (e.g. 市场监管 for special equipment, domain §5.5)',
  })
  @Column('uuid', { name: 'supervising_org_id', nullable: true })
  supervisingOrgId: string | null;

  @Field(() => String, { nullable: true, description: 'Town (镇) where it was found' })
  @Column('text', { name: 'township_code', nullable: true })
  townshipCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Industry at the time found (criteria apply by industry)',
  })
  @Column('text', { name: 'industry_code', nullable: true })
  industryCode: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column()
  description: string;

  @Field(() => HazardCategory, { nullable: true })
  @Column('text', { nullable: true })
  category: HazardCategory | null;

  @Field(() => HazardGrade)
  @Column('text')
  grade: HazardGrade;

  @Field(() => HazardDetermination, { nullable: true })
  @Column('text', { nullable: true })
  determination: HazardDetermination | null;

  @Field(() => ID, {
    nullable: true,
    description: 'MajorHazardCriterion (domain §5.7.1) when STANDARD_CLAUSE',
  })
  @Column('text', { name: 'criterion_id', nullable: true })
  criterionId: string | null;

  @Field(() => String, { nullable: true, description: 'Expert opinion file when EXPERT_JUDGEMENT' })
  @Column('text', { name: 'expert_opinion_file_id', nullable: true })
  expertOpinionFileId: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'risk_point_id', nullable: true })
  riskPointId: string | null;

  @Field(() => HazardSource)
  @Column('text')
  source: HazardSource;

  @Field(() => String, { nullable: true, description: 'Inspection, report, alert or campaign id' })
  @Column('text', { name: 'source_ref', nullable: true })
  sourceRef: string | null;

  @Field(() => HazardStatus)
  @Column('text')
  status: HazardStatus;

  @Field({ description: '发现时间' })
  @Column('timestamptz', { name: 'found_at' })
  foundAt: Date;

  @Field(() => ID, { nullable: true, description: 'Account that found (reported) it' })
  @Column('text', { name: 'found_by_id', nullable: true })
  foundById: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'found_by_name', nullable: true })
  foundByName: string | null;

  @Field(() => [HazardEvidence])
  @Column('jsonb', { default: () => "'[]'" })
  evidence: HazardEvidence[];

  @Field(() => String, { nullable: true, description: 'Why there is no photo (row 1)' })
  @Column('text', { name: 'no_photo_reason', nullable: true })
  noPhotoReason: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: '整改期限: the last day (Asia/Shanghai) of rectification; set on confirmation',
  })
  @Column('date', { nullable: true })
  deadline: string | null;

  @Field(() => [InterimMeasure])
  @Column('jsonb', { name: 'interim_measures', default: () => "'[]'" })
  interimMeasures: InterimMeasure[];

  @Field(() => RectificationPlan, { nullable: true, description: 'Required for MAJOR hazards' })
  @Column('jsonb', { nullable: true })
  plan: RectificationPlan | null;

  @Field(() => [HazardAssignment])
  @Column('jsonb', { default: () => "'[]'" })
  assignments: HazardAssignment[];

  @Field(() => AcceptanceTier)
  @Column('text', { name: 'acceptance_tier' })
  acceptanceTier: AcceptanceTier;

  @Field({ description: 'H-5 当作事故对待' })
  @Column('boolean', { name: 'treat_as_accident', default: false })
  treatAsAccident: boolean;

  @Field(() => ID, { nullable: true, description: 'H-6: the previous closed hazard this one repeats' })
  @Column('uuid', { name: 'repeat_of_id', nullable: true })
  repeatOfId: string | null;

  @Field(() => ID, { nullable: true, description: 'Supervised listing (domain §5.7.2)' })
  @Column('uuid', { name: 'listing_id', nullable: true })
  listingId: string | null;

  @Column('text', { name: 'listing_level', nullable: true })
  listingLevel: ListingLevel | null;

  @Field(() => RejectionKind, { nullable: true })
  @Column('text', { name: 'rejection_kind', nullable: true })
  rejectionKind: RejectionKind | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'duplicate_of_id', nullable: true })
  duplicateOfId: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Who rectified it (fixed on the spot or requested acceptance)',
  })
  @Column('text', { name: 'rectified_by_id', nullable: true })
  rectifiedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'resumption_applied_at', nullable: true })
  resumptionAppliedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '验收时间' })
  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'accepted_by_id', nullable: true })
  acceptedById: string | null;

  @Field(() => Date, { nullable: true, description: '销号时间' })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** The deadline whose crossing was notified (HazardOverdue once per crossing). */
  @Column('date', { name: 'overdue_notified_for', nullable: true })
  overdueNotifiedFor: string | null;

  /** The confirmation the H-4 reminder was raised for. */
  @Column('timestamptz', { name: 'plan_reminded_for', nullable: true })
  planRemindedFor: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the hazard' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a hazard's lifecycle, for the status timeline (who, when, from, to, why). */
@Entity('hazard_status_change')
@ObjectType({ description: '隐患状态变更记录' })
export class HazardStatusChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'hazard_id' })
  hazardId: string;

  @Field(() => HazardStatus, { nullable: true, description: 'null when the hazard was created' })
  @Column('text', { name: 'from_status', nullable: true })
  from: HazardStatus | null;

  @Field(() => HazardStatus)
  @Column('text', { name: 'to_status' })
  to: HazardStatus;

  @Field()
  @Column('timestamptz')
  at: Date;

  /** Insertion order: steps of one transaction share `at` (7 after 2, 10 after 8). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq: string;

  @Field(() => ID, { nullable: true, description: 'null when the platform acted (rows 7 and 10)' })
  @Column('text', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'actor_username', nullable: true })
  actorUsername: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;
}
