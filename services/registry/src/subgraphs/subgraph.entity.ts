import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service registered with the registry: where it serves GraphQL and which events it consumes. */
@Entity('subgraph')
@ObjectType({ description: 'A subgraph service as it last registered itself' })
export class Subgraph {
  @Field()
  @PrimaryColumn('text')
  name: string;

  @Field({ description: 'GraphQL endpoint the gateway routes to' })
  @Column('text')
  url: string;

  @Field(() => String, { nullable: true, description: 'Where producers deliver events to this service' })
  @Column('text', { name: 'events_url', nullable: true })
  eventsUrl: string | null;

  @Field(() => [String], { description: 'Event types this service consumes' })
  @Column('text', { array: true, default: () => `'{}'` })
  subscribes: string[];

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Field({ description: 'Last time the service published (accepted, rejected or unchanged)' })
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
