import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Role, TokenError } from '@safety/auth';
import { demoToday } from '@safety/reference';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { remoteServiceAuth, type ServiceAuth } from './auth/service-auth.js';
import { readConfig } from './config.js';
import { createContext, type SubgraphContext } from './context.js';
import { createDataSource } from './database/data-source.js';
import { type Database, openDatabase } from './database/database.js';
import {
  applyEnterpriseEvent,
  ENTERPRISE_EVENTS,
  seedEnterpriseRefs,
} from './enterprise-ref/enterprise-ref.js';
import { ErrorCode } from './errors.js';
import { Inbox } from './events/inbox.js';
import { Outbox } from './events/outbox.js';
import type { DomainEvent, EventHandler, SubscriberDirectory } from './events/types.js';
import { formatError } from './http/format-error.js';
import { type RequestWithId, requestIds } from './http/request-context.js';
import { type ScheduledJob, Scheduler } from './jobs/scheduler.js';
import { createLogger, type Logger } from './logger.js';
import { publishToRegistry, registrySubscribers } from './registry-client.js';
import { buildFederatedSchema, type ReferenceResolver } from './schema/federation.js';

export interface SeedContext {
  /** The demo's "today": history is generated relative to it. */
  today: Date;
}

/** Everything a service declares; the kit does the rest (architecture §5). */
export interface SubgraphDefinition {
  name: string;
  /** Default port of the local layout; overridden by `<NAME>_PORT` or `PORT`. */
  port: number;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  entities: Function[];
  migrations: Function[];
  /** Entity reference resolvers for `_entities`, by type name ('stub' for extended types owned elsewhere). */
  references?: Record<string, ReferenceResolver | 'stub'>;
  /** Demo data, written once into an empty database. */
  seed?: (manager: EntityManager, context: SeedContext) => Promise<void>;
  /** Demo data of modules (see `SubgraphModule`), each written once, after `seed`. */
  moduleSeeds?: ReadonlyArray<{
    name: string;
    seed: (manager: EntityManager, context: SeedContext) => Promise<void>;
  }>;
  /** Events this service consumes. */
  eventHandlers?: Record<string, EventHandler>;
  /** Periodic jobs (sweeps that find deadlines crossed and emit their events). */
  jobs?: readonly ScheduledJob[];
  /** Only supervision: it writes `enterprise_ref` itself instead of consuming the events. */
  ownsEnterprises?: boolean;
  /** Extra HTTP routes (e.g. responsibility's JWKS). */
  routes?: (app: Express, runtime: SubgraphRuntime) => void;
  /** Replaces the default remote verification (responsibility holds the keys itself). */
  auth?: (deps: {
    db: DataSource;
    log: Logger;
    name: string;
    serviceSecret?: string;
  }) => Promise<ServiceAuth>;
}

/**
 * One aggregate's part of a subgraph (a folder such as `src/listings/`): what it adds to the
 * definition. A service lists its modules instead of every class, so a new aggregate touches one line.
 */
export interface SubgraphModule {
  /** Names the module's demo seed, which runs once per database (also on one seeded before the module existed). */
  name?: string;
  resolvers?: readonly Function[];
  orphanedTypes?: readonly Function[];
  entities?: readonly Function[];
  migrations?: readonly Function[];
  references?: Record<string, ReferenceResolver | 'stub'>;
  eventHandlers?: Record<string, EventHandler>;
  jobs?: readonly ScheduledJob[];
  seed?: (manager: EntityManager, context: SeedContext) => Promise<void>;
}

/** What a service writes: the definition, whose lists may come wholly or partly from its modules. */
export type SubgraphDeclaration = Omit<SubgraphDefinition, 'resolvers' | 'entities' | 'migrations'> & {
  resolvers?: readonly Function[];
  entities?: readonly Function[];
  migrations?: readonly Function[];
  modules?: readonly SubgraphModule[];
};

