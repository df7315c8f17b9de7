import type { SubgraphModule } from '@safety/subgraph-kit';
import { Hazard, HazardStatusChange } from './hazard.entity.js';
import { EnterpriseHazardsResolver, HazardResolver } from './hazard.resolver.js';
import { HazardService } from './hazard.service.js';
import { sweepOverdue, sweepPlanReminders } from './hazard.sweeps.js';
import { HazardSupervisingOrg1765310000100 } from './migrations/1765310000100-hazard-supervising-org.js';

/** Domain §5.6: hazards, their lifecycle and sweeps. */
export const hazardsModule: SubgraphModule = {
  resolvers: [HazardResolver, EnterpriseHazardsResolver],
  entities: [Hazard, HazardStatusChange],
  migrations: [HazardSupervisingOrg1765310000100],
  references: { Hazard: (ids, context) => new HazardService(context).byIds(ids) },
  jobs: [
    // `HazardOverdue` once per crossing; a deadline ends at midnight, five minutes is soon enough.
    { name: 'hazard-overdue-sweep', cron: '*/5 * * * *', run: (runtime) => sweepOverdue(runtime) },
    // H-4: a MAJOR hazard without an approved plan 7 days after confirmation.
    { name: 'hazard-plan-reminders', cron: '0 * * * *', run: (runtime) => sweepPlanReminders(runtime) },
  ],
};
