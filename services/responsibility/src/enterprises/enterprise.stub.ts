import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** `Enterprise` is owned by supervision; this subgraph only adds who regulates it (architecture §6). */
@ObjectType('Enterprise')
@Directive('@key(fields: "id")')
export class EnterpriseResponsibility {
  @Field(() => ID) id: string;
}
