import { Permission, Role } from '@safety/auth';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AccountKind } from './account.enums.js';

/** 账号: a person's sign-in or a machine account, with roles and data scope (architecture §6a, domain §2.3–2.4). */
@Entity('user_account')
@ObjectType('Account', { description: '账号（用户、服务、系统对接）' })
export class UserAccount {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Lower case; machine accounts are service:<name> or integrator:<name>' })
  @Index({ unique: true })
  @Column()
  username: string;

  @Field()
  @Column({ name: 'display_name' })
  displayName: string;

  /** argon2id; null for machine accounts, which never sign in with a password. Never a GraphQL field. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Field(() => AccountKind)
  @Column('text')
  kind: AccountKind;

  @Field(() => [Role])
  @Column('text', { array: true })
  roles: Role[];

  @Field(() => [Permission])
  @Column('text', { array: true, default: '{}' })
  permissions: Permission[];

  @Column('uuid', { name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column('text', { name: 'township_codes', array: true, default: '{}' })
  townshipCodes: string[];

  @Column('text', { name: 'industry_codes', array: true, default: '{}' })
  industryCodes: string[];

  @Column('uuid', { name: 'enterprise_ids', array: true, default: '{}' })
  enterpriseIds: string[];

  @Field(() => ID, { nullable: true, description: 'The Official this account belongs to' })
  @Column('uuid', { name: 'official_id', nullable: true })
  officialId: string | null;

  @Field()
  @Column({ default: false })
  disabled: boolean;

  @Field({ description: 'A demo account (演示账号): no access to real data' })
  @Column({ name: 'is_demo', default: false })
  isDemo: boolean;

  @Field(() => Int, { description: 'Failed sign-ins in the current 15-minute window' })
  @Column('int', { name: 'failed_logins', default: 0 })
  failedLogins: number;

  @Column('timestamptz', { name: 'first_failed_at', nullable: true })
  firstFailedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Sign-in is refused until then' })
  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
