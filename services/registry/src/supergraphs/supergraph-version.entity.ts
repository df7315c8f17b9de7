import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A composed supergraph; the one with the highest version is live (what the gateway serves). */
@Entity('supergraph_version')
@ObjectType({ description: 'A composed supergraph; the highest version is live' })
export class SupergraphVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field({ description: 'SHA-256 of the supergraph SDL (hex); the ETag of GET /supergraph' })
  @Column('text')
  hash: string;

  @Field({ description: 'Supergraph SDL (with join__ directives), as the gateway loads it' })
  @Column('text')
  sdl: string;

  @Column('uuid', { name: 'subgraph_version_ids', array: true })
  subgraphVersionIds: string[];

  /** The URL each subgraph was composed with: a moved service needs a new supergraph. */
  @Column('jsonb', { name: 'routing_urls', default: () => `'{}'` })
  routingUrls: Record<string, string>;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
