import { graphql } from '../gql/index.js';

export const EnterpriseListDocument = graphql(`
  query EnterpriseList(
    $first: Int!
    $after: String
    $search: String
    $townshipCode: String
    $industryCode: IndustryCode
    $supervisionClass: SupervisionClass
    $operatingStatus: OperatingStatus
  ) {
    enterprises(
      first: $first
      after: $after
      search: $search
      townshipCode: $townshipCode
      industryCode: $industryCode
      supervisionClass: $supervisionClass
      operatingStatus: $operatingStatus
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        shortName
        townshipName
        industryCode
        supervisionClass
        operatingStatus
        employeeCount
      }
    }
  }
`);

export const EnterpriseDetailDocument = graphql(`
  query EnterpriseDetail($id: ID!) {
    enterprise(id: $id) {
      id
      name
      shortName
      uscc
      townshipName
      industryCode
      supervisionClass
      operatingStatus
      scale
      employeeCount
      address
      legalRepresentative
      isConstructionProject
      updatedAt
      regulators {
        id
        name
      }
    }
  }
`);

export const TownshipsDocument = graphql(`
  query Townships {
    divisions(level: TOWN) {
      code
      name
    }
  }
`);
