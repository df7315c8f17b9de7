import { Role } from '@safety/auth';
import { TOWNS } from '@safety/reference';
import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Enterprise } from './enterprise.entity.js';
import { SupervisionClass } from './enterprise.enums.js';
import {
  ChangeOperatingStatusInput,
  EnterpriseListArgs,
  RegisterEnterpriseInput,
  UpdateEnterpriseInput,
} from './enterprise.inputs.js';
import { EnterpriseService } from './enterprise.service.js';

const EnterpriseConnection = Connection('Enterprise', Enterprise);

@ObjectType()
class EnterpriseClassCount {
  @Field(() => SupervisionClass) supervisionClass: SupervisionClass;
  @Field(() => Int) count: number;
}

const REGISTRARS = [
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
  Role.PLATFORM_ADMIN,
];

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized()
  @Query(() => EnterpriseConnection, {
    description: 'Enterprises in your data scope, filtered and paginated',
  })
  enterprises(@Args() args: EnterpriseListArgs, @Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).list(args);
  }

  @Authorized()
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise, or null if absent or outside your scope',
  })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).byId(id);
  }

  @Authorized()
  @Query(() => [EnterpriseClassCount], { description: 'Enterprises in your scope by supervision class' })
  enterpriseCountsByClass(@Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).countsByClass();
  }

  @Authorized(...REGISTRARS)
  @Mutation(() => Enterprise, { description: 'Registers an enterprise; emits EnterpriseRegistered' })
  registerEnterprise(@Arg('input') input: RegisterEnterpriseInput, @Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).register(input);
  }

  @Authorized(...REGISTRARS)
  @Mutation(() => Enterprise, { description: 'Corrects registry data; emits EnterpriseChanged' })
  updateEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateEnterpriseInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new EnterpriseService(context).update(id, input);
  }

  @Authorized()
  @Mutation(() => Enterprise, {
    description: 'Moves the operating status along its state machine (domain §3.4)',
  })
  changeOperatingStatus(@Arg('input') input: ChangeOperatingStatusInput, @Ctx() context: SubgraphContext) {
    return new EnterpriseService(context).changeStatus(input);
  }

  @FieldResolver(() => String, { description: 'Town name' })
  townshipName(@Root() enterprise: Enterprise): string {
    return TOWNS.find((t) => t.code === enterprise.townshipCode)?.name ?? enterprise.townshipCode;
  }
}
