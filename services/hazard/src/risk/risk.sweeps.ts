import { type JobRuntime, now, type SubgraphContext, writeAudit } from '@safety/subgraph-kit';
import { recomputeEnterpriseRisk, refreshPointLevels } from './risk.service.js';

const SYSTEM = {
  principal: null,
  requestId: 'sweep:riskLevels',
  mutation: undefined,
} as unknown as SubgraphContext;

/**
 * Hourly (domain §5.2, §5.3): re-derives point levels from today's facts (an open MAJOR hazard
 * attached, a grade I/II source) and the enterprise levels, raised while a major hazard is overdue.
 * `EnterpriseRiskLevelChanged` goes out only on a change. Returns the enterprises that changed.
 */
export function sweepRiskLevels(runtime: Pick<JobRuntime, 'dataSource' | 'outbox'>, at: Date = now()) {
  return runtime.dataSource.transaction(async (manager) => {
    await refreshPointLevels(manager);
    return recomputeEnterpriseRisk(
      manager,
      async (type, payload) => {
        await runtime.outbox.emit(manager, type, payload, null);
        await writeAudit(manager, SYSTEM, {
          operation: 'sweepRiskLevels',
          entity: 'Enterprise',
          entityId: String(payload.enterpriseId),
          after: { event: type, ...payload },
        });
      },
      at,
    );
  });
}
