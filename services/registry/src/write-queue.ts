import type { DataSource, EntityManager } from 'typeorm';

/**
 * Every write of the registry (publish, approval, rollback, pin) runs one at a time: a process
 * queue first, so waiting ones do not each hold a pooled connection, then a transaction that
 * locks the `registry_lock` row against other replicas. Everything inside the transaction runs
 * on its own connection (PGlite, architecture §4).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: DataSource) {}

  /** Runs `work` after every earlier write of this process has finished. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => {});
    return run;
  }

  /** A transaction that holds the registry lock row; call inside `serial`. */
  locked<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT id FROM registry_lock WHERE id = 1 FOR UPDATE');
      return work(manager);
    });
  }
}
