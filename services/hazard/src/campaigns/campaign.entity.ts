import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CampaignKind, CampaignStatus } from './campaign.enums.js';

/** One line of a campaign's checklist (检查清单). */
@ObjectType('CampaignChecklistItem', { description: '专项整治检查清单条目' })
export class CampaignChecklistItem {
  @Field() item: string;
  @Field(() => String, { nullable: true, description: 'Legal or standard basis' }) basis: string | null;
}

/** 专项整治 (domain §5.11). */
@Entity('special_campaign')
@ObjectType({ description: '专项整治' })
@Directive('@key(fields: "id")')
export class SpecialCampaign {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: '编号 ZX-YYYY-nnn' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field()
  @Column()
  title: string;

  @Field(() => CampaignKind)
  @Column('text')
  kind: CampaignKind;

  @Field({ description: 'Safety domain (domain §3.2) or CROSS_CUTTING' })
  @Column('text')
  domain: string;

  @Field(() => [String], { description: '整治重点' })
  @Column('jsonb', { name: 'sub_focus', default: () => "'[]'" })
  subFocus: string[];

  @Field(() => ID, { description: '牵头单位 (OrgUnit)' })
  @Column('uuid', { name: 'lead_org_id' })
  leadOrgId: string;

  @Field(() => [ID], { description: '配合单位' })
  @Column('jsonb', { name: 'support_org_ids', default: () => "'[]'" })
  supportOrgIds: string[];

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'period_from' })
  periodFrom: string;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'period_to' })
  periodTo: string;

  @Field(() => [String], { description: 'Target filter: industries (domain §3.3); empty = any' })
  @Column('jsonb', { name: 'target_industry_codes', default: () => "'[]'" })
  targetIndustryCodes: string[];

  @Field(() => [String], { description: 'Target filter: towns; empty = the whole county' })
  @Column('jsonb', { name: 'target_township_codes', default: () => "'[]'" })
  targetTownshipCodes: string[];

  @Field(() => [ID], { description: 'Target filter: major-hazard criteria (their industries are targeted)' })
  @Column('jsonb', { name: 'target_criterion_ids', default: () => "'[]'" })
  targetCriterionIds: string[];

  @Field(() => String, { nullable: true, description: 'Checklist template of the self-check module, if any' })
  @Column('text', { name: 'checklist_template_id', nullable: true })
  checklistTemplateId: string | null;

  @Field(() => [CampaignChecklistItem])
  @Column('jsonb', { default: () => "'[]'" })
  checklist: CampaignChecklistItem[];

  @Field({ description: '工作目标' })
  @Column('text')
  goals: string;

  @Field(() => CampaignStatus)
  @Column('text')
  status: CampaignStatus;

  @Field(() => ID, { nullable: true, description: 'H-8: the major hazard it was launched from' })
  @Column('uuid', { name: 'origin_hazard_id', nullable: true })
  originHazardId: string | null;

  @Field(() => String, { nullable: true, description: 'H-8: the accident (emergency) it was launched from' })
  @Column('text', { name: 'origin_accident_ref', nullable: true })
  originAccidentRef: string | null;

  @Field(() => String, { nullable: true, description: '总结 (written when closing)' })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the campaign' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An enterprise a campaign targets, frozen when the campaign starts, with its check (覆盖). */
@Entity('campaign_target')
@Index(['campaignId', 'enterpriseId'], { unique: true })
@ObjectType({ description: '专项整治对象企业' })
export class CampaignTarget {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field(() => Date, { nullable: true, description: 'When the enterprise was checked under the campaign' })
  @Column('timestamptz', { name: 'checked_at', nullable: true })
  checkedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'checked_by_id', nullable: true })
  checkedById: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'check_note', nullable: true })
  checkNote: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The progress figures of a campaign (domain §5.11), live or as a weekly snapshot. */
@ObjectType('CampaignMetrics', { description: '专项整治进展指标' })
export class CampaignMetrics {
  @Field(() => Int, { description: '对象企业数' }) enterprisesTargeted: number;
  @Field(() => Int, { description: '已覆盖企业数 (checked, or with a campaign hazard)' })
  enterprisesCovered: number;

  @Field(() => String, { nullable: true, description: 'Coverage, percent' }) coverageRate: string | null;
  @Field(() => Int, { description: '发现隐患' }) hazardsFound: number;
  @Field(() => Int, { description: '其中一般隐患' }) generalHazards: number;
  @Field(() => Int, { description: '其中重大隐患' }) majorHazards: number;
  @Field(() => Int, { description: '已销号' }) hazardsClosed: number;
  @Field(() => Int, { description: '逾期未整改' }) hazardsOverdue: number;
  @Field(() => Int, {
    nullable: true,
    description: '处罚 (enforcement cases from supervision); null until that source exists',
  })
  penalties: number | null;
}

/** Weekly progress snapshot during ACTIVE [D]. */
@Entity('campaign_progress_snapshot')
@Index(['campaignId', 'weekStart'], { unique: true })
@ObjectType({ description: '专项整治周进展' })
export class CampaignProgressSnapshot {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Field(() => LocalDateResolver, { description: 'Monday of the week' })
  @Column('date', { name: 'week_start' })
  weekStart: string;

  @Field()
  @Column('timestamptz', { name: 'taken_at' })
  takenAt: Date;

  @Field(() => CampaignMetrics, { description: 'County-wide figures at the time of the snapshot' })
  @Column('jsonb')
  metrics: CampaignMetrics;
}
