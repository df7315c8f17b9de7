import type { SubgraphContext } from '@safety/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { EnterpriseService } from './enterprise.service.js';
import { EnterpriseResponsibility } from './enterprise.stub.js';

@Resolver(() => EnterpriseResponsibility)
export class EnterpriseResolver {
  @FieldResolver(() => [OrgUnit], {
    nullable: true,
    description: '监管部门: the org units regulating this enterprise (empty outside your data scope)',
  })
  regulators(@Root() enterprise: EnterpriseResponsibility, @Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).regulatorsOf(enterprise.id);
  }
}
