import { graphql } from '../gql/index.js';

export const ListingBoardDocument = graphql(`
  query ListingBoard(
    $first: Int!
    $after: String
    $level: ListingLevel
    $status: ListingStatus
    $overdue: Boolean
    $townshipCode: String
  ) {
    listings(
      first: $first
      after: $after
      level: $level
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
        ...ListingFields
      }
    }
  }
`);

/** Everything the board and the card show; every listing mutation returns it, so both update from the answer. */
export const ListingFields = graphql(`
  fragment ListingFields on SupervisedListing {
    id
    version
    noticeNo
    level
    status
    deadline
    originalDeadline
    overdue
    escalatesTo
    requirements
    progressCadenceDays
    townshipCode
    issuingOrgId
    listedAt
    proposedAt
    delistedAt
    hazardIds
    enterprise {
      id
      name
      townshipName
    }
    hazards {
      id
      code
      title
      status
      planApproved
    }
    extensions {
      requestedOn
      previousDeadline
      requestedDeadline
      reason
      decisionDue
      granted
      decidedAt
      decisionNote
      decidedLate
    }
    history {
      from
      to
      at
      actorUsername
      reason
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

/** The SAC office's queue (domain §5.7.2): confirmed MAJOR hazards no listing holds, 5 working days to evaluate. */
export const UnlistedMajorHazardsDocument = graphql(`
  query UnlistedMajorHazards($first: Int!, $after: String, $evaluationOverdue: Boolean) {
    unlistedMajorHazards(first: $first, after: $after, evaluationOverdue: $evaluationOverdue) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        confirmedOn
        evaluationDue
        evaluationOverdue
        hazard {
          id
          code
          title
          status
          deadline
          planApproved
          enterprise {
            id
            name
            townshipName
          }
        }
      }
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

export const StartListingRectificationDocument = graphql(`
  mutation StartListingRectification($input: StartListingRectificationInput!) {
    startListingRectification(input: $input) {
      ...ListingFields
    }
  }
`);

export const RequestListingExtensionDocument = graphql(`
  mutation RequestListingExtension($input: RequestListingExtensionInput!) {
    requestListingExtension(input: $input) {
      ...ListingFields
    }
  }
`);

export const DecideListingExtensionDocument = graphql(`
  mutation DecideListingExtension($input: DecideListingExtensionInput!) {
    decideListingExtension(input: $input) {
      ...ListingFields
    }
  }
`);

export const ApplyForDelistingDocument = graphql(`
  mutation ApplyForDelisting($input: ApplyForDelistingInput!) {
    applyForDelisting(input: $input) {
      ...ListingFields
    }
  }
`);

export const DelistDocument = graphql(`
  mutation Delist($input: DelistInput!) {
    delist(input: $input) {
      ...ListingFields
    }
  }
`);

export const RefuseDelistingDocument = graphql(`
  mutation RefuseDelisting($input: RefuseDelistingInput!) {
    refuseDelisting(input: $input) {
      ...ListingFields
    }
  }
`);

/** 不予挂牌 (domain §5.7.2): the SAC office's reasoned decision; the hazard leaves the queue. */
export const DecideNotToListHazardDocument = graphql(`
  mutation DecideNotToListHazard($input: DecideNotToListHazardInput!) {
    decideNotToListHazard(input: $input) {
      hazardId
      reason
      decidedAt
      decidedByUsername
    }
  }
`);
