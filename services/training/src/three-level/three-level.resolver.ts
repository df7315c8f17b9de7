import type { SubgraphContext } from '@safety/subgraph-kit';
import { localDate, now } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PERSON_REGISTRAR_ROLES } from '../persons/person.rules.js';
import { ThreeLevelEducation } from './three-level.entity.js';
import { RecordThreeLevelInput, ThreeLevelRedoArgs, ThreeLevelRefresherArgs } from './three-level.inputs.js';
import { canWork } from './three-level.rules.js';
import { ThreeLevelService } from './three-level.service.js';

/** Who records three-level education: the enterprise's safety staff (domain §7.1) and the regulators. */
const RECORDER_ROLES = PERSON_REGISTRAR_ROLES;

@Resolver(() => ThreeLevelEducation)
export class ThreeLevelResolver {
  @Authorized(...RECORDER_ROLES)
  @Mutation(() => ThreeLevelEducation, {
    description:
      'Records one level of three-level education; PASSED once all three are passed with the hours',
  })
  recordThreeLevel(@Arg('input') input: RecordThreeLevelInput, @Ctx() context: SubgraphContext) {
    return new ThreeLevelService(context).recordLevel(input);
  }

  @Authorized(...RECORDER_ROLES)
  @Mutation(() => ThreeLevelEducation, { description: 'Records the annual refresher (年度再培训)' })
  recordThreeLevelRefresher(@Args() args: ThreeLevelRefresherArgs, @Ctx() context: SubgraphContext) {
    return new ThreeLevelService(context).recordRefresher(args);
  }

  @Authorized(...RECORDER_ROLES)
  @Mutation(() => ThreeLevelEducation, {
    description: 'PASSED → REDO_REQUIRED after a post transfer or a return after a year or more away',
  })
  requireThreeLevelRedo(@Args() args: ThreeLevelRedoArgs, @Ctx() context: SubgraphContext) {
    return new ThreeLevelService(context).requireRedo(args);
  }

  @FieldResolver(() => Boolean, {
    description: 'Gate canWork today: PASSED and the annual refresher not overdue by more than 30 days',
  })
  canWorkToday(@Root() record: ThreeLevelEducation): boolean {
    return canWork(record, localDate(now()));
  }
}
