import { graphql } from '../gql/index.js';

/** Machine accounts (INTEGRATOR unless the kind filter says SERVICE), through the gateway: responsibility's account API. */
export const MachineAccountsDocument = graphql(`
  query MachineAccounts($first: Int!, $after: String, $search: String, $kind: AccountKind = INTEGRATOR, $disabled: Boolean) {
    accounts(first: $first, after: $after, search: $search, kind: $kind, disabled: $disabled) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        username
        displayName
        kind
        roles
        disabled
        createdAt
        scope {
          orgUnitId
          townshipCodes
          industryCodes
          enterpriseIds
        }
      }
    }
  }
`);

export const AccountTokensDocument = graphql(`
  query AccountTokens($accountId: ID!) {
    tokens(accountId: $accountId) {
      jti
      accountId
      kind
      issuedAt
      expiresAt
      revokedAt
      revokedBy
      reason
      active
    }
  }
`);

export const CreateMachineAccountDocument = graphql(`
  mutation CreateMachineAccount($input: CreateMachineAccountInput!) {
    createMachineAccount(input: $input) {
      id
      username
      displayName
    }
  }
`);

/** The token is in this answer only: the page shows it once and never stores it. */
export const IssueMachineTokenDocument = graphql(`
  mutation IssueMachineToken($accountId: ID!, $expiresInDays: Int!) {
    issueMachineToken(accountId: $accountId, expiresInDays: $expiresInDays) {
      token
      jti
      expiresAt
    }
  }
`);

export const RevokeTokenDocument = graphql(`
  mutation RevokeToken($jti: ID!, $reason: String!) {
    revokeToken(jti: $jti, reason: $reason) {
      jti
      revokedAt
      revokedBy
      reason
      active
    }
  }
`);
