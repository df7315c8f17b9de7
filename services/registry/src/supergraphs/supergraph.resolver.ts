import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { SubgraphVersion } from '../subgraphs/subgraph-version.entity.js';
import { SupergraphVersion } from './supergraph-version.entity.js';

@Resolver(() => SupergraphVersion)
export class SupergraphResolver {
  @Query(() => SupergraphVersion, {
    nullable: true,
    description: 'The live supergraph, null before the first publish',
  })
  supergraph(@Ctx() context: RegistryContext) {
    return context.supergraphs.live();
  }

  @Query(() => [SupergraphVersion], { description: 'Composed supergraphs, newest first' })
  supergraphVersions(@Args() { first }: FirstArgs, @Ctx() context: RegistryContext) {
    return context.supergraphs.list(first);
  }

  @FieldResolver(() => [SubgraphVersion], { description: 'The subgraph versions it was composed from' })
  async subgraphVersions(@Root() supergraph: SupergraphVersion, @Ctx() context: RegistryContext) {
    const loader = context.loader('subgraphVersionById', (ids: string[]) => context.subgraphs.byIds(ids));
    const versions = await Promise.all(supergraph.subgraphVersionIds.map((id) => loader.load(id)));
    return versions
      .filter((version): version is SubgraphVersion => version !== undefined)
      .sort((a, b) => a.subgraphName.localeCompare(b.subgraphName));
  }
}
