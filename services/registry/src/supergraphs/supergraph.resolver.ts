import { Role } from '@safety/auth';
import { Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { actorOf } from '../auth/registry-auth.js';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { ReasonArgs } from '../reason.args.js';
import { SchemaChange } from '../subgraphs/schema-change.types.js';
import { SubgraphVersion } from '../subgraphs/subgraph-version.entity.js';
import { LiveChange } from './live-change.entity.js';
import type { LivePointer } from './supergraph.service.js';
import { SupergraphVersion } from './supergraph-version.entity.js';

@ArgsType()
class ChangelogArgs {
  @Field(() => Int)
  @Min(1)
  fromSupergraphVersion: number;

  @Field(() => Int)
  @Min(1)
  toSupergraphVersion: number;
}

@ArgsType()
class RollbackArgs extends ReasonArgs {
  @Field(() => Int, { description: 'Any composed supergraph version, earlier or later than the live one' })
  @Min(1)
  version: number;
}

const READ = [Role.PLATFORM_ADMIN, Role.SERVICE];

@Resolver(() => SupergraphVersion)
export class SupergraphResolver {
  @Authorized(...READ)
  @Query(() => SupergraphVersion, {
    nullable: true,
    description: 'The live supergraph (what the gateway serves), null before the first publish',
  })
  supergraph(@Ctx() context: RegistryContext) {
    return context.supergraphs.live();
  }

  @Authorized(...READ)
  @Query(() => [SupergraphVersion], { description: 'Composed supergraphs, newest first' })
  supergraphVersions(@Args() { first }: FirstArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.list(first);
  }

  @Authorized(...READ)
  @Query(() => SupergraphVersion, { nullable: true })
  supergraphVersion(@Arg('version', () => Int) version: number, @Ctx() context: RegistryContext) {
    return context.supergraphs.byVersion(version);
  }

  @Authorized(...READ)
  @Query(() => [SchemaChange], {
    description: 'The public API changes from one supergraph version to another, classified',
  })
  changelog(
    @Args() { fromSupergraphVersion, toSupergraphVersion }: ChangelogArgs,
    @Ctx() context: RegistryContext,
  ) {
    return context.supergraphs.changelog(fromSupergraphVersion, toSupergraphVersion);
  }

  @Authorized(...READ)
  @Query(() => [LiveChange], { description: 'Every change of the live supergraph, newest first' })
  liveHistory(@Args() { first }: FirstArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.liveHistory(first);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SupergraphVersion, {
    description:
      'Makes a composed supergraph live again (earlier or later) in one step, and pins it: later publishes are held until unpinned',
  })
  rollbackSupergraph(@Args() { version, reason }: RollbackArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.rollback(version, reason, actorOf(context.principal!));
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SupergraphVersion, { description: 'Pins the live supergraph: later publishes are held' })
  pinSupergraph(@Args() { reason }: ReasonArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.setPinned(true, reason, actorOf(context.principal!));
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => SupergraphVersion, {
    description: 'Unpins the live supergraph; versions held meanwhile stay held until approved',
  })
  unpinSupergraph(@Args() { reason }: ReasonArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.setPinned(false, reason, actorOf(context.principal!));
  }

  @FieldResolver(() => [SubgraphVersion], { description: 'The subgraph versions it was composed from' })
  async subgraphVersions(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    const loader = context.loader('subgraphVersionById', (ids: string[]) => context.subgraphs.byIds(ids));
    const versions = await Promise.all(supergraph.subgraphVersionIds.map((id) => loader.load(id)));
    return versions
      .filter((version): version is SubgraphVersion => version !== undefined)
      .sort((a, b) => a.subgraphName.localeCompare(b.subgraphName));
  }

  @FieldResolver(() => SubgraphVersion, {
    nullable: true,
    description: 'The subgraph version whose publish or approval composed it',
  })
  async changedSubgraphVersion(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    if (!supergraph.subgraphVersionId) return null;
    const loader = context.loader('subgraphVersionById', (ids: string[]) => context.subgraphs.byIds(ids));
    return (await loader.load(supergraph.subgraphVersionId)) ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The commit of the changed subgraph version' })
  async commit(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await this.changedSubgraphVersion(supergraph, context))?.commit ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the gateway serves this one now' })
  async live(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await pointer(context))?.version === supergraph.version;
  }

  @FieldResolver(() => Boolean, { description: 'Live and pinned: publishes are held until unpinned' })
  async pinned(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await livePin(supergraph, context)) !== null;
  }

  @FieldResolver(() => String, { nullable: true })
  async pinnedBy(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await livePin(supergraph, context))?.pinnedBy ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async pinnedAt(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await livePin(supergraph, context))?.pinnedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async pinReason(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    return (await livePin(supergraph, context))?.pinReason ?? null;
  }
}

/** The live pointer, read once per request however many versions ask. */
async function pointer(context: RegistryContext): Promise<LivePointer | null> {
  const loader = context.loader('livePointer', async (keys: number[]) => {
    const found = await context.supergraphs.pointer();
    return new Map(keys.map((key) => [key, found]));
  });
  return (await loader.load(1)) ?? null;
}

async function livePin(supergraph: SupergraphVersion, context: RegistryContext) {
  const live = await pointer(context);
  return live?.version === supergraph.version && live.pinned ? live : null;
}
