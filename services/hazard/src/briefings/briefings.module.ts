import type { SubgraphModule } from '@safety/subgraph-kit';

/** Domain §5: what `src/briefings/` adds to the hazard subgraph (entities, resolvers, migrations, jobs, seed). */
export const briefingsModule: SubgraphModule = {};
