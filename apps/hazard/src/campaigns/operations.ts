import { graphql } from '../gql/index.js';

export const CampaignListDocument = graphql(`
  query CampaignList($first: Int!, $after: String, $status: CampaignStatus, $domain: String) {
    campaigns(first: $first, after: $after, status: $status, domain: $domain) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        title
        kind
        domain
        status
        periodFrom
        periodTo
        progress {
          enterprisesTargeted
          enterprisesCovered
          coverageRate
          hazardsFound
          majorHazards
          hazardsClosed
          hazardsOverdue
        }
      }
    }
  }
`);

/** One campaign with its weekly snapshots (domain §5.11) for the progress chart. */
export const CampaignDetailDocument = graphql(`
  query CampaignDetail($id: ID!) {
    campaign(id: $id) {
      id
      code
      title
      kind
      domain
      subFocus
      leadOrgId
      supportOrgIds
      periodFrom
      periodTo
      targetIndustryCodes
      targetTownshipCodes
      checklist {
        item
        basis
      }
      goals
      status
      summary
      version
      activatedAt
      closedAt
      progress {
        enterprisesTargeted
        enterprisesCovered
        coverageRate
        hazardsFound
        generalHazards
        majorHazards
        hazardsClosed
        hazardsOverdue
        penalties
      }
      snapshots {
        id
        weekStart
        metrics {
          enterprisesTargeted
          enterprisesCovered
          hazardsFound
          majorHazards
          hazardsClosed
          hazardsOverdue
        }
      }
    }
  }
`);

/** The targeted enterprises, for progress by town and by industry. */
export const CampaignTargetsDocument = graphql(`
  query CampaignTargets($campaignId: ID!) {
    campaignTargets(first: 200, campaignId: $campaignId) {
      totalCount
      nodes {
        id
        enterpriseId
        checkedAt
        checkNote
        enterprise {
          id
          name
          townshipName
          industryCode
        }
      }
    }
  }
`);

export const CreateCampaignDocument = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
      code
      status
      version
    }
  }
`);

export const ActivateCampaignDocument = graphql(`
  mutation ActivateCampaign($input: CampaignTransitionInput!) {
    activateCampaign(input: $input) {
      id
      status
      version
    }
  }
`);

export const StartCampaignSummaryDocument = graphql(`
  mutation StartCampaignSummary($input: CampaignTransitionInput!) {
    startCampaignSummary(input: $input) {
      id
      status
      version
    }
  }
`);

export const CloseCampaignDocument = graphql(`
  mutation CloseCampaign($input: CloseCampaignInput!) {
    closeCampaign(input: $input) {
      id
      status
      version
    }
  }
`);

/** Domain §5.11: a targeted enterprise was checked under the campaign (covered). */
export const RecordCampaignCheckDocument = graphql(`
  mutation RecordCampaignCheck($input: RecordCampaignCheckInput!) {
    recordCampaignCheck(input: $input) {
      id
      enterpriseId
      checkedAt
      checkNote
    }
  }
`);
