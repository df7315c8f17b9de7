import type { SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Official } from './official.entity.js';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitService } from './org-unit.service.js';

@Resolver(() => Official)
export class OfficialResolver {
  @Authorized()
  @Query(() => Official, { nullable: true })
  official(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new OrgUnitService(context).officialById(id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() official: Official, @Ctx() context: SubgraphContext) {
    return new OrgUnitService(context).byId(official.orgUnitId);
  }
}
