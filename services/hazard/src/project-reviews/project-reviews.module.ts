import type { SubgraphModule } from '@safety/subgraph-kit';
import { ProjectSafetyReviews1764460000000 } from './migrations/1764460000000-project-safety-reviews.js';
import { ProjectSafetyReview } from './project-review.entity.js';
import { ProjectSafetyReviewResolver } from './project-review.resolver.js';
import { seedProjectReviews } from './project-review.seed.js';
import { ProjectReviewService } from './project-review.service.js';

/** Domain §5.10: project safety reviews, 三同时, and the one-vote veto (`ProjectVetoed`). */
export const projectReviewsModule: SubgraphModule = {
  name: 'project-reviews',
  seed: seedProjectReviews,
  resolvers: [ProjectSafetyReviewResolver],
  entities: [ProjectSafetyReview],
  migrations: [ProjectSafetyReviews1764460000000],
  references: { ProjectSafetyReview: (ids, context) => new ProjectReviewService(context).byIds(ids) },
};
