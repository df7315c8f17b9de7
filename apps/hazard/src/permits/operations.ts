import { graphql } from '../gql/index.js';

export const PermitListDocument = graphql(`
  query PermitList($first: Int!, $after: String, $type: PermitType, $status: PermitStatus) {
    permits(first: $first, after: $after, type: $type, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        type
        level
        location
        validFrom
        validTo
        status
        enterprise {
          id
          name
        }
        lastGate {
          ok
          checkedAt
        }
      }
    }
  }
`);

export const PermitGateDocument = graphql(`
  query PermitGate($permitId: ID!) {
    permitGate(permitId: $permitId) {
      ok
      at
      checkedAt
      reasons {
        code
        messageZh
        personId
        detail
      }
      answers {
        personId
        role
        credential
        ok
        failures
      }
    }
  }
`);
