import type { EntityManager } from 'typeorm';
import { writeAudit } from './audit/audit-log.js';
import type { SubgraphContext } from './context.js';
import { applyScope } from './enterprise-ref/scope.js';
import { badUserInput, forbidden } from './errors.js';
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

  /**
   * A write for an enterprise needs it to exist (BAD_USER_INPUT on `field` otherwise) and to lie
   * in the caller's scope (FORBIDDEN otherwise), both checked in SQL on `enterprise_ref`.
   * Returns the replicated facts, which rules often need (industry, town, operating status).
   */
  async requireEnterpriseInScope(
    enterpriseId: string,
    field = 'enterpriseId',
  ): Promise<{ id: string; industryCode: string; townshipCode: string; operatingStatus: string }> {
    const ref = () =>
      this.manager
        .createQueryBuilder()
        .select(['ref.id AS "id"', 'ref.industry_code AS "industryCode"'])
        .addSelect(['ref.township_code AS "townshipCode"', 'ref.operating_status AS "operatingStatus"'])
        .from('enterprise_ref', 'ref')
        .where('ref.id = :enterpriseId', { enterpriseId });
    if (!(await ref().getRawOne())) throw badUserInput({ [field]: 'unknown enterprise' });
    const visible = await applyScope(ref(), this.context.principal, 'ref.id').getRawOne();
    if (!visible) throw forbidden('Outside your data scope: this enterprise is not yours to record for');
    return visible;
  }

  /** Queues a domain event; it is delivered only if this transaction commits. */
  async emit(type: string, payload: Record<string, unknown>): Promise<string> {
    return this.outbox.emit(this.manager, type, payload, this.context.principal?.id ?? null);
  }
}
