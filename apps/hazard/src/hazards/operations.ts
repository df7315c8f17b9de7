import { graphql } from '../gql/index.js';

export const HazardListDocument = graphql(`
  query HazardList(
    $first: Int!
    $after: String
    $grade: HazardGrade
    $status: HazardStatus
    $overdue: Boolean
    $townshipCode: String
    $enterpriseId: ID
  ) {
    hazards(
      first: $first
      after: $after
      grade: $grade
      status: $status
      overdue: $overdue
      townshipCode: $townshipCode
      enterpriseId: $enterpriseId
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
      ...HazardDetailFields
    }
  }
`);

/** Everything the drawer shows; every action returns it, so the drawer updates from the answer. */
export const HazardDetailFields = graphql(`
  fragment HazardDetailFields on Hazard {
    id
    version
    code
    title
    description
    category
    location
    grade
    source
    status
    foundAt
    foundByName
    deadline
    closedAt
    overdue
    acceptanceTier
    determination
    criterionId
    criterion {
      id
      standardTitle
      clauseNo
      textParaphrase
    }
    treatAsAccident
    listingId
    planApproved
    noPhotoReason
    enterpriseId
    supervisingOrgId
    listingDecision {
      hazardId
      reason
      decidedAt
      decidedByUsername
    }
    confirmedAt
    suspended
    resumptionReviewDue
    repeatOfId
    repeatOf {
      id
      code
    }
    interimMeasures {
      kind
      text
    }
    plan {
      objectives
      measures
      funds
      materials
      responsibleOrganisation
      responsiblePerson
      deadline
      requirements
      safetyMeasures
      contingencyPlan
      planFileId
      submittedAt
      approvedAt
    }
    enterprise {
      id
      name
      townshipName
    }
    evidence {
      fileId
      kind
      caption
    }
    history {
      id
      from
      to
      at
      actorUsername
      reason
    }
  }
`);

export const ReportHazardDocument = graphql(`
  mutation ReportHazard($input: ReportHazardInput!) {
    reportHazard(input: $input) {
      id
      code
      status
    }
  }
`);

export const SubmitHazardDocument = graphql(`
  mutation SubmitHazard($input: SubmitHazardInput!) {
    submitHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const ConfirmHazardDocument = graphql(`
  mutation ConfirmHazard($input: ConfirmHazardInput!) {
    confirmHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const RejectHazardDocument = graphql(`
  mutation RejectHazard($input: RejectHazardInput!) {
    rejectHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const FixOnSpotDocument = graphql(`
  mutation FixOnSpot($input: FixOnSpotInput!) {
    fixOnSpot(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const SubmitRectificationPlanDocument = graphql(`
  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {
    submitRectificationPlan(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const ApproveRectificationPlanDocument = graphql(`
  mutation ApproveRectificationPlan($input: ApproveRectificationPlanInput!) {
    approveRectificationPlan(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const RecordInterimMeasuresDocument = graphql(`
  mutation RecordInterimMeasures($input: RecordInterimMeasuresInput!) {
    recordInterimMeasures(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const RegradeHazardDocument = graphql(`
  mutation RegradeHazard($input: RegradeHazardInput!) {
    regradeHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const ReopenHazardDocument = graphql(`
  mutation ReopenHazard($input: ReopenHazardInput!) {
    reopenHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const StartRectificationDocument = graphql(`
  mutation StartRectification($input: StartRectificationInput!) {
    startRectification(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const RequestAcceptanceDocument = graphql(`
  mutation RequestAcceptance($input: RequestAcceptanceInput!) {
    requestAcceptance(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const AcceptHazardDocument = graphql(`
  mutation AcceptHazard($input: AcceptHazardInput!) {
    acceptHazard(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const FailAcceptanceDocument = graphql(`
  mutation FailAcceptance($input: FailAcceptanceInput!) {
    failAcceptance(input: $input) {
      ...HazardDetailFields
    }
  }
`);

export const HazardLedgerExportDocument = graphql(`
  query HazardLedgerExport(
    $grade: HazardGrade
    $status: HazardStatus
    $overdue: Boolean
    $townshipCode: String
    $enterpriseId: ID
  ) {
    hazardLedgerExport(
      grade: $grade
      status: $status
      overdue: $overdue
      townshipCode: $townshipCode
      enterpriseId: $enterpriseId
    ) {
      filename
      contentType
      base64
      rowCount
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

/** A task of 双重交办 (H-2, domain §4.7); every task mutation returns it, so the leg updates from the answer. */
export const HazardTaskFields = graphql(`
  fragment HazardTaskFields on Task {
    id
    version
    code
    leg
    status
    title
    requirement
    dueAt
    acknowledgementDue
    overdue
    daysOverdue
    escalation
    assigneeEnterpriseId
    assigneeOrgs {
      id
      name
    }
    issuerOrg {
      id
      name
    }
    linkedTask {
      id
      code
    }
    evidence {
      fileId
      note
    }
    submissionNote
    returnReason
  }
`);

/** The two legs, apart from the hazard: they come from another service, a few seconds after confirmation. */
export const HazardTasksDocument = graphql(`
  query HazardTasks($id: ID!) {
    hazard(id: $id) {
      id
      tasks {
        ...HazardTaskFields
      }
    }
  }
`);

export const AcknowledgeTaskDocument = graphql(`
  mutation AcknowledgeHazardTask($input: TaskTransitionInput!) {
    acknowledgeTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

export const StartTaskDocument = graphql(`
  mutation StartHazardTask($input: TaskTransitionInput!) {
    startTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

export const SubmitTaskDocument = graphql(`
  mutation SubmitHazardTask($input: SubmitTaskInput!) {
    submitTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

export const ReturnTaskDocument = graphql(`
  mutation ReturnHazardTask($input: ReturnTaskInput!) {
    returnTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

export const VerifyTaskDocument = graphql(`
  mutation VerifyHazardTask($input: TaskTransitionInput!) {
    verifyTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

export const CloseTaskDocument = graphql(`
  mutation CloseHazardTask($input: TaskTransitionInput!) {
    closeTask(input: $input) {
      ...HazardTaskFields
    }
  }
`);

/** The supervising department's name (e.g. 市场监管 for special equipment, domain §5.5). */
export const SupervisingOrgDocument = graphql(`
  query SupervisingOrg($id: ID!) {
    orgUnit(id: $id) {
      id
      name
    }
  }
`);
