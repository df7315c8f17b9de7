import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * `Enterprise` is owned by supervision (domain §2.1); this service only adds fields to it
 * (architecture §6): the stub holds the key, and resolvers in the aggregate folders add the rest.
 */
@ObjectType('Enterprise')
@Directive('@key(fields: "id")')
export class EnterpriseStub {
  @Field(() => ID) id: string;
}
