import {
  applyScope,
  badUserInput,
  conflict,
  localDate,
  nextSequence,
  notFound,
  now,
  ownerCount,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { EmergencyPlan } from './emergency-plan.entity.js';
import { EmergencyPlanStatus } from './emergency-plan.enums.js';
import type {
  EmergencyPlanListArgs,
  FileEmergencyPlanInput,
  RecordPlanEvaluationArgs,
} from './emergency-plan.inputs.js';
import { nextEvaluationDue, nextPlanStatus, type PlanEvent, planCode } from './emergency-plan.rules.js';

const SORT = { property: 'code', direction: 'DESC' } as const;
/** `evaluationOverdue` of the rules as SQL: in force and past the due day. */
const OVERDUE_SQL =
  "(plan.status = 'FILED' AND plan.next_evaluation_due IS NOT NULL AND plan.next_evaluation_due < :today)";

/** The emergency-plan use cases. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class EmergencyPlanService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(EmergencyPlan).createQueryBuilder('plan');
    return applyScope(query, this.context.principal, 'plan.enterprise_id');
  }

  list(args: EmergencyPlanListArgs) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('plan.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.status) query.andWhere('plan.status = :status', { status: args.status });
    if (args.planType) query.andWhere('plan.plan_type = :planType', { planType: args.planType });
    if (args.overdueEvaluation !== undefined && args.overdueEvaluation !== null)
      query.andWhere(args.overdueEvaluation ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`, {
        today: localDate(now()),
      });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, EmergencyPlan | null>('emergency-plan', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(EmergencyPlan | null)[]> {
    const rows = await this.scoped().andWhere('plan.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  async countsByStatus(): Promise<Array<{ status: EmergencyPlanStatus; count: number }>> {
    const rows = await this.scoped()
      .select('plan.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('plan.status')
      .getRawMany();
    return Object.values(EmergencyPlanStatus).map((status) => ({
      status,
      count: rows.find((r) => r.status === status)?.count ?? 0,
    }));
  }

  /** `Enterprise.emergencyPlans`: first pages for every enterprise of the request in one statement. */
  forEnterprise(enterpriseId: string, args: { first: number; after?: string | null }) {
    return ownerPage(this.context, {
      key: 'enterprise-emergency-plans',
      query: () => this.scoped(),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    });
  }

  /** `Enterprise.overdueEvaluationCount`, batched across the enterprises of the request. */
  overdueCount(enterpriseId: string): Promise<number> {
    const overdue = () => this.scoped().andWhere(OVERDUE_SQL, { today: localDate(now()) });
    return ownerCount(this.context, {
      key: 'enterprise-overdue-evaluations',
      query: overdue,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  async file(input: FileEmergencyPlanInput): Promise<EmergencyPlan> {
    requirePrincipal(this.context);
    const today = localDate(now());
    if (input.publishedAt > today) throw badUserInput({ publishedAt: 'cannot be in the future' });
    if (input.filedAt > today) throw badUserInput({ filedAt: 'cannot be in the future' });
    if (input.filedAt < input.publishedAt)
      throw badUserInput({ filedAt: 'a plan is filed after it is published' });

    return this.context.transaction(async (uow) => {
      const owner = await uow.requireEnterpriseInScope(input.enterpriseId);
      const year = Number(input.filedAt.slice(0, 4));
      const code = planCode(year, await nextSequence(uow.manager, 'EP', year));
      const plan = await uow.manager.save(
        uow.manager.create(EmergencyPlan, {
          code,
          enterpriseId: input.enterpriseId,
          title: input.title,
          planType: input.planType,
          status: EmergencyPlanStatus.FILED,
          publishedAt: input.publishedAt,
          filedAt: input.filedAt,
          lastEvaluatedAt: null,
          nextEvaluationDue: nextEvaluationDue(owner, { filedAt: input.filedAt, lastEvaluatedAt: null }),
          supersededById: null,
        }),
      );
      await uow.audit({ entity: 'EmergencyPlan', entityId: plan.id, after: plan });
      await this.emitStatusChanged(uow, plan, null);
      if (input.supersedesPlanId) await this.supersede(uow, input.supersedesPlanId, plan);
      return plan;
    });
  }

  async recordEvaluation(args: RecordPlanEvaluationArgs): Promise<EmergencyPlan> {
    requirePrincipal(this.context);
    if (args.evaluatedAt > localDate(now())) throw badUserInput({ evaluatedAt: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, args.planId);
      this.checkVersion(before, args.expectedVersion);
      const event: PlanEvent = args.revisionRequired ? 'EVALUATED_NEEDS_REVISION' : 'EVALUATED_FIT';
      const status = this.next(before, event);
      if (args.evaluatedAt < (before.lastEvaluatedAt ?? before.filedAt!))
        throw badUserInput({ evaluatedAt: 'must not precede the filing or the last evaluation' });
      const owner = await uow.requireEnterpriseInScope(before.enterpriseId);
      const after = uow.manager.create(EmergencyPlan, {
        ...before,
        status,
        lastEvaluatedAt: args.evaluatedAt,
        nextEvaluationDue:
          status === EmergencyPlanStatus.FILED
            ? nextEvaluationDue(owner, { filedAt: before.filedAt!, lastEvaluatedAt: args.evaluatedAt })
            : before.nextEvaluationDue,
      });
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'EmergencyPlan', entityId: saved.id, before, after: saved });
      await uow.emit('EmergencyPlanEvaluated', {
        planId: saved.id,
        enterpriseId: saved.enterpriseId,
        evaluatedAt: saved.lastEvaluatedAt,
        revisionRequired: args.revisionRequired,
        nextEvaluationDue: saved.nextEvaluationDue,
      });
      if (saved.status !== before.status) await this.emitStatusChanged(uow, saved, before.status);
      return saved;
    });
  }

  /** The earlier version goes to SUPERSEDED when its replacement is filed (domain §8.2). */
  private async supersede(uow: UnitOfWork, planId: string, replacement: EmergencyPlan): Promise<void> {
    const before = await this.lockVisible(uow, planId, 'supersedesPlanId');
    if (before.enterpriseId !== replacement.enterpriseId)
      throw badUserInput({ supersedesPlanId: 'must be a plan of the same enterprise' });
    const after = uow.manager.create(EmergencyPlan, {
      ...before,
      status: this.next(before, 'SUPERSEDED'),
      supersededById: replacement.id,
    });
    const saved = await uow.manager.save(after);
    await uow.audit({ entity: 'EmergencyPlan', entityId: saved.id, before, after: saved });
    await this.emitStatusChanged(uow, saved, before.status);
  }

  private next(plan: EmergencyPlan, event: PlanEvent): EmergencyPlanStatus {
    const status = nextPlanStatus(plan.status, event);
    if (!status)
      throw conflict(`A ${plan.status} plan cannot be ${event.toLowerCase().replace(/_/g, ' ')}`, {
        from: plan.status,
        event,
      });
    return status;
  }

  private checkVersion(plan: EmergencyPlan, expectedVersion: number) {
    if (plan.version !== expectedVersion)
      throw conflict('The plan was changed by someone else: reload and try again', {
        currentVersion: plan.version,
      });
  }

  private emitStatusChanged(uow: UnitOfWork, plan: EmergencyPlan, from: EmergencyPlanStatus | null) {
    return uow.emit('EmergencyPlanStatusChanged', {
      planId: plan.id,
      code: plan.code,
      enterpriseId: plan.enterpriseId,
      planType: plan.planType,
      from,
      to: plan.status,
    });
  }

  /** Loads a plan the caller may see, locked for update; invisible rows are simply not found. */
  private async lockVisible(uow: UnitOfWork, id: string, field?: string): Promise<EmergencyPlan> {
    const row = await this.scoped(uow.manager)
      .andWhere('plan.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row && field) throw badUserInput({ [field]: 'no such plan in your scope' });
    if (!row) throw notFound('EmergencyPlan', id);
    return row;
  }
}
