import type { SubgraphModule } from '@safety/subgraph-kit';
import { useCriterionCheck } from '../hazards/hazard.ports.js';
import { CombinedJudgementGroup, MajorHazardCriterion, MajorHazardStandard } from './criteria.entity.js';
import { MajorHazardCriterionResolver, MajorHazardStandardResolver } from './criteria.resolver.js';
import { checkCriterion } from './criteria.service.js';
import { CriteriaCatalogue1764430000000 } from './migrations/1764430000000-criteria-catalogue.js';

// Domain §5.7.1: a MAJOR hazard judged by STANDARD_CLAUSE cites an active criterion for its industry.
useCriterionCheck(checkCriterion);

/**
 * Domain §5.7.1: the major-hazard criteria catalogue as reference data (loaded by migration, not by
 * the demo seed), its queries and the grade proposal; plugs the real criterion check into hazards.
 */
export const criteriaModule: SubgraphModule = {
  resolvers: [MajorHazardCriterionResolver, MajorHazardStandardResolver],
  entities: [MajorHazardStandard, CombinedJudgementGroup, MajorHazardCriterion],
  migrations: [CriteriaCatalogue1764430000000],
};
