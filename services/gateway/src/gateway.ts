import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createTokenVerifier, RevocationList, type TokenVerifier } from '@safety/auth';
import { BREAK, type DocumentNode, GraphQLError, visit } from 'graphql';
import { type Logger, pino } from 'pino';
import { type AuthContext, useAuthentication } from './auth.js';
import {
  PUBLIC_ROOT_FIELDS,
  persistedDocumentsOption,
  TrustedDocumentSet,
  useTrustedDocuments,
} from './documents/index.js';
import { GatewayErrorCode, PASS_THROUGH_CODES } from './errors.js';
import { createFilesHandler, LocalFileStore } from './files/index.js';
import { DEFAULT_LIMITS, type Limits, useLimits } from './limits.js';
import { type SupergraphSource, supergraphLoader } from './supergraph-source.js';
import { UsageReporter, useUsageReporting } from './usage/index.js';

export interface GatewayOptions {
  port?: number;
  host?: string;
  supergraph: SupergraphSource;
  /** Base URL of the account service: JWKS and revocation list. */
  authUrl?: string;
  /** Alternative to authUrl, e.g. in tests. */
  verify?: TokenVerifier;
  pollIntervalMs?: number;
  limits?: Limits;
  /** Share one subgraph request among identical in-flight ones (library default: on). Benchmarks turn it off. */
  deduplicateSubgraphRequests?: boolean;
  log?: Logger;
  /**
   * `POST /files` and `GET /files/:id` on the gateway's origin (architecture §8): files stored
   * under `dir` by SHA-256, at most `maxBytes` each (default 10 MiB). Off when not given.
   */
  files?: { dir: string; maxBytes?: number };
  /**
   * The registry that receives usage and serves trusted documents; default: the supergraph's
   * registry. Without one, no usage is reported and app clients are not restricted.
   */
  registryUrl?: string;
  /** Usage reporting to `POST <registry>/usage` (default on with a registry; `false` turns it off). */
  usage?: false | { flushIntervalMs?: number; maxEntries?: number };
  /** Trusted documents polled from `GET <registry>/documents` (default on with a registry, every 5 s). */
  trustedDocuments?: false | { pollIntervalMs?: number };
  /** Root fields anonymous callers may use (`Mutation.login`, ...); default `PUBLIC_ROOT_FIELDS`. */
  publicRootFields?: readonly string[];
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** The Hive Gateway runtime with the Rust query planner, our auth, limits and error policy. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? 'info' });
  const revocations = new RevocationList();
  const verify =
    options.verify ??
    createTokenVerifier({
      jwksUrl: `${required(options.authUrl, 'AUTH_URL')}/.well-known/jwks.json`,
      revocations,
    });
  if (!options.verify && options.authUrl)
    void revocations.startPolling(`${options.authUrl}/revoked-tokens`, 2000);

  // Usage reporting and trusted documents (issue 5 items 2 and 7), both through the registry.
  const registryUrl =
    options.registryUrl ??
    (options.supergraph.kind === 'registry' ? options.supergraph.registryUrl : undefined);
  const usage =
    registryUrl && options.usage !== false
      ? new UsageReporter({
          registryUrl,
          writeToken: process.env.REGISTRY_WRITE_TOKEN,
          ...options.usage,
          log,
        })
      : undefined;
  const documents =
    registryUrl && options.trustedDocuments !== false
      ? new TrustedDocumentSet({ registryUrl, pollIntervalMs: options.trustedDocuments?.pollIntervalMs, log })
      : undefined;
  await documents?.ready;

  const gateway = createGatewayRuntime<AuthContext>({
    supergraph: supergraphLoader(options.supergraph, log),
    pollingInterval: options.pollIntervalMs ?? 5000,
    // A supergraph swap (publish, rollback) lets in-flight operations finish on the old schema.
    gracefulSchemaReload: { drainTimeout: 30_000 },
    unifiedGraphHandler,
    transportEntries: {
      '*.http': { options: { deduplicateInflightRequests: options.deduplicateSubgraphRequests ?? true } },
    },
    logging: false,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    landingPage: false,
    graphiql: {
      title: '民勤县安全生产体系平台 GraphQL',
      defaultQuery: '{ enterprises(first: 5) { totalCount nodes { name } } }',
    },
    renderGraphiQL,
    csrfPrevention: { requestHeaders: ['x-graphql-csrf', 'apollo-require-preflight', 'graphql-client-name'] },
    // Validation runs before the context is built, so "signed in" means "sent a bearer token" here;
    // a bad token still fails the request afterwards. Anonymous `__type(name:)` stays allowed: the
    // graphql-http audit's MUST on variables uses it, and it reveals one type at a time, not the schema.
    disableIntrospection: {
      disableIf: ({ context, params }) =>
        !context.request?.headers.get('authorization') && asksForSchema(params.documentAST),
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const headers: Record<string, string> = {};
        for (const name of [
          'authorization',
          'x-request-id',
          'graphql-client-name',
          'graphql-client-version',
        ]) {
          const value = request.headers.get(name);
          if (value) headers[name] = value;
        }
        return headers;
      },
    },
    maskedErrors: { maskError: (error) => maskError(error, log) },
    ...(documents ? { persistedDocuments: persistedDocumentsOption(documents) } : {}),
    plugins: () => [
      useAuthentication(verify),
      useLimits(options.limits ?? DEFAULT_LIMITS),
      ...(usage ? [useUsageReporting(usage)] : []),
      useTrustedDocuments({
        documents,
        publicRootFields: options.publicRootFields ?? PUBLIC_ROOT_FIELDS,
        log,
      }),
    ],
  });

  const files = options.files
    ? createFilesHandler({
        store: new LocalFileStore(options.files.dir),
        verify,
        maxBytes: options.files.maxBytes,
        log,
      })
    : undefined;

  const server: Server = createServer((req, res) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    requestContext.run({ requestId }, () =>
      files?.matches(req) ? files.handle(req, res) : gateway(req, res),
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve),
  );
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  log.info({ url: `${url}/graphql` }, 'gateway listening');
  return {
    url,
    port,
    async stop() {
      revocations.stop();
      documents?.stop();
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
      await usage?.stop();
    },
  };
}

