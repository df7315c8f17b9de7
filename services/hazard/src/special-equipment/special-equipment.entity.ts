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
import { EquipmentInspectionResult, SpecialEquipmentCategory } from './special-equipment.enums.js';

/** 特种设备 (domain §5.5): one registered unit and its periodic inspection. */
@Entity('special_equipment')
@ObjectType({ description: '特种设备' })
@Directive('@key(fields: "id")')
export class SpecialEquipment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The user unit (使用单位)' })
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field(() => SpecialEquipmentCategory)
  @Column('text')
  category: SpecialEquipmentCategory;

  @Field({ description: '使用登记证编号' })
  @Column('text', { name: 'registration_no' })
  registrationNo: string;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '上次定期检验日期' })
  @Column('date', { name: 'last_inspection_at', nullable: true })
  lastInspectionAt: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '下次检验日期' })
  @Column('date', { name: 'next_inspection_due', nullable: true })
  nextInspectionDue: string | null;

  @Field({ description: 'The due date is the category default (the registry had none)' })
  @Column('boolean', { name: 'due_defaulted', default: false })
  dueDefaulted: boolean;

  @Field(() => EquipmentInspectionResult, { nullable: true })
  @Column('text', { name: 'inspection_result', nullable: true })
  inspectionResult: EquipmentInspectionResult | null;

  @Field({ description: '封存: out of use, so no inspection is due' })
  @Column('boolean', { default: false })
  sealed: boolean;

  /** The due date the overdue hazard was raised for (once per due date). */
  @Column('date', { name: 'hazard_raised_for', nullable: true })
  hazardRaisedFor: string | null;

  @Field(() => ID, { nullable: true, description: 'The latest hazard raised for a missed inspection' })
  @Column('uuid', { name: 'overdue_hazard_id', nullable: true })
  overdueHazardId: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
