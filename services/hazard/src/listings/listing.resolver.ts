import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, localDate, now } from '@safety/subgraph-kit';
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
import { Hazard } from '../hazards/hazard.entity.js';
import { SupervisedListing } from './listing.entity.js';
import { ListingLevel } from './listing.enums.js';
import {
  ApplyForDelistingInput,
  DecideListingExtensionInput,
  DecideNotToListHazardInput,
  DelistInput,
  EnterpriseListingsArgs,
  ListHazardsInput,
  ListingListArgs,
  ProposeListingInput,
  RefuseDelistingInput,
  RequestListingExtensionInput,
  StartListingRectificationInput,
  UnlistedMajorHazardsArgs,
} from './listing.inputs.js';
import {
  escalationLevel,
  LISTING_ENTERPRISE_ROLES,
  LISTING_ISSUER_ROLES,
  LISTING_PROPOSER_ROLES,
  listingOverdue,
  NOT_LISTED_DECIDER_ROLES,
} from './listing.rules.js';
import { ListingService } from './listing.service.js';
import { HazardListingDecision } from './listing-decision.entity.js';

const SupervisedListingConnection = Connection('SupervisedListing', SupervisedListing);

@ObjectType({ description: '待研判挂牌的重大事故隐患 (安委办队列)' })
export class UnlistedMajorHazard {
  @Field(() => ID, { description: 'The hazard id' }) id: string;
  @Field(() => ID, { description: 'The enterprise of the hazard' }) enterpriseId: string;
  @Field(() => Hazard) hazard: Hazard;
  @Field(() => LocalDateResolver, { description: 'Day confirmed (Asia/Shanghai)' }) confirmedOn: string;
  @Field(() => LocalDateResolver, {
    description: 'Evaluated for listing by this day: confirmation + 5 working days',
  })
  evaluationDue: string;

  @Field() evaluationOverdue: boolean;
}

const UnlistedMajorHazardConnection = Connection('UnlistedMajorHazard', UnlistedMajorHazard);

const ISSUERS = [...LISTING_ISSUER_ROLES];
const ENTERPRISE = [...LISTING_ENTERPRISE_ROLES];

@Resolver(() => SupervisedListing)
export class SupervisedListingResolver {
  @Authorized()
  @Query(() => SupervisedListingConnection, {
    description: 'Supervised listings in your data scope, newest first',
  })
  listings(@Args() args: ListingListArgs, @Ctx() context: SubgraphContext) {
    return new ListingService(context).list(args);
  }

  @Authorized()
  @Query(() => SupervisedListing, {
    nullable: true,
    description: 'One listing, or null if absent or outside your scope',
  })
  listing(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new ListingService(context).byId(id);
  }

  @Authorized()
  @Query(() => UnlistedMajorHazardConnection, {
    description: 'The SAC office queue: confirmed MAJOR hazards no listing holds, oldest confirmation first',
  })
  unlistedMajorHazards(@Args() args: UnlistedMajorHazardsArgs, @Ctx() context: SubgraphContext) {
    return new ListingService(context).unlistedMajorHazards(args);
  }

  @Authorized(...LISTING_PROPOSER_ROLES)
  @Mutation(() => SupervisedListing, {
    description: '∅ → PROPOSED: MAJOR hazards of one enterprise proposed for listing',
  })
  proposeListing(@Arg('input') input: ProposeListingInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).propose(input);
  }

  @Authorized(...ISSUERS)
  @Mutation(() => SupervisedListing, {
    description: 'PROPOSED → LISTED: issues the notice (DB-YYYY-nnn); emits HazardListed',
  })
  listHazards(@Arg('input') input: ListHazardsInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).issue(input);
  }

  @Authorized(...ENTERPRISE)
  @Mutation(() => SupervisedListing, { description: 'LISTED → RECTIFYING: every hazard’s plan approved' })
  startListingRectification(
    @Arg('input') input: StartListingRectificationInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new ListingService(context).startRectification(input);
  }

  @Authorized(...ENTERPRISE)
  @Mutation(() => SupervisedListing, {
    description: 'RECTIFYING → EXTENSION_REQUESTED: at least 20 working days before the deadline',
  })
  requestListingExtension(
    @Arg('input') input: RequestListingExtensionInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new ListingService(context).requestExtension(input);
  }

  @Authorized(...ISSUERS)
  @Mutation(() => SupervisedListing, {
    description: 'EXTENSION_REQUESTED → RECTIFYING: the issuer grants (deadline moves) or refuses',
  })
  decideListingExtension(@Arg('input') input: DecideListingExtensionInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).decideExtension(input);
  }

  @Authorized(...ENTERPRISE)
  @Mutation(() => SupervisedListing, {
    description: 'RECTIFYING → DELISTING_APPLIED: every hazard pending acceptance or accepted',
  })
  applyForDelisting(@Arg('input') input: ApplyForDelistingInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).applyForDelisting(input);
  }

  @Authorized(...ISSUERS)
  @Mutation(() => SupervisedListing, {
    description: 'DELISTING_APPLIED → DELISTED: verified; the hazards close (销号); emits HazardDelisted',
  })
  delist(@Arg('input') input: DelistInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).delist(input);
  }

  @Authorized(...ISSUERS)
  @Mutation(() => SupervisedListing, { description: 'DELISTING_APPLIED → RECTIFYING: verification failed' })
  refuseDelisting(@Arg('input') input: RefuseDelistingInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).refuseDelisting(input);
  }

  @FieldResolver(() => Boolean, {
    description: 'Past its deadline while the enterprise is bound by it (derived OVERDUE)',
  })
  overdue(@Root() listing: SupervisedListing): boolean {
    return listingOverdue(listing, localDate(now()));
  }

  @FieldResolver(() => ListingLevel, {
    nullable: true,
    description: 'When overdue: the level the listing escalates to',
  })
  escalatesTo(@Root() listing: SupervisedListing): ListingLevel | null {
    return listingOverdue(listing, localDate(now()))
      ? (escalationLevel(listing.level) as ListingLevel)
      : null;
  }

  @FieldResolver(() => [Hazard], { description: 'The hazards listed (those in your scope)' })
  hazards(@Root() listing: SupervisedListing, @Ctx() context: SubgraphContext) {
    return new ListingService(context).hazardsOf(listing);
  }

  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() listing: SupervisedListing): EnterpriseStub {
    return { id: listing.enterpriseId };
  }
}

/** `Enterprise.listings` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseListingsResolver {
  @Authorized()
  @FieldResolver(() => SupervisedListingConnection, {
    nullable: true,
    description: 'Supervised listings of this enterprise in your scope',
  })
  listings(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseListingsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new ListingService(context).forEnterprise(enterprise.id, args);
  }
}

/** The SAC office's "not listed" decision, on the hazard (§5.7.2 queue). */
@Resolver(() => Hazard)
export class HazardListingDecisionResolver {
  @Authorized(...NOT_LISTED_DECIDER_ROLES)
  @Mutation(() => HazardListingDecision, {
    description: '不予挂牌: the SAC office decides a queued major hazard is not listed (reason required)',
  })
  decideNotToListHazard(@Arg('input') input: DecideNotToListHazardInput, @Ctx() context: SubgraphContext) {
    return new ListingService(context).decideNotToList(input);
  }

  @FieldResolver(() => HazardListingDecision, {
    nullable: true,
    description: 'The SAC office’s decision not to list this major hazard, if any',
  })
  listingDecision(@Root() hazard: Hazard, @Ctx() context: SubgraphContext) {
    return new ListingService(context).decisionOf(hazard.id);
  }
}
