export { demoPrincipal, TestAuthority } from './authority.js';
export { errorCodes, type GraphQLResponse, gql, rootField } from './graphql-client.js';
export { describeScopeHarness, type ScopedConnection, type ScopeHarnessSpec } from './scope-harness.js';
export { sqlStatements } from './sql-statements.js';
export {
  freshTestDatabase,
  startTestSubgraph,
  type TestSubgraph,
  testDatabaseKind,
} from './test-subgraph.js';
