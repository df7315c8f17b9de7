import 'reflect-metadata';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { TokenVerifier } from '@safety/auth';
import {
  authChecker,
  createDataSource,
  createLogger,
  type Database,
  formatError,
  type Logger,
  openDatabase,
  type RequestWithId,
  requestIds,
} from '@safety/subgraph-kit';
import express, { type NextFunction, type Request, type Response } from 'express';
import { buildSchema } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuditService } from './audit/audit.service.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { accessPlugin, principalOf, registryAuth } from './auth/registry-auth.js';
import { createContext, type RegistryContext } from './context.js';
// usage + trusted documents (src/usage, src/documents)
import {
  DocumentStore,
  documentEntities,
  documentsRouter,
  TrustedDocumentResolver,
} from './documents/index.js';
import { etagMatches } from './http/etag.js';
import { migrations } from './migrations/index.js';
import { Subgraph } from './subgraphs/subgraph.entity.js';
import { SubgraphResolver } from './subgraphs/subgraph.resolver.js';
import { readPublication } from './subgraphs/subgraph.rules.js';
import { SubgraphService } from './subgraphs/subgraph.service.js';
import { SubgraphVersion, SubgraphVersionStatus } from './subgraphs/subgraph-version.entity.js';
import { SubgraphVersionResolver } from './subgraphs/subgraph-version.resolver.js';
import { LiveChange } from './supergraphs/live-change.entity.js';
import { SupergraphResolver } from './supergraphs/supergraph.resolver.js';
import { SupergraphService } from './supergraphs/supergraph.service.js';
import { SupergraphVersion } from './supergraphs/supergraph-version.entity.js';
import { UsageResolver, UsageStore, usageEntities, usageRouter } from './usage/index.js';
import { WriteQueue } from './write-queue.js';

export interface RegistryOptions {
  /** Default `REGISTRY_PORT`, then `PORT`, then 4001; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Any of the three database options replaces the environment's (DATABASE_URL, ...) entirely. */
  databaseUrl?: string;
  databaseServerUrl?: string;
  dataDir?: string;
  log?: Logger;
  /** Responsibility's base URL (JWKS, revoked tokens) for the API's callers; default `AUTH_URL`. */
  authUrl?: string;
  /** Replaces `authUrl`, e.g. in tests. Without either, every API caller is anonymous (refused). */
  verify?: TokenVerifier;
  /** Breaking publishes go live approved by `system` (a pin still holds); default `REGISTRY_AUTO_APPROVE=1`. */
  autoApprove?: boolean;
  /** Days of usage a breaking change is weighed against; default `REGISTRY_USAGE_WINDOW_DAYS` or 30. */
  usageWindowDays?: number;
  /**
   * The bearer secret the writers (services publishing, the gateway's usage, the apps' documents)
   * present on `PUT /subgraphs`, `POST /usage` and `POST /documents`; default `REGISTRY_WRITE_TOKEN`.
   * Unset: writes are open (tests, a registry on a private network only).
   */
  writeToken?: string;
}

export interface RegistryRuntime {
  /** Base URL, e.g. http://127.0.0.1:4001 (PUT /subgraphs/:name, GET /supergraph, POST /graphql). */
  url: string;
  port: number;
  dataSource: DataSource;
  stop(): Promise<void>;
}

const NAME = 'registry';

