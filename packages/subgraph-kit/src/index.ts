import 'reflect-metadata';

export { redact, writeAudit } from './audit/audit-log.js';
export { authChecker, holdsAny, requirePrincipal } from './auth/auth-checker.js';
export { remoteServiceAuth, type ServiceAuth } from './auth/service-auth.js';
export type { SubgraphContext } from './context.js';
export { nextSequence, raiseSequences } from './database/code-counter.js';
export { createDataSource } from './database/data-source.js';
export {
  type Database,
  dropPostgresDatabase,
  openDatabase,
  startEmbeddedDatabase,
  usePostgresDatabase,
} from './database/database.js';
export { insertInBatches } from './database/insert-in-batches.js';
export {
  applyEnterpriseEvent,
  type EnterpriseRef,
  seedEnterpriseRefs,
  upsertEnterpriseRef,
} from './enterprise-ref/enterprise-ref.js';
export { applyScope } from './enterprise-ref/scope.js';
export * from './errors.js';
export { Inbox } from './events/inbox.js';
export { Outbox } from './events/outbox.js';
export type { DomainEvent, EventHandler, Subscriber, SubscriberDirectory } from './events/types.js';
export { formatError } from './http/format-error.js';
export { currentRequestId, type RequestWithId, requestIds } from './http/request-context.js';
export { type JobRuntime, type ScheduledJob, Scheduler } from './jobs/scheduler.js';
export { createLogger, type Logger } from './logger.js';
export { buildFederatedSchema, FEDERATION_LINK, type ReferenceResolver } from './schema/federation.js';
export { firstPagesByOwner, ownerCount, ownerPage } from './schema/first-pages.js';
export { inKeyOrder, isUuid, uuidsOnly } from './schema/ids.js';
export {
  Connection,
  ConnectionArgs,
  type ConnectionShape,
  encodeCursor,
  PageInfo,
  paginate,
} from './schema/pagination.js';
export {
  defineSubgraph,
  runSubgraph,
  type SeedContext,
  type StartOverrides,
  type SubgraphDeclaration,
  type SubgraphDefinition,
  type SubgraphModule,
  type SubgraphRuntime,
  startSubgraph,
} from './subgraph.js';
export { now } from './time/clock.js';
export { addDays, addYears, localDate, localYear } from './time/dates.js';
export { UnitOfWork } from './unit-of-work.js';
