import type { SubgraphModule } from '@safety/subgraph-kit';
import { SupervisedListing } from './listing.entity.js';
import {
  EnterpriseListingsResolver,
  HazardListingDecisionResolver,
  SupervisedListingResolver,
} from './listing.resolver.js';
import { seedListings } from './listing.seed.js';
import { ListingService } from './listing.service.js';
import { sweepListingOverdue } from './listing.sweeps.js';
import { HazardListingDecision } from './listing-decision.entity.js';
import { SupervisedListings1764430100000 } from './migrations/1764430100000-supervised-listings.js';
import { ListingDecisions1765100000200 } from './migrations/1765100000200-listing-decisions.js';

/** Domain §5.7.2: supervised listing (重大事故隐患挂牌督办), its queue, overdue sweep and demo listings. */
export const listingsModule: SubgraphModule = {
  name: 'listings',
  resolvers: [SupervisedListingResolver, EnterpriseListingsResolver, HazardListingDecisionResolver],
  entities: [SupervisedListing, HazardListingDecision],
  migrations: [SupervisedListings1764430100000, ListingDecisions1765100000200],
  references: { SupervisedListing: (ids, context) => new ListingService(context).byIds(ids) },
  jobs: [
    // ListingOverdue once per crossing; a deadline ends at midnight, five minutes is soon enough.
    { name: 'listing-overdue-sweep', cron: '*/5 * * * *', run: (runtime) => sweepListingOverdue(runtime) },
  ],
  seed: seedListings,
};
