import type { SubgraphContext } from '@safety/subgraph-kit';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { QualificationChecksArgs, QualificationResult } from './qualification.inputs.js';
import { QUALIFICATION_CHECK_ROLES } from './qualification.rules.js';
import { QualificationService } from './qualification.service.js';

@Resolver()
export class QualificationResolver {
  @Authorized(...QUALIFICATION_CHECK_ROLES)
  @Query(() => [QualificationResult], {
    description:
      'The qualification gate (domain §7.6): for each check, whether the person may do the work at the ' +
      'enterprise at that instant, every failing reason, and the certificate relied on. One batch.',
  })
  qualificationCheck(@Args() args: QualificationChecksArgs, @Ctx() context: SubgraphContext) {
    return new QualificationService(context).check(args.checks);
  }
}
