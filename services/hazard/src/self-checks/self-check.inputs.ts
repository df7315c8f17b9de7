import { Role } from '@safety/auth';
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
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { HazardCategory, HazardGrade } from '../hazards/hazard.enums.js';
import { EvidenceInput } from '../hazards/hazard.inputs.js';
import { SelfCheckCadence, SelfCheckItemResult, SelfCheckKind } from './self-check.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);

/** Who may be responsible for a plan: the enterprise's people (domain §5.1). */
export const SELF_CHECK_RESPONSIBLE_ROLES: string[] = [
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
  Role.ENT_STAFF,
];
const CODE = /^[A-Za-z0-9_.-]{1,20}$/;

@ArgsType()
export class SelfCheckPlanListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => SelfCheckKind, { nullable: true }) kind?: SelfCheckKind;

  @Field({ nullable: true, description: 'Only plans in force (true) or retired (false) today' })
  active?: boolean;
}

@ArgsType()
export class SelfCheckRecordListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Performed on or after this day' })
  performedFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Performed on or before this day' })
  performedTo?: string;

  @Field({ nullable: true, description: 'Only records that raised hazards (true) or none (false)' })
  withHazards?: boolean;
}

@ArgsType()
export class EnterpriseSelfCheckPlansArgs extends ConnectionArgs {
  @Field(() => SelfCheckKind, { nullable: true }) kind?: SelfCheckKind;

  @Field({ nullable: true, description: 'Only plans in force (true) or retired (false) today' })
  active?: boolean;
}

/** A window of local days; both ends included. Defaults: the last 365 days up to today. */
@ArgsType()
export class SelfCheckWindowArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or after this day' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or before this day' })
  to?: string;
}

@ArgsType()
export class MissedSelfCheckFilterArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @Field(() => SelfCheckKind, { nullable: true }) kind?: SelfCheckKind;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or after this day' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or before this day' })
  to?: string;

  @Field({ nullable: true, description: 'Town (镇) of the enterprise' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;
}

/** `missedSelfChecks`: the filters above, paged (the fields of the kit's `ConnectionArgs`). */
@ArgsType()
export class MissedSelfCheckArgs extends MissedSelfCheckFilterArgs implements ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 200.' })
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@InputType()
export class SelfCheckChecklistItemInput {
  @Field({ description: 'Stable code within the plan, e.g. `A1`' })
  @Matches(CODE, { message: 'letters, digits, `_`, `.`, `-`; up to 20' })
  code: string;

  @Field() @Length(2, 300) text: string;
}

@InputType({ description: 'A new self-check plan (domain §5.8)' })
export class CreateSelfCheckPlanInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field() @Length(2, 100) name: string;
  @Field(() => SelfCheckKind) kind: SelfCheckKind;

  @Field(() => SelfCheckCadence, { nullable: true, description: 'Defaults to the kind’s cadence' })
  cadence?: SelfCheckCadence;

  @Field(() => Int, { nullable: true, description: 'PATROL: shifts a day (default 1)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  shiftsPerDay?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  checklistTemplateId?: string;

  @Field(() => [SelfCheckChecklistItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  checklist: SelfCheckChecklistItemInput[];

  @Field({ description: 'ENT_PRINCIPAL, ENT_SAFETY_DIRECTOR, ENT_SAFETY_MANAGER or ENT_STAFF' })
  @IsIn(SELF_CHECK_RESPONSIBLE_ROLES, { message: 'must be an enterprise role' })
  responsibleRole: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Defaults to today; not in the past' })
  startsOn?: string;
}

@InputType()
export class RetireSelfCheckPlanInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field(() => Int) @Min(1) expectedVersion: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day in force; defaults to today' })
  endsOn?: string;
}

@InputType()
export class SelfCheckItemInput {
  @Field() @Matches(CODE, { message: 'a checklist item code' }) code: string;
  @Field(() => SelfCheckItemResult) result: SelfCheckItemResult;

  @Field({ nullable: true, description: 'Required for NOK' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: 'A hazard raised from a NOK item (source ENTERPRISE_SELF_CHECK)' })
export class SelfCheckHazardInput {
  @Field({ description: 'The NOK item it comes from' })
  @Matches(CODE, { message: 'a checklist item code' })
  itemCode: string;

  @Field() @Length(4, 100) title: string;

  @Field({ nullable: true, description: 'Defaults to the item and its note' })
  @IsOptional()
  @Length(4, 2000)
  description?: string;

  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => HazardCategory, { nullable: true }) category?: HazardCategory;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  location?: string;

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 500)
  noPhotoReason?: string;

  @Field(() => LocalDateResolver, { nullable: true }) deadline?: string;
}

@InputType({ description: 'One performed self-check against its plan' })
export class RecordSelfCheckInput {
  @Field(() => ID) @IsUUID() planId: string;

  @Field({ nullable: true, description: 'Defaults to now; up to 7 days back' })
  performedAt?: Date;

  @Field(() => [SelfCheckItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  items: SelfCheckItemInput[];

  @Field(() => [SelfCheckHazardInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  hazards?: SelfCheckHazardInput[];
}
