import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeDivision } from '../divisions/division.entity.js';
import { DivisionService } from '../divisions/division.service.js';
import { Official } from './official.entity.js';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitListArgs } from './org-unit.inputs.js';
import { OrgUnitService } from './org-unit.service.js';

const OrgUnitConnection = Connection('OrgUnit', OrgUnit);

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Authorized()
  @Query(() => OrgUnitConnection, { description: 'Org units of the county, ordered by code' })
  orgUnits(@Args() args: OrgUnitListArgs, @Ctx() context: SubgraphContext) {
    return new OrgUnitService(context).list(args);
  }

  @Authorized()
  @Query(() => OrgUnit, { nullable: true })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new OrgUnitService(context).byId(id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  parent(@Root() org: OrgUnit, @Ctx() context: SubgraphContext) {
    return org.parentId ? new OrgUnitService(context).byId(org.parentId) : null;
  }

  @FieldResolver(() => AdministrativeDivision, { nullable: true })
  division(@Root() org: OrgUnit, @Ctx() context: SubgraphContext) {
    return new DivisionService(context).byCode(org.divisionCode);
  }

  @FieldResolver(() => [Official], { description: 'Officials of this unit, principals first' })
  officials(@Root() org: OrgUnit, @Ctx() context: SubgraphContext) {
    return new OrgUnitService(context).officialsOf(org.id);
  }
}
