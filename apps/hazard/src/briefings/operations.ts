import { graphql } from '../gql/index.js';

export const BriefingListDocument = graphql(`
  query BriefingList($first: Int!, $after: String, $level: BriefingLevel, $status: BriefingStatus) {
    briefings(first: $first, after: $after, level: $level, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        level
        orgId
        townshipCode
        periodFrom
        periodTo
        status
        heldAt
        issuedAt
        autoDigest {
          newHazards
          newMajorHazards
          overdueHazards
          openMajorHazards
          openListings
        }
        riskItems {
          id
          level
        }
      }
    }
  }
`);

/** Weeks that ended with no SAC office briefing held or issued (domain §4.5 cadence, §5.12). */
export const MissedBriefingsDocument = graphql(`
  query MissedBriefings($level: BriefingLevel!, $from: LocalDate!, $to: LocalDate!) {
    missedRiskBriefings(level: $level, from: $from, to: $to) {
      level
      orgId
      periodFrom
      periodTo
    }
  }
`);

export const BriefingDetailDocument = graphql(`
  query BriefingDetail($id: ID!) {
    briefing(id: $id) {
      id
      level
      orgId
      townshipCode
      periodFrom
      periodTo
      status
      version
      heldAt
      issuedAt
      createdAt
      participants {
        name
        orgId
        position
      }
      autoDigest {
        generatedAt
        periodFrom
        periodTo
        newHazards
        newMajorHazards
        overdueHazards
        openMajorHazards
        openListings
        highlights {
          hazardId
          code
          title
          grade
          deadline
          reason
        }
        keyPeriods {
          kind
          name
          from
          to
        }
        monitoringAlerts
        accidents
        warnings
        classDEnterpriseIds
      }
      riskItems {
        id
        domain
        description
        level
        measures
        responsibleOrgId
        due
        followUp
        enterpriseIds
        noticeNo
      }
      outputs {
        title
        fileId
      }
    }
  }
`);

export const CreateRiskBriefingDocument = graphql(`
  mutation CreateRiskBriefing($input: CreateRiskBriefingInput!) {
    createRiskBriefing(input: $input) {
      id
      status
      version
    }
  }
`);

export const UpdateRiskBriefingDocument = graphql(`
  mutation UpdateRiskBriefing($input: UpdateRiskBriefingInput!) {
    updateRiskBriefing(input: $input) {
      id
      status
      version
    }
  }
`);

export const HoldBriefingDocument = graphql(`
  mutation HoldBriefing($input: HoldRiskBriefingInput!) {
    holdBriefing(input: $input) {
      id
      status
      version
    }
  }
`);

export const IssueBriefingDocument = graphql(`
  mutation IssueBriefing($input: IssueRiskBriefingInput!) {
    issueBriefing(input: $input) {
      id
      status
      version
    }
  }
`);
