import { defineSubgraph } from '@safety/subgraph-kit';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { Hazard, HazardStatusChange } from './hazards/hazard.entity.js';
import { EnterpriseHazardsResolver, HazardResolver } from './hazards/hazard.resolver.js';
import { HazardService } from './hazards/hazard.service.js';
import { sweepOverdue, sweepPlanReminders } from './hazards/hazard.sweeps.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed/seed.js';

export {
  type CriterionCheck,
  type InspectionSource,
  useCriterionCheck,
  useInspectionSource,
} from './hazards/hazard.ports.js';
export { HazardService } from './hazards/hazard.service.js';
export { type SweepRuntime, sweepOverdue, sweepPlanReminders } from './hazards/hazard.sweeps.js';

/** 隐患排查体系: hazards and, later, risk points, listings, permits and campaigns. */
export const hazardSubgraph = defineSubgraph({
  name: 'hazard',
  port: 4102,
  resolvers: [HazardResolver, EnterpriseHazardsResolver],
  orphanedTypes: [EnterpriseStub],
  entities: [Hazard, HazardStatusChange],
  migrations,
  references: {
    Hazard: (ids, context) => new HazardService(context).byIds(ids),
    Enterprise: 'stub',
  },
  seed,
  jobs: [
    // §5.6: `HazardOverdue` once per crossing; a deadline ends at midnight, five minutes is soon enough.
    { name: 'hazard-overdue-sweep', cron: '*/5 * * * *', run: (runtime) => sweepOverdue(runtime) },
    // H-4: a MAJOR hazard without an approved plan 7 days after confirmation.
    { name: 'hazard-plan-reminders', cron: '0 * * * *', run: (runtime) => sweepPlanReminders(runtime) },
  ],
});
