import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SpecialWorkType, TrainingMode } from './training-record.enums.js';

/**
 * 培训记录 (domain §7.4 `TrainingRecord`): one person's attended training, credited with hours on
 * attendance evidence. Sessions are not modelled yet, so the record carries the topic and mode itself;
 * a record tagged with a special-work type is what a permit guardian needs (§5.9).
 */
@Entity('training_record')
@ObjectType({ description: '培训记录 (domain §7.4)' })
export class TrainingRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID, { description: 'The employer that recorded it (data scope)' })
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'employment_id' })
  employmentId: string;

  @Field({ description: '培训主题' })
  @Column('text')
  topic: string;

  @Field(() => SpecialWorkType, {
    nullable: true,
    description: 'The special operation trained for (e.g. a guardian’s 动火作业监护培训)',
  })
  @Column('text', { name: 'special_work_type', nullable: true })
  specialWorkType: SpecialWorkType | null;

  @Field(() => TrainingMode)
  @Column('text')
  mode: TrainingMode;

  @Field(() => Int, { description: '认定学时' })
  @Column('int', { name: 'credited_hours' })
  creditedHours: number;

  @Field({ description: 'Attendance evidence (sign-in, online time, instructor sign-off): a file id' })
  @Column('text', { name: 'attendance_evidence' })
  attendanceEvidence: string;

  @Field(() => Float, { nullable: true, description: '考核成绩' })
  @Column('double precision', { name: 'exam_score', nullable: true })
  examScore: number | null;

  @Field({ description: 'Assessment passed' })
  @Column('boolean')
  passed: boolean;

  @Field(() => LocalDateResolver, { description: '完成日期' })
  @Column('date', { name: 'completed_on' })
  completedOn: string;

  @Field(() => String, { nullable: true, description: '培训机构或讲师' })
  @Column('text', { nullable: true })
  provider: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
