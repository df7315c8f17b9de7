import { LocalDateResolver } from 'graphql-scalars';
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
import { CertificateCategory } from './certificate.enums.js';

/** 资格证书: a person's certificate (特种作业操作证, 安全资格证, 特种设备作业人员证), domain §7.5. */
@Entity('certificate')
@ObjectType({ description: '资格证书' })
@Directive('@key(fields: "id")')
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The holder (domain §7.5 `personId`)' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID, { description: "The holder's current employer" })
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field({ description: '持证人姓名' })
  @Column({ name: 'holder_name' })
  holderName: string;

  @Field({ description: 'Citizen ID number, masked (domain §2.8): the full number is never stored here' })
  @Column({ name: 'id_number_masked' })
  idNumberMasked: string;

  @Field(() => CertificateCategory)
  @Column('text')
  category: CertificateCategory;

  @Field(() => String, {
    nullable: true,
    description: 'Special operations: the operation category (e.g. 焊接与热切割作业); equipment: the item',
  })
  @Column('text', { name: 'operation_type', nullable: true })
  operationType: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Special operations: the operation item (domain §7.5 `subType`, e.g. 熔化焊接与热切割作业)',
  })
  @Column('text', { name: 'sub_type', nullable: true })
  subType: string | null;

  @Field({ description: '证书编号' })
  @Index({ unique: true })
  @Column()
  number: string;

  @Field({ description: '发证机关' })
  @Column()
  issuer: string;

  @Field(() => LocalDateResolver, { description: '发证日期' })
  @Column('date', { name: 'issued_at' })
  issuedAt: string;

  @Field(() => LocalDateResolver, { description: '有效期至 (last valid day)' })
  @Column('date', { name: 'valid_to' })
  validTo: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '下次复审日期 (special operations)' })
  @Column('date', { name: 'next_review_due', nullable: true })
  nextReviewDue: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'revocation_reason', nullable: true })
  revocationReason: string | null;

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
