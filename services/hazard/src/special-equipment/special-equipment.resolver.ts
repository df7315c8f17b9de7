import { Connection, localDate, now, type SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Hazard } from '../hazards/hazard.entity.js';
import { HAZARD_ENTERPRISE_ROLES, HAZARD_REGULATOR_ROLES } from '../hazards/hazard.rules.js';
import { HazardService } from '../hazards/hazard.service.js';
import { SpecialEquipment } from './special-equipment.entity.js';
import {
  EnterpriseSpecialEquipmentArgs,
  RecordEquipmentInspectionInput,
  RegisterSpecialEquipmentInput,
  SetSpecialEquipmentSealedInput,
  SpecialEquipmentListArgs,
} from './special-equipment.inputs.js';
import { inspectionOverdue } from './special-equipment.rules.js';
import { SpecialEquipmentService } from './special-equipment.service.js';

const SpecialEquipmentConnection = Connection('SpecialEquipment', SpecialEquipment);
/** The user unit's management keeps the register; regulators may correct it. */
const KEEPERS = [...HAZARD_ENTERPRISE_ROLES, ...HAZARD_REGULATOR_ROLES];

@Resolver(() => SpecialEquipment)
export class SpecialEquipmentResolver {
  @Authorized()
  @Query(() => SpecialEquipmentConnection, {
    description: 'Special equipment in your data scope, newest first',
  })
  specialEquipment(@Args() args: SpecialEquipmentListArgs, @Ctx() context: SubgraphContext) {
    return new SpecialEquipmentService(context).list(args);
  }

  @Authorized()
  @Query(() => SpecialEquipment, {
    nullable: true,
    description: 'One unit, or null if absent or outside your scope',
  })
  specialEquipmentById(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new SpecialEquipmentService(context).byId(id);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => SpecialEquipment, {
    description: 'Registers special equipment (elevators default to a 12-month due)',
  })
  registerSpecialEquipment(
    @Arg('input') input: RegisterSpecialEquipmentInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new SpecialEquipmentService(context).register(input);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => SpecialEquipment, { description: 'Records a periodic inspection and the next due date' })
  recordEquipmentInspection(
    @Arg('input') input: RecordEquipmentInspectionInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new SpecialEquipmentService(context).recordInspection(input);
  }

  @Authorized(...KEEPERS)
  @Mutation(() => SpecialEquipment, {
    description: 'Seals (封存) a unit or returns it to use, with a reason',
  })
  setSpecialEquipmentSealed(
    @Arg('input') input: SetSpecialEquipmentSealedInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new SpecialEquipmentService(context).setSealed(input);
  }

  @FieldResolver(() => Boolean, { description: 'Past the inspection due date and not sealed (domain §5.5)' })
  inspectionOverdue(@Root() equipment: SpecialEquipment): boolean {
    return inspectionOverdue(equipment, localDate(now()));
  }

  @FieldResolver(() => EnterpriseStub, { description: 'The user unit' })
  enterprise(@Root() equipment: SpecialEquipment): EnterpriseStub {
    return { id: equipment.enterpriseId };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The user unit's name from this service's enterprise register: 市场监管 supervises units of enterprises outside its own scope, whose Enterprise it cannot read",
  })
  async holderName(@Root() equipment: SpecialEquipment, @Ctx() context: SubgraphContext) {
    return (await holderOf(context, equipment.enterpriseId))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The user unit's industry (国民经济行业)" })
  async holderIndustryCode(@Root() equipment: SpecialEquipment, @Ctx() context: SubgraphContext) {
    return (await holderOf(context, equipment.enterpriseId))?.industry_code ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The user unit's town" })
  async holderTownshipCode(@Root() equipment: SpecialEquipment, @Ctx() context: SubgraphContext) {
    return (await holderOf(context, equipment.enterpriseId))?.township_code ?? null;
  }

  @FieldResolver(() => Hazard, {
    nullable: true,
    description: 'The latest hazard raised for a missed inspection',
  })
  overdueHazard(@Root() equipment: SpecialEquipment, @Ctx() context: SubgraphContext) {
    return equipment.overdueHazardId ? new HazardService(context).byId(equipment.overdueHazardId) : null;
  }
}

/** What special equipment adds to `Enterprise`, batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseSpecialEquipmentResolver {
  @Authorized()
  @FieldResolver(() => SpecialEquipmentConnection, {
    nullable: true,
    description: 'Special equipment of this user unit in your scope',
  })
  specialEquipment(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseSpecialEquipmentArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new SpecialEquipmentService(context).forEnterprise(enterprise.id, args);
  }
}

interface HolderRow {
  id: string;
  name: string;
  industry_code: string;
  township_code: string;
}

/** The user unit's register row, batched per request (the units are already scope-checked). */
function holderOf(context: SubgraphContext, enterpriseId: string) {
  return context
    .loader<string, HolderRow | null>('special-equipment-holder', async (ids) => {
      const rows = (await context.db.query(
        'SELECT id, name, industry_code, township_code FROM enterprise_ref WHERE id = ANY($1)',
        [ids],
      )) as HolderRow[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(enterpriseId);
}
