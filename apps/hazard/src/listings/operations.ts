import { graphql } from '../gql/index.js';

export const ListingBoardDocument = graphql(`
  query ListingBoard($first: Int!, $after: String, $status: ListingStatus, $overdue: Boolean) {
    listings(first: $first, after: $after, status: $status, overdue: $overdue) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ListingFields
      }
    }
  }
`);

export const ListingFields = graphql(`
  fragment ListingFields on SupervisedListing {
    id
    version
    noticeNo
    level
    status
    deadline
    overdue
    requirements
    listedAt
    hazardIds
    enterprise {
      id
      name
    }
  }
`);

export const ListingOfHazardDocument = graphql(`
  query ListingOfHazard($id: ID!) {
    listing(id: $id) {
      ...ListingFields
    }
  }
`);

export const ProposeListingDocument = graphql(`
  mutation ProposeListing($input: ProposeListingInput!) {
    proposeListing(input: $input) {
      ...ListingFields
    }
  }
`);

export const IssueListingDocument = graphql(`
  mutation IssueListing($input: ListHazardsInput!) {
    listHazards(input: $input) {
      ...ListingFields
    }
  }
`);