/** The control plane (architecture §7): subgraphs publish here, the gateway polls the supergraph. */
/** The registry's own GraphQL API (not part of the supergraph); its SDL is committed as schema.graphql. */
export function buildRegistrySchema() {
  return buildSchema({
    resolvers: [
      SubgraphResolver,
      SubgraphVersionResolver,
      SupergraphResolver,
      AuditResolver,
      UsageResolver,
      TrustedDocumentResolver,
    ],
    // type-graphql's metadata is global: with subgraphs in the same process it insists on a checker.
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}

export async function startRegistry(options: RegistryOptions = {}): Promise<RegistryRuntime> {
  const env = process.env;
  const log = options.log ?? createLogger(NAME);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const explicitDatabase = Boolean(options.databaseUrl || options.databaseServerUrl || options.dataDir);
  const databaseOptions = {
    name: NAME,
    databaseUrl: explicitDatabase ? options.databaseUrl : (env.REGISTRY_DATABASE_URL ?? env.DATABASE_URL),
    databaseServerUrl: explicitDatabase ? options.databaseServerUrl : env.DATABASE_SERVER_URL,
    dataDir: options.dataDir ?? path.resolve(env.DATA_DIR ?? '.data', NAME),
  };

  const schema = await buildRegistrySchema();
  const auth = registryAuth({ authUrl: options.authUrl ?? env.AUTH_URL, verify: options.verify });
  if (!auth.verify) log.warn('AUTH_URL is not set: the GraphQL API refuses every caller');
  const autoApprove = options.autoApprove ?? env.REGISTRY_AUTO_APPROVE === '1';
  const usageWindowDays = options.usageWindowDays ?? Number(env.REGISTRY_USAGE_WINDOW_DAYS ?? 30);

  // Set once the database is migrated; until then only /healthz and /readyz answer.
  let services:
    | {
        db: DataSource;
        subgraphs: SubgraphService;
        supergraphs: SupergraphService;
        audit: AuditService;
      }
    | undefined;
  let ready = false;
  let served: { version: number; hash: string; sdl: string } | undefined;

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(requestIds(log));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: NAME }));
  app.get('/readyz', async (_req, res) => {
    if (!ready || !services) return void res.status(503).json({ status: 'starting', service: NAME });
    try {
      await services.db.query('SELECT 1');
      res.json({ status: 'ready', service: NAME });
    } catch (error) {
      res.status(503).json({ status: 'database unavailable', error: String(error) });
    }
  });
  app.use((_req, res, next) => {
    if (ready && services) return next();
    res.status(503).json({ error: 'registry is not ready' });
  });

  // Writes change what the gateway serves or what checks weigh: only holders of the write secret.
  const writeToken = options.writeToken ?? env.REGISTRY_WRITE_TOKEN;
  const requireWriter = (req: Request, res: Response, next: NextFunction) => {
    if (!writeToken || secretMatches(bearerSecret(req.header('authorization')), writeToken)) return next();
    res.status(401).json({ error: 'registry writes need the write token (Authorization: Bearer …)' });
  };
  app.post(['/usage', '/documents/:clientName'], requireWriter);

  app.put('/subgraphs/:name', requireWriter, express.json({ limit: '5mb' }), async (req, res) => {
    const read = readPublication(String(req.params.name), req.body);
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const subgraph = read.publication.name;
    const outcome = await services!.subgraphs.publish(read.publication);
    switch (outcome.status) {
      case SubgraphVersionStatus.REJECTED:
        log.warn({ subgraph, errors: outcome.errors }, 'schema rejected');
        return void res.status(422).json({
          status: outcome.status,
          errors: outcome.errors.map(({ message, locations }) => ({ message, locations })),
        });
      case SubgraphVersionStatus.DECLINED:
        // 422 stops the service's publish retries: an admin said no to this SDL.
        return void res.status(422).json({
          status: outcome.status,
          version: outcome.version,
          errors: [
            { message: `version ${outcome.version} was declined by ${outcome.decidedBy}: ${outcome.reason}` },
          ],
        });
      case SubgraphVersionStatus.HELD: {
        const { version, supergraphVersion, holdReason, changes, brokenDocuments } = outcome;
        log.warn({ subgraph, version, holdReason }, 'schema held for an admin');
        return void res.status(202).json({
          version,
          supergraphVersion,
          changed: false,
          status: outcome.status,
          held: true,
          holdReason,
          changes,
          brokenDocuments,
        });
      }
      case SubgraphVersionStatus.ACCEPTED: {
        const { version, supergraphVersion, changed, changes } = outcome;
        if (changed) log.info({ subgraph, version, supergraphVersion }, 'supergraph composed');
        res.json({ version, supergraphVersion, changed, status: outcome.status, changes });
      }
    }
  });

  // The check alone, for the CLI in a service's CI (`pnpm schema:check`): nothing is stored.
  app.post('/subgraphs/:name/check', express.json({ limit: '5mb' }), async (req, res) => {
    const name = String(req.params.name);
    const body = (req.body ?? {}) as { sdl?: unknown; url?: unknown };
    const read = readPublication(name, {
      sdl: body.sdl,
      url: typeof body.url === 'string' ? body.url : 'http://unregistered.invalid/graphql',
    });
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const url = typeof body.url === 'string' ? body.url : null;
    res.json(await services!.subgraphs.check(name, read.publication.sdl, url));
  });

  app.get('/supergraph', async (req, res) => {
    // The live pointer, not the highest version: a rollback moves it back (and forth).
    const [live] = (await services!.db.query(
      `SELECT s.version, s.hash FROM supergraph_live l JOIN supergraph_version s ON s.version = l.version
        WHERE l.id = 1`,
    )) as Array<{ version: number; hash: string }>;
    if (!live) return void res.status(503).json({ error: 'no supergraph yet: no subgraph has published' });
    res.setHeader('ETag', `"${live.hash}"`);
    res.setHeader('x-supergraph-version', String(live.version));
    res.setHeader('cache-control', 'no-cache');
    if (etagMatches(req.header('if-none-match'), live.hash)) return void res.status(304).end();
    // Versions never change, so the text of the one last served can be reused.
    if (served?.version !== live.version) {
      const [row] = (await services!.db.query('SELECT sdl FROM supergraph_version WHERE version = $1', [
        live.version,
      ])) as Array<{ sdl: string }>;
      served = { ...live, sdl: row.sdl };
    }
    res.type('text/plain').send(served.sdl);
  });

  // usage + trusted documents: POST /usage, POST /documents/:clientName, GET /documents
  app.use(
    usageRouter(() => services!.db, log),
    documentsRouter(() => services!.db, log),
  );

  app.get('/subscribers/:eventType', async (req, res) => {
    res.json({ subscribers: await services!.subgraphs.subscribers(String(req.params.eventType)) });
  });

  const httpServer = createServer(app);
  const apollo = new ApolloServer<RegistryContext>({
    schema,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    // main.ts owns the signals: Apollo's own handler would re-raise them before PGlite is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      accessPlugin(),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext({
          requestId: (req as RequestWithId).requestId,
          principal: await principalOf(auth, req.header('authorization')),
          ...services!,
        }),
    }),
  );
  // Malformed JSON and oversized bodies arrive here with their 4xx status.
  app.use(
    (error: { status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) log.error({ err: error }, 'request failed');
      res.status(status).json({ error: status === 500 ? 'internal error' : error.message });
    },
  );

  let database: Database | undefined;
  let dataSource: DataSource | undefined;
  const close = async () => {
    ready = false;
    auth.stop();
    httpServer.closeIdleConnections();
    try {
      await apollo.stop(); // also closes the HTTP server once in-flight requests finish
    } finally {
      if (dataSource?.isInitialized) await dataSource.destroy();
      await database?.close();
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? Number(env.REGISTRY_PORT ?? env.PORT ?? 4001), host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    database = await openDatabase(databaseOptions);
    dataSource = createDataSource({
      name: NAME,
      url: database.url,
      entities: [
        Subgraph,
        SubgraphVersion,
        SupergraphVersion,
        LiveChange,
        AuditEntry,
        ...usageEntities,
        ...documentEntities,
      ],
      migrations,
    });
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  const writes = new WriteQueue(dataSource);
  const supergraphs = new SupergraphService(dataSource, writes);
  services = {
    db: dataSource,
    subgraphs: new SubgraphService(dataSource, writes, supergraphs, {
      usage: new UsageStore(dataSource),
      documents: new DocumentStore(dataSource),
      usageWindowDays,
      autoApprove,
    }),
    supergraphs,
    audit: new AuditService(dataSource),
  };
  ready = true;

  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  log.info({ url, database: database.kind, autoApprove }, 'registry ready');
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dataSource,
    stop() {
      stopping ??= close().then(() => log.info('stopped'));
      return stopping;
    },
  };
}

function bearerSecret(header: string | undefined): string {
  return header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
}

/** Constant-time comparison, so the secret cannot be guessed byte by byte from response times. */
function secretMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
