import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger.js';
import type { DomainEvent, Subscriber, SubscriberDirectory } from './types.js';

const QUEUE = 'deliver-event';

interface Delivery {
  status: 'DELIVERED' | 'FAILED';
  attempts: number;
  lastError?: string;
  at: string;
}

/**
 * Transactional outbox on pg-boss (architecture §6): the event row and its delivery job are
 * written on the caller's transaction, so a rolled-back change never emits; a worker then
 * posts the event to each subscriber, retrying with backoff, and records every delivery in
 * the kept `event_log`.
 */
export class Outbox {
  private boss: PgBoss | undefined;

  constructor(
    private readonly options: {
      service: string;
      db: DataSource;
      connectionString: string;
      subscribers: SubscriberDirectory;
      serviceToken: () => Promise<string>;
      log: Logger;
      retryLimit?: number;
      retryDelaySeconds?: number;
    },
  ) {}

  async start(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.options.connectionString,
      schema: 'pgboss',
      max: 3,
      schedule: false,
      supervise: true,
    });
    boss.on('error', (error) => this.options.log.error({ err: error }, 'pg-boss error'));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: this.options.retryLimit ?? 12,
      retryDelay: this.options.retryDelaySeconds ?? 2,
      retryBackoff: true,
    });
    await boss.work<{ eventId: string }>(
      QUEUE,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async ([job]) => {
        if (job) await this.deliver(job.data.eventId);
      },
    );
    this.boss = boss;
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000, wait: true });
    this.boss = undefined;
  }

  /** Writes the event and its delivery job on `manager`'s transaction. */
  async emit(manager: EntityManager, type: string, payload: Record<string, unknown>, actorId: string | null) {
    if (!this.boss) throw new Error('outbox not started');
    const [row] = await manager.query(
      'INSERT INTO event_log (type, payload, actor_id) VALUES ($1, $2, $3) RETURNING id',
      [type, JSON.stringify(payload), actorId],
    );
    const db = {
      executeSql: async (text: string, values: unknown[]) => ({
        rows: (await manager.queryRunner!.query(text, values, true)).records,
      }),
    };
    await this.boss.send(QUEUE, { eventId: row.id }, { db });
    return row.id as string;
  }

  /** Posts one event to every subscriber that has not had it yet; throws (so pg-boss retries) if any failed. */
  async deliver(eventId: string): Promise<void> {
    const { db, service } = this.options;
    const [row] = await db.query(
      'SELECT id, type, payload, created_at, deliveries FROM event_log WHERE id = $1',
      [eventId],
    );
    if (!row) return;
    const deliveries: Record<string, Delivery> = row.deliveries ?? {};
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      source: service,
      occurredAt: new Date(row.created_at).toISOString(),
      payload: row.payload,
    };
    const subscribers = (await this.options.subscribers(event.type)).filter((s) => s.service !== service);
    const failures: string[] = [];
    for (const subscriber of subscribers) {
      const previous = deliveries[subscriber.service];
      if (previous?.status === 'DELIVERED') continue;
      const attempts = (previous?.attempts ?? 0) + 1;
      try {
        await this.post(subscriber, event);
        deliveries[subscriber.service] = { status: 'DELIVERED', attempts, at: new Date().toISOString() };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deliveries[subscriber.service] = {
          status: 'FAILED',
          attempts,
          lastError: message,
          at: new Date().toISOString(),
        };
        failures.push(`${subscriber.service}: ${message}`);
      }
    }
    await db.query(
      `UPDATE event_log SET deliveries = $2, attempts = attempts + 1, last_error = $3,
         delivered_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END WHERE id = $1`,
      [eventId, JSON.stringify(deliveries), failures.length ? failures.join('; ') : null],
    );
    if (failures.length)
      throw new Error(`delivery of ${event.type} ${event.id} failed: ${failures.join('; ')}`);
  }

  private async post(subscriber: Subscriber, event: DomainEvent): Promise<void> {
    const response = await fetch(subscriber.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.options.serviceToken()}`,
      },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${await response.text()}`.slice(0, 500));
  }
}
