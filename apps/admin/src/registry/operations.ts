import { graphql } from '../gql/index.js';

/** Read-only: the registry's GraphQL API has no auth yet, so this app never sends a write. */
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
