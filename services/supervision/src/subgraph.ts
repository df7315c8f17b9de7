import { defineSubgraph } from '@safety/subgraph-kit';
import { Enterprise } from './enterprises/enterprise.entity.js';
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import { EnterpriseService } from './enterprises/enterprise.service.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed/seed.js';

/** 监督管理体系: the enterprise registry (owner of `Enterprise`) and, later, enforcement. */
export const supervisionSubgraph = defineSubgraph({
  name: 'supervision',
  port: 4103,
  resolvers: [EnterpriseResolver],
  entities: [Enterprise],
  migrations,
  references: {
    Enterprise: (ids, context) => new EnterpriseService(context).byIds(ids),
  },
  ownsEnterprises: true,
  seed,
});
