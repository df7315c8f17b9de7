import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DivisionLevel } from './division.enums.js';

@ArgsType()
export class DivisionListArgs {
  @Field(() => DivisionLevel, { nullable: true })
  level?: DivisionLevel;

  @Field({ nullable: true, description: 'Children of this division' })
  @IsOptional()
  @MaxLength(12)
  parentCode?: string;
}
