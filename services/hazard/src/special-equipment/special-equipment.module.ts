import type { SubgraphModule } from '@safety/subgraph-kit';
import { SpecialEquipment1764450100000 } from './migrations/1764450100000-special-equipment.js';
import { SpecialEquipmentSupervision1765310000200 } from './migrations/1765310000200-special-equipment-supervision.js';
import { SpecialEquipment } from './special-equipment.entity.js';
import {
  EnterpriseSpecialEquipmentResolver,
  SpecialEquipmentResolver,
} from './special-equipment.resolver.js';
import { seedSpecialEquipment } from './special-equipment.seed.js';
import { SpecialEquipmentService, sweepOverdueEquipment } from './special-equipment.service.js';

/** Domain §5.5: special equipment, its inspections, and the daily overdue rule (SYSTEM_RULE hazards). */
export const specialEquipmentModule: SubgraphModule = {
  name: 'special-equipment',
  resolvers: [SpecialEquipmentResolver, EnterpriseSpecialEquipmentResolver],
  entities: [SpecialEquipment],
  migrations: [SpecialEquipment1764450100000, SpecialEquipmentSupervision1765310000200],
  references: { SpecialEquipment: (ids, context) => new SpecialEquipmentService(context).byIds(ids) },
  jobs: [
    // Daily, after midnight in Asia/Shanghai: a due date is missed once its day has ended.
    {
      name: 'special-equipment-overdue',
      cron: '15 0 * * *',
      catchUpOnStart: true,
      run: (runtime) => sweepOverdueEquipment(runtime),
    },
  ],
  seed: seedSpecialEquipment,
};
