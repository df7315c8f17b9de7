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
import { SelfCheckCadence, SelfCheckItemResult, SelfCheckKind } from './self-check.enums.js';

/** One item of a plan's checklist (检查表). */
@ObjectType('SelfCheckChecklistItem', { description: '自查检查表条目' })
export class SelfCheckChecklistItem {
  @Field({ description: 'Stable code within the plan, e.g. `A1`' }) code: string;
  @Field({ description: '检查内容' }) text: string;
}

/** 企业自查计划 (domain §5.8). */
@Entity('self_check_plan')
@ObjectType({ description: '企业自查计划' })
@Directive('@key(fields: "id")')
export class SelfCheckPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field()
  @Column()
  name: string;

  @Field(() => SelfCheckKind)
  @Column('text')
  kind: SelfCheckKind;

  @Field(() => SelfCheckCadence)
  @Column('text')
  cadence: SelfCheckCadence;

  @Field(() => Int, { description: 'PATROL: shifts a day, each needing its patrol' })
  @Column('int', { name: 'shifts_per_day', default: 1 })
  shiftsPerDay: number;

  @Field(() => String, { nullable: true, description: 'Checklist template the items were taken from' })
  @Column('text', { name: 'checklist_template_id', nullable: true })
  checklistTemplateId: string | null;

  @Field(() => [SelfCheckChecklistItem])
  @Column('jsonb')
  checklist: SelfCheckChecklistItem[];

  @Field({ description: 'Role that performs it (ENT_SAFETY_MANAGER, ENT_STAFF, …)' })
  @Column('text', { name: 'responsible_role' })
  responsibleRole: string;

  @Field(() => LocalDateResolver, { description: 'First day the plan is in force' })
  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day in force, once retired' })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

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

/** One answered checklist item of a record. */
@ObjectType('SelfCheckRecordItem', { description: '检查项结果' })
export class SelfCheckRecordItem {
  @Field() code: string;
  @Field(() => SelfCheckItemResult) result: SelfCheckItemResult;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true, description: 'The hazard this NOK item raised' })
  hazardId: string | null;
}

/** 企业自查记录 (domain §5.8). */
@Entity('self_check_record')
@ObjectType({ description: '企业自查记录' })
@Directive('@key(fields: "id")')
export class SelfCheckRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'plan_id' })
  planId: string;

  /** Copied from the plan: scope and per-enterprise lists work on the record itself. */
  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field()
  @Column('timestamptz', { name: 'performed_at' })
  performedAt: Date;

  /** The local day (Asia/Shanghai) of `performedAt`: the day the cadence counts. */
  @Field(() => LocalDateResolver)
  @Column('date', { name: 'performed_on' })
  performedOn: string;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'performed_by_id', nullable: true })
  performedById: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'performed_by_name', nullable: true })
  performedByName: string | null;

  @Field(() => [SelfCheckRecordItem])
  @Column('jsonb')
  items: SelfCheckRecordItem[];

  @Field(() => [ID], { description: 'Hazards raised from NOK items' })
  @Column('uuid', { name: 'hazard_ids', array: true, default: () => "'{}'" })
  hazardIds: string[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
