import type { EntityManager } from 'typeorm';
import { writeAudit } from './audit/audit-log.js';
import type { SubgraphContext } from './context.js';
import type { Outbox } from './events/outbox.js';

/**
 * One transaction of a use case. Everything written through it (rows, audit entries,
 * events) commits or rolls back together. Use only `manager` inside: on the embedded
 * database a second connection would wait for this transaction forever (architecture §4).
 */
export class UnitOfWork {
  constructor(
    readonly manager: EntityManager,
    private readonly context: SubgraphContext,
    private readonly outbox: Outbox,
  ) {}

  /** Records who changed what, with the state before and after. */
  async audit(entry: {
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    reason?: string;
  }) {
    await writeAudit(this.manager, this.context, entry);
    if (this.context.mutation) this.context.mutation.audited = true;
  }

  /** Queues a domain event; it is delivered only if this transaction commits. */
  async emit(type: string, payload: Record<string, unknown>): Promise<string> {
    return this.outbox.emit(this.manager, type, payload, this.context.principal?.id ?? null);
  }
}
