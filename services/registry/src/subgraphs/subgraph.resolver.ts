import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { Subgraph } from './subgraph.entity.js';
import { SubgraphVersion } from './subgraph-version.entity.js';

@ArgsType()
class CompositionErrorsArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'Only this subgraph' })
  subgraph?: string | null;
}

// Reads are open for now (no auth): the registry holds schemas only, no county data.
@Resolver(() => Subgraph)
export class SubgraphResolver {
  @Query(() => [Subgraph], { description: 'Every registered subgraph, by name' })
  subgraphs(@Ctx() context: RegistryContext) {
    return context.subgraphs.list();
  }

  @Query(() => Subgraph, { nullable: true })
  subgraph(@Arg('name') name: string, @Ctx() context: RegistryContext) {
    return context.subgraphs.get(name);
  }

  @Query(() => [SubgraphVersion], {
    description: 'Rejected publish attempts with their composition errors, newest first',
  })
  compositionErrors(@Args() { subgraph, first }: CompositionErrorsArgs, @Ctx() context: RegistryContext) {
    return context.subgraphs.compositionErrors(subgraph, first);
  }

  @FieldResolver(() => SubgraphVersion, {
    nullable: true,
    description: 'The newest accepted version: the one composed into the live supergraph',
  })
  latestVersion(@Root() subgraph: Subgraph, @Ctx() context: RegistryContext) {
    return context
      .loader('latestAccepted', (names: string[]) => context.subgraphs.latestAccepted(names))
      .load(subgraph.name);
  }

  @FieldResolver(() => [SubgraphVersion], {
    description: 'Published versions, accepted or rejected, newest first',
  })
  async versions(@Root() subgraph: Subgraph, @Args() { first }: FirstArgs, @Ctx() context: RegistryContext) {
    const loader = context.loader(`versions:${first}`, (names: string[]) =>
      context.subgraphs.recentVersions(names, first),
    );
    return (await loader.load(subgraph.name)) ?? [];
  }
}
