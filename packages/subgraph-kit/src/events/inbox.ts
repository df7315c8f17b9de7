import type { DataSource } from 'typeorm';
import type { DomainEvent, EventHandler } from './types.js';

/**
 * Applies incoming events idempotently: the event id is recorded in the same transaction
 * as the handler's writes, so a redelivered event is acknowledged without effect.
 */
export class Inbox {
  constructor(
    private readonly db: DataSource,
    private readonly handlers: Record<string, EventHandler>,
  ) {}

  get eventTypes(): string[] {
    return Object.keys(this.handlers);
  }

  /** Returns 'applied', 'duplicate' or 'ignored' (no handler for the type). */
  async apply(event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
    const handler = this.handlers[event.type];
    if (!handler) return 'ignored';
    return this.db.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO processed_event (event_id, type, source) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [event.id, event.type, event.source],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler(event, manager);
      return 'applied';
    });
  }
}
