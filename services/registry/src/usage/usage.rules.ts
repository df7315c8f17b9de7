import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, isInterfaceType, isIntrospectionType, isObjectType, parse } from 'graphql';

/**
 * What the gateway sends on `POST /usage` (services/gateway/src/usage): hourly aggregates since its
 * last flush, and the text of the operations it has not reported yet.
 */
export interface UsageReport {
  operations: ReportedOperation[];
  entries: UsageEntry[];
}

export interface ReportedOperation {
  hash: string;
  name: string | null;
  type: string | null;
  body: string | null;
}

export interface UsageEntry {
  /** The start of the hour (UTC). */
  hour: Date;
  operationHash: string;
  operationName: string | null;
  clientName: string;
  clientVersion: string | null;
  /** jti of an integrator or service token. */
  tokenId: string | null;
  count: number;
  errors: number;
  lastSeen: Date;
  /** Schema coordinate → how many of the `count` requests used it. */
  coordinates: Record<string, number>;
}

const MAX_ENTRIES = 10_000;
const MAX_OPERATIONS = 5_000;
const MAX_COORDINATES = 5_000;
const MAX_NAME = 200;
const MAX_BODY = 200_000;
// `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Type`: GraphQL names joined as schema coordinates.
const COORDINATE = /^[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*(\([_A-Za-z][_0-9A-Za-z]*:\))?)?$/;

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks a usage report; the route answers 400 with the error. */
export function readUsageReport(body: unknown): Read<UsageReport> {
  if (!isObject(body)) return fail('expected a JSON object');
  const operations = body.operations ?? [];
  const entries = body.entries;
  if (!Array.isArray(operations) || operations.length > MAX_OPERATIONS)
    return fail(`operations must be an array of at most ${MAX_OPERATIONS}`);
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES)
    return fail(`entries must be an array of at most ${MAX_ENTRIES}`);
  const report: UsageReport = { operations: [], entries: [] };
  for (const [i, op] of operations.entries()) {
    if (!isObject(op) || !isName(op.hash)) return fail(`operations[${i}].hash is required`);
    if (!optional(op.name) || !optional(op.type)) return fail(`operations[${i}]: bad name or type`);
    if (op.body != null && (typeof op.body !== 'string' || op.body.length > MAX_BODY))
      return fail(`operations[${i}].body must be a string of at most ${MAX_BODY} characters`);
    report.operations.push({
      hash: op.hash,
      name: (op.name as string) ?? null,
      type: (op.type as string) ?? null,
      body: (op.body as string) ?? null,
    });
  }
  for (const [i, e] of entries.entries()) {
    const at = `entries[${i}]`;
    if (!isObject(e)) return fail(`${at} must be an object`);
    const hour = date(e.hour);
    const lastSeen = date(e.lastSeen ?? e.hour);
    if (!hour || !lastSeen) return fail(`${at}.hour and lastSeen must be ISO timestamps`);
    if (!isName(e.operationHash) || !isName(e.clientName))
      return fail(`${at}: operationHash and clientName are required`);
    if (!optional(e.operationName) || !optional(e.clientVersion) || !optional(e.tokenId))
      return fail(`${at}: operationName, clientVersion and tokenId must be short strings`);
    if (!isCount(e.count) || !isCount(e.errors ?? 0)) return fail(`${at}: count and errors must be counts`);
    if (!isObject(e.coordinates ?? {})) return fail(`${at}.coordinates must be an object`);
    const coordinates = (e.coordinates ?? {}) as Record<string, unknown>;
    const keys = Object.keys(coordinates);
    if (keys.length > MAX_COORDINATES) return fail(`${at}: more than ${MAX_COORDINATES} coordinates`);
    for (const key of keys) {
      if (!COORDINATE.test(key) || !isCount(coordinates[key]))
        return fail(`${at}.coordinates: "${key.slice(0, 100)}" is not a schema coordinate with a count`);
    }
    report.entries.push({
      hour: startOfHour(hour),
      operationHash: e.operationHash,
      operationName: (e.operationName as string) ?? null,
      clientName: e.clientName,
      clientVersion: (e.clientVersion as string) || null,
      tokenId: (e.tokenId as string) || null,
      count: e.count as number,
      errors: (e.errors as number) ?? 0,
      lastSeen,
      coordinates: coordinates as Record<string, number>,
    });
  }
  return { ok: true, value: report };
}

export function startOfHour(at: Date): Date {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

export interface OperationHourRow {
  hour: Date;
  operationHash: string;
  clientName: string;
  clientVersion: string;
  tokenId: string;
  count: number;
  errors: number;
  lastSeen: Date;
}

export interface CoordinateHourRow {
  hour: Date;
  coordinate: string;
  operationHash: string;
  clientName: string;
  clientVersion: string;
  count: number;
  lastSeen: Date;
}

/**
 * Sums a report into one row per primary key of each table: one upsert statement may not touch
 * the same row twice. Missing versions and tokens become '' (they are part of the keys).
 */
export function aggregateReport(report: UsageReport): {
  operations: ReportedOperation[];
  operationHours: OperationHourRow[];
  coordinateHours: CoordinateHourRow[];
} {
  const operations = new Map<string, ReportedOperation>();
  for (const op of report.operations) operations.set(op.hash, op);
  const operationHours = new Map<string, OperationHourRow>();
  const coordinateHours = new Map<string, CoordinateHourRow>();
  for (const e of report.entries) {
    if (!operations.has(e.operationHash))
      operations.set(e.operationHash, {
        hash: e.operationHash,
        name: e.operationName,
        type: null,
        body: null,
      });
    const base = {
      hour: e.hour,
      operationHash: e.operationHash,
      clientName: e.clientName,
      clientVersion: e.clientVersion ?? '',
    };
    const opKey = JSON.stringify([
      e.hour.getTime(),
      e.operationHash,
      e.clientName,
      base.clientVersion,
      e.tokenId ?? '',
    ]);
    const op = operationHours.get(opKey);
    if (op) {
      op.count += e.count;
      op.errors += e.errors;
      if (e.lastSeen > op.lastSeen) op.lastSeen = e.lastSeen;
    } else {
      operationHours.set(opKey, {
        ...base,
        tokenId: e.tokenId ?? '',
        count: e.count,
        errors: e.errors,
        lastSeen: e.lastSeen,
      });
    }
    for (const [coordinate, count] of Object.entries(e.coordinates)) {
      if (count <= 0) continue;
      const key = JSON.stringify([
        coordinate,
        e.hour.getTime(),
        e.operationHash,
        e.clientName,
        base.clientVersion,
      ]);
      const row = coordinateHours.get(key);
      if (row) {
        row.count += count;
        if (e.lastSeen > row.lastSeen) row.lastSeen = e.lastSeen;
      } else {
        coordinateHours.set(key, { ...base, coordinate, count, lastSeen: e.lastSeen });
      }
    }
  }
  return {
    operations: [...operations.values()],
    operationHours: [...operationHours.values()],
    coordinateHours: [...coordinateHours.values()],
  };
}

/**
 * Every output field of the supergraph's public API as `Type.field` (no join__/link elements, no
 * @inaccessible ones, no introspection types), sorted.
 */
export function publicFieldCoordinates(supergraphSdl: string): string[] {
  const schema = buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)), {
    assumeValidSDL: true,
  });
  const coordinates: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.keys(type.getFields())) coordinates.push(`${type.name}.${field}`);
  }
  return coordinates.sort();
}

function fail<T>(error: string): Read<T> {
  return { ok: false, error };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME;
}

function optional(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.length <= MAX_NAME);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
