import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 不予挂牌决定: the SAC office decided a major hazard is not listed (domain §5.7.2 queue), with the reason. */
@Entity('hazard_listing_decision')
@ObjectType('HazardListingDecision', { description: '不予挂牌督办决定' })
export class HazardListingDecision {
  @Field(() => ID, { description: 'The hazard decided on' })
  @PrimaryColumn('uuid', { name: 'hazard_id' })
  hazardId: string;

  @Field({ description: 'Why the hazard is not listed (required)' })
  @Column('text')
  reason: string;

  @Field()
  @Column('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'decided_by_username', nullable: true })
  decidedByUsername: string | null;
}
