import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 干部: an official with safety duties in an org unit; tenure supports term-based accountability (domain §4.2). */
@Entity('official')
@ObjectType({ description: '领导干部/工作人员（演示数据不含真实姓名）' })
@Directive('@key(fields: "id")')
export class Official {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field(() => ID)
  @Index()
  @Column('uuid', { name: 'org_unit_id' })
  orgUnitId: string;

  @Field({ description: '职务' })
  @Column()
  position: string;

  @Field({ description: '主要负责同志（第一责任人）' })
  @Column({ name: 'is_principal', default: false })
  isPrincipal: boolean;

  @Field(() => [String], { description: '分管领域 (industry codes or safety domains)' })
  @Column('text', { array: true, default: '{}' })
  portfolio: string[];

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Column('date', { name: 'tenure_from', nullable: true })
  tenureFrom: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  @Column('date', { name: 'tenure_to', nullable: true })
  tenureTo: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The training Person, when the official also takes training',
  })
  @Column('uuid', { name: 'person_ref', nullable: true })
  personRef: string | null;
}