export function defineSubgraph(declaration: SubgraphDeclaration): SubgraphDefinition {
  const { modules = [], resolvers = [], entities = [], migrations = [], ...base } = declaration;
  const merged = { ...base, resolvers, entities, migrations } as unknown as SubgraphDefinition;
  for (const part of modules) {
    merged.resolvers = [
      ...merged.resolvers,
      ...(part.resolvers ?? []),
    ] as unknown as SubgraphDefinition['resolvers'];
    merged.orphanedTypes = [...(merged.orphanedTypes ?? []), ...(part.orphanedTypes ?? [])];
    merged.entities = [...merged.entities, ...(part.entities ?? [])];
    merged.migrations = [...merged.migrations, ...(part.migrations ?? [])];
    merged.jobs = [...(merged.jobs ?? []), ...(part.jobs ?? [])];
    if (part.seed) {
      if (!part.name) throw new Error('a module with a seed needs a name');
      merged.moduleSeeds = [...(merged.moduleSeeds ?? []), { name: part.name, seed: part.seed }];
    }
    for (const [type, resolver] of Object.entries(part.references ?? {})) {
      if (merged.references?.[type]) throw new Error(`two modules resolve references of ${type}`);
      merged.references = { ...merged.references, [type]: resolver };
    }
    for (const [type, handler] of Object.entries(part.eventHandlers ?? {})) {
      if (merged.eventHandlers?.[type]) throw new Error(`two modules handle ${type}`);
      merged.eventHandlers = { ...merged.eventHandlers, [type]: handler };
    }
  }
  if (merged.resolvers.length === 0) throw new Error(`subgraph ${merged.name} has no resolvers`);
  return merged;
}

export interface StartOverrides {
  port?: number;
  databaseUrl?: string;
  databaseServerUrl?: string;
  dataDir?: string;
  registryUrl?: string | null;
  authUrl?: string;
  serviceSecret?: string;
  auth?: ServiceAuth;
  subscribers?: SubscriberDirectory;
  log?: Logger;
  outboxRetryDelaySeconds?: number;
  /** Run the definition's scheduled jobs (default true; tests call the job functions themselves). */
  scheduleJobs?: boolean;
}

