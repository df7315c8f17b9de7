import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, now } from '@safety/subgraph-kit';
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
import { Hazard } from './hazard.entity.js';
import { HazardGrade } from './hazard.enums.js';
import {
  EnterpriseHazardsArgs,
  HazardListArgs,
  ReportHazardInput,
  TransitionHazardInput,
} from './hazard.inputs.js';
import { HAZARD_HANDLER_ROLES, HAZARD_REPORTER_ROLES, isOverdue } from './hazard.rules.js';
import { HazardService } from './hazard.service.js';

const HazardConnection = Connection('Hazard', Hazard);

@ObjectType()
class HazardGradeCount {
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => Int) count: number;
}

@Resolver(() => Hazard)
export class HazardResolver {
  @Authorized()
  @Query(() => HazardConnection, { description: 'Hazards in your data scope, newest found first' })
  hazards(@Args() args: HazardListArgs, @Ctx() context: SubgraphContext) {
    return new HazardService(context).list(args);
  }

  @Authorized()
  @Query(() => Hazard, { nullable: true, description: 'One hazard, or null if absent or outside your scope' })
  hazard(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new HazardService(context).byId(id);
  }

  @Authorized()
  @Query(() => [HazardGradeCount], { description: 'Hazards in your scope by grade' })
  hazardCountsByGrade(@Ctx() context: SubgraphContext) {
    return new HazardService(context).countsByGrade();
  }

  @Authorized(...HAZARD_REPORTER_ROLES)
  @Mutation(() => Hazard, { description: 'Reports a hazard (status REPORTED); emits HazardReported' })
  reportHazard(@Arg('input') input: ReportHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).report(input);
  }

  @Authorized(...HAZARD_HANDLER_ROLES)
  @Mutation(() => Hazard, {
    description: 'Moves a hazard along its lifecycle (domain §5.6); emits HazardStatusChanged',
  })
  transitionHazard(@Arg('input') input: TransitionHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).transition(input);
  }

  @FieldResolver(() => Boolean, { description: 'Past its deadline and not yet closed or rejected' })
  overdue(@Root() hazard: Hazard): boolean {
    return isOverdue(hazard, now());
  }

  @FieldResolver(() => EnterpriseStub, { description: 'The enterprise where it was found' })
  enterprise(@Root() hazard: Hazard): EnterpriseStub {
    return { id: hazard.enterpriseId };
  }
}

/** What this service adds to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseHazardsResolver {
  @Authorized()
  @FieldResolver(() => HazardConnection, {
    nullable: true,
    description: 'Hazards of this enterprise in your scope',
  })
  hazards(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseHazardsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Hazards not yet closed or rejected' })
  openHazardCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new HazardService(context).openCount(enterprise.id);
  }
}
