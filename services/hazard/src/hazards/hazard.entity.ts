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
import { HazardGrade, HazardSource, HazardStatus } from './hazard.enums.js';

/** 事故隐患: a hazard found at an enterprise and its rectification lifecycle (domain §5.6). */
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

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column()
  description: string;

  @Field(() => HazardGrade)
  @Column('text')
  grade: HazardGrade;

  @Field(() => HazardSource)
  @Column('text')
  source: HazardSource;

  @Field(() => HazardStatus)
  @Column('text')
  status: HazardStatus;

  @Field({ description: '发现时间' })
  @Column('timestamptz', { name: 'found_at' })
  foundAt: Date;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: '整改期限: the last day (Asia/Shanghai) of rectification; set on confirmation',
  })
  @Column('date', { nullable: true })
  deadline: string | null;

  @Field(() => Date, { nullable: true, description: '销号时间' })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

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
