import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Certificate } from '../certificates/certificate.entity.js';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { ThreeLevelEducation } from '../three-level/three-level.entity.js';
import { ThreeLevelService } from '../three-level/three-level.service.js';
import { Employment } from './employment.entity.js';
import { Person } from './person.entity.js';
import {
  EmploymentListArgs,
  EnterpriseEmploymentsArgs,
  PersonListArgs,
  RecordEmploymentInput,
  RegisterPersonInput,
  UpdateEmploymentInput,
} from './person.inputs.js';
import { PERSON_REGISTRAR_ROLES } from './person.rules.js';
import { PersonService } from './person.service.js';

const PersonConnection = Connection('Person', Person);
const EmploymentConnection = Connection('Employment', Employment);

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @Query(() => PersonConnection, {
    description: 'Persons employed (or holding certificates) at enterprises in your data scope, by name',
  })
  persons(@Args() args: PersonListArgs, @Ctx() context: SubgraphContext) {
    return new PersonService(context).list(args);
  }

  @Authorized()
  @Query(() => Person, { nullable: true, description: 'One person, or null if absent or outside your scope' })
  person(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new PersonService(context).byId(id);
  }

  @Authorized(...PERSON_REGISTRAR_ROLES)
  @Mutation(() => Person, {
    description: 'Registers a person by citizen ID number (or finds them) and records their employment',
  })
  registerPerson(@Arg('input') input: RegisterPersonInput, @Ctx() context: SubgraphContext) {
    return new PersonService(context).register(input);
  }

  @FieldResolver(() => [Certificate], {
    description: 'Certificates held, in your scope, longest valid first',
  })
  certificates(@Root() person: Person, @Ctx() context: SubgraphContext) {
    return new PersonService(context).certificatesOf(person.id);
  }

  @FieldResolver(() => [Employment], { description: 'Employments in your scope, newest first' })
  employments(@Root() person: Person, @Ctx() context: SubgraphContext) {
    return new PersonService(context).employmentsOf(person.id);
  }

  @FieldResolver(() => [ThreeLevelEducation], {
    description: 'Three-level education per employment in your scope (domain §7.3)',
  })
  threeLevelEducation(@Root() person: Person, @Ctx() context: SubgraphContext) {
    return new ThreeLevelService(context).ofPerson(person.id);
  }
}

@Resolver(() => Employment)
export class EmploymentResolver {
  @Authorized()
  @Query(() => EmploymentConnection, { description: 'Employments in your data scope, newest hire first' })
  employments(@Args() args: EmploymentListArgs, @Ctx() context: SubgraphContext) {
    return new PersonService(context).employmentList(args);
  }

  @Authorized(...PERSON_REGISTRAR_ROLES)
  @Mutation(() => Employment, {
    description: 'Records an employment of a person you can see (only one active per enterprise)',
  })
  recordEmployment(@Arg('input') input: RecordEmploymentInput, @Ctx() context: SubgraphContext) {
    return new PersonService(context).recordEmployment(input);
  }

  @Authorized(...PERSON_REGISTRAR_ROLES)
  @Mutation(() => Employment, {
    description: 'Ends an employment, records the last day on the hazardous post, or changes the post',
  })
  updateEmployment(@Arg('input') input: UpdateEmploymentInput, @Ctx() context: SubgraphContext) {
    return new PersonService(context).updateEmployment(input);
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() employment: Employment, @Ctx() context: SubgraphContext) {
    return new PersonService(context).byId(employment.personId);
  }

  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() employment: Employment): EnterpriseStub {
    return { id: employment.enterpriseId };
  }
}

/** What persons add to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterprisePersonsResolver {
  @Authorized()
  @FieldResolver(() => EmploymentConnection, {
    nullable: true,
    description: "The enterprise's staff (employments with their person), in your scope",
  })
  employments(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseEmploymentsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new PersonService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Persons employed there today, in your scope' })
  personCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new PersonService(context).personCount(enterprise.id);
  }
}
