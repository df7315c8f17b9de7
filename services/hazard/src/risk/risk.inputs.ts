import { INDUSTRIES, TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ControlLevel, RiskControlKind, RiskLevel, RiskMethod, RiskPointKind } from './risk.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code);
const FILE_ID = /^[0-9a-f]{64}$/;

@ArgsType()
export class RiskPointListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field({ nullable: true, description: 'Town (镇)' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;

  @Field({ nullable: true, description: 'Industry (domain §3.3)' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode?: string;

  @Field(() => RiskLevel, { nullable: true })
  level?: RiskLevel;

  @Field(() => RiskPointKind, { nullable: true })
  kind?: RiskPointKind;

  @Field({ nullable: true, description: 'Only points whose re-assessment is due (true) or not (false)' })
  reviewDue?: boolean;

  @Field({ nullable: true, description: 'Include retired points (default false)' })
  includeRetired?: boolean;
}

@ArgsType()
export class EnterpriseRiskPointsArgs extends ConnectionArgs {
  @Field(() => RiskLevel, { nullable: true })
  level?: RiskLevel;
}

@InputType()
export class RiskControlInput {
  @Field(() => RiskControlKind) kind: RiskControlKind;
  @Field() @Length(1, 500) text: string;
}

@InputType({ description: 'Fields of a risk point (domain §5.2)' })
export class RiskPointFieldsInput {
  @Field(() => RiskPointKind, { nullable: true }) kind?: RiskPointKind;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 300)
  location?: string | null;

  @Field(() => [[Float]], { nullable: true, description: '[[x, y], …] in 0–1000; at least 3 vertices' })
  @IsOptional()
  @ArrayMaxSize(200)
  floorPlanPolygon?: number[][] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  accidentTypes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  hazardFactors?: string[];

  @Field(() => [RiskControlInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  controls?: RiskControlInput[];

  @Field(() => ControlLevel, { nullable: true, description: 'Defaults from the risk level once assessed' })
  controlLevel?: ControlLevel;

  @Field(() => String, { nullable: true, description: 'Required when below the default control level' })
  @IsOptional()
  @Length(0, 500)
  controlLevelReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  responsiblePersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The major hazard source the point is part of' })
  @IsOptional()
  @IsUUID()
  majorHazardSourceId?: string | null;

  @Field(() => String, { nullable: true, description: '岗位风险告知卡 (file id from POST /files)' })
  @IsOptional()
  @Matches(FILE_ID, { message: 'must be a file id from POST /files (64 hex characters)' })
  noticeCardFileId?: string | null;
}

@InputType()
export class CreateRiskPointInput extends RiskPointFieldsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Omit for a public-area risk (then orgUnitId + townshipCode)',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;
}

@InputType()
export class UpdateRiskPointInput extends RiskPointFieldsInput {
  @Field(() => ID) @IsUUID() riskPointId: string;
  @Field(() => Int) @IsInt() expectedVersion: number;
}

@InputType({ description: 'LEC inputs: only the table values of domain §5.2 a' })
export class LecInput {
  @Field({ description: 'L likelihood: 10, 6, 3, 1, 0.5, 0.2, 0.1' }) l: string;
  @Field({ description: 'E exposure: 10, 6, 3, 2, 1, 0.5' }) e: string;
  @Field({ description: 'C consequence: 100, 40, 15, 7, 3, 1' }) c: string;
}

@InputType({ description: 'Risk-matrix inputs, integers 1–5' })
export class MatrixInput {
  @Field(() => Int) l: number;
  @Field(() => Int) s: number;
}

@InputType()
export class AssessRiskInput {
  @Field(() => ID) @IsUUID() riskPointId: string;
  @Field(() => Int) @IsInt() expectedVersion: number;

  @Field(() => RiskMethod, { description: 'Must be the method of the profile in force for the industry' })
  method: RiskMethod;

  @Field(() => LecInput, { nullable: true }) lec?: LecInput;
  @Field(() => MatrixInput, { nullable: true }) matrix?: MatrixInput;

  @Field(() => RiskLevel, { nullable: true, description: 'Raise the computed level (with a reason)' })
  overrideLevel?: RiskLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  overrideReason?: string;

  @Field(() => [String], { nullable: true, description: 'Assessors (default: the caller)' })
  @IsOptional()
  @ArrayMaxSize(20)
  assessorIds?: string[];

  @Field({ nullable: true, description: 'Default now; not in the future' })
  assessedAt?: Date;

  @Field(() => Int, { nullable: true, description: 'Months to the next review, 1–12 (default 12)' })
  @IsOptional()
  @Min(1)
  @Max(12)
  reviewIntervalMonths?: number;

  @Field(() => ControlLevel, { nullable: true, description: 'Default: by the new level (domain §5.2)' })
  controlLevel?: ControlLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  controlLevelReason?: string;
}

@InputType()
export class RetireRiskPointInput {
  @Field(() => ID) @IsUUID() riskPointId: string;
  @Field(() => Int) @IsInt() expectedVersion: number;
  @Field() @Length(2, 500) reason: string;
}
