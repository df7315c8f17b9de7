import { INDUSTRIES, TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
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
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  EvidenceKind,
  HazardCategory,
  HazardDetermination,
  HazardGrade,
  HazardSource,
  HazardStatus,
  InterimMeasureKind,
  RejectionKind,
} from './hazard.enums.js';
import { FILE_ID } from './hazard.rules.js';

const TOWN_CODES = TOWNS.map((t) => t.code);
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code);
const FILE_ID_MESSAGE = 'must be a file id from POST /files (64 hex characters)';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ledger's filters: the list pages through them, the Excel export takes them all. */
@ArgsType()
export class HazardFilterArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => HazardGrade, { nullable: true })
  grade?: HazardGrade;

  @Field(() => HazardStatus, { nullable: true })
  status?: HazardStatus;

  @Field({ nullable: true, description: 'Only hazards past (true) or within (false) their deadline' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Town (镇) where the hazard is' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;

  @Field({ nullable: true, description: 'Industry (domain §3.3) at the time found' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode?: string;

  @Field(() => HazardSource, { nullable: true })
  source?: HazardSource;

  @Field(() => ID, { nullable: true, description: 'Major-hazard criterion (domain §5.7.1)' })
  @IsOptional()
  @Length(1, 100)
  criterionId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Found on or after this day' })
  @IsOptional()
  foundFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Found on or before this day' })
  @IsOptional()
  foundTo?: string;
}

export type HazardListArgs = HazardFilterArgs & ConnectionArgs;

@ArgsType()
export class EnterpriseHazardsArgs extends ConnectionArgs {
  @Field(() => HazardStatus, { nullable: true })
  status?: HazardStatus;
}

@ArgsType()
export class HazardStatisticsArgs {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;

  @Field(() => Int, { nullable: true, description: '1–4; omit for the annual form' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;
}

@InputType()
export class EvidenceInput {
  @Field({ description: 'File id from the gateway `POST /files`' })
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  fileId: string;

  @Field(() => EvidenceKind) kind: EvidenceKind;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  caption?: string;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float) @Min(-180) @Max(180) longitude: number;
  @Field(() => Float) @Min(-90) @Max(90) latitude: number;
}

@InputType()
export class InterimMeasureInput {
  @Field(() => InterimMeasureKind) kind: InterimMeasureKind;
  @Field() @Length(2, 500) text: string;
}

@InputType({ description: '治理方案: 令第16号 第15条 content with the "五定" fields' })
export class RectificationPlanInput {
  @Field() @Length(2, 2000) objectives: string;
  @Field() @Length(2, 2000) measures: string;

  @Field({ description: 'Funds in yuan, e.g. "125000.00"' })
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: 'must be an amount in yuan with at most two decimals' })
  funds: string;

  @Field() @Length(2, 1000) materials: string;
  @Field() @Length(2, 200) responsibleOrganisation: string;
  @Field() @Length(2, 100) responsiblePerson: string;

  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE)
  deadline: string;

  @Field() @Length(2, 1000) requirements: string;
  @Field() @Length(2, 2000) safetyMeasures: string;
  @Field() @Length(2, 2000) contingencyPlan: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  planFileId?: string;
}

/** What every report of a hazard carries (rows 1 and C1–C3). */
@InputType()
abstract class HazardContentInput {
  @Field(() => ID, { nullable: true, description: 'The enterprise; omit for public-area hazards' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true, description: 'Responsible body of a public-area hazard' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @Field({ nullable: true, description: 'Town of a public-area hazard' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;

  @Field({ nullable: true, description: 'Industry of a public-area hazard' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode?: string;

  @Field() @Length(4, 100) title: string;
  @Field() @Length(4, 2000) description: string;
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => HazardSource) source: HazardSource;

  @Field({ nullable: true, description: 'Inspection, report, alert or campaign id' })
  @IsOptional()
  @Length(1, 100)
  sourceRef?: string;

  @Field(() => HazardCategory, { nullable: true }) category?: HazardCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  riskPointId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  location?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  geo?: GeoPointInput;

  @Field({ nullable: true, description: 'When it was found; defaults to now' })
  @IsOptional()
  @IsDate()
  foundAt?: Date;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Photos (BEFORE) and other files' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field({ nullable: true, description: 'Why there is no photo (row 1: a photo or a reason)' })
  @IsOptional()
  @Length(2, 500)
  noPhotoReason?: string;
}

@InputType()
export class ReportHazardInput extends HazardContentInput {
  @Field(() => LocalDateResolver, { nullable: true, description: '整改期限, if already known' })
  @IsOptional()
  deadline?: string;

  @Field({
    nullable: true,
    description:
      'Keep it as a DRAFT. A report without a photo and without a reason is also kept as a DRAFT (row 1 not yet met).',
  })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

@InputType({
  description: 'A recorded inspection finding or a verified whistleblower report (∅ → CONFIRMED)',
})
export class RecordGovernmentFindingInput extends HazardContentInput {
  @Field(() => LocalDateResolver, { description: '整改期限' })
  deadline: string;

  @Field(() => HazardDetermination, { nullable: true }) determination?: HazardDetermination;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  criterionId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  expertOpinionFileId?: string;
}

/** A change of one hazard the caller read at `expectedVersion`. */
@InputType()
abstract class HazardChangeInput {
  @Field(() => ID) @IsUUID() hazardId: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class SubmitHazardInput extends HazardChangeInput {
  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 500)
  noPhotoReason?: string;
}

@InputType()
export class FixOnSpotInput extends HazardChangeInput {
  @Field(() => [EvidenceInput], { description: 'At least one AFTER photo' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[];
}

@InputType()
export class ConfirmHazardInput extends HazardChangeInput {
  @Field(() => HazardGrade, {
    nullable: true,
    description: 'The grade confirmed; defaults to the reported one',
  })
  grade?: HazardGrade;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Required unless already set' })
  @IsOptional()
  deadline?: string;

  @Field(() => HazardCategory, { nullable: true }) category?: HazardCategory;
  @Field(() => HazardDetermination, { nullable: true }) determination?: HazardDetermination;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  criterionId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  expertOpinionFileId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  riskPointId?: string;
}

@InputType()
export class RejectHazardInput extends HazardChangeInput {
  @Field(() => RejectionKind) kind: RejectionKind;

  @Field(() => ID, { nullable: true, description: 'The hazard this one duplicates (DUPLICATE)' })
  @IsOptional()
  @IsUUID()
  duplicateOfId?: string;

  @Field() @Length(2, 500) reason: string;
}

@InputType()
export class SubmitRectificationPlanInput extends HazardChangeInput {
  @Field(() => RectificationPlanInput)
  @ValidateNested()
  plan: RectificationPlanInput;
}

@InputType()
export class ApproveRectificationPlanInput extends HazardChangeInput {}

@InputType()
export class StartRectificationInput extends HazardChangeInput {
  @Field(() => [InterimMeasureInput], { nullable: true, description: 'Added to those already recorded' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  interimMeasures?: InterimMeasureInput[];
}

@InputType()
export class RecordInterimMeasuresInput extends HazardChangeInput {
  @Field(() => [InterimMeasureInput], { description: 'The measures in force (replaces the list)' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  interimMeasures: InterimMeasureInput[];
}

@InputType()
export class AddHazardEvidenceInput extends HazardChangeInput {
  @Field(() => [EvidenceInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[];
}

@InputType()
export class RequestAcceptanceInput extends HazardChangeInput {
  @Field(() => [EvidenceInput], {
    nullable: true,
    description: 'AFTER photos, completion report, resumption application',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];
}

@InputType()
export class AcceptHazardInput extends HazardChangeInput {
  @Field({ defaultValue: false, description: 'Accepted on site (required for MAJOR)' })
  @IsBoolean()
  onSite: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 500)
  note?: string;
}

@InputType()
export class FailAcceptanceInput extends HazardChangeInput {
  @Field() @Length(2, 500) reason: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'A new deadline; omit to keep the current one',
  })
  @IsOptional()
  deadline?: string;
}

@InputType()
export class RegradeHazardInput extends HazardChangeInput {
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field() @Length(2, 500) reason: string;
  @Field(() => HazardDetermination, { nullable: true }) determination?: HazardDetermination;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  criterionId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(FILE_ID, { message: FILE_ID_MESSAGE })
  expertOpinionFileId?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  deadline?: string;
}

@InputType()
export class ReopenHazardInput extends HazardChangeInput {
  @Field() @Length(2, 500) reason: string;
  @Field(() => LocalDateResolver, { description: 'The new rectification deadline' }) deadline: string;
}
