import { TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  BaobaoRole,
  BetaEdition,
  MajorHazardSourceGrade,
  MajorHazardUnitType,
} from './major-hazard-source.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);

@ArgsType()
export class MajorHazardSourceListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => MajorHazardSourceGrade, { nullable: true }) grade?: MajorHazardSourceGrade;

  @Field({ nullable: true, description: 'Only units with S ≥ 1 (true) or below (false)' })
  isMajorHazardSource?: boolean;
  @Field({ nullable: true, description: 'Town (镇) of the enterprise' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;
}

@ArgsType()
export class EnterpriseMajorHazardSourcesArgs extends ConnectionArgs {}

@ArgsType()
export class BaobaoWindowArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Default: 91 days before today' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Default: today' })
  to?: string;
}

@ArgsType()
export class BaobaoMissesArgs extends BaobaoWindowArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => BaobaoRole, { nullable: true }) role?: BaobaoRole;
}

@InputType()
export class BetaOverrideInput {
  @Field({ description: 'β, positive decimal' }) value: string;
  @Field() @Length(1, 500) justification: string;
}

@InputType()
export class MajorHazardSubstanceInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 20) cas?: string | null;
  @Field({ description: 'q, t (decimal string)' }) q: string;
  @Field(() => String, { nullable: true, description: 'Q, t: from the catalogue when omitted' })
  criticalQuantity?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Class for β in the edition: W5.2, J1, FLAMMABLE_GAS …',
  })
  hazardClass?: string | null;

  @Field(() => BetaOverrideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  betaOverride?: BetaOverrideInput | null;
}

@InputType({ description: 'The three 包保 persons (official or person names and ids as text)' })
export class BaobaoPersonInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) id?: string | null;
}

@InputType()
export class MajorHazardUnitFieldsInput {
  @Field({ nullable: true }) @IsOptional() @Length(2, 200) unitName?: string;
  @Field(() => MajorHazardUnitType, { nullable: true }) unitType?: MajorHazardUnitType;
  @Field(() => BetaEdition, { nullable: true, description: 'Default GB18218_2018' })
  betaEdition?: BetaEdition;

  @Field(() => [MajorHazardSubstanceInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  substances?: MajorHazardSubstanceInput[];

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) residentsWithin500m?: number;
  @Field(() => LocalDateResolver, { nullable: true }) filedAt?: string | null;
  @Field({ nullable: true }) monitoringLinked?: boolean;
}

@InputType()
export class RegisterMajorHazardSourceInput extends MajorHazardUnitFieldsInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
}

@InputType()
export class UpdateMajorHazardSourceInput extends MajorHazardUnitFieldsInput {
  @Field(() => ID) @IsUUID() majorHazardSourceId: string;
  @Field(() => Int) @IsInt() expectedVersion: number;
}

@InputType()
export class AssignBaobaoPersonsInput {
  @Field(() => ID) @IsUUID() majorHazardSourceId: string;
  @Field(() => Int) @IsInt() expectedVersion: number;
  @Field(() => BaobaoPersonInput) @ValidateNested() principal: BaobaoPersonInput;
  @Field(() => BaobaoPersonInput) @ValidateNested() technicalLead: BaobaoPersonInput;
  @Field(() => BaobaoPersonInput) @ValidateNested() operationsLead: BaobaoPersonInput;
}

@InputType()
export class RecordBaobaoCheckInput {
  @Field(() => ID) @IsUUID() majorHazardSourceId: string;
  @Field(() => BaobaoRole) role: BaobaoRole;
  @Field(() => LocalDateResolver, { description: 'Day of the check (not in the future)' }) checkedOn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 2000) findings?: string | null;
}
