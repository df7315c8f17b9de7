import type { DataSource } from 'typeorm';
import type { AffectedOperation, UsageOracle } from '../checks/index.js';
import { aggregateReport, type UsageReport } from './usage.rules.js';

export interface OperationUsageRow {
  hash: string;
  name: string | null;
  type: string | null;
  body: string | null;
  count: number;
  errors: number;
  lastSeen: Date;
  clientNames: string[];
}

export interface ClientUsageRow {
  clientName: string;
  clientVersion: string | null;
  requests: number;
  errors: number;
  operations: number;
  lastSeen: Date;
}

export interface TokenUsageRow {
  jti: string;
  requests: number;
  errors: number;
  lastSeen: Date | null;
  clientNames: string[];
  operations: OperationUsageRow[];
}

/** Stores the gateway's hourly usage and answers the checks (UsageOracle) and the console. */
export class UsageStore implements UsageOracle {
  constructor(private readonly db: DataSource) {}

  /** Adds a report to the hourly counts; one transaction, one statement per table. */
  async ingest(report: UsageReport): Promise<{ operations: number; entries: number }> {
    const { operations, operationHours, coordinateHours } = aggregateReport(report);
    await this.db.transaction(async (manager) => {
      if (operations.length)
        await manager.query(
          `INSERT INTO usage_operation (hash, name, type, body)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           ON CONFLICT (hash) DO UPDATE SET
             name = COALESCE(EXCLUDED.name, usage_operation.name),
             type = COALESCE(usage_operation.type, EXCLUDED.type),
             body = COALESCE(usage_operation.body, EXCLUDED.body),
             last_seen = now()`,
          [
            operations.map((o) => o.hash),
            operations.map((o) => o.name),
            operations.map((o) => o.type),
            operations.map((o) => o.body),
          ],
        );
      if (operationHours.length)
        await manager.query(
          `INSERT INTO usage_operation_hour
             (hour, operation_hash, client_name, client_version, token_id, count, errors, last_seen)
           SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[],
             $6::bigint[], $7::bigint[], $8::timestamptz[])
           ON CONFLICT (hour, operation_hash, client_name, client_version, token_id) DO UPDATE SET
             count = usage_operation_hour.count + EXCLUDED.count,
             errors = usage_operation_hour.errors + EXCLUDED.errors,
             last_seen = GREATEST(usage_operation_hour.last_seen, EXCLUDED.last_seen)`,
          [
            operationHours.map((r) => r.hour),
            operationHours.map((r) => r.operationHash),
            operationHours.map((r) => r.clientName),
            operationHours.map((r) => r.clientVersion),
            operationHours.map((r) => r.tokenId),
            operationHours.map((r) => r.count),
            operationHours.map((r) => r.errors),
            operationHours.map((r) => r.lastSeen),
          ],
        );
      if (coordinateHours.length)
        await manager.query(
          `INSERT INTO usage_coordinate_hour
             (coordinate, hour, operation_hash, client_name, client_version, count, last_seen)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[],
             $6::bigint[], $7::timestamptz[])
           ON CONFLICT (coordinate, hour, operation_hash, client_name, client_version) DO UPDATE SET
             count = usage_coordinate_hour.count + EXCLUDED.count,
             last_seen = GREATEST(usage_coordinate_hour.last_seen, EXCLUDED.last_seen)`,
          [
            coordinateHours.map((r) => r.coordinate),
            coordinateHours.map((r) => r.hour),
            coordinateHours.map((r) => r.operationHash),
            coordinateHours.map((r) => r.clientName),
            coordinateHours.map((r) => r.clientVersion),
            coordinateHours.map((r) => r.count),
            coordinateHours.map((r) => r.lastSeen),
          ],
        );
    });
    return { operations: operations.length, entries: report.entries.length };
  }

