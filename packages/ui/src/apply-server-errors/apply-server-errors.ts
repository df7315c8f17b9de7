import type { FormInstance } from 'antd';
import { createElement, type ReactElement } from 'react';
import { type Violation, ViolationMessage } from './violation-message.js';

type NamePath = Array<string | number>;

/** The part of a GraphQL error we read (see architecture §5, "Errors"). */
export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; fields?: unknown; violations?: unknown } | null;
}

/** Apollo Client 3 `ApolloError` (graphQLErrors) or 4 `CombinedGraphQLErrors` (errors), or any Error. */
export interface ServerErrorLike {
  message?: string;
  graphQLErrors?: readonly GraphQLErrorLike[];
  errors?: readonly GraphQLErrorLike[];
}

export interface ApplyServerErrorsOptions {
  /** Where the mutation's input object sits in the form, e.g. `['input']`; default: the form root. */
  prefix?: NamePath;
}

/** `scope.enterpriseIds.2` → `['scope', 'enterpriseIds', 2]` (numeric segments are list indices, as in Form.List). */
export function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

const sameSegment = (a: string | number, b: string | number) => String(a) === String(b);

const isViolation = (value: unknown): value is Violation =>
  !!value && typeof value === 'object' && typeof (value as Violation).constraint === 'string';

/**
 * The server's message for each violation: `fields[path]` joins one English sentence per violation
 * with `; `, in the same order; when the count does not match, every violation falls back to all of it.
 */
function sentences(text: string, count: number): string[] {
  const parts = text.split('; ');
  return parts.length === count ? parts : Array.from({ length: count }, () => text);
}

/**
 * Put the messages of `BAD_USER_INPUT` errors (`extensions.fields: { [path]: message }`) on the form's fields.
 * Where the server also names the failed constraints (`extensions.violations: { [path]: [{ constraint, args }] }`,
 * class-validator failures), the field shows them in the user's language from the `safety` namespace's
 * `validation` block (`至少 2 个字符`), re-rendered on a language switch; such errors are React elements, so
 * `form.getFieldError` returns elements for those fields. Hand-written messages (no violations) show as sent.
 * A path lands on its field or, failing that, on the nearest registered parent (e.g. a multi-select for
 * `scope.enterpriseIds.2`). Returns the server's messages it could not place, to show in a banner or toast.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  { prefix = [] }: ApplyServerErrorsOptions = {},
): string[] {
  const source = (error ?? {}) as ServerErrorLike;
  const graphQLErrors = source.graphQLErrors?.length ? source.graphQLErrors : (source.errors ?? []);
  const registered: NamePath[] = form.getFieldsError().map((field) => field.name);
  const placed = new Map<
    string,
    { name: NamePath; errors: Array<string | ReactElement>; keys: Set<string> }
  >();
  const unplaced: string[] = [];

  const findField = (path: NamePath): NamePath | undefined => {
    for (let length = path.length; length > 0; length--) {
      const candidate = path.slice(0, length);
      const match = registered.find(
        (name) =>
          name.length === candidate.length && name.every((segment, i) => sameSegment(segment, candidate[i]!)),
      );
      if (match) return match;
    }
    return undefined;
  };

  for (const graphQLError of graphQLErrors) {
    const fields = graphQLError.extensions?.fields;
    if (graphQLError.extensions?.code !== 'BAD_USER_INPUT' || !fields || typeof fields !== 'object') {
      unplaced.push(graphQLError.message);
      continue;
    }
    const allViolations = graphQLError.extensions?.violations;
    for (const [path, message] of Object.entries(fields as Record<string, unknown>)) {
      const text = String(message);
      const name = findField([...prefix, ...toNamePath(path)]);
      if (!name) {
        unplaced.push(text);
        continue;
      }
      const key = JSON.stringify(name);
      const entry = placed.get(key) ?? { name, errors: [], keys: new Set<string>() };
      const found =
        allViolations && typeof allViolations === 'object'
          ? (allViolations as Record<string, unknown>)[path]
          : undefined;
      const violations = Array.isArray(found) && found.every(isViolation) ? found : [];
      if (violations.length === 0) {
        if (!entry.keys.has(text)) entry.errors.push(text);
        entry.keys.add(text);
      } else {
        const fallbacks = sentences(text, violations.length);
        violations.forEach((violation, i) => {
          const id = `${violation.constraint}:${JSON.stringify(violation.args ?? {})}`;
          if (entry.keys.has(id)) return;
          entry.keys.add(id);
          entry.errors.push(createElement(ViolationMessage, { key: id, violation, fallback: fallbacks[i]! }));
        });
      }
      placed.set(key, entry);
    }
  }
  if (graphQLErrors.length === 0 && source.message) unplaced.push(source.message);

  // antd renders each error as a React node; its typings only say string.
  if (placed.size > 0)
    form.setFields([...placed.values()].map(({ name, errors }) => ({ name, errors: errors as string[] })));
  return [...new Set(unplaced)];
}
