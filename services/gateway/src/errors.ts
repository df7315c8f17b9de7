import { GraphQLError } from 'graphql';

/** The gateway's own error codes; each is documented in services/gateway/README.md. */
export const GatewayErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** `POST /files`: the body is over the size limit (HTTP 413). */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** `POST /files`: the content is not an allowed file type (HTTP 415). */
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** Codes that subgraphs or GraphQL itself raise for the caller's benefit: shown as they are. */
export const PASS_THROUGH_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  ...Object.values(GatewayErrorCode),
]);

export function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