/**
 * Expected errors pass through; an unreachable subgraph is named; anything else is logged and
 * masked to "internal error" with the request id.
 */
function maskError(error: unknown, log: Logger): Error {
  // Duck-typed: GraphQLError may come from graphql's CJS or ESM build (two classes).
  if (!isGraphQLError(error)) return internal(error, log);
  const code = error.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return error;
  // graphql-js reports variables that do not fit their type without a code (and with the failing
  // parse as originalError): the caller's mistake, not ours.
  if (
    error.path === undefined &&
    /^Variable "\$\w+" (got invalid value|of required type|of non-null type)/.test(error.message)
  ) {
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  const serviceName = subgraphOf(error);
  if (serviceName && isConnectionFailure(error)) {
    return new GraphQLError(`The ${serviceName} service is unavailable; other data is unaffected`, {
      path: error.path,
      extensions: { code: GatewayErrorCode.SUBGRAPH_UNAVAILABLE, serviceName },
    });
  }
  if (error.originalError === undefined && error.path === undefined && !serviceName) return error;
  return internal(error, log);
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return typeof error === 'object' && error !== null && 'message' in error && 'extensions' in error;
}

function internal(error: unknown, log: Logger): Error {
  const requestId = requestContext.getStore()?.requestId;
  log.error({ err: error, requestId }, 'internal error');
  return new GraphQLError(`Internal error; quote request id ${requestId ?? 'unknown'}`, {
    path: isGraphQLError(error) ? error.path : undefined,
    extensions: { code: GatewayErrorCode.INTERNAL_SERVER_ERROR, requestId },
  });
}

function subgraphOf(error: GraphQLError): string | undefined {
  const extensions = error.extensions as Record<string, unknown> | undefined;
  const name = extensions?.serviceName ?? extensions?.subgraph ?? extensions?.subgraphName;
  return typeof name === 'string' ? name : undefined;
}

function isConnectionFailure(error: GraphQLError): boolean {
  const text = `${error.message} ${String(error.originalError ?? '')} ${String((error.originalError as { cause?: unknown })?.cause ?? '')}`;
  return /ECONNREFUSED|fetch failed|socket hang up|ECONNRESET|ETIMEDOUT|UND_ERR|timeout|unavailable/i.test(
    text,
  );
}

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema') {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
