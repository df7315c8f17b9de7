import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { EducationLevel, RedoReason } from './three-level.enums.js';

@InputType()
export class RecordThreeLevelInput {
  @Field(() => ID, { description: 'The employment the education belongs to' }) @IsUUID() employmentId: string;
  @Field(() => EducationLevel) level: EducationLevel;
  @Field(() => Int, { description: '学时' }) @Min(1) @Max(200) hours: number;
  @Field({ description: '教育内容' }) @Length(2, 500) content: string;

  @Field(() => String, { nullable: true, description: 'Trainer (a person id or a name)' })
  @IsOptional()
  @Length(1, 60)
  trainerId?: string;

  @Field(() => Float, { nullable: true, description: '考核成绩' })
  @IsOptional()
  @Min(0)
  @Max(100)
  examScore?: number;

  @Field({ description: 'Assessment passed' }) passed: boolean;
  @Field(() => LocalDateResolver) completedAt: string;
}

@ArgsType()
export class ThreeLevelRefresherArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => LocalDateResolver, { description: 'The day the annual refresher was completed' })
  completedAt: string;
}

@ArgsType()
export class ThreeLevelRedoArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => RedoReason) reason: RedoReason;
}
