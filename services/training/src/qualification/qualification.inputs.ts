import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { CertificateCategory, CertificateStatus } from '../certificates/certificate.enums.js';
import { SpecialWorkType } from '../training-records/training-record.enums.js';
import { QualificationFailure } from './qualification.enums.js';
import { MAX_CHECKS } from './qualification.rules.js';

@InputType({ description: 'The credential a role needs (domain §5.9 PermitQualificationRule)' })
export class QualificationRequirementInput {
  @Field(() => CertificateCategory, { description: 'Certificate type (domain §7.5 `type`)' })
  certType: CertificateCategory;

  @Field({ nullable: true, description: 'Operation category, e.g. 焊接与热切割作业' })
  @IsOptional()
  @Length(1, 40)
  category?: string;

  @Field({ nullable: true, description: 'Operation item, e.g. 熔化焊接与热切割作业' })
  @IsOptional()
  @Length(1, 40)
  subType?: string;
}

@InputType({ description: 'One person to check for work at an enterprise at an instant' })
export class QualificationCheckInput {
  @Field(() => ID) @IsUUID() personId: string;
  @Field(() => ID) @IsUUID() enterpriseId: string;

  @Field(() => QualificationRequirementInput, {
    nullable: true,
    description: 'Omit to check only employment and three-level education',
  })
  @IsOptional()
  @ValidateNested()
  requirement?: QualificationRequirementInput;

  @Field(() => SpecialWorkType, {
    nullable: true,
    description:
      'Instead of a certificate: a passed training record for this special operation (a permit guardian, domain §5.9)',
  })
  @IsOptional()
  specialWorkTraining?: SpecialWorkType;

  @Field({
    description: 'When the work happens (e.g. the permit validFrom); evaluated on its Asia/Shanghai day',
  })
  at: Date;
}

@ArgsType()
export class QualificationChecksArgs {
  @Field(() => [QualificationCheckInput], { description: `1 to ${MAX_CHECKS} checks, answered in order` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHECKS)
  @ValidateNested({ each: true })
  checks: QualificationCheckInput[];
}

@ObjectType({ description: 'The certificate a decision rests on, as the permit keeps it (domain §7.6)' })
export class QualificationEvidence {
  @Field(() => ID) certificateId: string;
  @Field() number: string;
  @Field(() => CertificateCategory) type: CertificateCategory;
  @Field(() => String, { nullable: true, description: 'Operation category' }) category: string | null;
  @Field(() => String, { nullable: true, description: 'Operation item' }) subType: string | null;
  @Field(() => CertificateStatus, { description: 'Status on the day checked' }) status: CertificateStatus;
  @Field(() => LocalDateResolver) issuedAt: string;
  @Field(() => LocalDateResolver) validTo: string;
  @Field(() => LocalDateResolver, { nullable: true }) nextReviewDue: string | null;
}

@ObjectType({ description: 'The training record a guardian check rests on (domain §5.9, §7.4)' })
export class QualificationTrainingEvidence {
  @Field(() => ID) trainingRecordId: string;
  @Field() topic: string;
  @Field(() => SpecialWorkType) specialWorkType: SpecialWorkType;
  @Field(() => LocalDateResolver) completedOn: string;
  @Field(() => LocalDateResolver, { description: 'The last day it counts [D: a year]' }) validTo: string;
}

@ObjectType({ description: 'The answer of the qualification gate for one check (domain §7.6)' })
export class QualificationResult {
  @Field(() => ID) personId: string;
  @Field(() => ID) enterpriseId: string;
  @Field() at: Date;
  @Field() ok: boolean;
  @Field(() => [QualificationFailure], { description: 'Every failing reason, in the order of §7.6' })
  reasons: QualificationFailure[];
  @Field(() => QualificationEvidence, { nullable: true }) evidence: QualificationEvidence | null;
  @Field(() => QualificationTrainingEvidence, {
    nullable: true,
    description: 'For a specialWorkTraining check: the record relied on',
  })
  trainingEvidence: QualificationTrainingEvidence | null;
}
