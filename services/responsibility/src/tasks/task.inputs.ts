import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TaskLeg, TaskSource, TaskStatus } from './task.enums.js';

const FILE_ID = /^[0-9a-f]{64}$/;
const FILE_ID_MESSAGE = 'must be a file id from POST /files (64 hex characters)';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class TaskListArgs extends ConnectionArgs {
  @Field(() => TaskSource, { nullable: true }) source?: TaskSource;
  @Field(() => TaskLeg, { nullable: true }) leg?: TaskLeg;
  @Field(() => TaskStatus, { nullable: true }) status?: TaskStatus;

  @Field({ nullable: true, description: 'Only tasks past (true) or within (false) their due date' })
  overdue?: boolean;

  @Field(() => ID, { nullable: true, description: 'Tasks assigned to this org unit' })
  @IsOptional()
  @IsUUID()
  assigneeOrgId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks concerning this enterprise' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks about this record (e.g. a hazard id)' })
  @IsOptional()
  @IsUUID()
  relatedId?: string;
}

/** The optimistic lock of every transition. */
@InputType()
export class TaskTransitionInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) version: number;
}

@InputType()
export class SubmitTaskInput extends TaskTransitionInput {
  @Field(() => [String], { description: 'Evidence file ids of POST /files (at least one)' })
  @ArrayMaxSize(50)
  @Matches(FILE_ID, { each: true, message: FILE_ID_MESSAGE })
  evidenceFileIds: string[];

  @Field({ nullable: true }) @IsOptional() @Length(1, 2000) note?: string;
}

@InputType()
export class ReturnTaskInput extends TaskTransitionInput {
  @Field({ description: 'Why the submission is returned (required)' })
  @Length(0, 2000)
  reason: string;
}

@InputType()
export class TaskRefInput {
  @Field() @Length(1, 60) type: string;
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 60) code?: string;
}

@InputType()
export class IssueTaskInput {
  @Field(() => TaskSource) source: TaskSource;
  @Field() @Length(1, 200) title: string;
  @Field() @Length(1, 4000) requirement: string;

  @Field(() => LocalDateResolver, { description: 'Due date, today or later' })
  @Matches(LOCAL_DATE)
  dueAt: string;

  @Field(() => [ID], { nullable: true, description: 'Assignee org units' })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  assigneeOrgIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Assignee enterprise' })
  @IsOptional()
  @IsUUID()
  assigneeEnterpriseId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The enterprise concerned (defaults to the assignee enterprise)',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [TaskRefInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(0)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  relatedRefs?: TaskRefInput[];
}
