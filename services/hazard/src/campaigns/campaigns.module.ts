import type { SubgraphModule } from '@safety/subgraph-kit';

/** Domain §5: what `src/campaigns/` adds to the hazard subgraph (entities, resolvers, migrations, jobs, seed). */
export const campaignsModule: SubgraphModule = {};
