import { graphql } from '../gql/index.js';

export const OrgUnitListDocument = graphql(`
  query OrgUnitList($first: Int!, $after: String, $type: OrgUnitType, $search: String) {
    orgUnits(first: $first, after: $after, type: $type, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        type
        supervisoryRole
        isSafetyCommitteeMember
        parent {
          id
          name
        }
        division {
          code
          name
        }
      }
    }
  }
`);

export const OrgUnitOfficialsDocument = graphql(`
  query OrgUnitOfficials($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      officials {
        id
        name
        position
        isPrincipal
        portfolio
      }
    }
  }
`);
