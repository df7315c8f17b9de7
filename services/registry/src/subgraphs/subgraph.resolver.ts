import { Role } from '@safety/auth';
import { MaxLength, MinLength } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { SubgraphCheck } from './schema-change.types.js';
import { Subgraph } from './subgraph.entity.js';
import { SubgraphVersion } from './subgraph-version.entity.js';

@ArgsType()
class CompositionErrorsArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'Only this subgraph' })
  subgraph?: string | null;
}

@ArgsType()
class CheckArgs {
  @Field({ description: 'The subgraph the SDL would replace (or add)' })
  @MinLength(1)
  @MaxLength(63)
  name: string;

  @Field({ description: 'The proposed subgraph SDL' })
  @MinLength(1)
  @MaxLength(4_000_000)
  sdl: string;

  @Field(() => String, { nullable: true, description: 'Its URL; default: as registered' })
  url?: string | null;
}

@Resolver(() => Subgraph)
export class SubgraphResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => [Subgraph], { description: 'Every registered subgraph, by name' })
  subgraphs(@Ctx() context: RegistryContext) {
    return context.subgraphs.list();
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => Subgraph, { nullable: true })
  subgraph(@Arg('name') name: string, @Ctx() context: RegistryContext) {
    return context.subgraphs.get(name);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => [SubgraphVersion], {
    description: 'Rejected publish attempts with their composition errors, newest first',
  })
  compositionErrors(@Args() { subgraph, first }: CompositionErrorsArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.compositionErrors(subgraph, first);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SERVICE)
  @Query(() => SubgraphCheck, {
    description:
      'Checks a proposed SDL without publishing it: composition errors, classified changes against the live supergraph, affected operations and broken documents',
  })
  checkSubgraph(@Args() { name, sdl, url }: CheckArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.check(name, sdl, url);
  }

  @FieldResolver(() => SubgraphVersion, {
    nullable: true,
    description: 'The newest accepted version (after a rollback not necessarily the live one)',
  })
  latestVersion(@Root() subgraph: Subgraph, @Ctx() context: RegistryContext) {
    return context
      .loader('latestAccepted', (names: string[]) => context.subgraphs.latestAccepted(names))
      .load(subgraph.name);
  }

  @FieldResolver(() => SubgraphVersion, {
    nullable: true,
    description: 'The version the live supergraph was composed from; null when it is not in it',
  })
  liveVersion(@Root() subgraph: Subgraph, @Ctx() context: RegistryContext) {
    return context
      .loader('liveVersion', (names: string[]) => context.subgraphs.liveVersions(names))
      .load(subgraph.name);
  }

  @FieldResolver(() => [SubgraphVersion], {
    description: 'Published versions in every status, newest first',
  })
  async versions(@Root() subgraph: Subgraph, @Args() { first }: FirstArgs, @Ctx() context: RegistryContext) {
    const loader = context.loader(`versions:${first}`, (names: string[]) =>
      context.subgraphs.recentVersions(names, first),
    );
    return (await loader.load(subgraph.name)) ?? [];
  }
}
