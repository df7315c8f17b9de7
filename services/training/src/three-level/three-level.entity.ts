import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EducationLevel, ThreeLevelStatus } from './three-level.enums.js';

/** One recorded level of three-level education (an attempt; a failed exam may be followed by a pass). */
@ObjectType('ThreeLevelEducationLevel', { description: '三级安全教育的一级' })
export class ThreeLevelLevel {
  @Field(() => EducationLevel) level: EducationLevel;
  @Field(() => Int, { description: '学时' }) hours: number;
  @Field({ description: '教育内容' }) content: string;
  @Field(() => String, { nullable: true, description: 'Trainer (a person id or a name)' })
  trainerId: string | null;
  @Field(() => Float, { nullable: true, description: '考核成绩' }) examScore: number | null;
  @Field() passed: boolean;
  @Field(() => LocalDateResolver) completedAt: string;
}

/** 三级安全教育 of one employment (domain §7.3). */
@Entity('three_level_education')
@ObjectType({ description: '三级安全教育 (domain §7.3)' })
export class ThreeLevelEducation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'employment_id' })
  employmentId: string;

  @Field(() => ThreeLevelStatus)
  @Column('text')
  status: ThreeLevelStatus;

  @Field(() => Int, { description: 'Required total hours: the new-hire rule of §7.2 for the sector' })
  @Column('int', { name: 'required_hours' })
  requiredHours: number;

  @Field(() => [ThreeLevelLevel])
  @Column('jsonb', { default: () => `'[]'` })
  levels: ThreeLevelLevel[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day all three levels were passed' })
  @Column('date', { name: 'passed_at', nullable: true })
  passedAt: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Last annual refresher (年度再培训), kept on the record until training records exist (domain §7.3 canWork)',
  })
  @Column('date', { name: 'last_refresher_at', nullable: true })
  lastRefresherAt: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
