import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/** A running database the service talks to through `pg`, whatever is behind it. */
export interface Database {
  url: string;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

/**
 * Embedded PGlite served over the Postgres wire protocol on a loopback port, so the
 * service uses the same `pg` driver as in production and transactions are isolated
 * (architecture §4: typeorm-pglite is not).
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    kind: 'embedded',
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/** Uses database `name` on a PostgreSQL server, creating it when missing. */
export async function usePostgresDatabase(serverUrl: string, name: string): Promise<Database> {
  const url = new URL(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // Two services racing to create the same database: the loser sees a duplicate.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return { url: url.toString(), kind: 'postgres', close: async () => {} };
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** DATABASE_URL as given; else a database on DATABASE_SERVER_URL; else embedded PGlite. */
export async function openDatabase(options: {
  name: string;
  databaseUrl?: string;
  databaseServerUrl?: string;
  dataDir: string;
}): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, kind: 'postgres', close: async () => {} };
  if (options.databaseServerUrl)
    return usePostgresDatabase(options.databaseServerUrl, `safety_${options.name}`);
  return startEmbeddedDatabase(options.dataDir);
}
