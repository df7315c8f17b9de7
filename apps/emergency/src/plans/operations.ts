import { graphql } from '../gql/index.js';

export const PlanListDocument = graphql(`
  query EmergencyPlanList(
    $first: Int!
    $after: String
    $status: EmergencyPlanStatus
    $planType: EmergencyPlanType
    $overdueEvaluation: Boolean
  ) {
    emergencyPlans(
      first: $first
      after: $after
      status: $status
      planType: $planType
      overdueEvaluation: $overdueEvaluation
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        planType
        status
        filedAt
        lastEvaluatedAt
        nextEvaluationDue
        evaluationOverdue
        enterprise {
          id
          name
        }
      }
    }
  }
`);
