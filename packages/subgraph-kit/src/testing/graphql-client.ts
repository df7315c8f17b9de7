export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** Posts a GraphQL operation as a real client would. */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of every error, for compact assertions. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

/**
 * The one root field of a successful answer (`{ data: { createX: … } }` → the `createX` value);
 * throws with the errors when there are any, so a failed call fails the test where it was made.
 */
export function rootField<T = any>(response: GraphQLResponse): T {
  if (response.errors?.length || !response.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  const values = Object.values(response.data as Record<string, T>);
  if (values.length !== 1) throw new Error(`expected one root field, got ${values.length}`);
  return values[0]!;
}
