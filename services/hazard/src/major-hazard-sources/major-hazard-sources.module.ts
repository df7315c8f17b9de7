import type { SubgraphModule } from '@safety/subgraph-kit';

/** Domain §5: what `src/major-hazard-sources/` adds to the hazard subgraph (entities, resolvers, migrations, jobs, seed). */
export const majorHazardSourcesModule: SubgraphModule = {};
