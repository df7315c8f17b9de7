import { graphql } from './gql/index.js';

/** Reads of the registry's GraphQL API (subgraphs, supergraph versions, composition errors). */
export const RegistrySubgraphsDocument = graphql(`
  query RegistrySubgraphs($versions: Int!) {
    supergraph {
      id
      version
      createdAt
    }
    subgraphs {
      name
      url
      updatedAt
      latestVersion {
        id
        version
        hash
        publishedAt
        sdl
      }
      liveVersion {
        id
        version
      }
      versions(first: $versions) {
        id
        version
        hash
        status
        publishedAt
        publishedBy
        commit
        errors {
          message
          code
          locations {
            line
            column
          }
        }
      }
    }
  }
`);

/** One version's SDL (the list leaves it out), to show a rejected version's errors at their line. */
export const RegistrySubgraphVersionsDocument = graphql(`
  query RegistrySubgraphVersions($name: String!, $versions: Int!) {
    subgraph(name: $name) {
      name
      versions(first: $versions) {
        id
        version
        sdl
      }
    }
  }
`);

/** Rejected publishes across subgraphs, newest first. */
export const RegistryCompositionErrorsDocument = graphql(`
  query RegistryCompositionErrors($first: Int!) {
    compositionErrors(first: $first) {
      id
      subgraphName
      version
      publishedAt
      publishedBy
      commit
      sdl
      errors {
        message
        code
        locations {
          line
          column
        }
      }
    }
  }
`);

export const RegistrySupergraphDocument = graphql(`
  query RegistrySupergraph($versions: Int!) {
    supergraph {
      id
      version
      hash
      createdAt
      sdl
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
    }
  }
`);
