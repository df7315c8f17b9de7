import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SubgraphVersionStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(SubgraphVersionStatus, {
  name: 'SubgraphVersionStatus',
  description: 'Whether the SDL composed with the other subgraphs when it was published',
});

@ObjectType()
export class SourceLocation {
  @Field(() => Int) line: number;
  @Field(() => Int) column: number;
}

/** One composition error as stored and as the PUT route answers it. */
@ObjectType({ description: 'Why a subgraph version did not compose' })
export class CompositionError {
  @Field() message: string;
  @Field(() => [SourceLocation], { nullable: true }) locations?: SourceLocation[];
  @Field(() => String, { nullable: true, description: 'The composition rule, e.g. FIELD_TYPE_MISMATCH' })
  code?: string;
}

/** Every SDL a subgraph published, accepted or not: the history the admin console shows. */
@Entity('subgraph_version')
@ObjectType({ description: 'One published SDL of a subgraph' })
export class SubgraphVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text', { name: 'subgraph_name' })
  subgraphName: string;

  @Field(() => Int, { description: 'Counts every publish attempt of this subgraph, from 1' })
  @Column('int')
  version: number;

  @Field({ description: 'SHA-256 of the SDL (hex)' })
  @Column('text')
  hash: string;

  @Field()
  @Column('text')
  sdl: string;

  @Field(() => SubgraphVersionStatus)
  @Column('text')
  status: SubgraphVersionStatus;

  @Field(() => [CompositionError])
  @Column('jsonb', { default: () => `'[]'` })
  errors: CompositionError[];

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Source revision the SDL was built from' })
  @Column('text', { nullable: true })
  commit: string | null;

  @Field()
  @Column('timestamptz', { name: 'published_at', default: () => 'now()' })
  publishedAt: Date;
}
