import { Permission, Role } from '@safety/auth';
import { INDUSTRY_CODES, TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AccountKind } from './account.enums.js';
import { MACHINE_NAME_PATTERN, passwordProblem, USERNAME_PATTERN } from './account.rules.js';

const TOWN_CODES = TOWNS.map((t) => t.code);

/** The password policy of account.rules as a class-validator constraint (the username is read from the same input). */
@ValidatorConstraint({ name: 'strongPassword' })
class StrongPassword implements ValidatorConstraintInterface {
  private problem(args: ValidationArguments): string | null {
    if (typeof args.value !== 'string') return 'must be a string';
    return passwordProblem(args.value, (args.object as { username?: string }).username);
  }

  validate(_value: unknown, args: ValidationArguments): boolean {
    return this.problem(args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problem(args) ?? 'weak password';
  }
}

@InputType({ description: '数据范围 (domain §2.4)' })
export class AccountScopeInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(18)
  @IsIn(TOWN_CODES, { each: true, message: 'must be town codes' })
  townshipCodes: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(100)
  @IsIn(INDUSTRY_CODES, { each: true, message: 'must be industry codes (domain §3.3)' })
  industryCodes: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  enterpriseIds: string[];
}

@InputType()
export class CreateAccountInput {
  @Field({ description: '3–64 characters: lower-case letters, digits, dot, dash, underscore' })
  @Length(3, 64)
  @Matches(USERNAME_PATTERN, {
    message: 'lower-case letters, digits, ".", "-" and "_", starting with a letter or digit',
  })
  username: string;

  @Field()
  @Length(1, 60)
  displayName: string;

  @Field({ description: 'At least 8 characters with three of: lower case, upper case, digits, symbols' })
  @Validate(StrongPassword)
  password: string;

  @Field(() => [Role])
  @ArrayMaxSize(5)
  roles: Role[];

  @Field(() => [Permission], { defaultValue: [] })
  permissions: Permission[];

  @Field(() => AccountScopeInput)
  @ValidateNested()
  scope: AccountScopeInput;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  officialId?: string | null;
}

@InputType()
export class CreateMachineAccountInput {
  @Field({ description: 'Becomes service:<name> or integrator:<name>; lower case, 2–40 characters' })
  @Matches(MACHINE_NAME_PATTERN, {
    message: 'lower-case letters, digits and "-", 2–40, starting with a letter',
  })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  displayName?: string | null;

  @Field(() => AccountKind, { description: 'SERVICE or INTEGRATOR' })
  @IsIn([AccountKind.SERVICE, AccountKind.INTEGRATOR], { message: 'must be SERVICE or INTEGRATOR' })
  kind: AccountKind;

  @Field(() => [Role], { nullable: true, description: 'Defaults to [SERVICE] or [INTEGRATOR]' })
  @IsOptional()
  @ArrayMaxSize(5)
  roles?: Role[] | null;

  @Field(() => [Permission], { defaultValue: [] })
  permissions: Permission[];

  @Field(() => AccountScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scope?: AccountScopeInput | null;
}

@ArgsType()
export class AccountListArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Matches username or display name' })
  @IsOptional()
  @MaxLength(60)
  search?: string;

  @Field(() => AccountKind, { nullable: true })
  kind?: AccountKind;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true })
  disabled?: boolean;
}

@ArgsType()
export class IssueMachineTokenArgs {
  @Field(() => ID)
  @IsUUID()
  accountId: string;

  @Field(() => Int, { defaultValue: 90, description: '1 to 365 days' })
  @Min(1)
  @Max(365)
  expiresInDays: number;
}

@ArgsType()
export class RevokeTokenArgs {
  @Field(() => ID)
  @IsUUID()
  jti: string;

  @Field({ description: 'Why (kept in the audit log)' })
  @Length(2, 200)
  reason: string;
}

@ArgsType()
export class SetAccountDisabledArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  disabled: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  reason?: string | null;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'At least 8 characters with three of: lower case, upper case, digits, symbols' })
  @Validate(StrongPassword)
  newPassword: string;
}
