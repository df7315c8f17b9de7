import { defineSubgraph } from '@safety/subgraph-kit';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { migrations } from './migrations/index.js';
import { EmergencyPlan } from './plans/emergency-plan.entity.js';
import { EmergencyPlanResolver, EnterpriseEmergencyPlansResolver } from './plans/emergency-plan.resolver.js';
import { EmergencyPlanService } from './plans/emergency-plan.service.js';
import { seed } from './seed/seed.js';

/** 应急救援体系: emergency plans and, later, drills, teams, supplies, warnings and accidents. */
export const emergencySubgraph = defineSubgraph({
  name: 'emergency',
  port: 4105,
  resolvers: [EmergencyPlanResolver, EnterpriseEmergencyPlansResolver],
  orphanedTypes: [EnterpriseStub],
  entities: [EmergencyPlan],
  migrations,
  references: {
    EmergencyPlan: (ids, context) => new EmergencyPlanService(context).byIds(ids),
    Enterprise: 'stub',
  },
  seed,
});
