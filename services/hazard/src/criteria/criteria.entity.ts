import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CriterionJudgement } from './criteria.enums.js';

/**
 * The persisted catalogue (domain §5.7.1) is reference data, loaded by migration from
 * `criteria.catalogue.ts` (see `criteria.persistence.ts`). None of these types carries a federation
 * key: other subgraphs never resolve them, and `Hazard.criterion` is resolved inside this service.
 */

/** 重大事故隐患判定标准 (one version of a standard). */
@Entity('major_hazard_standard')
@ObjectType({ description: '重大事故隐患判定标准（某一版本）' })
export class MajorHazardStandard {
  @Field(() => ID, { description: 'Stable key, the prefix of its criterion ids, e.g. MEM-10-2023' })
  @PrimaryColumn('text')
  code: string;

  @Field() @Column('text') title: string;
  @Field() @Column('text') issuer: string;
  @Field({ description: '文号 or standard number' })
  @Column('text', { name: 'document_no' })
  documentNo: string;
  @Field() @Column('text') version: string;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'effective_from' })
  effectiveFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day in force, inclusive' })
  @Column('date', { name: 'effective_to', nullable: true })
  effectiveTo: string | null;

  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) replaces: string | null;

  @Field(() => [String], { description: 'Industry codes (domain §3.3) it applies to' })
  @Column('text', { name: 'applicable_industries', array: true })
  applicableIndustries: string[];

  @Field({ description: 'Domain §0.2 marker of the metadata: S, K or K?' })
  @Column('text', { name: 'source_marker' })
  sourceMarker: string;

  @Field() @Column('text') note: string;

  @Field({ description: 'PARTIAL or NONE: the catalogue is partial until filled from the official text' })
  @Column('text', { name: 'completeness_status' })
  completenessStatus: string;

  @Field() @Column('text', { name: 'completeness_note' }) completenessNote: string;

  @Column('int') position: number;

  @Field({ description: 'Catalogue data set version that loaded it' })
  @Column('text', { name: 'catalogue_version' })
  catalogueVersion: string;
}

/** 综合判定分组: the place type and the count that makes a major hazard. */
@Entity('major_hazard_combined_group')
@ObjectType({ description: '综合判定分组' })
export class CombinedJudgementGroup {
  @Field(() => ID, { description: '<standard code>#<GROUP>' }) @PrimaryColumn('text') id: string;

  @Field() @Column('text', { name: 'standard_code' }) standardCode: string;
  @Field() @Column('text', { name: 'label_zh' }) labelZh: string;

  @Field(() => Int, { description: '“N条以上（含本数）”' })
  @Column('int')
  threshold: number;

  @Field() @Column('text', { name: 'source_marker' }) sourceMarker: string;
  @Column('int') position: number;
  @Field() @Column('text', { name: 'catalogue_version' }) catalogueVersion: string;
}

/** 重大事故隐患判定条款 (a DIRECT clause, or a COMBINED element as counted in one group). */
@Entity('major_hazard_criterion')
@ObjectType({ description: '重大事故隐患判定标准条款' })
export class MajorHazardCriterion {
  @Field(() => ID, { description: '<standard code>:<key>; stored in hazards, never renamed or reused' })
  @PrimaryColumn('text')
  id: string;

  @Field() @Index() @Column('text', { name: 'standard_code' }) standardCode: string;
  @Field() @Column('text', { name: 'standard_title' }) standardTitle: string;
  @Field() @Column('text') version: string;

  @Field(() => LocalDateResolver)
  @Column('date', { name: 'effective_from' })
  effectiveFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day in force, inclusive' })
  @Column('date', { name: 'effective_to', nullable: true })
  effectiveTo: string | null;

  @Field(() => [String])
  @Column('text', { name: 'applicable_industries', array: true })
  applicableIndustries: string[];

  @Field(() => String, { nullable: true, description: '行业或专项, e.g. 粉尘涉爆' })
  @Column('text', { nullable: true })
  sector: string | null;

  @Field({ description: '条款号' }) @Column('text', { name: 'clause_no' }) clauseNo: string;

  @Field({ description: 'Our paraphrase, never the official wording' })
  @Column('text', { name: 'text_paraphrase' })
  textParaphrase: string;

  @Field(() => CriterionJudgement) @Column('text') judgement: CriterionJudgement;

  @Field(() => ID, { nullable: true })
  @Column('text', { name: 'combined_group', nullable: true })
  combinedGroup: string | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { name: 'combined_threshold', nullable: true })
  combinedThreshold: number | null;

  @Field({ description: 'Domain §0.2 marker: S, K or K?' })
  @Column('text', { name: 'source_marker' })
  sourceMarker: string;

  /** Catalogue order (the picker lists in it). */
  @Column('int') position: number;

  @Field() @Column('text', { name: 'catalogue_version' }) catalogueVersion: string;
}
