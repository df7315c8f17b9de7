import type { FormInstance } from 'antd';

type NamePath = Array<string | number>;

/** The part of a GraphQL error we read (see architecture §5, "Errors"). */
export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; fields?: unknown } | null;
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

/**
 * Put the messages of `BAD_USER_INPUT` errors (`extensions.fields: { [path]: message }`) on the form's fields.
 * A path lands on its field or, failing that, on the nearest registered parent (e.g. a multi-select for
 * `scope.enterpriseIds.2`). Returns the messages it could not place, to show in a banner or toast.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  { prefix = [] }: ApplyServerErrorsOptions = {},
): string[] {
  const source = (error ?? {}) as ServerErrorLike;
  const graphQLErrors = source.graphQLErrors?.length ? source.graphQLErrors : (source.errors ?? []);
  const registered: NamePath[] = form.getFieldsError().map((field) => field.name);
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
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
    for (const [path, message] of Object.entries(fields as Record<string, unknown>)) {
      const text = String(message);
      const name = findField([...prefix, ...toNamePath(path)]);
      if (!name) {
        unplaced.push(text);
        continue;
      }
      const key = JSON.stringify(name);
      const entry = placed.get(key) ?? { name, errors: [] };
      if (!entry.errors.includes(text)) entry.errors.push(text);
      placed.set(key, entry);
    }
  }
  if (graphQLErrors.length === 0 && source.message) unplaced.push(source.message);

  if (placed.size > 0) form.setFields([...placed.values()]);
  return [...new Set(unplaced)];
}
