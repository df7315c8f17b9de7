import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { EquipmentInspectionResult, SpecialEquipmentCategory } from './special-equipment.enums.js';

@ArgsType()
export class EnterpriseSpecialEquipmentArgs extends ConnectionArgs {
  @Field(() => SpecialEquipmentCategory, { nullable: true }) category?: SpecialEquipmentCategory;

  @Field({ nullable: true, description: 'Past the due date and not sealed (true), or not (false)' })
  overdue?: boolean;

  @Field({ nullable: true }) sealed?: boolean;
}

@ArgsType()
export class SpecialEquipmentListArgs extends EnterpriseSpecialEquipmentArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

@InputType({ description: 'Registers a unit of special equipment (使用登记)' })
export class RegisterSpecialEquipmentInput {
  @Field(() => ID) @IsUUID() enterpriseId: string;
  @Field(() => SpecialEquipmentCategory) category: SpecialEquipmentCategory;

  @Field({ description: '使用登记证编号' })
  @Matches(/^[\p{L}\p{N}-]{4,40}$/u, { message: '4–40 letters, digits or `-`' })
  registrationNo: string;

  @Field() @Length(2, 100) name: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  location?: string;

  @Field(() => LocalDateResolver, { nullable: true }) lastInspectionAt?: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'From the registry; elevators default to 12 months after the last inspection',
  })
  nextInspectionDue?: string;

  @Field(() => EquipmentInspectionResult, { nullable: true }) inspectionResult?: EquipmentInspectionResult;
}

@InputType()
abstract class EquipmentChangeInput {
  @Field(() => ID) @IsUUID() equipmentId: string;

  @Field(() => Int, { description: 'The version you read; a newer one gives CONFLICT' })
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'A periodic inspection (定期检验) and its conclusion' })
export class RecordEquipmentInspectionInput extends EquipmentChangeInput {
  @Field(() => LocalDateResolver) inspectedOn: string;
  @Field(() => EquipmentInspectionResult) result: EquipmentInspectionResult;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'From the inspection report; elevators default to 12 months',
  })
  nextInspectionDue?: string;
}

@InputType({ description: 'Seals (封存) or returns to use' })
export class SetSpecialEquipmentSealedInput extends EquipmentChangeInput {
  @Field() sealed: boolean;
  @Field() @Length(2, 500) reason: string;
}
