import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RiskBriefing } from './briefing.entity.js';
import { BriefingLevel } from './briefing.enums.js';
import {
  BriefingListArgs,
  CreateRiskBriefingInput,
  HoldRiskBriefingInput,
  IssueRiskBriefingInput,
  MissedBriefingsArgs,
  UpdateRiskBriefingInput,
} from './briefing.inputs.js';
import { BRIEFING_WRITER_ROLES } from './briefing.rules.js';
import { BriefingService } from './briefing.service.js';

const RiskBriefingConnection = Connection('RiskBriefing', RiskBriefing);

@ObjectType({ description: '应开未开的风险研判' })
class MissedRiskBriefing {
  @Field(() => BriefingLevel) level: BriefingLevel;
  @Field(() => ID) orgId: string;
  @Field(() => LocalDateResolver) periodFrom: string;
  @Field(() => LocalDateResolver) periodTo: string;
}

@Resolver(() => RiskBriefing)
export class RiskBriefingResolver {
  @Authorized()
  @Query(() => RiskBriefingConnection, { description: '风险研判 in your scope, latest period first' })
  briefings(@Args() args: BriefingListArgs, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).list(args);
  }

  @Authorized()
  @Query(() => RiskBriefing, {
    nullable: true,
    description: 'One briefing, or null if absent or outside your scope',
  })
  briefing(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).byId(id);
  }

  @Authorized()
  @Query(() => [MissedRiskBriefing], {
    description: 'Weeks (months for towns) that ended with no briefing held or issued, per organisation',
  })
  missedRiskBriefings(@Args() args: MissedBriefingsArgs, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).missed(args);
  }

  @Authorized(...BRIEFING_WRITER_ROLES)
  @Mutation(() => RiskBriefing, {
    description: 'Opens a briefing (DRAFT) with its auto digest generated now',
  })
  createRiskBriefing(@Arg('input') input: CreateRiskBriefingInput, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).create(input);
  }

  @Authorized(...BRIEFING_WRITER_ROLES)
  @Mutation(() => RiskBriefing, { description: 'Participants, risk items, outputs (DRAFT or HELD)' })
  updateRiskBriefing(@Arg('input') input: UpdateRiskBriefingInput, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).update(input);
  }

  @Authorized(...BRIEFING_WRITER_ROLES)
  @Mutation(() => RiskBriefing, { description: 'DRAFT → HELD' })
  holdBriefing(@Arg('input') input: HoldRiskBriefingInput, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).hold(input);
  }

  @Authorized(...BRIEFING_WRITER_ROLES)
  @Mutation(() => RiskBriefing, { description: 'HELD → ISSUED; emits RiskBriefingIssued (tasks, notices)' })
  issueBriefing(@Arg('input') input: IssueRiskBriefingInput, @Ctx() context: SubgraphContext) {
    return new BriefingService(context).issue(input);
  }
}
