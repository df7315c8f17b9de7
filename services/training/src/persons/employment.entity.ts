import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** 从业经历: a person's employment at an enterprise (domain §3.5); one active per person and enterprise. */
@Entity('employment')
@ObjectType({ description: '从业记录 (domain §3.5)' })
export class Employment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID, { description: 'Where the person works (a contractor worker: the enterprise worked at)' })
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: '岗位' })
  @Column()
  post: string;

  @Field({ description: '是否特种作业/危险岗位' })
  @Column('boolean', { name: 'is_hazardous_post' })
  isHazardousPost: boolean;

  @Field(() => LocalDateResolver, { description: '入职（进场）日期' })
  @Column('date', { name: 'hire_date' })
  hireDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '离职（退场）日期: the last day worked' })
  @Column('date', { name: 'leave_date', nullable: true })
  leaveDate: string | null;

  @Field({ description: '用工单位: the enterprise itself, or the contractor that engaged the person (P-3)' })
  @Column({ name: 'engaged_by' })
  engagedBy: string;

  @Field(() => ID, { nullable: true, description: 'The contractor, when it is a registered enterprise' })
  @Column('uuid', { name: 'engaged_by_enterprise_id', nullable: true })
  engagedByEnterpriseId: string | null;

  @Field({ description: '新入职人员 (needs three-level education before work, domain §7.3)' })
  @Column('boolean', { name: 'is_new_hire' })
  isNewHire: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Last day worked on the hazardous post (e.g. last permit as executor); null while on post. ' +
      'The off-post rule (domain §7.5) counts from it',
  })
  @Column('date', { name: 'last_worked_at', nullable: true })
  lastWorkedAt: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
