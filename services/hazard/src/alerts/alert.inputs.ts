import { ConnectionArgs } from '@safety/subgraph-kit';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { HazardCategory, HazardGrade } from '../hazards/hazard.enums.js';
import { EvidenceInput } from '../hazards/hazard.inputs.js';
import { MonitoringAlertKind, MonitoringAlertLevel, MonitoringAlertStatus } from './alert.enums.js';

@ArgsType()
export class EnterpriseMonitoringAlertsArgs extends ConnectionArgs {
  @Field(() => MonitoringAlertStatus, { nullable: true }) status?: MonitoringAlertStatus;
  @Field(() => MonitoringAlertLevel, { nullable: true }) level?: MonitoringAlertLevel;
}

@ArgsType()
export class MonitoringAlertListArgs extends EnterpriseMonitoringAlertsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => MonitoringAlertKind, { nullable: true }) kind?: MonitoringAlertKind;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  sourceSystem?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Started on or after this day' })
  startedFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Started on or before this day' })
  startedTo?: string;

  @Field({ nullable: true, description: 'Converted into a hazard (true) or not (false)' })
  converted?: boolean;
}

@InputType({ description: 'An alarm from an integrated monitoring system; repeats are ignored (idempotent)' })
export class ReceiveMonitoringAlertInput {
  @Field()
  @Matches(/^[A-Za-z0-9_.:-]{2,100}$/, { message: '2–100 letters, digits, `_`, `.`, `:` or `-`' })
  sourceSystem: string;

  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field() @Length(1, 200) sensorRef: string;
  @Field(() => MonitoringAlertKind) kind: MonitoringAlertKind;
  @Field(() => MonitoringAlertLevel) level: MonitoringAlertLevel;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  reading?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  message?: string;

  @Field() startedAt: Date;
  @Field({ nullable: true, description: 'A repeat may add the time the alarm cleared' }) clearedAt?: Date;
}

@InputType()
abstract class AlertChangeInput {
  @Field(() => ID) @IsUUID() alertId: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class AcknowledgeMonitoringAlertInput extends AlertChangeInput {}

@InputType()
export class DisposeMonitoringAlertInput extends AlertChangeInput {
  @Field({ description: '处置情况' }) @Length(2, 2000) handling: string;
}

@InputType()
export class CloseMonitoringAlertInput extends AlertChangeInput {}

@InputType({ description: 'Turns an alert into a hazard (source MONITORING_ALERT)' })
export class ConvertAlertToHazardInput extends AlertChangeInput {
  @Field() @Length(4, 100) title: string;

  @Field({ nullable: true, description: 'Defaults to the alert’s facts' })
  @IsOptional()
  @Length(4, 2000)
  description?: string;

  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => HazardCategory, { nullable: true }) category?: HazardCategory;

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field(() => LocalDateResolver, { nullable: true }) deadline?: string;
}
