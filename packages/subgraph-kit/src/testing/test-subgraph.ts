import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropPostgresDatabase, usePostgresDatabase } from '../database/database.js';
import type { SubscriberDirectory } from '../events/types.js';
import {
  type StartOverrides,
  type SubgraphDefinition,
  type SubgraphRuntime,
  startSubgraph,
} from '../subgraph.js';
import { TestAuthority } from './authority.js';

/** Which database the tests use: a PostgreSQL server when TEST_DATABASE_SERVER_URL is set, else embedded PGlite. */
export function testDatabaseKind(): 'postgres' | 'pglite' {
  return process.env.TEST_DATABASE_SERVER_URL ? 'postgres' : 'pglite';
}

/** A fresh, empty database for one test suite, and how to get rid of it. */
export async function freshTestDatabase(
  label: string,
): Promise<{ overrides: StartOverrides; dispose(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_SERVER_URL;
  if (server) {
    const name = `test_${label}_${randomUUID().slice(0, 8)}`;
    const database = await usePostgresDatabase(server, name);
    return { overrides: { databaseUrl: database.url }, dispose: () => dropPostgresDatabase(server, name) };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), `safety-${label}-`));
  return { overrides: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}

export interface TestSubgraph {
  runtime: SubgraphRuntime;
  authority: TestAuthority;
  url: string;
  stop(): Promise<void>;
}

/** Starts a subgraph on a random port with a fresh database and a test token authority. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: { authority?: TestAuthority; subscribers?: SubscriberDirectory; overrides?: StartOverrides } = {},
): Promise<TestSubgraph> {
  const authority = options.authority ?? (await TestAuthority.create());
  const database = await freshTestDatabase(definition.name);
  const runtime = await startSubgraph(definition, {
    port: 0,
    registryUrl: null,
    auth: authority.serviceAuth(definition.name),
    subscribers: options.subscribers ?? (async () => []),
    // Tests call the jobs themselves (no waiting for a cron tick); a test of the scheduler turns it on.
    scheduleJobs: false,
    ...database.overrides,
    ...options.overrides,
  });
  return {
    runtime,
    authority,
    url: runtime.url,
    async stop() {
      await runtime.stop();
      await database.dispose();
    },
  };
}