  /** UsageOracle: per coordinate, the operations and clients that used it since `since` (the hour it falls in counts). */
  async usage(coordinates: string[], since: Date): Promise<Map<string, AffectedOperation[]>> {
    const found = new Map<string, AffectedOperation[]>();
    if (!coordinates.length) return found;
    const rows = (await this.db.query(
      `SELECT c.coordinate, c.operation_hash, o.name AS operation_name, c.client_name, c.client_version,
              sum(c.count)::bigint AS count, max(c.last_seen) AS last_seen
       FROM usage_coordinate_hour c
       LEFT JOIN usage_operation o ON o.hash = c.operation_hash
       WHERE c.coordinate = ANY($1::text[]) AND c.hour >= date_trunc('hour', $2::timestamptz)
       GROUP BY 1, 2, 3, 4, 5
       ORDER BY count DESC, c.client_name, c.operation_hash`,
      [coordinates, since],
    )) as Array<{
      coordinate: string;
      operation_hash: string;
      operation_name: string | null;
      client_name: string;
      client_version: string;
      count: string;
      last_seen: Date;
    }>;
    for (const row of rows) {
      const list = found.get(row.coordinate) ?? [];
      list.push({
        kind: 'USAGE',
        operationName: row.operation_name,
        operationHash: row.operation_hash,
        clientName: row.client_name,
        clientVersion: row.client_version || null,
        count: Number(row.count),
        lastSeen: new Date(row.last_seen).toISOString(),
      });
      found.set(row.coordinate, list);
    }
    return found;
  }

  /** Which of these coordinates nobody used since `since`, sorted. */
  async unused(coordinates: string[], since: Date): Promise<string[]> {
    if (!coordinates.length) return [];
    const rows = (await this.db.query(
      `SELECT DISTINCT coordinate FROM usage_coordinate_hour
       WHERE coordinate = ANY($1::text[]) AND hour >= date_trunc('hour', $2::timestamptz)`,
      [coordinates, since],
    )) as Array<{ coordinate: string }>;
    const used = new Set(rows.map((r) => r.coordinate));
    return coordinates.filter((c) => !used.has(c)).sort();
  }

  /** Operations seen since `since`, most requested first; only one client's when `clientName` is given. */
  async operations(since: Date, clientName?: string | null, tokenId?: string): Promise<OperationUsageRow[]> {
    const rows = (await this.db.query(
      `SELECT h.operation_hash AS hash, o.name, o.type, o.body,
              sum(h.count)::bigint AS count, sum(h.errors)::bigint AS errors, max(h.last_seen) AS last_seen,
              array_agg(DISTINCT h.client_name ORDER BY h.client_name) AS client_names
       FROM usage_operation_hour h
       LEFT JOIN usage_operation o ON o.hash = h.operation_hash
       WHERE h.hour >= date_trunc('hour', $1::timestamptz)
         AND ($2::text IS NULL OR h.client_name = $2) AND ($3::text IS NULL OR h.token_id = $3)
       GROUP BY 1, 2, 3, 4
       ORDER BY count DESC, hash
       LIMIT 500`,
      [since, clientName ?? null, tokenId ?? null],
    )) as Array<{
      hash: string;
      name: string | null;
      type: string | null;
      body: string | null;
      count: string;
      errors: string;
      last_seen: Date;
      client_names: string[];
    }>;
    return rows.map((r) => ({
      hash: r.hash,
      name: r.name,
      type: r.type,
      body: r.body,
      count: Number(r.count),
      errors: Number(r.errors),
      lastSeen: new Date(r.last_seen),
      clientNames: r.client_names,
    }));
  }

  /** Requests per client name and version since `since`. */
  async clients(since: Date): Promise<ClientUsageRow[]> {
    const rows = (await this.db.query(
      `SELECT client_name, client_version, sum(count)::bigint AS requests, sum(errors)::bigint AS errors,
              count(DISTINCT operation_hash)::int AS operations, max(last_seen) AS last_seen
       FROM usage_operation_hour
       WHERE hour >= date_trunc('hour', $1::timestamptz)
       GROUP BY 1, 2
       ORDER BY client_name, client_version`,
      [since],
    )) as Array<{
      client_name: string;
      client_version: string;
      requests: string;
      errors: string;
      operations: number;
      last_seen: Date;
    }>;
    return rows.map((r) => ({
      clientName: r.client_name,
      clientVersion: r.client_version || null,
      requests: Number(r.requests),
      errors: Number(r.errors),
      operations: r.operations,
      lastSeen: new Date(r.last_seen),
    }));
  }

  /** What one integrator (or service) token did since `since`. */
  async token(jti: string, since: Date): Promise<TokenUsageRow> {
    const operations = await this.operations(since, null, jti);
    const lastSeen = operations.reduce<Date | null>((a, o) => (!a || o.lastSeen > a ? o.lastSeen : a), null);
    return {
      jti,
      requests: operations.reduce((sum, o) => sum + o.count, 0),
      errors: operations.reduce((sum, o) => sum + o.errors, 0),
      lastSeen,
      clientNames: [...new Set(operations.flatMap((o) => o.clientNames))].sort(),
      operations,
    };
  }
}
