import type { SubgraphModule } from '@safety/subgraph-kit';
import { RiskBriefing } from './briefing.entity.js';
import { RiskBriefingResolver } from './briefing.resolver.js';
import { seedBriefings } from './briefing.seed.js';
import { RiskBriefings1764460200000 } from './migrations/1764460200000-risk-briefings.js';

/** Domain §5.12: risk briefings with the auto digest, DRAFT → HELD → ISSUED, missed cadences. */
export const briefingsModule: SubgraphModule = {
  name: 'briefings',
  seed: seedBriefings,
  resolvers: [RiskBriefingResolver],
  entities: [RiskBriefing],
  migrations: [RiskBriefings1764460200000],
};
