import {
  applyScope,
  badUserInput,
  conflict,
  localDate,
  notFound,
  now,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { ThreeLevelEducation } from './three-level.entity.js';
import { ThreeLevelStatus } from './three-level.enums.js';
import type {
  RecordThreeLevelInput,
  ThreeLevelRedoArgs,
  ThreeLevelRefresherArgs,
} from './three-level.inputs.js';
import { canTransition, levelsAfterRedo, recordingPath, statusFromLevels } from './three-level.rules.js';

/** Three-level education (domain §7.3): scoped by the enterprise; every status change audited and emitted. */
export class ThreeLevelService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(ThreeLevelEducation).createQueryBuilder('education');
    return applyScope(query, this.context.principal, 'education.enterprise_id');
  }

  /** `Person.threeLevelEducation`, batched across the persons of the request. */
  ofPerson(personId: string): Promise<ThreeLevelEducation[]> {
    return this.context
      .loader<string, ThreeLevelEducation[]>('person-three-level', async (ids) => {
        const rows = await this.scoped()
          .andWhere('education.person_id IN (:...ids)', { ids })
          .orderBy('education.created_at', 'DESC')
          .addOrderBy('education.id')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.personId === id));
      })
      .load(personId);
  }

  private async lockVisible(uow: UnitOfWork, where: { id?: string; employmentId?: string }) {
    const query = this.scoped(uow.manager).setLock('pessimistic_write');
    if (where.id) query.andWhere('education.id = :id', { id: where.id });
    else query.andWhere('education.employment_id = :employmentId', { employmentId: where.employmentId });
    const row = await query.getOne();
    if (!row) throw notFound('ThreeLevelEducation', where.id ?? where.employmentId ?? '');
    await uow.requireEnterpriseInScope(row.enterpriseId);
    return row;
  }

  /** Records one level (an assessment); the status follows from the levels along the §7.3 table. */
  async recordLevel(input: RecordThreeLevelInput): Promise<ThreeLevelEducation> {
    requirePrincipal(this.context);
    if (input.completedAt > localDate(now())) throw badUserInput({ completedAt: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, { employmentId: input.employmentId });
      const levels = [
        ...before.levels,
        {
          level: input.level,
          hours: input.hours,
          content: input.content,
          trainerId: input.trainerId ?? null,
          examScore: input.examScore ?? null,
          passed: input.passed,
          completedAt: input.completedAt,
        },
      ];
      const status = statusFromLevels(levels, before.requiredHours);
      const path = recordingPath(before.status, status);
      if (path === null)
        throw conflict(
          before.status === ThreeLevelStatus.PASSED
            ? 'Three-level education is already passed: declare a redo first (post transfer or return)'
            : `Illegal transition ${before.status} → ${status}`,
          { from: before.status, to: status },
        );
      const passedAt =
        status === ThreeLevelStatus.PASSED
          ? levels
              .map((l) => l.completedAt)
              .sort()
              .at(-1)!
          : before.passedAt;
      const saved = await uow.manager.save(
        uow.manager.create(ThreeLevelEducation, { ...before, levels, status, passedAt }),
      );
      await uow.audit({ entity: 'ThreeLevelEducation', entityId: saved.id, before, after: saved });
      let from = before.status;
      for (const to of path) {
        await this.emitChanged(uow, saved, from, to, null);
        from = to;
      }
      return saved;
    });
  }

  /** The annual refresher (kept on the record until training records exist): only for PASSED education. */
  async recordRefresher(args: ThreeLevelRefresherArgs): Promise<ThreeLevelEducation> {
    requirePrincipal(this.context);
    if (args.completedAt > localDate(now())) throw badUserInput({ completedAt: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, { id: args.id });
      if (before.status !== ThreeLevelStatus.PASSED)
        throw conflict('Only passed three-level education has annual refreshers', { from: before.status });
      if (before.passedAt && args.completedAt < before.passedAt)
        throw badUserInput({ completedAt: 'cannot be before the education was passed' });
      const saved = await uow.manager.save(
        uow.manager.create(ThreeLevelEducation, { ...before, lastRefresherAt: args.completedAt }),
      );
      await uow.audit({ entity: 'ThreeLevelEducation', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  /** PASSED → REDO_REQUIRED on a post transfer or a return after ≥ 1 year away (workshop and team levels). */
  async requireRedo(args: ThreeLevelRedoArgs): Promise<ThreeLevelEducation> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, { id: args.id });
      if (!canTransition(before.status, ThreeLevelStatus.REDO_REQUIRED))
        throw conflict(`Illegal transition ${before.status} → REDO_REQUIRED`, { from: before.status });
      const saved = await uow.manager.save(
        uow.manager.create(ThreeLevelEducation, {
          ...before,
          status: ThreeLevelStatus.REDO_REQUIRED,
          levels: levelsAfterRedo(before.levels),
        }),
      );
      await uow.audit({
        entity: 'ThreeLevelEducation',
        entityId: saved.id,
        before,
        after: saved,
        reason: args.reason,
      });
      await this.emitChanged(uow, saved, before.status, saved.status, args.reason);
      return saved;
    });
  }

  private emitChanged(
    uow: UnitOfWork,
    record: ThreeLevelEducation,
    from: ThreeLevelStatus,
    to: ThreeLevelStatus,
    reason: string | null,
  ) {
    return uow.emit('ThreeLevelEducationStatusChanged', {
      threeLevelEducationId: record.id,
      personId: record.personId,
      enterpriseId: record.enterpriseId,
      employmentId: record.employmentId,
      from,
      to,
      reason,
    });
  }
}
