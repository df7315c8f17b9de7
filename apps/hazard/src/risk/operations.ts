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
        ...RiskPointDetailFields
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

/** What the enterprise four-colour map and the point editor read of a point (domain §5.2, §5.3). */
export const RiskPointDetailFields = graphql(`
  fragment RiskPointDetailFields on RiskPoint {
    ...RiskPointFields
    enterpriseId
    floorPlanPolygon
    accidentTypes
    hazardFactors
    controls {
      kind
      text
    }
    controlLevelReason
    responsiblePersonId
    noticeCardFileId
    defaultControlLevel
    levelBasis
    currentAssessment {
      id
      inputs {
        l
        e
        c
        s
      }
    }
  }
`);

export const EnterpriseRiskMapDocument = graphql(`
  query EnterpriseRiskMap($enterpriseId: ID!) {
    enterpriseRiskMap(enterpriseId: $enterpriseId) {
      enterpriseId
      points {
        ...RiskPointDetailFields
      }
    }
    enterprise(id: $enterpriseId) {
      id
      name
      townshipName
      riskLevel
    }
  }
`);

export const CreateRiskPointDocument = graphql(`
  mutation CreateRiskPoint($input: CreateRiskPointInput!) {
    createRiskPoint(input: $input) {
      ...RiskPointDetailFields
    }
  }
`);

export const UpdateRiskPointDocument = graphql(`
  mutation UpdateRiskPoint($input: UpdateRiskPointInput!) {
    updateRiskPoint(input: $input) {
      ...RiskPointDetailFields
    }
  }
`);

export const RetireRiskPointDocument = graphql(`
  mutation RetireRiskPoint($input: RetireRiskPointInput!) {
    retireRiskPoint(input: $input) {
      id
      version
      retiredAt
    }
  }
`);
