import { Role } from '@safety/auth';
import { Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import { actorOf } from '../auth/registry-auth.js';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { ReasonArgs } from '../reason.args.js';
import { SchemaChange } from './schema-change.types.js';
import { SubgraphVersion, SubgraphVersionStatus } from './subgraph-version.entity.js';

@ArgsType()
class VersionsArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'Only this subgraph' })
  subgraph?: string | null;

  @Field(() => SubgraphVersionStatus, { nullable: true, description: 'Only this status' })
  status?: SubgraphVersionStatus | null;
}

@ArgsType()
class DecisionArgs extends ReasonArgs {
  @Field(() => ID)
  id: string;
}

@ArgsType()
class SubgraphChangelogArgs {
  @Field()
  subgraph: string;

  @Field(() => Int)
  @Min(1)
  fromVersion: number;

  @Field(() => Int)
  @Min(1)
  toVersion: number;
}

/** History of subgraph versions, and the admin's decisions on held ones (issue 5 items 3 and 4). */
@Resolver(() => SubgraphVersion)
export class SubgraphVersionResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => [SubgraphVersion], { description: 'Subgraph versions in every status, newest first' })
  subgraphVersions(@Args() { subgraph, status, first }: VersionsArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.versions({ subgraph, status, first });
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => SubgraphVersion, { nullable: true })
  subgraphVersion(@Arg('id', () => ID) id: string, @Ctx() context: RegistryContext) {
    return context.subgraphs.byId(id);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => [SubgraphVersion], {
    description: 'Held versions waiting for an admin (none of them superseded by a later accepted one)',
  })
  pendingSubgraphVersions(@Ctx() context: RegistryContext) {
    return context.subgraphs.pending();
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => [SchemaChange], {
    description: 'The public API changes between two versions of a subgraph (each composed on its own)',
  })
  subgraphChangelog(
    @Args() { subgraph, fromVersion, toVersion }: SubgraphChangelogArgs,
    @Ctx() context: RegistryContext,
  ) {
    return context.subgraphs.changelog(subgraph, fromVersion, toVersion);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SubgraphVersion, {
    description:
      'Approves a held version: composed again with the live subgraphs, it becomes live (a pin stays)',
  })
  approveSubgraphVersion(@Args() { id, reason }: DecisionArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.approve(id, reason, actorOf(context.principal!));
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SubgraphVersion, { description: 'Declines a held version: it never becomes live' })
  declineSubgraphVersion(@Args() { id, reason }: DecisionArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.decline(id, reason, actorOf(context.principal!));
  }
}
