import {
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  forbidden,
  localDate,
  localYear,
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
import { Hazard } from './hazard.entity.js';
import { HazardGrade, HazardStatus } from './hazard.enums.js';
import type {
  EnterpriseHazardsArgs,
  HazardListArgs,
  ReportHazardInput,
  TransitionHazardInput,
} from './hazard.inputs.js';
import {
  deadlineProblem,
  decideTransition,
  hazardActorOf,
  hazardCode,
  SETTLED_STATUSES,
  sourceProblem,
  transitionOf,
} from './hazard.rules.js';

const SORT = { property: 'foundAt', direction: 'DESC' } as const;

/** The hazard use cases. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class HazardService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(Hazard).createQueryBuilder('hazard');
    return applyScope(query, this.context.principal, 'hazard.enterprise_id');
  }

  list(args: HazardListArgs) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('hazard.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.grade) query.andWhere('hazard.grade = :grade', { grade: args.grade });
    if (args.status) query.andWhere('hazard.status = :status', { status: args.status });
    if (args.overdue !== undefined && args.overdue !== null) {
      // Never NULL, so NOT gives exactly the complement (the derived flag of domain §5.6).
      const overdue =
        '(hazard.deadline IS NOT NULL AND hazard.deadline < :today AND hazard.status NOT IN (:...settled))';
      query.andWhere(args.overdue ? overdue : `NOT ${overdue}`, {
        today: localDate(now()),
        settled: SETTLED_STATUSES,
      });
    }
    if (args.townshipCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM enterprise_ref town_ref WHERE town_ref.id = hazard.enterprise_id AND town_ref.township_code = :town)',
        { town: args.townshipCode },
      );
    }
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context.loader<string, Hazard | null>('hazard', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Hazard | null)[]> {
    const rows = await this.scoped().andWhere('hazard.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  async countsByGrade(): Promise<Array<{ grade: HazardGrade; count: number }>> {
    const rows = await this.scoped()
      .select('hazard.grade', 'grade')
      .addSelect('count(*)::int', 'count')
      .groupBy('hazard.grade')
      .getRawMany();
    return Object.values(HazardGrade).map((grade) => ({
      grade,
      count: rows.find((r) => r.grade === grade)?.count ?? 0,
    }));
  }

  /**
   * `Enterprise.hazards`: first pages for every enterprise of the request in one statement;
   * a later page (`after`) is one enterprise's keyset query.
   */
  forEnterprise(enterpriseId: string, args: EnterpriseHazardsArgs): Promise<ConnectionShape<Hazard>> {
    const filtered = () => {
      const query = this.scoped();
      if (args.status) query.andWhere('hazard.status = :status', { status: args.status });
      return query;
    };
    return ownerPage(this.context, {
      key: `enterprise-hazards:${args.status ?? ''}`,
      query: filtered,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    });
  }

  /** `Enterprise.openHazardCount`, batched across the enterprises of the request. */
  openCount(enterpriseId: string): Promise<number> {
    const open = () =>
      this.scoped().andWhere('hazard.status NOT IN (:...settled)', { settled: SETTLED_STATUSES });
    return ownerCount(this.context, {
      key: 'enterprise-open-hazards',
      query: open,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  async report(input: ReportHazardInput): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    const actor = hazardActorOf(principal.roles);
    if (!actor) throw forbidden('Your role cannot report hazards');
    const problem = sourceProblem(actor, input.source);
    if (problem) throw badUserInput({ source: problem });
    const foundAt = input.foundAt ?? now();
    if (foundAt.getTime() > now().getTime() + 5 * 60_000)
      throw badUserInput({ foundAt: 'cannot be in the future' });
    const deadlineIssue = input.deadline ? deadlineProblem(input.deadline, foundAt) : null;
    if (deadlineIssue) throw badUserInput({ deadline: deadlineIssue });

    return this.context.transaction(async (uow) => {
      await uow.requireEnterpriseInScope(input.enterpriseId);
      const year = localYear(foundAt);
      const code = hazardCode(year, await nextSequence(uow.manager, 'HZ', year));
      const hazard = await uow.manager.save(
        uow.manager.create(Hazard, {
          code,
          enterpriseId: input.enterpriseId,
          title: input.title,
          description: input.description,
          grade: input.grade,
          source: input.source,
          status: HazardStatus.REPORTED,
          foundAt,
          deadline: input.deadline ?? null,
          closedAt: null,
        }),
      );
      await uow.audit({ entity: 'Hazard', entityId: hazard.id, after: hazard });
      await uow.emit('HazardReported', {
        hazardId: hazard.id,
        code: hazard.code,
        enterpriseId: hazard.enterpriseId,
        grade: hazard.grade,
        source: hazard.source,
        foundAt: hazard.foundAt.toISOString(),
      });
      return hazard;
    });
  }

  async transition(input: TransitionHazardInput): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    const actor = hazardActorOf(principal.roles);
    if (!actor) throw forbidden('Your role cannot change hazards');

    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.hazardId);
      if (before.version !== input.expectedVersion) {
        throw conflict('The hazard was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      }
      const decision = decideTransition(before, input.to, actor);
      if (decision === 'ILLEGAL') {
        throw conflict(`A hazard cannot move from ${before.status} to ${input.to}`, {
          from: before.status,
          to: input.to,
        });
      }
      if (decision === 'NOT_PERMITTED')
        throw forbidden(`${before.status} → ${input.to} is not yours to decide for this hazard`);
      const transition = transitionOf(before.status, input.to)!;
      if (transition.needsReason && !input.reason)
        throw badUserInput({ reason: 'a reason is required for this decision' });
      if (input.deadline && transition.deadline === 'NONE')
        throw badUserInput({ deadline: `the deadline is not set when moving to ${input.to}` });
      const deadline = input.deadline ?? before.deadline;
      if (transition.deadline === 'REQUIRED' && !deadline)
        throw badUserInput({ deadline: 'set the rectification deadline when confirming' });
      const deadlineIssue = input.deadline ? deadlineProblem(input.deadline, before.foundAt, now()) : null;
      if (deadlineIssue) throw badUserInput({ deadline: deadlineIssue });

      const after = uow.manager.create(Hazard, {
        ...before,
        status: input.to,
        deadline,
        closedAt: input.to === HazardStatus.CLOSED ? now() : before.closedAt,
      });
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'Hazard', entityId: saved.id, before, after: saved, reason: input.reason });
      const payload = {
        hazardId: saved.id,
        enterpriseId: saved.enterpriseId,
        grade: saved.grade,
        from: before.status,
        to: saved.status,
        reason: input.reason ?? null,
      };
      await uow.emit('HazardStatusChanged', payload);
      // Rule 3 side effect: a confirmed major hazard notifies the regulators (H-3) and the listing queue.
      if (saved.status === HazardStatus.CONFIRMED && saved.grade === HazardGrade.MAJOR)
        await uow.emit('MajorHazardConfirmed', { ...payload, deadline: saved.deadline });
      return saved;
    });
  }

  /** Loads a hazard the caller may see, locked for update; invisible rows are simply not found. */
  private async lockVisible(uow: UnitOfWork, id: string): Promise<Hazard> {
    const row = await this.scoped(uow.manager)
      .andWhere('hazard.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('Hazard', id);
    return row;
  }
}
