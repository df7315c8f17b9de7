import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitType, SupervisoryRole } from './org-unit.enums.js';

/** 组织机构: Party and government bodies, departments, towns and their safety offices (domain §4.2). */
@Entity('org_unit')
@ObjectType({ description: '组织机构（党委、政府、部门、镇、村）' })
@Directive('@key(fields: "id")')
export class OrgUnit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable short code, e.g. EMB, TOWN_hongshagang' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => OrgUnitType)
  @Column('text')
  type: OrgUnitType;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Field({ description: 'Division the unit belongs to' })
  @Column({ name: 'division_code' })
  divisionCode: string;

  @Field({ description: '安委会成员单位' })
  @Column({ name: 'is_safety_committee_member', default: false })
  isSafetyCommitteeMember: boolean;

  @Field(() => SupervisoryRole)
  @Column('text', { name: 'supervisory_role' })
  supervisoryRole: SupervisoryRole;
}