export interface SubgraphRuntime {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  baseUrl: string;
  sdl: string;
  dataSource: DataSource;
  database: Database;
  outbox: Outbox;
  inbox: Inbox;
  scheduler: Scheduler;
  auth: ServiceAuth;
  log: Logger;
  stop(): Promise<void>;
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  overrides: StartOverrides = {},
): Promise<SubgraphRuntime> {
  const config = readConfig(definition.name, { port: definition.port });
  const log = overrides.log ?? createLogger(definition.name);
  const { schema, sdl } = await buildFederatedSchema(definition);

  const database = await openDatabase({
    name: definition.name,
    databaseUrl: overrides.databaseUrl ?? config.databaseUrl,
    databaseServerUrl: overrides.databaseServerUrl ?? config.databaseServerUrl,
    dataDir: overrides.dataDir ?? config.dataDir,
  });
  const dataSource = createDataSource({
    name: definition.name,
    url: database.url,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  await seedOnce(definition, dataSource, log);

  const serviceSecret = overrides.serviceSecret ?? config.serviceSecret;
  const authUrl = overrides.authUrl ?? config.authUrl;
  const auth =
    overrides.auth ??
    (definition.auth
      ? await definition.auth({ db: dataSource, log, name: definition.name, serviceSecret })
      : remoteServiceAuth({
          service: definition.name,
          authUrl: requireSetting(authUrl, 'AUTH_URL'),
          serviceSecret,
        }));

  const registryUrl =
    overrides.registryUrl === null ? undefined : (overrides.registryUrl ?? config.registryUrl);
  const subscribers =
    overrides.subscribers ?? (registryUrl ? registrySubscribers(registryUrl) : async () => []);
  const outbox = new Outbox({
    service: definition.name,
    db: dataSource,
    connectionString: database.url,
    subscribers,
    serviceToken: () => auth.serviceToken(),
    log,
    retryDelaySeconds: overrides.outboxRetryDelaySeconds,
  });
  await outbox.start();
  const scheduler = new Scheduler({
    connectionString: database.url,
    jobs: overrides.scheduleJobs === false ? [] : (definition.jobs ?? []),
    runtime: { dataSource, outbox, log },
  });
  await scheduler.start();

  const handlers: Record<string, EventHandler> = { ...definition.eventHandlers };
  if (!definition.ownsEnterprises)
    for (const type of ENTERPRISE_EVENTS) handlers[type] ??= applyEnterpriseEvent;
  const inbox = new Inbox(dataSource, handlers);

  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    // Our own handlers stop the service in order (HTTP, queue, database); Apollo's would exit first.
    stopOnTerminationSignals: false,
    // No Apollo usage tracing: the gateway is not Apollo's and would only pay for it.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds(log));
  let ready = false;
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: definition.name }));
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting', service: definition.name });
    } catch (error) {
      res.status(503).json({ status: 'database unavailable', error: String(error) });
    }
  });
  app.post('/events', express.json({ limit: '1mb' }), async (req, res) => {
    try {
      const principal = await auth.verify(bearer(req.header('authorization')) ?? '');
      if (!principal.roles.includes(Role.SERVICE))
        return void res.status(403).json({ error: 'SERVICE role required' });
      const event = req.body as DomainEvent;
      if (!event?.id || !event.type) return void res.status(400).json({ error: 'not an event' });
      res.json({ result: await inbox.apply(event) });
    } catch (error) {
      if (error instanceof TokenError) return void res.status(401).json({ error: error.message });
      log.error({ err: error }, 'event handling failed');
      res.status(500).json({ error: 'event handling failed' });
    }
  });

  let runtime!: SubgraphRuntime;
  definition.routes?.(
    app,
    new Proxy({} as SubgraphRuntime, { get: (_t, key) => runtime[key as keyof SubgraphRuntime] }),
  );

  const httpServer: Server = await new Promise((resolve) => {
    const server = app.listen(overrides.port ?? config.port, config.host, () => resolve(server));
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req as RequestWithId).requestId;
        return createContext({
          requestId,
          principal: await principalOf(auth, req.header('authorization')),
          log: log.child({ requestId }),
          db: dataSource,
          outbox,
        });
      },
    }),
  );

  const port = (httpServer.address() as AddressInfo).port;
  const baseUrl = config.publicUrl ?? `http://${config.host}:${port}`;
  await auth.start();
  const stopPublishing = registryUrl
    ? publishToRegistry(
        registryUrl,
        {
          name: definition.name,
          url: `${baseUrl}/graphql`,
          sdl,
          eventsUrl: `${baseUrl}/events`,
          subscribes: inbox.eventTypes,
        },
        log,
        config.registryWriteToken,
      )
    : () => {};
  ready = true;
  log.info({ url: `${baseUrl}/graphql`, database: database.kind }, 'subgraph ready');

  let stopping: Promise<void> | undefined;
  runtime = {
    name: definition.name,
    url: `${baseUrl}/graphql`,
    baseUrl,
    sdl,
    dataSource,
    database,
    outbox,
    inbox,
    scheduler,
    auth,
    log,
    stop() {
      stopping ??= (async () => {
        ready = false;
        stopPublishing();
        httpServer.closeIdleConnections();
        await apollo.stop();
        await scheduler.stop();
        await outbox.stop();
        auth.stop();
        await dataSource.destroy();
        await database.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
  return runtime;
}

/** The service's main: `--emit-schema` writes schema.graphql; otherwise start and stop cleanly on signals. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  if (process.argv.includes('--emit-schema')) {
    const { sdl } = await buildFederatedSchema(definition);
    await writeFile(path.resolve('schema.graphql'), sdl);
    return;
  }
  const runtime = await startSubgraph(definition);
  const shutdown = async (signal: string) => {
    runtime.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    await runtime.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function seedOnce(definition: SubgraphDefinition, dataSource: DataSource, log: Logger): Promise<void> {
  const [seeded] = await dataSource.query(`SELECT value FROM kit_meta WHERE key = 'seeded'`);
  // The demo's "today" is fixed by the first seed, so a module seeded later tells the same story.
  const meta = typeof seeded?.value === 'string' ? JSON.parse(seeded.value) : seeded?.value;
  const today = meta ? new Date(meta.demoToday) : demoToday();
  if (!seeded) {
    await dataSource.transaction(async (manager) => {
      await seedEnterpriseRefs(manager);
      await definition.seed?.(manager, { today });
      await manager.query(`INSERT INTO kit_meta (key, value) VALUES ('seeded', $1)`, [
        JSON.stringify({ at: new Date().toISOString(), demoToday: today.toISOString() }),
      ]);
    });
    log.info({ demoToday: today.toISOString().slice(0, 10) }, 'demo data seeded');
  }
  for (const { name, seed } of definition.moduleSeeds ?? []) {
    const key = `seeded:${name}`;
    const [done] = await dataSource.query('SELECT 1 FROM kit_meta WHERE key = $1', [key]);
    if (done) continue;
    await dataSource.transaction(async (manager) => {
      await seed(manager, { today });
      await manager.query('INSERT INTO kit_meta (key, value) VALUES ($1, $2)', [
        key,
        JSON.stringify({ at: new Date().toISOString() }),
      ]);
    });
    log.info({ module: name }, 'module demo data seeded');
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}

async function principalOf(auth: ServiceAuth, header: string | undefined) {
  const token = bearer(header);
  if (!token) return null;
  try {
    return await auth.verify(token);
  } catch (error) {
    const reason = error instanceof TokenError ? error.message : 'token invalid';
    throw new GraphQLError(`Sign in again: ${reason}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}

function requireSetting(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
