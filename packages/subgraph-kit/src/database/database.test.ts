import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, startEmbeddedDatabase } from './database.js';

describe('the embedded database over the wire protocol', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kit-pglite-'));
    database = await startEmbeddedDatabase(dir);
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // pglite-socket alone interleaves the Parse/Bind/Execute/Sync of concurrent connections around a
  // transaction, so one binds the other's unnamed statement (electric-sql/pglite#1046): without
  // serializeByBatch this mix fails ~50 of 300 ("bind message supplies 1 parameters, but prepared
  // statement "" requires 3"); pg-boss crashed a service on it.
  it('keeps the parameterized queries of concurrent pooled connections and transactions apart', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 6 });
    try {
      await pool.query('CREATE TABLE IF NOT EXISTS job (id int, state text)');
      const runs = Array.from({ length: 300 }, async (_, i) => {
        if (i % 4 === 0) {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO job VALUES ($1, $2)', [i, 'created']);
            await client.query('UPDATE job SET state = $1 WHERE id = $2 AND state = $3', [
              'done',
              i,
              'created',
            ]);
            await client.query('COMMIT');
            return true;
          } finally {
            client.release();
          }
        }
        if (i % 2)
          return (await pool.query('SELECT $1::int + $2::int + $3::int AS v', [i, 2, 3])).rows[0].v === i + 5;
        return (await pool.query('SELECT $1::text AS v', [`t${i}`])).rows[0].v === `t${i}`;
      });
      const results = await Promise.allSettled(runs);
      const failures = results.filter((r) => r.status === 'rejected' || r.value !== true);
      expect(failures).toEqual([]);
      expect((await pool.query(`SELECT count(*)::int AS c FROM job WHERE state = 'done'`)).rows[0].c).toBe(
        75,
      );
    } finally {
      await pool.end();
    }
  });

  it('keeps a transaction on its connection while others wait, and goes on after a failed statement', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    try {
      await pool.query('CREATE TABLE IF NOT EXISTS counter (n int)');
      const tx = await pool.connect();
      await tx.query('BEGIN');
      await tx.query('INSERT INTO counter VALUES ($1)', [1]);
      const outside = pool.query('SELECT count(*)::int AS c FROM counter WHERE n = $1', [1]);
      await tx.query('INSERT INTO counter VALUES ($1)', [1]);
      await tx.query('COMMIT');
      tx.release();
      // The other connection ran after the commit: it sees both rows.
      expect((await outside).rows[0].c).toBe(2);
      await expect(pool.query('SELECT * FROM no_such_table WHERE n = $1', [1])).rejects.toThrow(
        /no_such_table/,
      );
      expect((await pool.query('SELECT $1::int AS v', [7])).rows[0].v).toBe(7);
    } finally {
      await pool.end();
    }
  });
});
