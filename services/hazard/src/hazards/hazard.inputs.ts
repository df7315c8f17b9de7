import { TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsDate, IsIn, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { HazardGrade, HazardSource, HazardStatus } from './hazard.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);

@ArgsType()
export class HazardListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => HazardGrade, { nullable: true })
  grade?: HazardGrade;

  @Field(() => HazardStatus, { nullable: true })
  status?: HazardStatus;

  @Field({ nullable: true, description: 'Only hazards past (true) or within (false) their deadline' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Town (镇) of the enterprise' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;
}

@ArgsType()
export class EnterpriseHazardsArgs extends ConnectionArgs {
  @Field(() => HazardStatus, { nullable: true })
  status?: HazardStatus;
}

@InputType()
export class ReportHazardInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field() @Length(4, 100) title: string;
  @Field() @Length(4, 2000) description: string;
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => HazardSource) source: HazardSource;

  @Field({ nullable: true, description: 'When it was found; defaults to now' })
  @IsOptional()
  @IsDate()
  foundAt?: Date;

  @Field(() => LocalDateResolver, { nullable: true, description: '整改期限, if already known' })
  @IsOptional()
  deadline?: string;
}

@InputType()
export class TransitionHazardInput {
  @Field(() => ID) @IsUUID() hazardId: string;
  @Field(() => HazardStatus) to: HazardStatus;

  @Field({ nullable: true, description: 'Required when rejecting or failing acceptance' })
  @IsOptional()
  @Length(2, 500)
  reason?: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Rectification deadline: required on confirmation unless already set',
  })
  @IsOptional()
  deadline?: string;
}
