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
import { TaskLeg, TaskSource, TaskStatus } from './task.enums.js';

/** A record the task is about, owned by another service (e.g. `{ type: "Hazard", id }`). */
@ObjectType('TaskRef', { description: '关联事项' })
export class TaskRef {
  @Field({ description: 'Entity type, e.g. Hazard, SupervisedListing, Meeting' }) type: string;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Its human code, e.g. HZ-2025-000123' })
  code: string | null;
}

/** An evidence file of the submission (a `/files` id of the gateway). */
@ObjectType('TaskEvidence', { description: '办理证据' })
export class TaskEvidence {
  @Field() fileId: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() addedAt: string;
  @Field(() => ID, { nullable: true }) addedById: string | null;
}

/** 交办事项 (domain §4.7): one assignment from an issuing body to an assignee, with its lifecycle. */
@Entity('task')
@ObjectType({ description: '交办事项' })
@Directive('@key(fields: "id")')
export class Task {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '交办编号 TASK-YYYY-nnnnnn' })
  @Column()
  code: string;

  @Field(() => TaskSource)
  @Column('text')
  source: TaskSource;

  @Field(() => TaskLeg, { nullable: true, description: 'The leg of 双重交办 (H-2), for hazard tasks' })
  @Column('text', { nullable: true })
  leg: TaskLeg | null;

  @Field(() => TaskStatus)
  @Column('text')
  status: TaskStatus;

  @Field() @Column() title: string;
  @Field() @Column() requirement: string;

  @Field(() => ID, { description: 'The issuing org unit (交办单位)' })
  @Column('uuid', { name: 'issuer_org_id' })
  issuerOrgId: string;

  @Field(() => ID, { nullable: true, description: 'Assignee enterprise (ENTERPRISE_RECTIFICATION)' })
  @Column('uuid', { name: 'assignee_enterprise_id', nullable: true })
  assigneeEnterpriseId: string | null;

  @Field(() => [ID], { description: 'Assignee org units (承办单位): the town and the industry regulators' })
  @Column('uuid', { name: 'assignee_org_ids', array: true, default: '{}' })
  assigneeOrgIds: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The enterprise the task concerns (decides data scope with the assignee orgs)',
  })
  @Column('uuid', { name: 'enterprise_id', nullable: true })
  enterpriseId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'township_code', nullable: true })
  townshipCode: string | null;

  @Field(() => [TaskRef])
  @Column('jsonb', { name: 'related_refs', default: () => "'[]'" })
  relatedRefs: TaskRef[];

  /** The record whose closing closes the task (indexed for `Hazard.tasks`). */
  @Column('text', { name: 'source_ref_type', nullable: true })
  sourceRefType: string | null;

  @Column('uuid', { name: 'source_ref_id', nullable: true })
  sourceRefId: string | null;

  @Field(() => ID, { nullable: true, description: 'The other leg of the same 双重交办' })
  @Column('uuid', { name: 'linked_task_id', nullable: true })
  linkedTaskId: string | null;

  @Field(() => LocalDateResolver, { description: 'Due date (办结时限), the end of that day' })
  @Column('date', { name: 'due_at' })
  dueAt: string;

  @Field() @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;

  @Field(() => LocalDateResolver, { description: 'The day of issue (Asia/Shanghai)' })
  @Column('date', { name: 'issued_on' })
  issuedOn: string;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Field(() => [TaskEvidence])
  @Column('jsonb', { default: () => "'[]'" })
  evidence: TaskEvidence[];

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'submission_note', nullable: true })
  submissionNote: string | null;

  @Field(() => String, { nullable: true, description: 'Why the issuer returned the last submission' })
  @Column('text', { name: 'return_reason', nullable: true })
  returnReason: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'close_reason', nullable: true })
  closeReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When the unacknowledged-task reminder went out' })
  @Column('timestamptz', { name: 'reminder_sent_at', nullable: true })
  reminderSentAt: Date | null;

  /** The due date whose crossing was notified (`TaskOverdue` once per crossing). */
  @Column('date', { name: 'overdue_notified_for', nullable: true })
  overdueNotifiedFor: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "This task's place among the assignee's overdue tasks of the year (escalation ladder)",
  })
  @Column('int', { name: 'overdue_ordinal', nullable: true })
  overdueOrdinal: number | null;

  /** The event that created the task (idempotence beside the inbox). */
  @Column('text', { name: 'source_event_id', nullable: true })
  sourceEventId: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when changing the task' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
