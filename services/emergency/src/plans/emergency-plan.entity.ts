import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan.enums.js';

/** 应急预案: an enterprise's emergency plan, its filing and periodic evaluation (domain §8.2). */
@Entity('emergency_plan')
@ObjectType({ description: '应急预案' })
@Directive('@key(fields: "id")')
export class EmergencyPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '预案编号 EP-YYYY-nnnn' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field()
  @Column()
  title: string;

  @Field(() => EmergencyPlanType)
  @Column('text', { name: 'plan_type' })
  planType: EmergencyPlanType;

  @Field(() => EmergencyPlanStatus)
  @Column('text')
  status: EmergencyPlanStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: '公布日期 (signed by the principal)' })
  @Column('date', { name: 'published_at', nullable: true })
  publishedAt: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '备案日期' })
  @Column('date', { name: 'filed_at', nullable: true })
  filedAt: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '最近评估日期' })
  @Column('date', { name: 'last_evaluated_at', nullable: true })
  lastEvaluatedAt: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '下次评估期限 (plans in force)' })
  @Column('date', { name: 'next_evaluation_due', nullable: true })
  nextEvaluationDue: string | null;

  @Field(() => ID, { nullable: true, description: 'The plan that replaced this one' })
  @Column('uuid', { name: 'superseded_by_id', nullable: true })
  supersededById: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the plan' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
