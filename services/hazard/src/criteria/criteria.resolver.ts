import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HazardGrade } from '../hazards/hazard.enums.js';
import { CombinedJudgementGroup, MajorHazardCriterion, MajorHazardStandard } from './criteria.entity.js';
import { CriterionJudgement, GradeProposalKind } from './criteria.enums.js';
import { CriteriaArgs, ProposeHazardGradeArgs } from './criteria.inputs.js';
import { CriteriaService } from './criteria.service.js';

const MajorHazardCriterionConnection = Connection('MajorHazardCriterion', MajorHazardCriterion);

@ObjectType({ description: '依判定标准给出的隐患等级建议及理由' })
class HazardGradeProposal {
  @Field(() => GradeProposalKind) kind: GradeProposalKind;
  @Field(() => HazardGrade, { nullable: true }) grade: HazardGrade | null;
  @Field(() => CriterionJudgement, { nullable: true }) judgement: CriterionJudgement | null;
  @Field(() => ID, { nullable: true, description: 'The DIRECT criterion that decides' })
  criterionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The COMBINED group counted' }) groupId: string | null;
  @Field(() => Int, { nullable: true }) threshold: number | null;
  @Field(() => [ID], { description: 'Distinct COMBINED elements counted' }) counted: string[];
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was refused, e.g. NOT_APPLICABLE_TO_INDUSTRY' })
  problemCode: string | null;

  @Field(() => String, { nullable: true, description: 'The criterion or group the problem is about' })
  problemSubject: string | null;

  @Field(() => [String], { description: 'The reasons, in Chinese, for the person grading the hazard' })
  reasons: string[];
}

@Resolver(() => MajorHazardCriterion)
export class MajorHazardCriterionResolver {
  @Authorized()
  @Query(() => MajorHazardCriterionConnection, {
    description: '重大事故隐患判定标准条款: by industry, in force at a time, by standard, searched',
  })
  criteria(@Args() args: CriteriaArgs, @Ctx() context: SubgraphContext) {
    return new CriteriaService(context).list(args);
  }

  @Authorized()
  @Query(() => MajorHazardCriterion, { nullable: true })
  criterion(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new CriteriaService(context).byId(id);
  }

  @Authorized()
  @Query(() => [MajorHazardStandard], { description: 'The determination standards loaded, every version' })
  majorHazardStandards(@Ctx() context: SubgraphContext) {
    return new CriteriaService(context).standards();
  }

  @Authorized()
  @Query(() => String, {
    nullable: true,
    description: 'Version of the criteria catalogue data set loaded (a hazard is judged against it)',
  })
  criteriaCatalogueVersion(@Ctx() context: SubgraphContext) {
    return new CriteriaService(context).catalogueVersion();
  }

  @Authorized()
  @Query(() => HazardGradeProposal, {
    description:
      'The grade the catalogue proposes: a DIRECT criterion → MAJOR; COMBINED elements → MAJOR at the group threshold',
  })
  proposeHazardGrade(@Args() args: ProposeHazardGradeArgs, @Ctx() context: SubgraphContext) {
    return new CriteriaService(context).propose(args);
  }

  @FieldResolver(() => MajorHazardStandard, { nullable: true })
  standard(@Root() criterion: MajorHazardCriterion, @Ctx() context: SubgraphContext) {
    return new CriteriaService(context).standard(criterion.standardCode);
  }
}

@Resolver(() => MajorHazardStandard)
export class MajorHazardStandardResolver {
  @FieldResolver(() => [CombinedJudgementGroup], { description: 'COMBINED counting groups (fire rules)' })
  combinedGroups(@Root() standard: MajorHazardStandard, @Ctx() context: SubgraphContext) {
    return new CriteriaService(context).groupsOf(standard.code);
  }
}
