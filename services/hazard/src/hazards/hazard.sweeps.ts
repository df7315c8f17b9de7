import { localDate, now, type Outbox, type SubgraphContext, writeAudit } from '@safety/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Hazard } from './hazard.entity.js';
import { HazardGrade, HazardStatus } from './hazard.enums.js';
import { overdueCrossing, PLAN_DUE_DAYS, planReminderDue, SETTLED_STATUSES } from './hazard.rules.js';

/** What a sweep needs of the running subgraph (`SubgraphRuntime` has both). */
export interface SweepRuntime {
  dataSource: DataSource;
  outbox: Outbox;
}

/** The platform acts: audit entries carry no principal. */
function systemContext(operation: string): SubgraphContext {
  return {
    principal: null,
    requestId: `sweep:${operation}`,
    mutation: undefined,
  } as unknown as SubgraphContext;
}

async function sweep(
  runtime: SweepRuntime,
  operation: string,
  candidates: (manager: EntityManager) => Promise<Hazard[]>,
  apply: (hazard: Hazard, manager: EntityManager) => Promise<[string, Record<string, unknown>]>,
): Promise<string[]> {
  return runtime.dataSource.transaction(async (manager) => {
    const hazards = await candidates(manager);
    for (const hazard of hazards) {
      const [type, payload] = await apply(hazard, manager);
      await runtime.outbox.emit(manager, type, payload, null);
      await writeAudit(manager, systemContext(operation), {
        operation,
        entity: 'Hazard',
        entityId: hazard.id,
        after: { event: type, ...payload },
      });
    }
    return hazards.map((h) => h.id);
  });
}

/**
 * Emits `HazardOverdue` once per crossing of a deadline (domain §5.6): marks the deadline crossed in
 * `overdue_notified_for`, so the same deadline never notifies twice and a new deadline can cross again.
 * Returns the ids notified. The kit will run it periodically (scheduling is added there later).
 */
export function sweepOverdue(runtime: SweepRuntime, at: Date = now()): Promise<string[]> {
  const today = localDate(at);
  return sweep(
    runtime,
    'sweepOverdue',
    async (manager) =>
      (
        await manager
          .getRepository(Hazard)
          .createQueryBuilder('hazard')
          .where('hazard.deadline < :today', { today })
          .andWhere('hazard.status NOT IN (:...settled)', { settled: SETTLED_STATUSES })
          .andWhere('hazard.overdue_notified_for IS DISTINCT FROM hazard.deadline')
          .setLock('pessimistic_write')
          .getMany()
      ).filter((hazard) => overdueCrossing(hazard, at)),
    async (hazard, manager) => {
      // Bookkeeping only: the version stays, so nobody's edit conflicts with the sweep.
      await manager.query('UPDATE hazard SET overdue_notified_for = $2 WHERE id = $1', [
        hazard.id,
        hazard.deadline,
      ]);
      return [
        'HazardOverdue',
        {
          hazardId: hazard.id,
          code: hazard.code,
          enterpriseId: hazard.enterpriseId,
          orgUnitId: hazard.orgUnitId,
          townshipCode: hazard.townshipCode,
          industryCode: hazard.industryCode,
          grade: hazard.grade,
          status: hazard.status,
          deadline: hazard.deadline,
          listingId: hazard.listingId,
          assignments: hazard.assignments,
        },
      ];
    },
  );
}

/**
 * H-4 [D]: a MAJOR hazard without an approved plan 7 days after confirmation emits `HazardPlanMissing`
 * (a reminder to the enterprise and its regulator), once per confirmation. Scheduled by the kit later.
 */
export function sweepPlanReminders(runtime: SweepRuntime, at: Date = now()): Promise<string[]> {
  const cutoff = new Date(at.getTime() - PLAN_DUE_DAYS * 86_400_000);
  return sweep(
    runtime,
    'sweepPlanReminders',
    async (manager) =>
      (
        await manager
          .getRepository(Hazard)
          .createQueryBuilder('hazard')
          .where('hazard.grade = :major', { major: HazardGrade.MAJOR })
          .andWhere('hazard.status IN (:...open)', {
            open: [HazardStatus.CONFIRMED, HazardStatus.RECTIFYING],
          })
          .andWhere('hazard.confirmed_at <= :cutoff', { cutoff })
          .andWhere('hazard.plan_reminded_for IS DISTINCT FROM hazard.confirmed_at')
          .setLock('pessimistic_write')
          .getMany()
      ).filter((hazard) =>
        planReminderDue({ ...hazard, planApproved: Boolean(hazard.plan?.approvedAt) }, at),
      ),
    async (hazard, manager) => {
      await manager.query('UPDATE hazard SET plan_reminded_for = $2 WHERE id = $1', [
        hazard.id,
        hazard.confirmedAt,
      ]);
      const regulators = hazard.enterpriseId
        ? await manager.query('SELECT regulator_org_ids FROM enterprise_ref WHERE id = $1', [
            hazard.enterpriseId,
          ])
        : [];
      return [
        'HazardPlanMissing',
        {
          hazardId: hazard.id,
          code: hazard.code,
          enterpriseId: hazard.enterpriseId,
          orgUnitId: hazard.orgUnitId,
          townshipCode: hazard.townshipCode,
          regulatorOrgIds: regulators[0]?.regulator_org_ids ?? [],
          confirmedAt: hazard.confirmedAt!.toISOString(),
          planSubmitted: hazard.plan !== null,
        },
      ];
    },
  );
}
