import { Role } from '@safety/auth';
import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { HAZARD_ENTERPRISE_ROLES } from '../hazards/hazard.rules.js';
import { BaobaoCheck, MajorHazardSource } from './major-hazard-source.entity.js';
import { BaobaoCadence, BaobaoRole } from './major-hazard-source.enums.js';
import {
  AssignBaobaoPersonsInput,
  BaobaoMissesArgs,
  BaobaoWindowArgs,
  EnterpriseMajorHazardSourcesArgs,
  MajorHazardSourceListArgs,
  RecordBaobaoCheckInput,
  RegisterMajorHazardSourceInput,
  UpdateMajorHazardSourceInput,
} from './major-hazard-source.inputs.js';
import { MajorHazardSourceService, type SourceBaobaoMiss } from './major-hazard-source.service.js';

const MajorHazardSourceConnection = Connection('MajorHazardSource', MajorHazardSource);

/** Who files major hazard sources: the enterprise's management and the hazchem regulators (domain §5.4). */
const SOURCE_EDITOR_ROLES: Role[] = [...HAZARD_ENTERPRISE_ROLES, Role.SAC_OFFICE, Role.EMB_STAFF];

@ObjectType({ description: '包保检查缺失: a cadence period without a check by the role' })
class BaobaoMiss {
  @Field(() => ID) sourceId: string;
  @Field(() => ID) enterpriseId: string;
  @Field(() => EnterpriseStub) enterprise: EnterpriseStub;
  @Field() unitName: string;
  @Field(() => BaobaoRole) role: BaobaoRole;
  @Field(() => String, { nullable: true }) personName: string | null;
  @Field(() => BaobaoCadence) cadence: BaobaoCadence;
  @Field({ description: '2025-Q1, 2025-03 or 2025-W01' }) periodKey: string;
  @Field(() => LocalDateResolver) periodStart: string;
  @Field(() => LocalDateResolver) periodEnd: string;
}

const toGraph = (miss: SourceBaobaoMiss): BaobaoMiss => ({
  sourceId: miss.sourceId,
  enterpriseId: miss.enterpriseId,
  enterprise: { id: miss.enterpriseId },
  unitName: miss.unitName,
  role: miss.role,
  personName: miss.personName,
  cadence: miss.cadence as BaobaoCadence,
  periodKey: miss.key,
  periodStart: miss.start,
  periodEnd: miss.end,
});

@Resolver(() => MajorHazardSource)
export class MajorHazardSourceResolver {
  @Authorized()
  @Query(() => MajorHazardSourceConnection, { description: 'Major hazard source units in your scope' })
  majorHazardSources(@Args() args: MajorHazardSourceListArgs, @Ctx() context: SubgraphContext) {
    return new MajorHazardSourceService(context).list(args);
  }

  @Authorized()
  @Query(() => MajorHazardSource, {
    nullable: true,
    description: 'One unit, or null if absent or out of scope',
  })
  majorHazardSource(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new MajorHazardSourceService(context).byId(id);
  }

  @Authorized()
  @Query(() => [BaobaoMiss], {
    description: '包保 cadence misses of the major hazard sources in your scope (default: the last 3 months)',
  })
  async baobaoMisses(@Args() args: BaobaoMissesArgs, @Ctx() context: SubgraphContext) {
    return (await new MajorHazardSourceService(context).allMisses(args)).map(toGraph);
  }

  @Authorized(...SOURCE_EDITOR_ROLES)
  @Mutation(() => MajorHazardSource, {
    description: 'Registers a unit: S, α, β, R and grade by GB 18218-2018',
  })
  registerMajorHazardSource(
    @Arg('input') input: RegisterMajorHazardSourceInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new MajorHazardSourceService(context).register(input);
  }

  @Authorized(...SOURCE_EDITOR_ROLES)
  @Mutation(() => MajorHazardSource, { description: 'Changes a unit and recomputes S, R and the grade' })
  updateMajorHazardSource(
    @Arg('input') input: UpdateMajorHazardSourceInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new MajorHazardSourceService(context).update(input);
  }

  @Authorized(...SOURCE_EDITOR_ROLES)
  @Mutation(() => MajorHazardSource, { description: 'Names the three 包保 persons' })
  assignBaobaoPersons(@Arg('input') input: AssignBaobaoPersonsInput, @Ctx() context: SubgraphContext) {
    return new MajorHazardSourceService(context).assignPersons(input);
  }

  @Authorized(...HAZARD_ENTERPRISE_ROLES)
  @Mutation(() => BaobaoCheck, { description: 'Records a check by one of the three 包保 persons' })
  recordBaobaoCheck(@Arg('input') input: RecordBaobaoCheckInput, @Ctx() context: SubgraphContext) {
    return new MajorHazardSourceService(context).recordCheck(input);
  }

  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() source: MajorHazardSource): EnterpriseStub {
    return { id: source.enterpriseId };
  }

  @FieldResolver(() => [BaobaoCheck], { description: '包保 checks, newest first' })
  baobaoChecks(@Root() source: MajorHazardSource, @Ctx() context: SubgraphContext) {
    return new MajorHazardSourceService(context).checks(source.id);
  }

  @FieldResolver(() => [BaobaoMiss], {
    name: 'baobaoMisses',
    description: 'Cadence misses in the window (default: the last 3 months)',
  })
  async sourceMisses(
    @Root() source: MajorHazardSource,
    @Args() args: BaobaoWindowArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return (await new MajorHazardSourceService(context).misses(source, args)).map(toGraph);
  }
}

/** What major hazard sources add to `Enterprise`, batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseMajorHazardSourcesResolver {
  @Authorized()
  @FieldResolver(() => MajorHazardSourceConnection, { nullable: true, description: 'Units in your scope' })
  majorHazardSources(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseMajorHazardSourcesArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new MajorHazardSourceService(context).forEnterprise(enterprise.id, args);
  }
}
