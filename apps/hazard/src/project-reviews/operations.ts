import { graphql } from '../gql/index.js';

export const ProjectReviewListDocument = graphql(`
  query ProjectReviewList(
    $first: Int!
    $after: String
    $status: ProjectReviewStatus
    $decision: ProjectDecision
    $enterpriseId: ID
  ) {
    projectReviews(
      first: $first
      after: $after
      status: $status
      decision: $decision
      enterpriseId: $enterpriseId
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        projectName
        ownerEntity
        stage
        mandatory
        status
        decision
        createdAt
        enterprise {
          id
          name
          townshipName
        }
      }
    }
  }
`);

export const ProjectReviewDetailDocument = graphql(`
  query ProjectReviewDetail($id: ID!) {
    projectReview(id: $id) {
      ...ProjectReviewFields
    }
  }
`);

/** Everything the detail shows; every action returns it, so the detail updates from the answer. */
export const ProjectReviewFields = graphql(`
  fragment ProjectReviewFields on ProjectSafetyReview {
    id
    version
    code
    projectName
    ownerEntity
    enterpriseId
    industryCode
    townshipCode
    stage
    mandatory
    riskAssessmentFileId
    status
    decision
    conditions
    decisionReason
    decidedAt
    createdAt
    updatedAt
    expertOpinions {
      expertName
      opinion
      fileId
      recordedAt
    }
    threeSimultaneity {
      preEvaluationAt
      safetyDesignReviewedAt
      completionAcceptanceAt
    }
    enterprise {
      id
      name
      townshipName
    }
  }
`);

export const SubmitProjectReviewDocument = graphql(`
  mutation SubmitProjectReview($input: SubmitProjectReviewInput!) {
    submitProjectReview(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const StartProjectAssessmentDocument = graphql(`
  mutation StartProjectAssessment($input: StartProjectAssessmentInput!) {
    startProjectAssessment(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const RequestExpertReviewDocument = graphql(`
  mutation RequestExpertReview($input: RequestExpertReviewInput!) {
    requestExpertReview(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const AddExpertOpinionDocument = graphql(`
  mutation AddExpertOpinion($input: AddExpertOpinionInput!) {
    addExpertOpinion(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const DecideProjectDocument = graphql(`
  mutation DecideProject($input: DecideProjectInput!) {
    reviewProject(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const StartProjectConstructionDocument = graphql(`
  mutation StartProjectConstruction($input: StartProjectConstructionInput!) {
    startProjectConstruction(input: $input) {
      ...ProjectReviewFields
    }
  }
`);

export const AcceptProjectDocument = graphql(`
  mutation AcceptProject($input: AcceptProjectInput!) {
    acceptProject(input: $input) {
      ...ProjectReviewFields
    }
  }
`);
