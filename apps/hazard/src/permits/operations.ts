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

/** Everything the permit drawer shows (domain §5.9), with the enterprise via federation. */
export const PermitDetailDocument = graphql(`
  query PermitDetail($id: ID!) {
    permit(id: $id) {
      id
      code
      enterpriseId
      type
      level
      purpose
      hazardId
      location
      validFrom
      validTo
      status
      version
      oxygenEnriched
      continuousMonitoring
      otherSpecialSituation
      createdAt
      approvedAt
      startedAt
      suspendedAt
      completedAt
      closedAt
      enterprise {
        id
        name
      }
      workers {
        personId
        role
        engagedBy {
          enterpriseId
          name
        }
        workKinds
      }
      gasTests {
        at
        point
        oxygenPctVol
        flammables {
          reading
          unit
          lelPctVol
          substance
        }
        toxics {
          substance
          mgPerM3
        }
        analystId
        problems {
          code
          messageZh
          detail
        }
      }
      equipmentChecks {
        equipmentId
        inspectedAt
        result
      }
      measures {
        text
        confirmed
      }
      revocation {
        at
        reason
        personId
        byId
      }
      lastGate {
        ok
        checkedAt
        reasons {
          code
          messageZh
          personId
          detail
        }
      }
      hotWorkAssessment {
        permitRequired
        baseLevel
        managedLevel
        reasons {
          code
          messageZh
          detail
        }
      }
    }
  }
`);

/** The enterprise's people to pick workers, guardians and analysts from (training, in scope). */
export const PermitPeopleDocument = graphql(`
  query PermitPeople($enterpriseId: ID!) {
    enterprise(id: $enterpriseId) {
      id
      name
    }
    persons(first: 200, enterpriseId: $enterpriseId) {
      nodes {
        id
        nameZh
        employments {
          enterpriseId
          post
        }
      }
    }
  }
`);

/**
 * The qualification gate asked live while the form is filled (P-1): training's own check, one batch,
 * for the instant the permit starts; the approval asks the same questions again and decides.
 */
export const PermitGatePreviewDocument = graphql(`
  query PermitGatePreview($input: PermitGatePreviewInput!) {
    previewPermitGate(input: $input) {
      ok
      at
      reasons {
        code
        personId
        detail
        messageZh
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

export const CreatePermitDocument = graphql(`
  mutation CreatePermit($input: CreatePermitInput!) {
    createPermit(input: $input) {
      id
      code
      status
      level
      version
    }
  }
`);

export const RecordGasTestDocument = graphql(`
  mutation RecordGasTest($input: RecordGasTestInput!) {
    recordGasTest(input: $input) {
      id
      status
      version
    }
  }
`);

export const ApprovePermitDocument = graphql(`
  mutation ApprovePermit($input: ApprovePermitInput!) {
    approvePermit(input: $input) {
      id
      status
      version
    }
  }
`);

export const StartPermitWorkDocument = graphql(`
  mutation StartPermitWork($input: StartPermitWorkInput!) {
    startPermitWork(input: $input) {
      id
      status
      version
    }
  }
`);

export const SuspendPermitWorkDocument = graphql(`
  mutation SuspendPermitWork($input: SuspendPermitWorkInput!) {
    suspendPermitWork(input: $input) {
      id
      status
      version
    }
  }
`);

export const ResumePermitWorkDocument = graphql(`
  mutation ResumePermitWork($input: ResumePermitWorkInput!) {
    resumePermitWork(input: $input) {
      id
      status
      version
    }
  }
`);

export const CompletePermitDocument = graphql(`
  mutation CompletePermit($input: CompletePermitInput!) {
    completePermit(input: $input) {
      id
      status
      version
    }
  }
`);

export const ClosePermitDocument = graphql(`
  mutation ClosePermit($input: ClosePermitInput!) {
    closePermit(input: $input) {
      id
      status
      version
    }
  }
`);

export const RevokePermitDocument = graphql(`
  mutation RevokePermit($input: RevokePermitInput!) {
    revokePermit(input: $input) {
      id
      status
      version
    }
  }
`);

/** P-3: a regulator's finding of an unlicensed worker; the service answers with the hazard it created. */
export const ReportUnlicensedWorkerDocument = graphql(`
  mutation ReportUnlicensedWorker($input: ReportUnlicensedWorkerInput!) {
    reportUnlicensedWorker(input: $input) {
      id
      code
      grade
      status
      title
      deadline
    }
  }
`);

/** The service clock (DEMO_TODAY pins it): form defaults and counters use it, not the browser's. */
export const ServiceClockDocument = graphql(`
  query ServiceClock {
    serviceClock {
      now
      today
      timeZone
    }
  }
`);
