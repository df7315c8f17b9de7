import type { SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Person } from '../persons/person.entity.js';
import { PERSON_REGISTRAR_ROLES } from '../persons/person.rules.js';
import { TrainingRecord } from './training-record.entity.js';
import { RecordTrainingInput } from './training-record.inputs.js';
import { TrainingRecordService } from './training-record.service.js';

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  /** The enterprise's safety staff and the regulators, as for three-level education (domain §7.1). */
  @Authorized(...PERSON_REGISTRAR_ROLES)
  @Mutation(() => TrainingRecord, {
    description: 'Records an attended training (tag specialWorkType for a permit guardian’s training)',
  })
  recordTraining(@Arg('input') input: RecordTrainingInput, @Ctx() context: SubgraphContext) {
    return new TrainingRecordService(context).record(input);
  }
}

/** What training records add to `Person`, batched across persons. */
@Resolver(() => Person)
export class PersonTrainingRecordsResolver {
  @FieldResolver(() => [TrainingRecord], {
    description: 'Training records in your data scope, newest first (domain §7.4)',
  })
  trainingRecords(@Root() person: Person, @Ctx() context: SubgraphContext) {
    return new TrainingRecordService(context).ofPerson(person.id);
  }
}
