import type { SubgraphModule } from '@safety/subgraph-kit';

/** Domain §5: what `src/project-reviews/` adds to the hazard subgraph (entities, resolvers, migrations, jobs, seed). */
export const projectReviewsModule: SubgraphModule = {};
