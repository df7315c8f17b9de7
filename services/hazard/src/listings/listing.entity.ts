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
import { ListingLevel, ListingStatus } from './listing.enums.js';

/** One extension request and the issuer's decision (domain §5.7.2: 20 / 10 working days [D]). */
@ObjectType('ListingExtension', { description: '挂牌督办延期申请' })
export class ListingExtension {
  @Field(() => LocalDateResolver) requestedOn: string;
  @Field(() => ID, { nullable: true }) requestedById: string | null;
  @Field(() => LocalDateResolver, { description: 'The deadline before the request' })
  previousDeadline: string;
  @Field(() => LocalDateResolver, { description: 'The deadline asked for' }) requestedDeadline: string;
  @Field() reason: string;
  @Field(() => LocalDateResolver, { description: 'The issuer decides by this day (10 working days)' })
  decisionDue: string;

  @Field(() => Boolean, { nullable: true, description: 'null while undecided' }) granted: boolean | null;
  @Field(() => String, { nullable: true }) decidedAt: string | null;
  @Field(() => ID, { nullable: true }) decidedById: string | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Decided after the decision was due' })
  decidedLate: boolean | null;
}

/** One step of the listing's lifecycle (who, when, from, to, why). */
@ObjectType('ListingStatusChange', { description: '挂牌督办状态变更记录' })
export class ListingStatusChange {
  @Field(() => ListingStatus, { nullable: true }) from: ListingStatus | null;
  @Field(() => ListingStatus) to: ListingStatus;
  @Field() at: string;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorUsername: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
}

/** 重大事故隐患挂牌督办 (domain §5.7.2). */
@Entity('supervised_listing')
@ObjectType({ description: '重大事故隐患挂牌督办' })
@Directive('@key(fields: "id")')
export class SupervisedListing {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: '督办通知书编号 DB-YYYY-nnn, set when listed' })
  @Column('text', { name: 'notice_no', nullable: true })
  noticeNo: string | null;

  @Field(() => ListingLevel)
  @Column('text')
  level: ListingLevel;

  @Field(() => ListingStatus)
  @Column('text')
  status: ListingStatus;

  @Field(() => [ID], { description: 'The MAJOR hazards listed, all of one enterprise' })
  @Column('uuid', { name: 'hazard_ids', array: true })
  hazardIds: string[];

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: 'Town (镇) of the enterprise' })
  @Column('text', { name: 'township_code' })
  townshipCode: string;

  @Field(() => ID, { description: 'The body issuing the notice (安委会, the department or the town)' })
  @Column('uuid', { name: 'issuing_org_id' })
  issuingOrgId: string;

  @Field(() => ID, { nullable: true, description: 'Territorial oversight (属地)' })
  @Column('uuid', { name: 'territorial_org_id', nullable: true })
  territorialOrgId: string | null;

  @Field(() => ID, { nullable: true, description: 'Industry oversight (行业)' })
  @Column('uuid', { name: 'industry_org_id', nullable: true })
  industryOrgId: string | null;

  @Field({ description: '督办要求' })
  @Column('text')
  requirements: string;

  @Field(() => LocalDateResolver, { description: '整改期限: the last day, extensions included' })
  @Column('date')
  deadline: string;

  @Field(() => LocalDateResolver, { description: 'The deadline as first issued' })
  @Column('date', { name: 'original_deadline' })
  originalDeadline: string;

  @Field(() => Int, { description: 'Progress reports every so many days (default 15)' })
  @Column('int', { name: 'progress_cadence_days', default: 15 })
  progressCadenceDays: number;

  @Field(() => String, { nullable: true, description: 'Public notice, when the listing is published' })
  @Column('text', { name: 'public_notice_url', nullable: true })
  publicNoticeUrl: string | null;

  @Field(() => [ListingExtension])
  @Column('jsonb', { default: () => "'[]'" })
  extensions: ListingExtension[];

  @Field(() => [ListingStatusChange], { description: 'The status timeline, oldest first' })
  @Column('jsonb', { default: () => "'[]'" })
  history: ListingStatusChange[];

  @Field()
  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'proposed_by_id', nullable: true })
  proposedById: string | null;

  @Field(() => Date, { nullable: true, description: '挂牌 (notice issued)' })
  @Column('timestamptz', { name: 'listed_at', nullable: true })
  listedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'delisting_applied_at', nullable: true })
  delistingAppliedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '摘牌' })
  @Column('timestamptz', { name: 'delisted_at', nullable: true })
  delistedAt: Date | null;

  /** The deadline whose crossing was notified (ListingOverdue once per crossing). */
  @Column('date', { name: 'overdue_notified_for', nullable: true })
  overdueNotifiedFor: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the listing' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
