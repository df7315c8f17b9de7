import { getMetadataStorage } from 'class-validator';
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

/** The part of class-validator's `ValidationError` we read (type-graphql passes them through as-is). */
export interface ValidationErrorLike {
  property: string;
  /** The validated object (an input class instance); absent when `validationError.target` is off. */
  target?: object;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** type-graphql's class-validator failures → BAD_USER_INPUT with one entry per failing field. */
export function fieldsFromValidationErrors(
  errors: ValidationErrorLike[],
  prefix = '',
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints).join('; ');
    if (error.children?.length) Object.assign(fields, fieldsFromValidationErrors(error.children, path));
  }
  return fields;
}

/** One failed class-validator constraint, by name, with the bounds a translated message needs. */
export interface Violation {
  /** class-validator's constraint name: `isNotEmpty`, `minLength`, `isLength`, `min`, `isUuid`, `arrayMaxSize`, … */
  constraint: string;
  /** The constraint's arguments, named: `{ min: 2 }`, `{ min: 2, max: 40 }`; only numbers and strings. */
  args?: Record<string, number | string>;
}

/**
 * How to name each positional constraint argument (class-validator's `constraints: [...]`), for
 * the constraints whose arguments a message shows. Others report their name only.
 */
const CONSTRAINT_ARGS: Record<string, readonly string[]> = {
  minLength: ['min'],
  maxLength: ['max'],
  isLength: ['min', 'max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isDivisibleBy: ['divisor'],
};

/**
 * The arguments of `constraint` on `property` of the validated object's class, read from
 * class-validator's metadata (the decorator's own values, whatever the message says).
 */
function constraintArgs(
  target: object | undefined,
  property: string,
  constraint: string,
): Record<string, number | string> | undefined {
  const names = CONSTRAINT_ARGS[constraint];
  if (!names || !target || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', false, false)
    .filter((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
  // Two decorators of one kind on a property share one key in `constraints`; the last one wins there too.
  const values = metadata.at(-1)?.constraints;
  if (!values) return undefined;
  const args: Record<string, number | string> = {};
  names.forEach((name, i) => {
    const value = values[i];
    if (typeof value === 'number' || typeof value === 'string') args[name] = value;
  });
  return Object.keys(args).length ? args : undefined;
}

/**
 * The same failures as {@link fieldsFromValidationErrors}, as data a client can translate:
 * `{ 'plan.objectives': [{ constraint: 'minLength', args: { min: 2 } }] }`, in the order of `fields`' messages.
 */
export function violationsFromValidationErrors(
  errors: ValidationErrorLike[],
  prefix = '',
): Record<string, Violation[]> {
  const violations: Record<string, Violation[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints)
      violations[path] = Object.keys(error.constraints).map((constraint) => {
        const args = constraintArgs(error.target, error.property, constraint);
        return args ? { constraint, args } : { constraint };
      });
    if (error.children?.length)
      Object.assign(violations, violationsFromValidationErrors(error.children, path));
  }
  return violations;
}
