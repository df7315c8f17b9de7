import type { Principal } from '@safety/auth';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AuditService } from './audit/audit.service.js';
import type { SubgraphService } from './subgraphs/subgraph.service.js';
import type { SupergraphService } from './supergraphs/supergraph.service.js';

/** What every resolver receives; one per request. */
export interface RegistryContext {
  requestId: string;
  /** The verified caller; null when no token was sent (the access plugin then refuses). */
  principal: Principal | null;
  db: DataSource;
  subgraphs: SubgraphService;
  supergraphs: SupergraphService;
  audit: AuditService;
  /** A per-request DataLoader over a batch that answers with a map, created on first use (no N+1). */
  loader<K, V>(key: string, batch: (keys: K[]) => Promise<Map<K, V>>): DataLoader<K, V | undefined>;
}

export function createContext(options: Omit<RegistryContext, 'loader'>): RegistryContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    ...options,
    loader<K, V>(key: string, batch: (keys: K[]) => Promise<Map<K, V>>) {
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader<unknown, unknown>(async (keys) => {
          const found = await batch([...keys] as K[]);
          return keys.map((k) => found.get(k as K));
        });
        loaders.set(key, loader);
      }
      return loader as DataLoader<K, V | undefined>;
    },
  };
}
