import { graphql } from '../gql/index.js';

export const HazardListDocument = graphql(`
  query HazardList(
    $first: Int!
    $after: String
    $grade: HazardGrade
    $status: HazardStatus
    $overdue: Boolean
    $townshipCode: String
  ) {
    hazards(
      first: $first
      after: $after
      grade: $grade
      status: $status
      overdue: $overdue
      townshipCode: $townshipCode
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
        grade
        status
        deadline
        overdue
        enterprise {
          id
          name
          townshipName
        }
      }
    }
  }
`);

export const HazardDetailDocument = graphql(`
  query HazardDetail($id: ID!) {
    hazard(id: $id) {
      id
      code
      title
      description
      grade
      source
      status
      foundAt
      deadline
      closedAt
      overdue
      enterprise {
        id
        name
        townshipName
      }
    }
  }
`);

export const HazardTownshipsDocument = graphql(`
  query HazardTownships {
    divisions(level: TOWN) {
      code
      name
    }
  }
`);
