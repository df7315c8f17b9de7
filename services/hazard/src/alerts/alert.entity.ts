import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { MonitoringAlertKind, MonitoringAlertLevel, MonitoringAlertStatus } from './alert.enums.js';

/** 监测预警 (domain §5.13): an alarm received from an integrated monitoring system, and its handling. */
@Entity('monitoring_alert')
@ObjectType({ description: '监测预警' })
@Directive('@key(fields: "id")')
export class MonitoringAlert {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The integrated system that raised it' })
  @Column('text', { name: 'source_system' })
  sourceSystem: string;

  @Field(() => ID)
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: 'Sensor or camera reference in the source system' })
  @Column('text', { name: 'sensor_ref' })
  sensorRef: string;

  @Field(() => MonitoringAlertKind)
  @Column('text')
  kind: MonitoringAlertKind;

  @Field(() => MonitoringAlertLevel)
  @Column('text')
  level: MonitoringAlertLevel;

  @Field(() => String, { nullable: true, description: 'Reading and unit, or the AI finding' })
  @Column('text', { nullable: true })
  reading: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  message: string | null;

  @Field({ description: 'When the alarm started (source clock)' })
  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the source reported it cleared' })
  @Column('timestamptz', { name: 'cleared_at', nullable: true })
  clearedAt: Date | null;

  @Field({ description: 'When the platform received it' })
  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Field(() => MonitoringAlertStatus)
  @Column('text')
  status: MonitoringAlertStatus;

  @Field({ description: 'The enterprise acknowledges by then, else the alert is escalated' })
  @Column('timestamptz', { name: 'acknowledge_due_at' })
  acknowledgeDueAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'acknowledged_by_id', nullable: true })
  acknowledgedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'disposed_at', nullable: true })
  disposedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'disposed_by_id', nullable: true })
  disposedById: string | null;

  @Field(() => String, { nullable: true, description: '处置情况' })
  @Column('text', { nullable: true })
  handling: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The hazard it was converted into' })
  @Column('uuid', { name: 'hazard_id', nullable: true })
  hazardId: string | null;

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
