import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsOptional, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Education } from './person.enums.js';

@ArgsType()
export class PersonListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Persons with an active employment at this enterprise' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @MaxLength(40)
  name?: string;
}

@ArgsType()
export class EmploymentListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field({ defaultValue: true, description: 'Only employments active today' })
  activeOnly: boolean;
}

@ArgsType()
export class EnterpriseEmploymentsArgs extends ConnectionArgs {
  @Field({ defaultValue: true, description: 'Only employments active today' })
  activeOnly: boolean;
}

@InputType()
export class EmploymentInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field({ description: '岗位' }) @Length(1, 40) post: string;
  @Field({ description: '特种作业/危险岗位' }) isHazardousPost: boolean;
  @Field(() => LocalDateResolver) hireDate: string;

  @Field({
    nullable: true,
    description: 'The contractor that engaged the person; defaults to the enterprise itself',
  })
  @IsOptional()
  @Length(2, 100)
  engagedBy?: string;

  @Field(() => ID, { nullable: true, description: 'The contractor, when it is a registered enterprise' })
  @IsOptional()
  @IsUUID()
  engagedByEnterpriseId?: string;

  @Field({ defaultValue: true, description: '新入职 (a new hire needs three-level education, domain §7.3)' })
  isNewHire: boolean;
}

@InputType()
export class RegisterPersonInput {
  @Field({ description: 'Full citizen ID number: checked, then kept only masked and as a keyed hash' })
  @Length(18, 18)
  idNumber: string;

  @Field() @Length(2, 40) nameZh: string;

  @Field(() => Education, { nullable: true }) @IsOptional() education?: Education;

  @Field(() => EmploymentInput, {
    description: 'Where the person works; an existing person gets this employment added',
  })
  @ValidateNested()
  employment: EmploymentInput;
}

@InputType()
export class RecordEmploymentInput extends EmploymentInput {
  @Field(() => ID) @IsUUID() personId: string;
}

@InputType()
export class UpdateEmploymentInput {
  @Field(() => ID) @IsUUID() id: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ends the employment (last day worked)' })
  @IsOptional()
  leaveDate?: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Last day worked on the hazardous post (e.g. the last permit as executor)',
  })
  @IsOptional()
  lastWorkedAt?: string;

  @Field({
    nullable: true,
    description: 'A new post: passed three-level education must be redone (domain §7.3)',
  })
  @IsOptional()
  @Length(1, 40)
  post?: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer one gives CONFLICT' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}
