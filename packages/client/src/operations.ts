import { graphql } from './gql/index.js';

/** What a session keeps: the tokens and who signed in. */
export const SessionFields = graphql(`
  fragment SessionFields on LoginResult {
    accessToken
    expiresAt
    refreshToken
    refreshExpiresAt
    account {
      id
      username
      displayName
      kind
      roles
      permissions
      isDemo
      officialId
      scope {
        orgUnitId
        townshipCodes
        industryCodes
        enterpriseIds
      }
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      ...SessionFields
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);
