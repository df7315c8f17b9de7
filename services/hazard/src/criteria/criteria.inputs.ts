import { INDUSTRIES } from '@safety/reference';
import { ConnectionArgs } from '@safety/subgraph-kit';
import { ArrayMaxSize, IsIn, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code);

@ArgsType()
export class CriteriaArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only criteria applicable to this industry (domain §3.3)' })
  @IsOptional()
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode?: string;

  @Field({
    nullable: true,
    description: 'Only criteria in force on this instant (its Asia/Shanghai day); all versions when absent',
  })
  @IsOptional()
  at?: Date;

  @Field({
    nullable: true,
    description: 'Words of the clause number, paraphrase or sector; clause hits first',
  })
  @IsOptional()
  @Length(0, 100)
  search?: string;

  @Field({ nullable: true, description: 'Only criteria of this standard (its code)' })
  @IsOptional()
  @Length(1, 60)
  standardCode?: string;
}

@ArgsType()
export class ProposeHazardGradeArgs {
  @Field(() => ID, { nullable: true, description: 'A DIRECT criterion cited' })
  @IsOptional()
  @Length(1, 100)
  criterionId?: string;

  @Field(() => [ID], { nullable: true, description: 'The COMBINED elements found, all of one group' })
  @IsOptional()
  @ArrayMaxSize(100)
  combinedElementIds?: string[];

  @Field({ description: 'Industry (domain §3.3) of the enterprise' })
  @IsIn(INDUSTRY_CODES, { message: 'must be an industry code of domain §3.3' })
  industryCode: string;

  @Field({ description: 'When the hazard was found: the criteria in force on that day apply' })
  foundAt: Date;
}
