import { ConnectionArgs } from '@safety/subgraph-kit';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ProjectDecision, ProjectReviewStatus, ProjectStage } from './project-review.enums.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILE_ID = /^[0-9a-f]{64}$/;
const FILE_ID_MESSAGE = 'must be a file id from POST /files (64 hex characters)';

@ArgsType()
export class ProjectReviewListArgs extends ConnectionArgs {
  @Field(() => ProjectReviewStatus, { nullable: true }) status?: ProjectReviewStatus;
  @Field(() => ProjectDecision, { nullable: true }) decision?: ProjectDecision;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() enterpriseId?: string;
}

@InputType()
export class SubmitProjectReviewInput {
  @Field() @Length(2, 200) projectName: string;
  @Field({ description: '建设单位 name as on the application' }) @Length(2, 200) ownerEntity: string;
  @Field(() => ID, { description: 'The owner as a registered enterprise' }) @IsUUID() enterpriseId: string;
  @Field(() => ProjectStage) stage: ProjectStage;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  riskAssessmentFileId?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: '安全预评价 date, if done' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  preEvaluationAt?: string;
}

@InputType()
abstract class ProjectReviewChangeInput {
  @Field(() => ID) @IsUUID() reviewId: string;
  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class StartProjectAssessmentInput extends ProjectReviewChangeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  riskAssessmentFileId?: string;
}

@InputType()
export class RequestExpertReviewInput extends ProjectReviewChangeInput {}

@InputType()
export class AddExpertOpinionInput extends ProjectReviewChangeInput {
  @Field() @Length(2, 50) expertName: string;
  @Field() @Length(2, 5000) opinion: string;
  @Field({ nullable: true }) @IsOptional() @Matches(FILE_ID, { message: FILE_ID_MESSAGE }) fileId?: string;
}

@InputType()
export class DecideProjectInput extends ProjectReviewChangeInput {
  @Field(() => ProjectDecision) decision: ProjectDecision;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) conditions?: string[];
  @Field({ nullable: true, description: 'Required for a VETO' })
  @IsOptional()
  @Length(2, 2000)
  reason?: string;
}

@InputType()
export class StartProjectConstructionInput extends ProjectReviewChangeInput {
  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_DATE)
  preEvaluationAt?: string;
  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_DATE)
  safetyDesignReviewedAt?: string;
}

@InputType()
export class AcceptProjectInput extends ProjectReviewChangeInput {
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) completionAcceptanceAt: string;
}
