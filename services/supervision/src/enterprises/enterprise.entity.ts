import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EnterpriseScale, IndustryCode, OperatingStatus, SupervisionClass } from './enterprise.enums.js';

/** 生产经营单位: the regulated-entity registry, owned here (domain §3.4). */
@Entity('enterprise')
@ObjectType({ description: '生产经营单位' })
@Directive('@key(fields: "id")')
export class Enterprise {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '统一社会信用代码' })
  @Index({ unique: true })
  @Column()
  uscc: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ name: 'short_name' })
  shortName: string;

  @Field(() => IndustryCode)
  @Column({ name: 'industry_code' })
  industryCode: string;

  @Field({ description: 'Town (镇) division code' })
  @Column({ name: 'township_code' })
  townshipCode: string;

  @Field()
  @Column()
  address: string;

  @Field({ description: '法定代表人' })
  @Column({ name: 'legal_representative' })
  legalRepresentative: string;

  @Field(() => Int)
  @Column('int', { name: 'employee_count' })
  employeeCount: number;

  @Field(() => EnterpriseScale)
  @Column('text')
  scale: EnterpriseScale;

  @Field(() => [ID], { description: 'Regulating org units (≥1, domain §4.4)' })
  @Column('uuid', { array: true, name: 'regulator_org_ids' })
  regulatorOrgIds: string[];

  @Field(() => OperatingStatus)
  @Column('text', { name: 'operating_status' })
  operatingStatus: OperatingStatus;

  @Field(() => SupervisionClass)
  @Column('text', { name: 'supervision_class' })
  supervisionClass: SupervisionClass;

  @Field({ description: 'A construction project rather than a fixed establishment' })
  @Column({ name: 'is_construction_project', default: false })
  isConstructionProject: boolean;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it back when updating' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
