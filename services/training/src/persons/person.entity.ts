import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Education, Gender } from './person.enums.js';

/** 从业人员: a person known to the training system (domain §3.5); owned here, referenced by every service. */
@Entity('person')
@ObjectType({ description: '人员 (domain §3.5)' })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '姓名' })
  @Column({ name: 'name_zh' })
  nameZh: string;

  @Field({ description: 'Citizen ID number, masked (domain §2.8): the full number is never stored' })
  @Column({ name: 'id_number_masked' })
  idNumberMasked: string;

  /** HMAC of the full number under the service's key: finds the same person again, reveals nothing. */
  @Column('text', { name: 'id_number_hash', nullable: true, select: true })
  idNumberHash: string | null;

  @Field(() => Gender, { nullable: true })
  @Column('text', { nullable: true })
  gender: Gender | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: '出生日期 (kept because the gate needs the age, domain §7.6 UNDER_18)',
  })
  @Column('date', { name: 'birth_date', nullable: true })
  birthDate: string | null;

  @Field(() => Education, { nullable: true, description: '文化程度' })
  @Column('text', { nullable: true })
  education: Education | null;

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
