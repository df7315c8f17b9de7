import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BrokenDocument, CompositionError, SchemaChange } from './schema-change.types.js';

export { CompositionError, SourceLocation } from './schema-change.types.js';

export enum SubgraphVersionStatus {
  ACCEPTED = 'ACCEPTED',
  HELD = 'HELD',
  REJECTED = 'REJECTED',
  DECLINED = 'DECLINED',
}
registerEnumType(SubgraphVersionStatus, {
  name: 'SubgraphVersionStatus',
  description: 'What became of a published SDL',
  valuesConfig: {
    ACCEPTED: { description: 'Composed into a supergraph that is or was live' },
    HELD: { description: 'Composes, but breaks clients or the registry is pinned: waits for an admin' },
    REJECTED: { description: 'Does not compose: never live' },
    DECLINED: { description: 'Was held; an admin declined it' },
  },
});

export enum HoldReason {
  BREAKING_CHANGES = 'BREAKING_CHANGES',
  PINNED = 'PINNED',
}
registerEnumType(HoldReason, { name: 'HoldReason', description: 'Why a version was held' });

/** Every SDL a subgraph published, in any status: the history the admin console shows. */
@Entity('subgraph_version')
@ObjectType({ description: 'One published SDL of a subgraph; immutable except for its decision' })
export class SubgraphVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text', { name: 'subgraph_name' })
  subgraphName: string;

  @Field(() => Int, { description: 'Counts the distinct publishes of this subgraph, from 1' })
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

  @Field(() => String, { nullable: true, description: 'The URL it was published with' })
  @Column('text', { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Source revision the SDL was built from' })
  @Column('text', { nullable: true })
  commit: string | null;

  @Field()
  @Column('timestamptz', { name: 'published_at', default: () => 'now()' })
  publishedAt: Date;

  @Field(() => HoldReason, { nullable: true, description: 'Set when it was held' })
  @Column('text', { name: 'hold_reason', nullable: true })
  holdReason: HoldReason | null;

  @Field(() => [SchemaChange], { description: 'The check at publish time: public API changes' })
  @Column('jsonb', { default: () => `'[]'` })
  changes: SchemaChange[];

  @Field(() => [BrokenDocument], {
    description: 'Registered app documents it breaks (check at publish time)',
  })
  @Column('jsonb', { name: 'broken_documents', default: () => `'[]'` })
  brokenDocuments: BrokenDocument[];

  @Field(() => String, {
    nullable: true,
    description: 'Who approved or declined it (`system` when auto-approved)',
  })
  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;
}
