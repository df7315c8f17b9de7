import { defineSubgraph } from '@safety/subgraph-kit';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { Hazard } from './hazards/hazard.entity.js';
import { EnterpriseHazardsResolver, HazardResolver } from './hazards/hazard.resolver.js';
import { HazardService } from './hazards/hazard.service.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed/seed.js';

/** 隐患排查体系: hazards and, later, risk points, listings, permits and campaigns. */
export const hazardSubgraph = defineSubgraph({
  name: 'hazard',
  port: 4102,
  resolvers: [HazardResolver, EnterpriseHazardsResolver],
  orphanedTypes: [EnterpriseStub],
  entities: [Hazard],
  migrations,
  references: {
    Hazard: (ids, context) => new HazardService(context).byIds(ids),
    Enterprise: 'stub',
  },
  seed,
});
