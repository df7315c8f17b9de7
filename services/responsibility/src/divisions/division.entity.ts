import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DivisionLevel } from './division.enums.js';

/** 行政区划: province → city → county → towns → villages (domain §3.1); read-only reference data. */
@Entity('administrative_division')
@ObjectType('Division', { description: '行政区划' })
@Directive('@key(fields: "code")')
export class AdministrativeDivision {
  @Field({ description: 'Statistical division code (统计用区划代码)' })
  @PrimaryColumn()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => DivisionLevel)
  @Column('text')
  level: DivisionLevel;

  @Field(() => String, { nullable: true })
  @Index()
  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Field({ description: 'Placeholder code or name, to be replaced by the official list (domain §12 item 1)' })
  @Column({ default: false })
  placeholder: boolean;
}
