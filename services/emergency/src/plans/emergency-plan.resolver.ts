import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, ConnectionArgs, localDate, now } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { EmergencyPlan } from './emergency-plan.entity.js';
import { EmergencyPlanStatus } from './emergency-plan.enums.js';
import {
  EmergencyPlanListArgs,
  FileEmergencyPlanInput,
  RecordPlanEvaluationArgs,
} from './emergency-plan.inputs.js';
import { evaluationOverdue, PLAN_EDITOR_ROLES } from './emergency-plan.rules.js';
import { EmergencyPlanService } from './emergency-plan.service.js';

const EmergencyPlanConnection = Connection('EmergencyPlan', EmergencyPlan);

@ObjectType()
class EmergencyPlanStatusCount {
  @Field(() => EmergencyPlanStatus) status: EmergencyPlanStatus;
  @Field(() => Int) count: number;
}

@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  @Authorized()
  @Query(() => EmergencyPlanConnection, {
    description: 'Emergency plans in your data scope, newest code first',
  })
  emergencyPlans(@Args() args: EmergencyPlanListArgs, @Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).list(args);
  }

  @Authorized()
  @Query(() => EmergencyPlan, {
    nullable: true,
    description: 'One plan, or null if absent or outside your scope',
  })
  emergencyPlan(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).byId(id);
  }

  @Authorized()
  @Query(() => [EmergencyPlanStatusCount], { description: 'Plans in your scope by status' })
  emergencyPlanCountsByStatus(@Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).countsByStatus();
  }

  @Authorized(...PLAN_EDITOR_ROLES)
  @Mutation(() => EmergencyPlan, {
    description:
      'Records a filed plan (and supersedes its earlier version); emits EmergencyPlanStatusChanged',
  })
  fileEmergencyPlan(@Arg('input') input: FileEmergencyPlanInput, @Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).file(input);
  }

  @Authorized(...PLAN_EDITOR_ROLES)
  @Mutation(() => EmergencyPlan, {
    description: 'Records an evaluation and sets the next due date; emits EmergencyPlanEvaluated',
  })
  recordPlanEvaluation(@Args() args: RecordPlanEvaluationArgs, @Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).recordEvaluation(args);
  }

  @FieldResolver(() => Boolean, { description: 'In force and past its evaluation due date' })
  evaluationOverdue(@Root() plan: EmergencyPlan): boolean {
    return evaluationOverdue(plan, localDate(now()));
  }

  @FieldResolver(() => EnterpriseStub, { description: 'The enterprise that owns the plan' })
  enterprise(@Root() plan: EmergencyPlan): EnterpriseStub {
    return { id: plan.enterpriseId };
  }
}

/** What this service adds to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseEmergencyPlansResolver {
  @Authorized()
  @FieldResolver(() => EmergencyPlanConnection, {
    nullable: true,
    description: 'Emergency plans of this enterprise in your scope',
  })
  emergencyPlans(
    @Root() enterprise: EnterpriseStub,
    @Args() args: ConnectionArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new EmergencyPlanService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Plans in force whose evaluation is overdue' })
  overdueEvaluationCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new EmergencyPlanService(context).overdueCount(enterprise.id);
  }
}
