import { TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CAMPAIGN_DOMAINS } from '../campaigns/campaign.rules.js';
import { BriefingLevel, BriefingRiskLevel, BriefingStatus, RiskItemFollowUp } from './briefing.enums.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILE_ID = /^[0-9a-f]{64}$/;
const TOWN_CODES = TOWNS.map((t) => t.code);

@ArgsType()
export class BriefingListArgs extends ConnectionArgs {
  @Field(() => BriefingLevel, { nullable: true }) level?: BriefingLevel;
  @Field(() => BriefingStatus, { nullable: true }) status?: BriefingStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgId?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @Matches(LOCAL_DATE) periodFrom?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @Matches(LOCAL_DATE) periodTo?: string;
}

@ArgsType()
export class MissedBriefingsArgs {
  @Field(() => BriefingLevel, { description: 'SACO_WEEKLY, DEPT_WEEKLY or TOWN_MONTHLY' })
  @IsIn(['SACO_WEEKLY', 'DEPT_WEEKLY', 'TOWN_MONTHLY'], { message: 'a cadence level (not CROSS_DEPT)' })
  level: BriefingLevel;

  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) from: string;
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) to: string;
  @Field(() => ID, { nullable: true, description: 'One organisation; default: every one with this cadence' })
  @IsOptional()
  @IsUUID()
  orgId?: string;
}

@InputType()
export class BriefingParticipantInput {
  @Field() @Length(1, 50) name: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) position?: string;
}

@InputType()
export class RiskItemInput {
  @Field({ description: 'Safety domain (domain §3.2)' })
  @IsIn(CAMPAIGN_DOMAINS as unknown as string[], { message: 'must be a safety domain' })
  domain: string;

  @Field() @Length(2, 2000) description: string;
  @Field(() => BriefingRiskLevel) level: BriefingRiskLevel;
  @Field() @Length(2, 2000) measures: string;
  @Field(() => ID) @IsUUID() responsibleOrgId: string;
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) due: string;
  @Field(() => RiskItemFollowUp, { nullable: true, defaultValue: RiskItemFollowUp.NONE })
  followUp: RiskItemFollowUp;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];
}

@InputType()
export class BriefingOutputInput {
  @Field() @Length(2, 200) title: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: 'must be a file id from POST /files' })
  fileId?: string;
}

@InputType()
export class CreateRiskBriefingInput {
  @Field(() => BriefingLevel) level: BriefingLevel;
  @Field(() => ID, { nullable: true, description: 'Defaults to your organisation' })
  @IsOptional()
  @IsUUID()
  orgId?: string;

  @Field({ nullable: true, description: 'TOWN_MONTHLY: the town (defaults to yours)' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be a town code' })
  townshipCode?: string;

  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) periodFrom: string;
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) periodTo: string;
}

@InputType()
abstract class BriefingChangeInput {
  @Field(() => ID) @IsUUID() briefingId: string;
  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'Replaces what is given (participants, risk items, outputs) while DRAFT or HELD' })
export class UpdateRiskBriefingInput extends BriefingChangeInput {
  @Field(() => [BriefingParticipantInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  participants?: BriefingParticipantInput[];

  @Field(() => [RiskItemInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  riskItems?: RiskItemInput[];

  @Field(() => [BriefingOutputInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  outputs?: BriefingOutputInput[];
}

@InputType()
export class HoldRiskBriefingInput extends BriefingChangeInput {
  @Field({ nullable: true, description: 'When it was held (default now)' }) @IsOptional() heldAt?: Date;
}

@InputType()
export class IssueRiskBriefingInput extends BriefingChangeInput {}
