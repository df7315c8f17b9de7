import { INDUSTRIES, TOWNS } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import {
  ArrayMaxSize,
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
import { CampaignKind, CampaignStatus } from './campaign.enums.js';
import { CAMPAIGN_DOMAINS } from './campaign.rules.js';

const TOWN_CODES = TOWNS.map((t) => t.code);
const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class CampaignListArgs extends ConnectionArgs {
  @Field(() => CampaignStatus, { nullable: true }) status?: CampaignStatus;
  @Field(() => CampaignKind, { nullable: true }) kind?: CampaignKind;

  @Field({ nullable: true, description: 'Safety domain (domain §3.2) or CROSS_CUTTING' })
  @IsOptional()
  @IsIn(CAMPAIGN_DOMAINS as unknown as string[], { message: 'must be a safety domain' })
  domain?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Campaigns running on this day' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  activeOn?: string;
}

@ArgsType()
export class CampaignTargetListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() campaignId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() enterpriseId?: string;
  @Field({ nullable: true, description: 'Only targets checked (true) or not yet (false)' })
  checked?: boolean;
}

@InputType()
export class CampaignChecklistItemInput {
  @Field() @Length(2, 500) item: string;
  @Field({ nullable: true }) @IsOptional() @Length(2, 300) basis?: string;
}

@InputType({ description: 'Which enterprises a campaign targets (all conditions given must hold)' })
export class CampaignTargetFilterInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsIn(INDUSTRY_CODES, { each: true, message: 'must be industry codes of domain §3.3' })
  industryCodes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(18)
  @IsIn(TOWN_CODES, { each: true, message: 'must be town codes' })
  townshipCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Major-hazard criteria (domain §5.7.1)' })
  @IsOptional()
  @ArrayMaxSize(50)
  criterionIds?: string[];
}

@InputType()
export class CreateCampaignInput {
  @Field() @Length(2, 200) title: string;

  @Field({ description: 'Safety domain (domain §3.2) or CROSS_CUTTING' })
  @IsIn(CAMPAIGN_DOMAINS as unknown as string[], { message: 'must be a safety domain' })
  domain: string;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) subFocus?: string[];
  @Field(() => ID, { description: '牵头单位' }) @IsUUID() leadOrgId: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  supportOrgIds?: string[];
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) periodFrom: string;
  @Field(() => LocalDateResolver) @Matches(LOCAL_DATE) periodTo: string;
  @Field(() => CampaignTargetFilterInput) @ValidateNested() targetFilter: CampaignTargetFilterInput;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) checklistTemplateId?: string;

  @Field(() => [CampaignChecklistItemInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  checklist?: CampaignChecklistItemInput[];

  @Field() @Length(2, 2000) goals: string;
}

@InputType()
abstract class CampaignChangeInput {
  @Field(() => ID) @IsUUID() campaignId: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class CampaignTransitionInput extends CampaignChangeInput {}

@InputType()
export class CloseCampaignInput extends CampaignChangeInput {
  @Field({ description: '总结' }) @Length(2, 5000) summary: string;
}

@InputType()
export class RecordCampaignCheckInput {
  @Field(() => ID) @IsUUID() campaignId: string;
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() checkedAt?: Date;
  @Field({ nullable: true }) @IsOptional() @Length(1, 1000) note?: string;
}

@InputType({
  description: 'H-8 举一反三: from a major hazard, or from an accident with its industry or criterion',
})
export class LaunchLessonsLearnedCampaignInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() fromHazardId?: string;
  @Field({ nullable: true, description: 'Accident id of the emergency service' })
  @IsOptional()
  @Length(1, 100)
  fromAccidentRef?: string;

  @Field({ nullable: true, description: 'Required with an accident unless a criterion is given' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @Length(1, 100) criterionId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(2, 200) title?: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to your organisation' })
  @IsOptional()
  @IsUUID()
  leadOrgId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Defaults to 30 days from today' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  periodTo?: string;
}
