import type { SubgraphModule } from '@safety/subgraph-kit';
import { TrainingRecords1765310000300 } from './migrations/1765310000300-training-records.js';
import { TrainingRecord } from './training-record.entity.js';
import { PersonTrainingRecordsResolver, TrainingRecordResolver } from './training-record.resolver.js';
import { seedTrainingRecords } from './training-record.seed.js';

/** Domain §7.4 training records, tagged with a special-work type for permit guardians (§5.9). */
export const trainingRecordsModule: SubgraphModule = {
  name: 'training-records',
  resolvers: [TrainingRecordResolver, PersonTrainingRecordsResolver],
  entities: [TrainingRecord],
  migrations: [TrainingRecords1765310000300],
  seed: seedTrainingRecords,
};
