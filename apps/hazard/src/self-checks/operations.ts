import { graphql } from '../gql/index.js';

export const SelfCheckPlanFields = graphql(`
  fragment SelfCheckPlanFields on SelfCheckPlan {
    id
    version
    enterpriseId
    name
    kind
    cadence
    shiftsPerDay
    responsibleRole
    startsOn
    endsOn
    checklist {
      code
      text
    }
    enterprise {
      id
      name
      townshipName
    }
  }
`);

export const SelfCheckPlanListDocument = graphql(`
  query SelfCheckPlanList($first: Int!, $after: String, $enterpriseId: ID, $kind: SelfCheckKind, $active: Boolean) {
    selfCheckPlans(first: $first, after: $after, enterpriseId: $enterpriseId, kind: $kind, active: $active) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SelfCheckPlanFields
      }
    }
  }
`);

export const SelfCheckPlanDocument = graphql(`
  query SelfCheckPlan($id: ID!) {
    selfCheckPlan(id: $id) {
      ...SelfCheckPlanFields
    }
  }
`);

/** How many checks a plan has in its running period (domain §5.8): the due list counts them. */
export const SelfCheckPeriodCountDocument = graphql(`
  query SelfCheckPeriodCount($planId: ID!, $from: LocalDate!, $to: LocalDate!) {
    selfCheckRecords(first: 1, planId: $planId, performedFrom: $from, performedTo: $to) {
      totalCount
    }
  }
`);

export const SelfCheckRecordListDocument = graphql(`
  query SelfCheckRecordList(
    $first: Int!
    $after: String
    $enterpriseId: ID
    $planId: ID
    $performedFrom: LocalDate
    $performedTo: LocalDate
    $withHazards: Boolean
  ) {
    selfCheckRecords(
      first: $first
      after: $after
      enterpriseId: $enterpriseId
      planId: $planId
      performedFrom: $performedFrom
      performedTo: $performedTo
      withHazards: $withHazards
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        planId
        performedAt
        performedByName
        items {
          code
          result
          note
          hazardId
        }
        hazardIds
        plan {
          id
          name
          kind
          checklist {
            code
            text
          }
          enterprise {
            id
            name
          }
        }
        hazardsCreated {
          id
          code
          title
          status
        }
      }
    }
  }
`);

export const MissedSelfCheckListDocument = graphql(`
  query MissedSelfCheckList(
    $first: Int!
    $after: String
    $enterpriseId: ID
    $kind: SelfCheckKind
    $from: LocalDate
    $to: LocalDate
    $townshipCode: String
  ) {
    missedSelfChecks(
      first: $first
      after: $after
      enterpriseId: $enterpriseId
      kind: $kind
      from: $from
      to: $to
      townshipCode: $townshipCode
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        planId
        enterpriseId
        periodStart
        periodEnd
        label
        required
        performed
        plan {
          id
          name
          kind
          responsibleRole
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

/** The regulator's summary: every miss in scope counted per enterprise with its town (server side). */
export const MissedSelfCheckCountsDocument = graphql(`
  query MissedSelfCheckCounts($kind: SelfCheckKind, $from: LocalDate, $to: LocalDate) {
    missedSelfCheckCounts(kind: $kind, from: $from, to: $to) {
      enterpriseId
      townshipCode
      missed
      enterprise {
        id
        name
        townshipName
      }
    }
  }
`);

export const RecordSelfCheckDocument = graphql(`
  mutation RecordSelfCheck($input: RecordSelfCheckInput!) {
    recordSelfCheck(input: $input) {
      id
      planId
      performedAt
      hazardIds
      items {
        code
        result
        note
        hazardId
      }
    }
  }
`);

export const CreateSelfCheckPlanDocument = graphql(`
  mutation CreateSelfCheckPlan($input: CreateSelfCheckPlanInput!) {
    createSelfCheckPlan(input: $input) {
      ...SelfCheckPlanFields
    }
  }
`);

export const RetireSelfCheckPlanDocument = graphql(`
  mutation RetireSelfCheckPlan($input: RetireSelfCheckPlanInput!) {
    retireSelfCheckPlan(input: $input) {
      ...SelfCheckPlanFields
    }
  }
`);
