import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One mutation of the registry's API: who did what to which version, and why. */
@Entity('registry_audit')
@ObjectType({ description: 'One audited registry mutation' })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Username of the caller, or `system`' })
  @Column('text')
  actor: string;

  @Field({ description: 'The mutation, e.g. approveSubgraphVersion' })
  @Column('text')
  action: string;

  @Field({ description: 'What it acted on, e.g. subgraph:hazard@3 or supergraph@5' })
  @Column('text')
  target: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSONObject)
  @Column('jsonb', { default: () => `'{}'` })
  details: Record<string, unknown>;

  @Field()
  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
