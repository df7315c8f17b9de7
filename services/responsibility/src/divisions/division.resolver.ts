import type { SubgraphContext } from '@safety/subgraph-kit';
import { notFound } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeDivision } from './division.entity.js';
import { DivisionLevel } from './division.enums.js';
import { DivisionListArgs } from './division.inputs.js';
import { DivisionService } from './division.service.js';

/**
 * A `Division` reference from another subgraph arrives as `{ code }` only (the kit resolves
 * references by `id`), so every other field loads the row by code when it is missing.
 */
async function complete(division: AdministrativeDivision, context: SubgraphContext) {
  if (division.name !== undefined) return division;
  const row = await new DivisionService(context).byCode(division.code);
  if (!row) throw notFound('Division', division.code);
  return row;
}

@Resolver(() => AdministrativeDivision)
export class DivisionResolver {
  @Authorized()
  @Query(() => [AdministrativeDivision], { description: 'Divisions by level and/or parent, ordered by code' })
  divisions(@Args() args: DivisionListArgs, @Ctx() context: SubgraphContext) {
    return new DivisionService(context).list(args);
  }

  @Authorized()
  @Query(() => AdministrativeDivision, { nullable: true })
  division(@Arg('code') code: string, @Ctx() context: SubgraphContext) {
    return new DivisionService(context).byCode(code);
  }

  @FieldResolver(() => String)
  async name(@Root() division: AdministrativeDivision, @Ctx() context: SubgraphContext) {
    return (await complete(division, context)).name;
  }

  @FieldResolver(() => DivisionLevel)
  async level(@Root() division: AdministrativeDivision, @Ctx() context: SubgraphContext) {
    return (await complete(division, context)).level;
  }

  @FieldResolver(() => String, { nullable: true })
  async parentCode(@Root() division: AdministrativeDivision, @Ctx() context: SubgraphContext) {
    return (await complete(division, context)).parentCode;
  }

  @FieldResolver(() => Boolean)
  async placeholder(@Root() division: AdministrativeDivision, @Ctx() context: SubgraphContext) {
    return (await complete(division, context)).placeholder;
  }

  @FieldResolver(() => AdministrativeDivision, { nullable: true })
  async parent(@Root() division: AdministrativeDivision, @Ctx() context: SubgraphContext) {
    const { parentCode } = await complete(division, context);
    return parentCode ? new DivisionService(context).byCode(parentCode) : null;
  }
}
