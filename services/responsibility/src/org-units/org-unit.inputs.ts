import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { OrgUnitType } from './org-unit.enums.js';

@ArgsType()
export class OrgUnitListArgs extends ConnectionArgs {
  @Field(() => OrgUnitType, { nullable: true })
  type?: OrgUnitType;

  @Field({ nullable: true, description: 'Matches name or code' })
  @IsOptional()
  @MaxLength(60)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
