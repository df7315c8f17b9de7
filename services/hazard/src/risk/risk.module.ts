import type { SubgraphModule } from '@safety/subgraph-kit';
import { Risk1764420000000 } from './migrations/1764420000000-risk.js';
import { EnterpriseRiskResolver, RiskAssessmentResolver, RiskPointResolver } from './risk.resolver.js';
import { seedRisk } from './risk.seed.js';
import { RiskService } from './risk.service.js';
import { sweepRiskLevels } from './risk.sweeps.js';
import { EnterpriseRisk, RiskAssessment, RiskPoint } from './risk-point.entity.js';

/** Domain §5.2–5.3: risk points, assessments, enterprise risk level and the four-colour maps. */
export const riskModule: SubgraphModule = {
  name: 'risk',
  seed: seedRisk,
  resolvers: [RiskPointResolver, RiskAssessmentResolver, EnterpriseRiskResolver],
  entities: [RiskPoint, RiskAssessment, EnterpriseRisk],
  migrations: [Risk1764420000000],
  references: { RiskPoint: (ids, context) => new RiskService(context).byIds(ids) },
  jobs: [
    // Changes made here apply at once; levels that follow hazards and accidents within 5 minutes (domain §5.3).
    { name: 'risk-level-sweep', cron: '*/5 * * * *', run: (runtime) => sweepRiskLevels(runtime) },
  ],
};
