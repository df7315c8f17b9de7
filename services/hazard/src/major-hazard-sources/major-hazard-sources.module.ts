import type { SubgraphModule } from '@safety/subgraph-kit';
import { BaobaoCheck, MajorHazardSource } from './major-hazard-source.entity.js';
import {
  EnterpriseMajorHazardSourcesResolver,
  MajorHazardSourceResolver,
} from './major-hazard-source.resolver.js';
import { seedMajorHazardSources } from './major-hazard-source.seed.js';
import { MajorHazardSourceService } from './major-hazard-source.service.js';
import { MajorHazardSources1764420100000 } from './migrations/1764420100000-major-hazard-sources.js';

/** Domain §5.4: major hazard sources (GB 18218-2018) with 包保 persons, checks and cadence misses. */
export const majorHazardSourcesModule: SubgraphModule = {
  name: 'major-hazard-sources',
  seed: seedMajorHazardSources,
  resolvers: [MajorHazardSourceResolver, EnterpriseMajorHazardSourcesResolver],
  entities: [MajorHazardSource, BaobaoCheck],
  migrations: [MajorHazardSources1764420100000],
  references: { MajorHazardSource: (ids, context) => new MajorHazardSourceService(context).byIds(ids) },
};
