import { INDUSTRY_CODES, TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMinSize,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IndustryCode, OperatingStatus, SupervisionClass } from './enterprise.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);

@ArgsType()
export class EnterpriseListArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Matches name, short name or USCC' })
  @IsOptional()
  @MaxLength(60)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(TOWN_CODES)
  townshipCode?: string;

  @Field(() => IndustryCode, { nullable: true })
  industryCode?: string;

  @Field(() => SupervisionClass, { nullable: true })
  supervisionClass?: SupervisionClass;

  @Field(() => OperatingStatus, { nullable: true })
  operatingStatus?: OperatingStatus;
}

@InputType()
export class RegisterEnterpriseInput {
  @Field({ description: '统一社会信用代码' })
  @Matches(/^[0-9A-Z]{18}$/, { message: 'must be 18 characters' })
  uscc: string;

  @Field() @Length(2, 100) name: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 40) shortName?: string;
  @Field(() => IndustryCode) @IsIn(INDUSTRY_CODES) industryCode: string;
  @Field() @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' }) townshipCode: string;
  @Field() @Length(2, 200) address: string;
  @Field() @Length(1, 40) legalRepresentative: string;
  @Field(() => Int) @Min(0) @Max(1_000_000) employeeCount: number;

  @Field(() => [ID], { nullable: true, description: 'Defaults to the industry’s default regulators' })
  @IsOptional()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  regulatorOrgIds?: string[];

  @Field({ defaultValue: false }) isConstructionProject: boolean;
}

@InputType()
export class UpdateEnterpriseInput {
  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @Length(2, 100) name?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 40) shortName?: string;
  @Field({ nullable: true }) @IsOptional() @Length(2, 200) address?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 40) legalRepresentative?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(1_000_000) employeeCount?: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'an enterprise needs at least one regulator (domain §4.4)' })
  @IsUUID('all', { each: true })
  regulatorOrgIds?: string[];
}

@InputType()
export class ChangeOperatingStatusInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field(() => OperatingStatus) status: OperatingStatus;
  @Field({ nullable: true }) @IsOptional() @Length(2, 500) reason?: string;
}
