import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import {
  ErrorCode,
  fieldsFromValidationErrors,
  isExpectedCode,
  type ValidationErrorLike,
  violationsFromValidationErrors,
} from '../errors.js';
import type { Logger } from '../logger.js';
import { currentRequestId } from './request-context.js';

/**
 * Expected errors pass with their code; validation failures become BAD_USER_INPUT naming
 * the fields (`fields`: path → English message; `violations`: path → constraint names and bounds); anything else is logged and masked to "internal error" plus the request id.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown>; name?: string };
    const validationErrors = original?.extensions?.validationErrors as ValidationErrorLike[] | undefined;
    if (Array.isArray(validationErrors)) {
      const fields = fieldsFromValidationErrors(validationErrors);
      return {
        message: `Invalid input: ${Object.entries(fields)
          .map(([f, m]) => `${f}: ${m}`)
          .join('; ')}`,
        path: formatted.path,
        // `fields` (English sentences) stays for integrators; `violations` lets a UI say it in the user's language.
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          fields,
          violations: violationsFromValidationErrors(validationErrors),
        },
      };
    }
    // A malformed id reaching a uuid column is the caller's mistake, not an internal error.
    if ((original as { driverError?: { code?: string } })?.driverError?.code === '22P02') {
      return {
        message: 'Invalid input: a value is not in the expected format (e.g. a malformed id)',
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: {} },
      };
    }
    const code = formatted.extensions?.code;
    if (isExpectedCode(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = currentRequestId();
    log.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal error; quote request id ${requestId ?? 'unknown'}`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
