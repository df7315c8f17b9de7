import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, ConnectionArgs } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Hazard } from '../hazards/hazard.entity.js';
import {
  CampaignMetrics,
  CampaignProgressSnapshot,
  CampaignTarget,
  SpecialCampaign,
} from './campaign.entity.js';
import {
  CampaignListArgs,
  CampaignTargetListArgs,
  CampaignTransitionInput,
  CloseCampaignInput,
  CreateCampaignInput,
  LaunchLessonsLearnedCampaignInput,
  RecordCampaignCheckInput,
} from './campaign.inputs.js';
import { CAMPAIGN_CHECKER_ROLES, CAMPAIGN_MANAGER_ROLES } from './campaign.rules.js';
import { CampaignService } from './campaign.service.js';

const SpecialCampaignConnection = Connection('SpecialCampaign', SpecialCampaign);
const CampaignTargetConnection = Connection('CampaignTarget', CampaignTarget);
const CampaignHazardConnection = Connection('CampaignHazard', Hazard);

@Resolver(() => SpecialCampaign)
export class SpecialCampaignResolver {
  @Authorized()
  @Query(() => SpecialCampaignConnection, { description: '专项整治 in your scope, latest start first' })
  campaigns(@Args() args: CampaignListArgs, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).list(args);
  }

  @Authorized()
  @Query(() => SpecialCampaign, {
    nullable: true,
    description: 'One campaign, or null if absent or outside your scope',
  })
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).byId(id);
  }

  @Authorized()
  @Query(() => CampaignMetrics, {
    nullable: true,
    description: 'Live progress of a campaign over the enterprises and hazards in your scope',
  })
  campaignProgress(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).progressOf(id);
  }

  @Authorized()
  @Query(() => CampaignTargetConnection, { description: 'Enterprises targeted by campaigns, in your scope' })
  campaignTargets(@Args() args: CampaignTargetListArgs, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).targets(args);
  }

  @Authorized(...CAMPAIGN_MANAGER_ROLES)
  @Mutation(() => SpecialCampaign, {
    description: 'Plans a campaign (PLANNED); its targets are computed now',
  })
  createCampaign(@Arg('input') input: CreateCampaignInput, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).create(input);
  }

  @Authorized(...CAMPAIGN_MANAGER_ROLES)
  @Mutation(() => SpecialCampaign, { description: 'PLANNED → ACTIVE: targets frozen as of today' })
  activateCampaign(@Arg('input') input: CampaignTransitionInput, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).activate(input);
  }

  @Authorized(...CAMPAIGN_MANAGER_ROLES)
  @Mutation(() => SpecialCampaign, { description: 'ACTIVE → SUMMARISING' })
  startCampaignSummary(@Arg('input') input: CampaignTransitionInput, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).startSummary(input);
  }

  @Authorized(...CAMPAIGN_MANAGER_ROLES)
  @Mutation(() => SpecialCampaign, { description: 'SUMMARISING → CLOSED with the summary' })
  closeCampaign(@Arg('input') input: CloseCampaignInput, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).close(input);
  }

  @Authorized(...CAMPAIGN_CHECKER_ROLES)
  @Mutation(() => CampaignTarget, { description: 'Records that a targeted enterprise was checked (covered)' })
  recordCampaignCheck(@Arg('input') input: RecordCampaignCheckInput, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).recordCheck(input);
  }

  @Authorized(...CAMPAIGN_MANAGER_ROLES)
  @Mutation(() => SpecialCampaign, {
    description: 'H-8 举一反三: an ACTIVE LESSONS_LEARNED campaign from a major hazard or an accident',
  })
  launchLessonsLearnedCampaign(
    @Arg('input') input: LaunchLessonsLearnedCampaignInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new CampaignService(context).launchLessonsLearned(input);
  }

  @FieldResolver(() => CampaignMetrics, { description: 'Live progress within your scope' })
  progress(@Root() campaign: SpecialCampaign, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).progress(campaign.id);
  }

  @FieldResolver(() => [CampaignProgressSnapshot], {
    description: 'Weekly snapshots while ACTIVE, oldest first',
  })
  snapshots(@Root() campaign: SpecialCampaign, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).snapshots(campaign.id);
  }

  @FieldResolver(() => CampaignHazardConnection, {
    description: 'Hazards found under the campaign (source SPECIAL_CAMPAIGN), in your scope',
  })
  hazards(@Root() campaign: SpecialCampaign, @Args() args: ConnectionArgs, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).hazards(campaign.id, args);
  }
}

@Resolver(() => CampaignTarget)
export class CampaignTargetResolver {
  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() target: CampaignTarget): EnterpriseStub {
    return { id: target.enterpriseId };
  }

  @FieldResolver(() => SpecialCampaign, { nullable: true })
  campaign(@Root() target: CampaignTarget, @Ctx() context: SubgraphContext) {
    return new CampaignService(context).byId(target.campaignId);
  }
}
