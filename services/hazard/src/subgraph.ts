import { defineSubgraph } from '@safety/subgraph-kit';
import { alertsModule } from './alerts/alerts.module.js';
import { briefingsModule } from './briefings/briefings.module.js';
import { campaignsModule } from './campaigns/campaigns.module.js';
import { clockModule } from './clock/clock.module.js';
import { criteriaModule } from './criteria/criteria.module.js';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { hazardsModule } from './hazards/hazards.module.js';
import { listingsModule } from './listings/listings.module.js';
import { majorHazardSourcesModule } from './major-hazard-sources/major-hazard-sources.module.js';
import { migrations } from './migrations/index.js';
import { permitsModule } from './permits/permits.module.js';
import { projectReviewsModule } from './project-reviews/project-reviews.module.js';
import { riskModule } from './risk/risk.module.js';
import { seed } from './seed/seed.js';
import { selfChecksModule } from './self-checks/self-checks.module.js';
import { specialEquipmentModule } from './special-equipment/special-equipment.module.js';

export {
  type CriterionCheck,
  type InspectionSource,
  useCriterionCheck,
  useInspectionSource,
} from './hazards/hazard.ports.js';
export { HazardService } from './hazards/hazard.service.js';
export { type SweepRuntime, sweepOverdue, sweepPlanReminders } from './hazards/hazard.sweeps.js';

/** 隐患排查体系 (domain §5): one module per aggregate folder. */
export const hazardSubgraph = defineSubgraph({
  name: 'hazard',
  port: 4102,
  // The Enterprise stub is the extension point the modules share; the rest comes from the modules.
  orphanedTypes: [EnterpriseStub],
  migrations,
  references: { Enterprise: 'stub' },
  seed,
  modules: [
    hazardsModule,
    riskModule,
    majorHazardSourcesModule,
    specialEquipmentModule,
    criteriaModule,
    listingsModule,
    selfChecksModule,
    permitsModule,
    projectReviewsModule,
    campaignsModule,
    briefingsModule,
    alertsModule,
    clockModule,
  ],
});
