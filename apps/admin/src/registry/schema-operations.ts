import { graphql } from './gql/index.js';

/** The registry's issue-5 API: checks, held versions, history, rollback and pin, usage, trusted documents. */

export const ChangeFieldsFragment = graphql(`
  fragment ChangeFields on SchemaChange {
    criticality
    type
    message
    path
    reason
    downgradedByUsage
    affectedOperations {
      kind
      operationName
      operationHash
      clientName
      clientVersion
      count
      lastSeen
    }
  }
`);

export const CheckSubgraphDocument = graphql(`
  query CheckSubgraph($name: String!, $sdl: String!) {
    checkSubgraph(name: $name, sdl: $sdl) {
      composes
      breaking
      pinned
      liveSupergraphVersion
      errors {
        message
        code
        subgraph
        locations {
          line
          column
        }
      }
      changes {
        ...ChangeFields
      }
      brokenDocuments {
        clientName
        hash
        operationName
      }
    }
  }
`);

export const CheckSubgraphsDocument = graphql(`
  query CheckSubgraphs {
    subgraphs {
      name
      latestVersion {
        id
        version
        sdl
      }
      liveVersion {
        id
        version
        sdl
      }
    }
  }
`);

export const PendingVersionsDocument = graphql(`
  query PendingVersions {
    pendingSubgraphVersions {
      id
      subgraphName
      version
      hash
      sdl
      status
      holdReason
      publishedAt
      publishedBy
      commit
      changes {
        ...ChangeFields
      }
      brokenDocuments {
        clientName
        hash
        operationName
      }
    }
    supergraph {
      id
      version
      pinned
    }
  }
`);

export const DecidedVersionsDocument = graphql(`
  query DecidedVersions($first: Int!) {
    subgraphVersions(first: $first) {
      id
      subgraphName
      version
      status
      holdReason
      publishedAt
      publishedBy
      commit
      decidedBy
      decidedAt
      decisionReason
    }
  }
`);

export const ApproveSubgraphVersionDocument = graphql(`
  mutation ApproveSubgraphVersion($id: ID!, $reason: String!) {
    approveSubgraphVersion(id: $id, reason: $reason) {
      id
      status
      decidedBy
      decidedAt
      decisionReason
    }
  }
`);

export const DeclineSubgraphVersionDocument = graphql(`
  mutation DeclineSubgraphVersion($id: ID!, $reason: String!) {
    declineSubgraphVersion(id: $id, reason: $reason) {
      id
      status
      decidedBy
      decidedAt
      decisionReason
    }
  }
`);

export const SupergraphHistoryDocument = graphql(`
  query SupergraphHistory($versions: Int!) {
    supergraph {
      id
      version
      hash
      createdAt
      sdl
      pinned
      pinnedBy
      pinnedAt
      pinReason
      subgraphVersions {
        id
        subgraphName
        version
      }
    }
    supergraphVersions(first: $versions) {
      id
      version
      hash
      createdAt
      cause
      publishedBy
      commit
      live
      changedSubgraphVersion {
        id
        subgraphName
        version
      }
    }
    liveHistory(first: $versions) {
      id
      fromVersion
      toVersion
      cause
      actor
      reason
      at
    }
  }
`);

export const SupergraphChangelogDocument = graphql(`
  query SupergraphChangelog($from: Int!, $to: Int!) {
    changelog(fromSupergraphVersion: $from, toSupergraphVersion: $to) {
      ...ChangeFields
    }
  }
`);

export const SubgraphChangelogDocument = graphql(`
  query SubgraphChangelog($subgraph: String!, $from: Int!, $to: Int!) {
    subgraphChangelog(subgraph: $subgraph, fromVersion: $from, toVersion: $to) {
      ...ChangeFields
    }
  }
`);

export const RollbackSupergraphDocument = graphql(`
  mutation RollbackSupergraph($version: Int!, $reason: String!) {
    rollbackSupergraph(version: $version, reason: $reason) {
      id
      version
      live
      pinned
    }
  }
`);

export const PinSupergraphDocument = graphql(`
  mutation PinSupergraph($reason: String!) {
    pinSupergraph(reason: $reason) {
      id
      version
      pinned
    }
  }
`);

export const UnpinSupergraphDocument = graphql(`
  mutation UnpinSupergraph($reason: String!) {
    unpinSupergraph(reason: $reason) {
      id
      version
      pinned
    }
  }
`);

export const UsageOverviewDocument = graphql(`
  query UsageOverview($days: Int!, $clientName: String) {
    clientUsage(days: $days) {
      clientName
      clientVersion
      requests
      errors
      operations
      lastSeen
    }
    operations(days: $days, clientName: $clientName) {
      hash
      name
      type
      body
      count
      errors
      lastSeen
      clientNames
    }
  }
`);

export const UnusedFieldsDocument = graphql(`
  query UnusedFields($days: Int!) {
    unusedFields(days: $days)
  }
`);

export const FieldUsageDocument = graphql(`
  query FieldUsage($coordinate: String!, $days: Int!) {
    fieldUsage(coordinate: $coordinate, days: $days) {
      coordinate
      count
      lastSeen
      operations {
        operationHash
        operationName
        clientName
        clientVersion
        count
        lastSeen
      }
    }
  }
`);

export const TokenUsageDocument = graphql(`
  query TokenUsage($jti: String!, $days: Int!) {
    tokenUsage(jti: $jti, days: $days) {
      jti
      requests
      errors
      lastSeen
      clientNames
      operations {
        hash
        name
        count
        lastSeen
      }
    }
  }
`);

export const DocumentClientsDocument = graphql(`
  query DocumentClients {
    documentClients {
      clientName
      documents
      lastRegisteredAt
      appVersion
    }
  }
`);

export const TrustedDocumentsDocument = graphql(`
  query TrustedDocuments($clientName: String!) {
    trustedDocuments(clientName: $clientName) {
      clientName
      hash
      operationName
      body
      appVersion
      registeredAt
    }
  }
`);
