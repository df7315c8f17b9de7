import { EMPTY_SCOPE, type Principal, Role } from '@safety/auth';
import { type JobRuntime, type SubgraphContext, UnitOfWork } from '@safety/subgraph-kit';
import type { DataSource } from 'typeorm';

/**
 * The context a scheduled job acts in: the platform itself, as a SERVICE principal that sees the whole
 * county (domain §2.4), so use cases written for requests (scope checks, audit, events) apply unchanged
 * and audit entries name the job as the actor.
 */
export function platformContext(
  runtime: Pick<JobRuntime, 'dataSource' | 'outbox'>,
  job: string,
): SubgraphContext {
  const principal: Principal = {
    id: `system:${job}`,
    username: `system:${job}`,
    kind: 'SERVICE',
    roles: [Role.SERVICE],
    permissions: [],
    scope: EMPTY_SCOPE,
    jti: `system:${job}`,
    expiresAt: new Date(8_640_000_000_000_000),
  };
  const db: DataSource = runtime.dataSource;
  const context: SubgraphContext = {
    requestId: `job:${job}`,
    principal,
    log: undefined as never,
    db,
    mutation: { name: job, audited: false },
    loader: () => {
      throw new Error('jobs do not batch through request loaders');
    },
    transaction: (work) =>
      db.transaction((manager) => work(new UnitOfWork(manager, context, runtime.outbox))),
  };
  return context;
}
