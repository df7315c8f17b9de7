import type { CheckResult, SchemaChange } from '../checks/index.js';
import type { CliOptions } from './cli.rules.js';
import { UsageError } from './offline.js';

/** The registry could not be asked at all: the CLI exits 2. */
export class UnreachableError extends Error {}

async function call(options: CliOptions, route: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  // Publishing is a write: it presents the registry's write secret (REGISTRY_WRITE_TOKEN) when set.
  const bearer = init.method === 'PUT' ? (process.env.REGISTRY_WRITE_TOKEN ?? options.token) : options.token;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  try {
    return await fetch(`${options.registryUrl}${route}`, {
      ...init,
      headers,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new UnreachableError(`registry ${options.registryUrl} unreachable (${cause})`);
  }
}

async function json(response: Response): Promise<any> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { error: text.slice(0, 200) };
  }
}

function refused(response: Response, body: any): never {
  if (response.status === 401 || response.status === 403)
    throw new UsageError(`registry refused: ${body?.error ?? response.status} (set REGISTRY_TOKEN)`);
  throw new UnreachableError(`registry answered ${response.status}: ${body?.error ?? JSON.stringify(body)}`);
}

/** `POST /subgraphs/:name/check`: the registry's own check against its live supergraph and usage. */
export async function remoteCheck(options: CliOptions, name: string, sdl: string): Promise<CheckResult> {
  const response = await call(options, `/subgraphs/${encodeURIComponent(name)}/check`, {
    method: 'POST',
    body: JSON.stringify({ name, sdl, ...(options.url ? { url: options.url } : {}) }),
  });
  const body = await json(response);
  if (response.status === 404 && typeof body?.composes !== 'boolean')
    throw new UnreachableError(
      `registry ${options.registryUrl} has no check route (POST /subgraphs/:name/check)`,
    );
  if (!response.ok || typeof body?.composes !== 'boolean') refused(response, body);
  return { errors: [], changes: [], brokenDocuments: [], supergraphSdl: null, breaking: false, ...body };
}

interface Registration {
  url: string;
  eventsUrl: string | null;
  subscribes: string[];
}

/**
 * The subgraph's current registration, so a CI publish keeps its routing URL and its events
 * (a PUT replaces them). Needs REGISTRY_TOKEN where the registry's API checks callers.
 */
async function registration(options: CliOptions, name: string): Promise<Registration | null> {
  const response = await call(options, '/graphql', {
    method: 'POST',
    body: JSON.stringify({
      query: 'query ($name: String!) { subgraph(name: $name) { url eventsUrl subscribes } }',
      variables: { name },
    }),
  });
  const body = await json(response);
  if (!response.ok && !body?.data) refused(response, body);
  return body?.data?.subgraph ?? null;
}

export interface PublishAnswer {
  status: number;
  body: {
    status?: string;
    errors?: Array<{ message: string; locations?: Array<{ line: number; column: number }> }>;
    changes?: SchemaChange[];
    [key: string]: unknown;
  } | null;
}

/** `PUT /subgraphs/:name` with the SDL, keeping the registered URL unless one is given. */
export async function publish(
  options: CliOptions,
  name: string,
  sdl: string,
  provenance: { publishedBy: string | null; commit: string | null },
): Promise<PublishAnswer> {
  // Given --url and the rest of the registration, there is nothing to read first.
  const given = options.url && options.eventsUrl !== undefined && options.subscribes !== undefined;
  const current = given ? null : await registration(options, name);
  const url = options.url ?? current?.url;
  if (!url)
    throw new UsageError(`${name} has never registered: give its routing URL (--url or SUBGRAPH_URL)`);
  const response = await call(options, `/subgraphs/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify({
      name,
      url,
      sdl,
      eventsUrl: options.eventsUrl ?? current?.eventsUrl ?? null,
      subscribes: options.subscribes ?? current?.subscribes ?? [],
      ...provenance,
    }),
  });
  return { status: response.status, body: await json(response) };
}
