import type { Principal } from '@safety/auth';
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import type { Outbox } from './events/outbox.js';
import type { Logger } from './logger.js';
import { UnitOfWork } from './unit-of-work.js';

/** What every resolver receives. One per request. */
export interface SubgraphContext {
  requestId: string;
  principal: Principal | null;
  log: Logger;
  db: DataSource;
  /** A per-request DataLoader, created on first use under `key` (batching, architecture §5). */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V>;
  /** Runs `work` in one transaction with audit and event emission bound to it. */
  transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  /** Set by the audit middleware: the mutation being run and whether it was audited. */
  mutation: { name: string; audited: boolean } | undefined;
}

export function createContext(options: {
  requestId: string;
  principal: Principal | null;
  log: Logger;
  db: DataSource;
  outbox: Outbox;
}): SubgraphContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  const context: SubgraphContext = {
    requestId: options.requestId,
    principal: options.principal,
    log: options.log,
    db: options.db,
    mutation: undefined,
    loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>) {
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader<unknown, unknown>(batch as never, { maxBatchSize: 500 });
        loaders.set(key, loader);
      }
      return loader as DataLoader<K, V>;
    },
    // `this`, not the closure: Apollo shallow-clones the context per operation.
    transaction(this: SubgraphContext, work) {
      return options.db.transaction((manager: EntityManager) =>
        work(new UnitOfWork(manager, this, options.outbox)),
      );
    },
  };
  return context;
}
