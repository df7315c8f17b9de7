import { ConnectionArgs } from '@safety/subgraph-kit';
import { IsOptional, IsUUID, Length, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CertificateCategory, CertificateStatus } from './certificate.enums.js';

@ArgsType()
export class CertificateListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => CertificateStatus, { nullable: true, description: 'Status as of today' })
  status?: CertificateStatus;

  @Field(() => CertificateCategory, { nullable: true })
  category?: CertificateCategory;
}

@ArgsType()
export class EnterpriseCertificatesArgs extends ConnectionArgs {
  @Field(() => CertificateStatus, { nullable: true })
  status?: CertificateStatus;
}

@InputType()
export class RegisterCertificateInput {
  @Field(() => ID, { description: "The holder's current employer" }) @IsUUID() enterpriseId: string;
  @Field() @Length(2, 40) holderName: string;

  @Field({ description: 'Full citizen ID number: checked, then kept only masked' })
  @Length(18, 18)
  idNumber: string;

  @Field(() => CertificateCategory) category: CertificateCategory;

  @Field({ nullable: true, description: 'Required for special operations and special equipment' })
  @IsOptional()
  @Length(2, 40)
  operationType?: string;

  @Field({
    nullable: true,
    description: 'Special operations: the operation item (e.g. 熔化焊接与热切割作业)',
  })
  @IsOptional()
  @Length(2, 40)
  subType?: string;

  @Field() @Length(4, 40) number: string;
  @Field() @Length(2, 60) issuer: string;
  @Field(() => LocalDateResolver) issuedAt: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When a review already passed: the next one due (defaults to 3 years after issue)',
  })
  @IsOptional()
  nextReviewDue?: string;
}

@ArgsType()
export class RevokeCertificateArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ description: 'The ground of the decision (domain §7.5)' }) @Length(2, 500) reason: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer one gives CONFLICT' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}
