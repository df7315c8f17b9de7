import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ProjectDecision, ProjectReviewStatus, ProjectStage } from './project-review.enums.js';

@ObjectType('ExpertOpinion', { description: '专家论证意见' })
export class ExpertOpinion {
  @Field() expertName: string;
  @Field() opinion: string;
  @Field(() => String, { nullable: true, description: 'Signed opinion, file id from POST /files' }) fileId:
    | string
    | null;
  @Field() recordedAt: string;
  @Field(() => ID, { nullable: true }) recordedById: string | null;
}

/** 三同时: the safety facilities designed, built and put into use with the main project. */
@ObjectType('ThreeSimultaneity', { description: '安全设施"三同时"' })
export class ThreeSimultaneity {
  @Field(() => LocalDateResolver, { nullable: true, description: '安全预评价' }) preEvaluationAt:
    | string
    | null;
  @Field(() => LocalDateResolver, { nullable: true, description: '安全设施设计审查' })
  safetyDesignReviewedAt: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '安全设施竣工验收' })
  completionAcceptanceAt: string | null;
}

/** 重大工程和项目安全风险评估与论证 (domain §5.10). */
@Entity('project_safety_review')
@ObjectType({ description: '重大工程和项目安全风险评估与论证' })
@Directive('@key(fields: "id")')
export class ProjectSafetyReview {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: '编号 XM-YYYY-nnn' })
  @Index({ unique: true })
  @Column()
  code: string;

  @Field()
  @Column('text', { name: 'project_name' })
  projectName: string;

  @Field({ description: '建设单位' })
  @Column('text', { name: 'owner_entity' })
  ownerEntity: string;

  @Field(() => ID, { description: 'The owner as a registered enterprise (scope key)' })
  @Column('uuid', { name: 'enterprise_id' })
  enterpriseId: string;

  @Field()
  @Column('text', { name: 'industry_code' })
  industryCode: string;

  @Field()
  @Column('text', { name: 'township_code' })
  townshipCode: string;

  @Field(() => ProjectStage)
  @Column('text')
  stage: ProjectStage;

  @Field({ description: 'In the mandatory review scope by industry [D]' })
  @Column('boolean')
  mandatory: boolean;

  @Field(() => String, { nullable: true, description: '安全风险评估报告 (file id)' })
  @Column('text', { name: 'risk_assessment_file_id', nullable: true })
  riskAssessmentFileId: string | null;

  @Field(() => [ExpertOpinion])
  @Column('jsonb', { name: 'expert_opinions', default: () => "'[]'" })
  expertOpinions: ExpertOpinion[];

  @Field(() => ProjectReviewStatus)
  @Column('text')
  status: ProjectReviewStatus;

  @Field(() => ProjectDecision, { nullable: true })
  @Column('text', { nullable: true })
  decision: ProjectDecision | null;

  @Field(() => [String])
  @Column('jsonb', { default: () => "'[]'" })
  conditions: string[];

  @Field(() => String, { nullable: true, description: 'Why (mandatory for a veto)' })
  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('date', { name: 'pre_evaluation_at', nullable: true })
  preEvaluationAt: string | null;

  @Column('date', { name: 'safety_design_reviewed_at', nullable: true })
  safetyDesignReviewedAt: string | null;

  @Column('date', { name: 'completion_acceptance_at', nullable: true })
  completionAcceptanceAt: string | null;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'submitted_by_id', nullable: true })
  submittedById: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
