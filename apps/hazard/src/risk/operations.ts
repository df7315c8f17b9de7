import { graphql } from '../gql/index.js';

export const RiskMapDocument = graphql(`
  query RiskMap {
    riskMap {
      byTown {
        townshipCode
        major
        high
        moderate
        low
        unassessed
      }
      enterprises {
        enterpriseId
        townshipCode
        riskLevel
        riskPointCount
        majorHazardSourceGrade
        enterprise {
          id
          name
          townshipName
        }
      }
    }
  }
`);

export const RiskPointListDocument = graphql(`
  query RiskPointList($first: Int!, $after: String, $level: RiskLevel, $kind: RiskPointKind, $reviewDue: Boolean) {
    riskPoints(first: $first, after: $after, level: $level, kind: $kind, reviewDue: $reviewDue) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RiskPointFields
      }
    }
  }
`);

export const RiskPointFields = graphql(`
  fragment RiskPointFields on RiskPoint {
    id
    version
    name
    kind
    location
    industryCode
    riskLevel
    controlLevel
    nextReviewDue
    reviewDue
    enterprise {
      id
      name
    }
    currentAssessment {
      id
      method
      score
      band
      bandWording
      computedLevel
      assessedAt
    }
  }
`);

export const LecFactorTablesDocument = graphql(`
  query LecFactorTables {
    riskCriteriaProfiles {
      id
      method
      industryCodes
      effectiveTo
    }
    lecFactorTables {
      likelihood {
        value
        labelZh
      }
      exposure {
        value
        labelZh
      }
      consequence {
        value
        labelZh
      }
    }
  }
`);

export const AssessRiskDocument = graphql(`
  mutation AssessRisk($input: AssessRiskInput!) {
    assessRisk(input: $input) {
      ...RiskPointFields
    }
  }
`);
