import type { SubgraphModule } from '@safety/subgraph-kit';
import { ServiceClockResolver } from './clock.resolver.js';

/** The service clock for clients' form defaults and counters (no state of its own). */
export const clockModule: SubgraphModule = {
  name: 'clock',
  resolvers: [ServiceClockResolver],
};
