import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Outbox } from '../events/outbox.js';
import type { Logger } from '../logger.js';

/** What a periodic job may use: the database and the outbox (its events go out like any mutation's). */
export interface JobRuntime {
  dataSource: DataSource;
  outbox: Outbox;
  log: Logger;
}

/**
 * A periodic job of a service (e.g. hazard's overdue sweep). pg-boss runs it: one run per tick
 * across all replicas, retried on failure, cron in Asia/Shanghai (architecture §6: an existing
 * engine, not a home-made scheduler).
 */
export interface ScheduledJob {
  /** Queue name, unique per service, e.g. `hazard-overdue-sweep`. */
  name: string;
  /** Five-field cron in Asia/Shanghai, e.g. `*\/5 * * * *` (every five minutes). */
  cron: string;
  /**
   * Also run once when the service starts: for rare (daily) idempotent jobs, so a service that was
   * down at the scheduled minute, or a freshly seeded demo, does not wait a day for them.
   */
  catchUpOnStart?: boolean;
  run(runtime: JobRuntime): Promise<unknown>;
}

export class Scheduler {
  private boss: PgBoss | undefined;

  constructor(
    private readonly options: {
      connectionString: string;
      jobs: readonly ScheduledJob[];
      runtime: JobRuntime;
    },
  ) {}

  async start(): Promise<void> {
    const { jobs, runtime } = this.options;
    if (!jobs.length) return;
    const boss = new PgBoss({
      connectionString: this.options.connectionString,
      schema: 'pgboss',
      max: 2,
      schedule: true,
      supervise: true,
    });
    boss.on('error', (error) => runtime.log.error({ err: error }, 'pg-boss scheduler error'));
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, {
        name: job.name,
        retryLimit: 3,
        retryDelay: 30,
        policy: 'singleton',
      });
      await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(job.name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
        const started = Date.now();
        const result = await job.run(runtime);
        runtime.log.info({ job: job.name, ms: Date.now() - started, result }, 'scheduled job done');
      });
      // The queue's singleton policy keeps this from piling onto a run already queued.
      if (job.catchUpOnStart) await boss.send(job.name, {});
    }
    this.boss = boss;
  }

  /** Runs a job now, outside its schedule (an admin's "sweep now"); resolves once it is queued. */
  async runNow(name: string): Promise<void> {
    if (!this.options.jobs.some((job) => job.name === name)) throw new Error(`no scheduled job ${name}`);
    if (!this.boss) throw new Error('scheduler not started');
    await this.boss.send(name, {});
  }

  /** The schedules pg-boss holds for this service's jobs. */
  async schedules(): Promise<Array<{ name: string; cron: string; tz: string | undefined }>> {
    const names = new Set(this.options.jobs.map((job) => job.name));
    const all = this.boss ? await this.boss.getSchedules() : [];
    return all
      .filter((schedule) => names.has(schedule.name))
      .map(({ name, cron, options }) => ({ name, cron, tz: options?.tz }));
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000, wait: true });
    this.boss = undefined;
  }
}
