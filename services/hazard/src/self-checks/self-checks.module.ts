import type { SubgraphModule } from '@safety/subgraph-kit';

/** Domain §5: what `src/self-checks/` adds to the hazard subgraph (entities, resolvers, migrations, jobs, seed). */
export const selfChecksModule: SubgraphModule = {};
