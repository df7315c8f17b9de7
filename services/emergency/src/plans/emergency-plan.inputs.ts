import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsOptional, IsUUID, Length, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan.enums.js';

@ArgsType()
export class EmergencyPlanListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => EmergencyPlanStatus, { nullable: true })
  status?: EmergencyPlanStatus;

  @Field(() => EmergencyPlanType, { nullable: true })
  planType?: EmergencyPlanType;

  @Field({
    nullable: true,
    description: 'Only plans in force whose evaluation is (true) or is not (false) overdue',
  })
  overdueEvaluation?: boolean;
}

@InputType()
export class FileEmergencyPlanInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field() @Length(4, 100) title: string;
  @Field(() => EmergencyPlanType) planType: EmergencyPlanType;
  @Field(() => LocalDateResolver, { description: 'Published (signed by the principal)' }) publishedAt: string;
  @Field(() => LocalDateResolver, { description: 'Filed with the authority' }) filedAt: string;

  @Field(() => ID, { nullable: true, description: 'The earlier version this one replaces' })
  @IsOptional()
  @IsUUID()
  supersedesPlanId?: string;
}

@ArgsType()
export class RecordPlanEvaluationArgs {
  @Field(() => ID) @IsUUID() planId: string;
  @Field(() => LocalDateResolver) evaluatedAt: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;

  @Field({ defaultValue: false, description: 'The evaluation found that the plan must be revised' })
  revisionRequired: boolean;
}
