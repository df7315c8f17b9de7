import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { BriefingLevel, BriefingRiskLevel, BriefingStatus, RiskItemFollowUp } from './briefing.enums.js';

@ObjectType('BriefingParticipant', { description: '参会人员' })
export class BriefingParticipant {
  @Field() name: string;
  @Field(() => ID, { nullable: true }) orgId: string | null;
  @Field(() => String, { nullable: true, description: '职务' }) position: string | null;
}

@ObjectType('RiskItem', { description: '研判风险事项' })
export class RiskItem {
  @Field(() => ID) id: string;
  @Field({ description: 'Safety domain (domain §3.2)' }) domain: string;
  @Field() description: string;
  @Field(() => BriefingRiskLevel) level: BriefingRiskLevel;
  @Field({ description: '管控措施' }) measures: string;
  @Field(() => ID, { description: '责任单位' }) responsibleOrgId: string;
  @Field(() => LocalDateResolver) due: string;
  @Field(() => RiskItemFollowUp) followUp: RiskItemFollowUp;
  @Field(() => [ID], { description: 'Enterprises a warning notice goes to' }) enterpriseIds: string[];
  @Field(() => String, { nullable: true, description: '提示函编号, given when the briefing is issued' })
  noticeNo: string | null;
}

@ObjectType('BriefingOutput', { description: '研判成果（纪要、通报、提示函）' })
export class BriefingOutput {
  @Field() title: string;
  @Field(() => String, { nullable: true, description: 'File id from POST /files' }) fileId: string | null;
}

@ObjectType('DigestHazard', { description: '研判摘要中点名的隐患' })
export class DigestHazard {
  @Field(() => ID) hazardId: string;
  @Field() code: string;
  @Field() title: string;
  @Field() grade: string;
  @Field(() => ID, { nullable: true }) enterpriseId: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) deadline: string | null;
  @Field({ description: 'NEW_MAJOR, OVERDUE or OPEN_MAJOR' }) reason: string;
}

@ObjectType('DigestKeyPeriod', { description: '重大节日和重点时段 ahead' })
export class DigestKeyPeriod {
  @Field({ description: 'KeyPeriodKind of the work calendar' }) kind: string;
  @Field() name: string;
  @Field(() => LocalDateResolver) from: string;
  @Field(() => LocalDateResolver) to: string;
}

/** 研判摘要: generated from the records when the briefing is created (domain §5.12). */
@ObjectType('RiskDigest', { description: '自动研判摘要' })
export class RiskDigest {
  @Field() generatedAt: string;
  @Field(() => LocalDateResolver) periodFrom: string;
  @Field(() => LocalDateResolver) periodTo: string;
  @Field(() => Int, { description: '本期新增隐患' }) newHazards: number;
  @Field(() => Int, { description: '本期新增重大隐患' }) newMajorHazards: number;
  @Field(() => Int, { description: '逾期未整改隐患' }) overdueHazards: number;
  @Field(() => Int, { description: '未销号重大隐患' }) openMajorHazards: number;
  @Field(() => Int, { description: '挂牌督办中' }) openListings: number;
  @Field(() => [DigestHazard]) highlights: DigestHazard[];
  @Field(() => [DigestKeyPeriod], { description: 'Key periods in or shortly after the period' })
  keyPeriods: DigestKeyPeriod[];

  @Field(() => [String], { description: '监测预警 (empty until the alerts source exists)' })
  monitoringAlerts: string[];

  @Field(() => [String], { description: '事故情况 (from emergency; empty until connected)' })
  accidents: string[];

  @Field(() => [String], { description: '气象灾害预警 (domain §8.8; empty until connected)' })
  warnings: string[];

  @Field(() => [ID], { description: 'Enterprises changed to class D (supervision; empty until connected)' })
  classDEnterpriseIds: string[];
}

/** 风险研判 (domain §5.12). */
@Entity('risk_briefing')
@Index(['level', 'orgId', 'periodFrom'], { unique: true })
@ObjectType({ description: '风险研判' })
export class RiskBriefing {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => BriefingLevel)
  @Column('text')
  level: BriefingLevel;

  @Field(() => ID, { description: 'Organisation holding it' })
  @Column('uuid', { name: 'org_id' })
  orgId: string;

  @Field(() => String, { nullable: true, description: 'Town of a TOWN_MONTHLY briefing' })
  @Column('text', { name: 'township_code', nullable: true })
  townshipCode: string | null;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'period_from' })
  periodFrom: string;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'period_to' })
  periodTo: string;

  @Field(() => BriefingStatus)
  @Column('text')
  status: BriefingStatus;

  @Field(() => [BriefingParticipant])
  @Column('jsonb', { default: () => "'[]'" })
  participants: BriefingParticipant[];

  @Field(() => RiskDigest)
  @Column('jsonb', { name: 'auto_digest' })
  autoDigest: RiskDigest;

  @Field(() => [RiskItem])
  @Column('jsonb', { name: 'risk_items', default: () => "'[]'" })
  riskItems: RiskItem[];

  @Field(() => [BriefingOutput])
  @Column('jsonb', { default: () => "'[]'" })
  outputs: BriefingOutput[];

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'issued_at', nullable: true })
  issuedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'created_by_id', nullable: true })
  createdById: string | null;

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
