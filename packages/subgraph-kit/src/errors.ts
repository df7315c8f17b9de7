import { GraphQLError } from 'graphql';

/** The fixed set of expected error codes (architecture §5). Clients branch on these, never on messages. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const EXPECTED_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Raised by the GraphQL server itself for malformed requests: safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export function isExpectedCode(code: unknown): boolean {
  return typeof code === 'string' && EXPECTED_CODES.has(code);
}

export function unauthenticated(message = 'Sign in first'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message = 'Not allowed for your role or data scope'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/**
 * Bad input, naming each failing field by its path inside the input object (`uscc`,
 * `scope.enterpriseIds`) or by argument name for scalar arguments (`id`, `after`): the same
 * paths class-validator failures get, so a form can put every message on its field.
 */
export function badUserInput(fields: Record<string, string>, message?: string): GraphQLError {
  const summary =
    message ??
    Object.entries(fields)
      .map(([field, problem]) => `${field}: ${problem}`)
      .join('; ');
  return new GraphQLError(summary, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
}

export function notFound(entity: string, id: string): GraphQLError {
  return new GraphQLError(`${entity} ${id} not found`, {
    extensions: { code: ErrorCode.NOT_FOUND, entity, id },
  });
}

/** A stale version or an illegal state transition. */
export function conflict(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...details } });
}

export function deadlinePassed(message: string, deadline: Date): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.DEADLINE_PASSED, deadline: deadline.toISOString() },
  });
}

/** type-graphql's class-validator failures → BAD_USER_INPUT with one entry per failing field. */
export function fieldsFromValidationErrors(
  errors: Array<{ property: string; constraints?: Record<string, string>; children?: unknown[] }>,
  prefix = '',
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints).join('; ');
    if (error.children?.length)
      Object.assign(fields, fieldsFromValidationErrors(error.children as never, path));
  }
  return fields;
}
