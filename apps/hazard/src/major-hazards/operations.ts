import { graphql } from '../gql/index.js';

/** 重大危险源 in scope (domain §5.4); the county has a few dozen units, so one page holds them. */
export const MajorHazardSourcesDocument = graphql(`
  query MajorHazardSources(
    $first: Int!
    $grade: MajorHazardSourceGrade
    $enterpriseId: ID
    $townshipCode: String
    $isMajorHazardSource: Boolean
  ) {
    majorHazardSources(
      first: $first
      grade: $grade
      enterpriseId: $enterpriseId
      townshipCode: $townshipCode
      isMajorHazardSource: $isMajorHazardSource
    ) {
      totalCount
      nodes {
        ...MajorHazardSourceFields
      }
    }
  }
`);

export const MajorHazardSourceFields = graphql(`
  fragment MajorHazardSourceFields on MajorHazardSource {
    id
    version
    enterpriseId
    unitName
    unitType
    isMajorHazardSource
    s
    r
    alpha
    grade
    residentsWithin500m
    filedAt
    monitoringLinked
    principalName
    technicalLeadName
    operationsLeadName
    enterprise {
      id
      name
      townshipName
      townshipCode
    }
    substances {
      name
      cas
      q
      criticalQuantity
      ratio
      beta
      hazardClass
    }
    baobaoMisses {
      role
      personName
      cadence
      periodKey
      periodStart
      periodEnd
    }
    baobaoChecks {
      id
      role
      checkedOn
      personName
      findings
    }
  }
`);

export const RecordBaobaoCheckDocument = graphql(`
  mutation RecordBaobaoCheck($input: RecordBaobaoCheckInput!) {
    recordBaobaoCheck(input: $input) {
      id
      sourceId
      role
      checkedOn
      personName
    }
  }
`);

export const MajorHazardTownshipsDocument = graphql(`
  query MajorHazardTownships {
    divisions(level: TOWN) {
      code
      name
    }
  }
`);
