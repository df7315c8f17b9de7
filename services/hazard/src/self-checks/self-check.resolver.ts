import { Role } from '@safety/auth';
import { Connection, type SubgraphContext } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Hazard } from '../hazards/hazard.entity.js';
import { HazardService } from '../hazards/hazard.service.js';
import { SelfCheckPlan, SelfCheckRecord } from './self-check.entity.js';
import {
  CreateSelfCheckPlanInput,
  EnterpriseSelfCheckPlansArgs,
  MissedSelfCheckArgs,
  MissedSelfCheckFilterArgs,
  RecordSelfCheckInput,
  RetireSelfCheckPlanInput,
  SelfCheckPlanListArgs,
  SelfCheckRecordListArgs,
  SelfCheckWindowArgs,
} from './self-check.inputs.js';
import { type MissedCheck, SelfCheckService } from './self-check.service.js';

const SelfCheckPlanConnection = Connection('SelfCheckPlan', SelfCheckPlan);
const SelfCheckRecordConnection = Connection('SelfCheckRecord', SelfCheckRecord);

/** A due period of a plan that ended with fewer checks than required (domain §5.8). */
@ObjectType({ description: '未按计划开展的自查' })
export class MissedSelfCheck {
  @Field(() => ID, { description: 'planId:periodStart' }) id: string;
  @Field(() => ID) planId: string;
  @Field(() => ID) enterpriseId: string;
  @Field(() => SelfCheckPlan) plan: SelfCheckPlan;
  @Field(() => LocalDateResolver) periodStart: string;
  @Field(() => LocalDateResolver) periodEnd: string;
  @Field({ description: 'e.g. 2025-W25, 2025-06, 2025-Q2, 端午节前' }) label: string;
  @Field(() => Int) required: number;
  @Field(() => Int) performed: number;
}
const MissedSelfCheckConnection = Connection('MissedSelfCheck', MissedSelfCheck);

/** Misses of one enterprise in the filters of `missedSelfChecks`, for the regulator's summary by town. */
@ObjectType({ description: '漏查统计（按企业，含所属乡镇）' })
export class MissedSelfCheckCount {
  @Field(() => ID) enterpriseId: string;
  @Field(() => String, { nullable: true, description: 'Town (镇) of the enterprise' }) townshipCode:
    | string
    | null;
  @Field(() => Int) missed: number;
  @Field(() => EnterpriseStub) enterprise: EnterpriseStub;
}

@ObjectType({
  description: '自查合规率: due periods met / due periods ended in the window (domain §5.8, §4.5)',
})
class SelfCheckCompliance {
  @Field(() => LocalDateResolver) from: string;
  @Field(() => LocalDateResolver) to: string;
  @Field(() => Int, { description: 'Due periods ended in the window' }) due: number;
  @Field(() => Int) met: number;
  @Field(() => Int) missed: number;
  @Field(() => Float, { nullable: true, description: 'met / due, 0–1; null when nothing was due' })
  rate: number | null;
}

const MANAGEMENT = [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_DIRECTOR, Role.ENT_SAFETY_MANAGER];

function missedNode(check: MissedCheck): MissedSelfCheck {
  return {
    id: check.id,
    planId: check.planId,
    enterpriseId: check.enterpriseId,
    plan: check.plan,
    periodStart: check.start,
    periodEnd: check.end,
    label: check.label,
    required: check.required,
    performed: check.performed,
  };
}

@Resolver(() => SelfCheckPlan)
export class SelfCheckPlanResolver {
  @Authorized()
  @Query(() => SelfCheckPlanConnection, { description: 'Self-check plans in your data scope, newest first' })
  selfCheckPlans(@Args() args: SelfCheckPlanListArgs, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).listPlans(args);
  }

  @Authorized()
  @Query(() => SelfCheckPlan, {
    nullable: true,
    description: 'One plan, or null if absent or outside your scope',
  })
  selfCheckPlan(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).planById(id);
  }

  @Authorized()
  @Query(() => MissedSelfCheckConnection, {
    description: 'Missed planned self-checks in your scope (periods ended before today), newest first',
  })
  async missedSelfChecks(@Args() args: MissedSelfCheckArgs, @Ctx() context: SubgraphContext) {
    const page = await new SelfCheckService(context).missed(args);
    return {
      ...page,
      nodes: page.nodes.map(missedNode),
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: missedNode(edge.node) })),
    };
  }

  @Authorized()
  @Query(() => [MissedSelfCheckCount], {
    description:
      'Missed self-checks of the same filters as missedSelfChecks counted per enterprise with its town, most first',
  })
  async missedSelfCheckCounts(
    @Args() args: MissedSelfCheckFilterArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<MissedSelfCheckCount[]> {
    return (await new SelfCheckService(context).missedCounts(args)).map((row) => ({
      ...row,
      enterprise: { id: row.enterpriseId },
    }));
  }

  @Authorized(...MANAGEMENT)
  @Mutation(() => SelfCheckPlan, {
    description: 'Creates a self-check plan (cadence defaults to the kind’s)',
  })
  createSelfCheckPlan(@Arg('input') input: CreateSelfCheckPlanInput, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).createPlan(input);
  }

  @Authorized(...MANAGEMENT)
  @Mutation(() => SelfCheckPlan, { description: 'Retires a plan from a day on (today or later)' })
  retireSelfCheckPlan(@Arg('input') input: RetireSelfCheckPlanInput, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).retirePlan(input);
  }

  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() plan: SelfCheckPlan): EnterpriseStub {
    return { id: plan.enterpriseId };
  }
}

@Resolver(() => SelfCheckRecord)
export class SelfCheckRecordResolver {
  @Authorized()
  @Query(() => SelfCheckRecordConnection, { description: 'Self-check records in your scope, newest first' })
  selfCheckRecords(@Args() args: SelfCheckRecordListArgs, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).listRecords(args);
  }

  @Authorized()
  @Query(() => SelfCheckRecord, { nullable: true })
  selfCheckRecord(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).recordById(id);
  }

  @Authorized(...MANAGEMENT, Role.ENT_STAFF)
  @Mutation(() => SelfCheckRecord, {
    description: 'Records a performed self-check; NOK items may raise hazards (source ENTERPRISE_SELF_CHECK)',
  })
  recordSelfCheck(@Arg('input') input: RecordSelfCheckInput, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).recordCheck(input);
  }

  @FieldResolver(() => SelfCheckPlan, { nullable: true })
  plan(@Root() record: SelfCheckRecord, @Ctx() context: SubgraphContext) {
    return new SelfCheckService(context).planById(record.planId);
  }

  @FieldResolver(() => [Hazard], { description: 'Hazards raised from NOK items (those in your scope)' })
  async hazardsCreated(@Root() record: SelfCheckRecord, @Ctx() context: SubgraphContext) {
    const service = new HazardService(context);
    const hazards = await Promise.all(record.hazardIds.map((id) => service.byId(id)));
    return hazards.filter((h): h is Hazard => h !== null);
  }
}

/** What self-checks add to `Enterprise`, batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseSelfChecksResolver {
  @Authorized()
  @FieldResolver(() => SelfCheckPlanConnection, {
    nullable: true,
    description: 'Self-check plans in your scope',
  })
  selfCheckPlans(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseSelfCheckPlansArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new SelfCheckService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => SelfCheckCompliance, {
    nullable: true,
    description:
      'Self-check compliance in a window (default: the last 365 days); zero due outside your scope',
  })
  selfCheckCompliance(
    @Root() enterprise: EnterpriseStub,
    @Args() args: SelfCheckWindowArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new SelfCheckService(context).compliance(enterprise.id, args);
  }
}
