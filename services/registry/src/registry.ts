import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
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
import { createContext, type RegistryContext } from './context.js';
import { etagMatches } from './http/etag.js';
import { migrations } from './migrations/index.js';
import { Subgraph } from './subgraphs/subgraph.entity.js';
import { SubgraphResolver } from './subgraphs/subgraph.resolver.js';
import { readPublication } from './subgraphs/subgraph.rules.js';
import { SubgraphService } from './subgraphs/subgraph.service.js';
import { SubgraphVersion } from './subgraphs/subgraph-version.entity.js';
import { SupergraphResolver } from './supergraphs/supergraph.resolver.js';
import { SupergraphService } from './supergraphs/supergraph.service.js';
import { SupergraphVersion } from './supergraphs/supergraph-version.entity.js';

export interface RegistryOptions {
  /** Default `REGISTRY_PORT`, then `PORT`, then 4001; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Any of the three database options replaces the environment's (DATABASE_URL, ...) entirely. */
  databaseUrl?: string;
  databaseServerUrl?: string;
  dataDir?: string;
  log?: Logger;
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
    resolvers: [SubgraphResolver, SupergraphResolver],
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

  // Set once the database is migrated; until then only /healthz and /readyz answer.
  let services: { db: DataSource; subgraphs: SubgraphService; supergraphs: SupergraphService } | undefined;
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

  app.put('/subgraphs/:name', express.json({ limit: '5mb' }), async (req, res) => {
    const read = readPublication(String(req.params.name), req.body);
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const outcome = await services!.subgraphs.publish(read.publication);
    if (!outcome.ok) {
      log.warn({ subgraph: read.publication.name, errors: outcome.errors }, 'schema rejected');
      return void res
        .status(422)
        .json({ errors: outcome.errors.map(({ message, locations }) => ({ message, locations })) });
    }
    const { version, supergraphVersion, changed } = outcome;
    if (changed)
      log.info({ subgraph: read.publication.name, version, supergraphVersion }, 'supergraph composed');
    res.json({ version, supergraphVersion, changed });
  });

  app.get('/supergraph', async (req, res) => {
    const [live] = (await services!.db.query(
      'SELECT version, hash FROM supergraph_version ORDER BY version DESC LIMIT 1',
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
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext({ requestId: (req as RequestWithId).requestId, ...services! }),
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
      entities: [Subgraph, SubgraphVersion, SupergraphVersion],
      migrations,
    });
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  services = {
    db: dataSource,
    subgraphs: new SubgraphService(dataSource),
    supergraphs: new SupergraphService(dataSource),
  };
  ready = true;

  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  log.info({ url, database: database.kind }, 'registry ready');
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
