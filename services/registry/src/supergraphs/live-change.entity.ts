import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum LiveChangeCause {
  PUBLISH = 'PUBLISH',
  APPROVAL = 'APPROVAL',
  ROLLBACK = 'ROLLBACK',
}
registerEnumType(LiveChangeCause, {
  name: 'LiveChangeCause',
  description: 'Why the live supergraph changed',
});

/** Every move of the live pointer: what the gateway served when, and why. */
@Entity('live_change')
@ObjectType({ description: 'One change of the live supergraph' })
export class LiveChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { nullable: true, description: 'Null for the first supergraph' })
  @Column('int', { name: 'from_version', nullable: true })
  fromVersion: number | null;

  @Field(() => Int)
  @Column('int', { name: 'to_version' })
  toVersion: number;

  @Field(() => LiveChangeCause)
  @Column('text')
  cause: LiveChangeCause;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  actor: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field()
  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
