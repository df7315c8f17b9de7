import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { ProjectSafetyReview, ThreeSimultaneity } from './project-review.entity.js';
import {
  AcceptProjectInput,
  AddExpertOpinionInput,
  DecideProjectInput,
  ProjectReviewListArgs,
  RequestExpertReviewInput,
  StartProjectAssessmentInput,
  StartProjectConstructionInput,
  SubmitProjectReviewInput,
} from './project-review.inputs.js';
import { PROJECT_EXPERT_ROLES, PROJECT_REVIEWER_ROLES } from './project-review.rules.js';
import { ProjectReviewService } from './project-review.service.js';

const ProjectSafetyReviewConnection = Connection('ProjectSafetyReview', ProjectSafetyReview);

@Resolver(() => ProjectSafetyReview)
export class ProjectSafetyReviewResolver {
  @Authorized()
  @Query(() => ProjectSafetyReviewConnection, {
    description: '项目安全风险评估与论证 in your scope, newest first',
  })
  projectReviews(@Args() args: ProjectReviewListArgs, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).list(args);
  }

  @Authorized()
  @Query(() => ProjectSafetyReview, {
    nullable: true,
    description: 'One review, or null if absent or outside your scope',
  })
  projectReview(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).byId(id);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, {
    description: 'Registers a project for review (SUBMITTED); scope checked by industry',
  })
  submitProjectReview(@Arg('input') input: SubmitProjectReviewInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).submit(input);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, {
    description: 'SUBMITTED → ASSESSING with the risk assessment report',
  })
  startProjectAssessment(@Arg('input') input: StartProjectAssessmentInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).startAssessment(input);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, { description: 'ASSESSING → EXPERT_REVIEW' })
  requestExpertReview(@Arg('input') input: RequestExpertReviewInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).requestExpertReview(input);
  }

  @Authorized(...PROJECT_EXPERT_ROLES)
  @Mutation(() => ProjectSafetyReview, { description: 'Records an expert opinion during EXPERT_REVIEW' })
  addExpertOpinion(@Arg('input') input: AddExpertOpinionInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).addExpertOpinion(input);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, {
    description: 'EXPERT_REVIEW → DECIDED (APPROVE, APPROVE_WITH_CONDITIONS, VETO: emits ProjectVetoed)',
  })
  reviewProject(@Arg('input') input: DecideProjectInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).decide(input);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, {
    description: 'DECIDED (approved) → CONSTRUCTION after 三同时 design review',
  })
  startProjectConstruction(
    @Arg('input') input: StartProjectConstructionInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new ProjectReviewService(context).startConstruction(input);
  }

  @Authorized(...PROJECT_REVIEWER_ROLES)
  @Mutation(() => ProjectSafetyReview, {
    description: 'CONSTRUCTION → ACCEPTED (三同时 completion acceptance)',
  })
  acceptProject(@Arg('input') input: AcceptProjectInput, @Ctx() context: SubgraphContext) {
    return new ProjectReviewService(context).accept(input);
  }

  @FieldResolver(() => ThreeSimultaneity)
  threeSimultaneity(@Root() review: ProjectSafetyReview): ThreeSimultaneity {
    return {
      preEvaluationAt: review.preEvaluationAt,
      safetyDesignReviewedAt: review.safetyDesignReviewedAt,
      completionAcceptanceAt: review.completionAcceptanceAt,
    };
  }

  @FieldResolver(() => EnterpriseStub, { description: 'The owner enterprise' })
  enterprise(@Root() review: ProjectSafetyReview): EnterpriseStub {
    return { id: review.enterpriseId };
  }
}
