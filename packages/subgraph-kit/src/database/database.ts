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
  serializeByBatch(server, db);
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

/** The internals of pglite-socket 0.2.17's query queue that `serializeByBatch` replaces. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Sync, simple Query and Terminate end a client's batch; so does the untyped startup message. */
const BATCH_END = new Set([0x53, 0x51, 0x58, 0x00]);

/**
 * pglite-socket queues the wire messages of all connections one by one and keeps a connection's
 * turn only inside a transaction, so the Parse/Bind/Execute/Sync batches of two pooled
 * connections interleave and one binds the other's unnamed statement ("bind message supplies 3
 * parameters, but prepared statement requires 2": it crashed a service's job queue), and one
 * failed message stops the queue for good (electric-sql/pglite#1046, open). This keeps a
 * connection's turn until its batch ends (or its transaction does) and survives failures.
 */
export function serializeByBatch(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null;
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const turn = owner ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const index = turn === null ? 0 : this.queue.findIndex((item) => item.handlerId === turn);
        if (index === -1) break; // the connection holding the turn has not sent its next message yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        this.lastHandlerId = item.handlerId;
        owner = BATCH_END.has(item.message[0] ?? 0) ? null : item.handlerId;
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that left mid-batch gives up its turn.
    if (owner === handlerId) {
      owner = null;
      void queue.processQueue();
    }
  };
}
