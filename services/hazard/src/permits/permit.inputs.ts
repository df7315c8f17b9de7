import { TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { EvidenceInput } from '../hazards/hazard.inputs.js';
import {
  PermitEquipmentResultEnum,
  PermitGasUnitEnum,
  PermitLevelEnum,
  PermitPurposeEnum,
  PermitStatusEnum,
  PermitTypeEnum,
  PermitWorkerRoleEnum,
  PermitWorkKindEnum,
} from './permit.enums.js';
import type {
  PermitLevel,
  PermitPurpose,
  PermitStatus,
  PermitType,
  WorkerRole,
  WorkKind,
} from './permit.tables.js';

const TOWN_CODES = TOWNS.map((t) => t.code);
const DECIMAL = /^\d{1,6}(\.\d{1,6})?$/;
const DECIMAL_MESSAGE = 'must be a non-negative decimal, e.g. "0.2"';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class PermitListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => PermitTypeEnum, { nullable: true }) type?: PermitType;
  @Field(() => PermitStatusEnum, { nullable: true }) status?: PermitStatus;

  @Field({ nullable: true, description: 'Town (镇) of the enterprise' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Valid from on or after this day' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Valid from on or before this day' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class EnterprisePermitsArgs extends ConnectionArgs {
  @Field(() => PermitStatusEnum, { nullable: true }) status?: PermitStatus;
}

@InputType()
export class PermitEngagingUnitInput {
  @Field(() => ID, { nullable: true, description: 'The enterprise or registered contractor, if known' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field() @Length(2, 100) name: string;
}

@InputType()
export class PermitWorkerInput {
  @Field(() => ID, { description: 'Person (training)' }) @IsUUID() personId: string;
  @Field(() => PermitWorkerRoleEnum) role: WorkerRole;
  @Field(() => PermitEngagingUnitInput) @ValidateNested() engagedBy: PermitEngagingUnitInput;

  @Field(() => [PermitWorkKindEnum], {
    nullable: true,
    description: 'What the worker does (drives certificates)',
  })
  @IsOptional()
  @ArrayMaxSize(9)
  workKinds?: WorkKind[];
}

@InputType({ description: 'A worker of a draft not saved yet, as the qualification gate reads them' })
export class PermitGateWorkerInput {
  @Field(() => ID, { description: 'Person (training)' }) @IsUUID() personId: string;
  @Field(() => PermitWorkerRoleEnum) role: WorkerRole;

  @Field(() => [PermitWorkKindEnum], {
    nullable: true,
    description: 'What the worker does (drives certificates)',
  })
  @IsOptional()
  @ArrayMaxSize(9)
  workKinds?: WorkKind[];
}

/** What `previewPermitGate` needs of a draft (domain §5.9, §7.6): the facts the qualification rows read. */
@InputType({ description: 'The draft the qualification gate is asked about before it is saved (P-1)' })
export class PermitGatePreviewInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field(() => PermitTypeEnum) type: PermitType;

  @Field(() => PermitLevelEnum, {
    nullable: true,
    description: 'Informative: the qualification rows do not depend on the level',
  })
  level?: PermitLevel;

  @Field({ description: 'When the work starts: training answers for this instant' })
  @IsDate()
  validFrom: Date;

  @Field(() => [PermitGateWorkerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  workers: PermitGateWorkerInput[];
}

@InputType()
export class PermitEquipmentCheckInput {
  @Field() @Length(1, 60) equipmentId: string;
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) inspectedAt: string;
  @Field(() => PermitEquipmentResultEnum) result: 'OK' | 'DEFECTIVE' | 'OBSOLETE';
}

@InputType()
export class PermitMeasureInput {
  @Field() @Length(2, 200) text: string;
  @Field({ defaultValue: false }) @IsBoolean() confirmed: boolean;
}

@InputType({ description: 'P-4 site facts of hot work' })
export class HotWorkSiteInput {
  @Field({ defaultValue: false }) fireExplosionHazardArea: boolean;
  @Field({ defaultValue: false }) onRunningEquipment: boolean;
  @Field({ defaultValue: false }) pressurisedWithoutDisplacement: boolean;
  @Field({ defaultValue: false }) insideMajorHazardTankFarmDike: boolean;
  @Field({ defaultValue: false }) onPipeRack: boolean;
  @Field({ defaultValue: false }) inFixedHotWorkArea: boolean;
  @Field({ defaultValue: false }) unitShutDownPurgedIsolated: boolean;
  @Field({ defaultValue: false }) shutdownDowngradeApproved: boolean;
}

@InputType()
export class CreatePermitInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field(() => PermitTypeEnum) type: PermitType;

  @Field(() => PermitLevelEnum, {
    nullable: true,
    description: 'Hot work: defaults to the level P-4 gives; work at height: I–IV, required',
  })
  level?: PermitLevel;

  @Field(() => PermitPurposeEnum) purpose: PermitPurpose;

  @Field(() => ID, { nullable: true, description: 'Required when purpose is RECTIFICATION' })
  @IsOptional()
  @IsUUID()
  hazardId?: string;

  @Field() @Length(2, 200) location: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  riskPointId?: string;

  @Field() @IsDate() validFrom: Date;
  @Field() @IsDate() validTo: Date;

  @Field(() => [PermitWorkerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  workers: PermitWorkerInput[];

  @Field(() => [PermitEquipmentCheckInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  equipmentChecks?: PermitEquipmentCheckInput[];

  @Field(() => [PermitMeasureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  measures?: PermitMeasureInput[];

  @Field(() => HotWorkSiteInput, { nullable: true, description: 'Required for hot work (P-4)' })
  @IsOptional()
  @ValidateNested()
  hotWorkSite?: HotWorkSiteInput;

  @Field({ nullable: true, description: 'Other special situation: one level up (P-4)' })
  @IsOptional()
  @Length(2, 200)
  otherSpecialSituation?: string;

  @Field({ nullable: true, description: 'Oxygen-enriched environment (P-7)' })
  @IsOptional()
  @IsBoolean()
  oxygenEnriched?: boolean;
}

/** A change of one permit the caller read at `expectedVersion`. */
@InputType()
abstract class PermitChangeInput {
  @Field(() => ID) @IsUUID() permitId: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class PermitFlammableReadingInput {
  @Field() @Matches(DECIMAL, { message: DECIMAL_MESSAGE }) reading: string;
  @Field(() => PermitGasUnitEnum) unit: 'PCT_VOL' | 'PCT_LEL';
  @Field({ description: 'LEL of the gas, % vol' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  lelPctVol: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 40) substance?: string;
}

@InputType()
export class PermitToxicReadingInput {
  @Field() @Length(1, 40) substance: string;
  @Field() @Matches(DECIMAL, { message: DECIMAL_MESSAGE }) mgPerM3: string;
}

@InputType()
export class PermitGasTestInput {
  @Field({ nullable: true, description: 'Sampling time; defaults to now' })
  @IsOptional()
  @IsDate()
  at?: Date;

  @Field() @Length(1, 100) point: string;

  @Field({ nullable: true, description: 'O₂ % vol' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  oxygenPctVol?: string;

  @Field(() => [PermitFlammableReadingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  flammables?: PermitFlammableReadingInput[];

  @Field(() => [PermitToxicReadingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  toxics?: PermitToxicReadingInput[];

  @Field(() => ID, { description: 'The analyst (person)' }) @IsUUID() analystId: string;
}

@InputType()
export class RecordGasTestInput extends PermitChangeInput {
  @Field(() => PermitGasTestInput) @ValidateNested() test: PermitGasTestInput;
}

@InputType()
export class ApprovePermitInput extends PermitChangeInput {}

@InputType()
export class StartPermitWorkInput extends PermitChangeInput {
  @Field({
    nullable: true,
    description: 'Continuous gas monitoring in place (SPECIAL hot work, confined space)',
  })
  @IsOptional()
  @IsBoolean()
  continuousMonitoring?: boolean;
}

@InputType()
export class SuspendPermitWorkInput extends PermitChangeInput {
  @Field({ nullable: true }) @IsOptional() @Length(2, 500) reason?: string;
}

@InputType()
export class ResumePermitWorkInput extends StartPermitWorkInput {}

@InputType({ description: 'IN_PROGRESS → COMPLETED: executor and guardian confirm together' })
export class CompletePermitInput extends PermitChangeInput {
  @Field(() => ID, { description: 'An executor named on the permit' }) @IsUUID() executorPersonId: string;
  @Field(() => ID, { description: 'A guardian named on the permit' }) @IsUUID() guardianPersonId: string;
}

@InputType()
export class ClosePermitInput extends PermitChangeInput {
  @Field({ description: 'The site is checked (e.g. no residual fire)' }) @IsBoolean() siteChecked: boolean;
}

@InputType()
export class RevokePermitInput extends PermitChangeInput {
  @Field() @Length(2, 500) reason: string;
}

@InputType({ description: 'P-3: a worker without a valid certificate found on a live operation' })
export class ReportUnlicensedWorkerInput {
  @Field(() => ID) @IsUUID() permitId: string;
  @Field(() => ID, { description: 'A worker named on the permit' }) @IsUUID() personId: string;
  @Field({ description: 'What the worker was doing, e.g. 焊接' }) @Length(2, 60) operation: string;
  @Field(() => LocalDateResolver, { description: '整改期限 of the hazard' })
  @Matches(LOCAL_DATE)
  deadline: string;

  @Field({ nullable: true, description: 'When it was found; defaults to now' })
  @IsOptional()
  @IsDate()
  foundAt?: Date;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Photos of the finding' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field({ nullable: true, description: 'Why there is no photo' })
  @IsOptional()
  @Length(2, 500)
  noPhotoReason?: string;
}
