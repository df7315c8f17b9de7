import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SupergraphCause {
  PUBLISH = 'PUBLISH',
  APPROVAL = 'APPROVAL',
}
registerEnumType(SupergraphCause, {
  name: 'SupergraphCause',
  description: 'What composed a supergraph: a publish that passed its check, or an approval',
});

/** A composed supergraph, immutable; `supergraph_live` points at the one the gateway serves. */
@Entity('supergraph_version')
@ObjectType({ description: 'A composed supergraph; one of them is live' })
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

  /** The subgraph version whose publish or approval composed it (null before history was kept). */
  @Column('uuid', { name: 'subgraph_version_id', nullable: true })
  subgraphVersionId: string | null;

  @Field(() => SupergraphCause, { nullable: true })
  @Column('text', { nullable: true })
  cause: SupergraphCause | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who published the changed subgraph version, or the admin who approved it',
  })
  @Column('text', { name: 'created_by', nullable: true })
  publishedBy: string | null;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
