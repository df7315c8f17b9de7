import { graphql } from '../gql/index.js';

export const AlertListDocument = graphql(`
  query AlertList(
    $first: Int!
    $after: String
    $status: MonitoringAlertStatus
    $level: MonitoringAlertLevel
    $kind: MonitoringAlertKind
  ) {
    monitoringAlerts(first: $first, after: $after, status: $status, level: $level, kind: $kind) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        sourceSystem
        sensorRef
        kind
        level
        reading
        message
        startedAt
        clearedAt
        receivedAt
        status
        acknowledgeDueAt
        acknowledgedAt
        escalatedAt
        disposedAt
        handling
        closedAt
        hazardId
        hazard {
          id
          code
          grade
        }
        version
        enterprise {
          id
          name
          townshipName
        }
      }
    }
  }
`);

export const AcknowledgeAlertDocument = graphql(`
  mutation AcknowledgeAlert($input: AcknowledgeMonitoringAlertInput!) {
    acknowledgeMonitoringAlert(input: $input) {
      id
      status
      acknowledgedAt
      version
    }
  }
`);

export const DisposeAlertDocument = graphql(`
  mutation DisposeAlert($input: DisposeMonitoringAlertInput!) {
    disposeMonitoringAlert(input: $input) {
      id
      status
      handling
      disposedAt
      version
    }
  }
`);

export const CloseAlertDocument = graphql(`
  mutation CloseAlert($input: CloseMonitoringAlertInput!) {
    closeMonitoringAlert(input: $input) {
      id
      status
      closedAt
      version
    }
  }
`);

/** Online patrol (线上巡查, domain §5.13): the alert becomes a MONITORING_ALERT hazard, once. */
export const ConvertAlertDocument = graphql(`
  mutation ConvertAlert($input: ConvertAlertToHazardInput!) {
    convertAlertToHazard(input: $input) {
      id
      status
      hazardId
      hazard {
        id
        code
        grade
      }
      version
    }
  }
`);

/** The service clock: the acknowledgement countdown runs on the rules' time, not the browser's. */
export const AlertClockDocument = graphql(`
  query AlertClock {
    serviceClock {
      now
      today
    }
  }
`);
