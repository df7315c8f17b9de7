import type { SubgraphModule } from '@safety/subgraph-kit';
import { SelfChecks1764450000000 } from './migrations/1764450000000-self-checks.js';
import { SelfCheckPlan, SelfCheckRecord } from './self-check.entity.js';
import {
  EnterpriseSelfChecksResolver,
  SelfCheckPlanResolver,
  SelfCheckRecordResolver,
} from './self-check.resolver.js';
import { seedSelfChecks } from './self-check.seed.js';
import { SelfCheckService } from './self-check.service.js';

/** Domain §5.8: self-check plans and records, missed checks and the compliance figure per enterprise. */
export const selfChecksModule: SubgraphModule = {
  name: 'self-checks',
  resolvers: [SelfCheckPlanResolver, SelfCheckRecordResolver, EnterpriseSelfChecksResolver],
  entities: [SelfCheckPlan, SelfCheckRecord],
  migrations: [SelfChecks1764450000000],
  references: {
    SelfCheckPlan: (ids, context) => new SelfCheckService(context).plansByIds(ids),
    SelfCheckRecord: (ids, context) => new SelfCheckService(context).recordsByIds(ids),
  },
  seed: seedSelfChecks,
};
