import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context.js';

const SECRET_KEYS = /password|secret|token/i;

/** Copies a value for the audit log with secrets blanked. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

export async function writeAudit(
  manager: EntityManager,
  context: SubgraphContext,
  entry: {
    entity?: string;
    entityId?: string;
    before?: unknown;
    after?: unknown;
    reason?: string;
    operation?: string;
  },
): Promise<void> {
  const principal = context.principal;
  await manager.query(
    `INSERT INTO audit_log (actor_id, actor_username, actor_roles, request_id, operation, entity, entity_id, reason, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      principal?.id ?? null,
      principal?.username ?? null,
      principal?.roles ?? [],
      context.requestId,
      entry.operation ?? context.mutation?.name ?? 'unknown',
      entry.entity ?? null,
      entry.entityId ?? null,
      entry.reason ?? null,
      entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
    ],
  );
}

/**
 * Every successful mutation leaves an audit entry: use cases write detailed ones through the
 * unit of work; a mutation that wrote none gets a generic entry with its (redacted) arguments.
 * Wraps only the Mutation root fields: a type-graphql global middleware would make every field
 * of every query asynchronous.
 */
export function auditedMutation(name: string, resolve: GraphQLFieldResolver<unknown, SubgraphContext>) {
  return async (
    root: unknown,
    args: Record<string, unknown>,
    context: SubgraphContext,
    info: GraphQLResolveInfo,
  ) => {
    context.mutation = { name, audited: false };
    const result = await resolve(root, args, context, info);
    if (!context.mutation.audited) {
      const id = result && typeof result === 'object' && 'id' in result ? String(result.id) : undefined;
      await writeAudit(context.db.manager, context, { operation: name, entityId: id, after: { args } });
    }
    return result;
  };
}
