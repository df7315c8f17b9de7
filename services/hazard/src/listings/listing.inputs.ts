import { TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ListingLevel, ListingStatus } from './listing.enums.js';

const TOWN_CODES = TOWNS.map((t) => t.code);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class ListingListArgs extends ConnectionArgs {
  @Field(() => ListingLevel, { nullable: true }) level?: ListingLevel;
  @Field(() => ListingStatus, { nullable: true }) status?: ListingStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field({ nullable: true, description: 'Town (镇) of the enterprise' })
  @IsOptional()
  @IsIn(TOWN_CODES, { message: 'must be one of the 18 town codes' })
  townshipCode?: string;

  @Field({ nullable: true, description: 'Only listings past (true) or within (false) their deadline' })
  overdue?: boolean;
}

@ArgsType()
export class EnterpriseListingsArgs extends ConnectionArgs {
  @Field(() => ListingStatus, { nullable: true }) status?: ListingStatus;
}

@ArgsType()
export class UnlistedMajorHazardsArgs extends ConnectionArgs {
  @Field({
    nullable: true,
    description: 'Only those past (true) or within (false) the 5-working-day evaluation',
  })
  evaluationOverdue?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field({
    nullable: true,
    description: 'Words of the hazard code, title or location, or of the enterprise name',
  })
  @IsOptional()
  @Length(0, 100)
  search?: string;
}

@InputType()
export class ProposeListingInput {
  @Field(() => [ID], { description: 'MAJOR hazards of one enterprise' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  hazardIds: string[];

  @Field(() => ListingLevel) level: ListingLevel;

  @Field(() => ID, { description: 'The body issuing the notice: the SAC, the department or the town' })
  @IsUUID()
  issuingOrgId: string;

  @Field(() => ID, { nullable: true, description: 'Territorial oversight (属地)' })
  @IsOptional()
  @IsUUID()
  territorialOrgId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Industry oversight; defaults to the enterprise’s regulator',
  })
  @IsOptional()
  @IsUUID()
  industryOrgId?: string;

  @Field({ description: '督办要求' })
  @Length(1, 4000)
  requirements: string;

  @Field(() => LocalDateResolver, { description: '整改期限 (last day)' })
  @Matches(LOCAL_DATE)
  deadline: string;

  @Field(() => Int, { nullable: true, description: 'Progress reports every so many days (default 15)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  progressCadenceDays?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;
}

@InputType({ description: 'Which listing, at which version' })
export class ListingChangeInput {
  @Field(() => ID)
  @IsUUID()
  listingId: string;

  @Field(() => Int, { description: 'The version you read; CONFLICT when someone changed it since' })
  @IsInt()
  expectedVersion: number;
}

@InputType()
export class ListHazardsInput extends ListingChangeInput {
  @Field({ nullable: true, description: 'Public notice, when the listing is published' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  publicNoticeUrl?: string;
}

@InputType()
export class StartListingRectificationInput extends ListingChangeInput {}

@InputType()
export class RequestListingExtensionInput extends ListingChangeInput {
  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE)
  newDeadline: string;

  @Field()
  @Length(1, 2000)
  reason: string;
}

@InputType()
export class DecideListingExtensionInput extends ListingChangeInput {
  @Field() grant: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType()
export class ApplyForDelistingInput extends ListingChangeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType()
export class DelistInput extends ListingChangeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType()
export class RefuseDelistingInput extends ListingChangeInput {
  @Field({ description: 'Why verification failed' })
  @Length(1, 2000)
  reason: string;
}

@InputType()
export class DecideNotToListHazardInput {
  @Field(() => ID) @IsUUID() hazardId: string;
  @Field({ description: 'Why the hazard is not listed (required)' })
  @Length(0, 2000)
  reason: string;
}
