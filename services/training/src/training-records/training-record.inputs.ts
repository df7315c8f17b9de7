import { IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SpecialWorkType, TrainingMode } from './training-record.enums.js';

@InputType({ description: 'One attended training of an employee (domain §7.4)' })
export class RecordTrainingInput {
  @Field(() => ID, { description: 'The employment (person at the enterprise) trained' })
  @IsUUID()
  employmentId: string;

  @Field({ description: '培训主题' }) @Length(2, 200) topic: string;

  @Field(() => SpecialWorkType, {
    nullable: true,
    description: 'Tag: the special operation trained for (a guardian’s training, domain §5.9)',
  })
  @IsOptional()
  specialWorkType?: SpecialWorkType;

  @Field(() => TrainingMode) mode: TrainingMode;
  @Field(() => Int, { description: '认定学时' }) creditedHours: number;

  @Field({ description: 'Attendance evidence: file id from the gateway `POST /files` (SHA-256, 64 hex)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'attendanceEvidence must be a file id (64 hex digits)' })
  attendanceEvidence: string;

  @Field(() => Float, { nullable: true, description: '考核成绩' })
  @IsOptional()
  @Min(0)
  @Max(100)
  examScore?: number;

  @Field({ description: 'Assessment passed' }) passed: boolean;
  @Field(() => LocalDateResolver, { description: '完成日期' }) completedOn: string;

  @Field({ nullable: true, description: '培训机构或讲师' })
  @IsOptional()
  @Length(1, 100)
  provider?: string;
}
