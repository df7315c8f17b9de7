import {
  type DomainEvent,
  localDate,
  now,
  type Outbox,
  type SubgraphContext,
  writeAudit,
} from '@safety/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Task } from './task.entity.js';
import { TaskLeg, TaskSource, TaskStatus } from './task.enums.js';
import {
  acknowledgementReminderDue,
  daysOverdue,
  decideTaskTransition,
  escalationFor,
  type HazardAssignedPayload,
  tasksForAssignment,
  WORKING_STATUSES,
} from './task.rules.js';
import { nextTaskCode } from './task.service.js';

/** What a sweep needs of the running subgraph (`SubgraphRuntime` and the kit's `JobRuntime` have both). */
export interface TaskSweepRuntime {
  dataSource: DataSource;
  outbox: Outbox;
}

/** The platform acts: audit entries carry no principal. */
function systemContext(operation: string): SubgraphContext {
  return {
    principal: null,
    requestId: `system:${operation}`,
    mutation: undefined,
  } as unknown as SubgraphContext;
}

/** `TaskOverdue` payload: what responsibility's cadence and the cockpit need (domain §10.1). */
function overduePayload(task: Task, days: number) {
  return {
    taskId: task.id,
    code: task.code,
    source: task.source,
    leg: task.leg,
    status: task.status,
    issuerOrgId: task.issuerOrgId,
    assigneeEnterpriseId: task.assigneeEnterpriseId,
    assigneeOrgIds: task.assigneeOrgIds,
    enterpriseId: task.enterpriseId,
    dueAt: task.dueAt,
    daysOverdue: days,
    ordinalInYear: task.overdueOrdinal,
    escalation: escalationFor(days, task.overdueOrdinal ?? 1),
    relatedRefs: task.relatedRefs,
  };
}

/**
 * Emits `TaskOverdue` once per crossing of a due date (domain §4.7, §10.1), per task and so per leg
 * of a double assignment. Records the task's place among its assignee's overdue tasks of the year,
 * which the escalation ladder reads ("2nd overdue in the year" → GUIDANCE, "3rd" → INTERVIEW).
 */
export function sweepTaskOverdue(runtime: TaskSweepRuntime, at: Date = now()): Promise<string[]> {
  const today = localDate(at);
  const year = today.slice(0, 4);
  return runtime.dataSource.transaction(async (manager) => {
    const crossed = await manager
      .getRepository(Task)
      .createQueryBuilder('task')
      .where('task.status IN (:...working)', { working: WORKING_STATUSES })
      .andWhere('task.due_at < :today', { today })
      .andWhere('task.overdue_notified_for IS DISTINCT FROM task.due_at')
      .orderBy('task.due_at', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    for (const task of crossed) {
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM task
          WHERE id <> $1 AND overdue_ordinal IS NOT NULL
            AND to_char(overdue_notified_for, 'YYYY') = $2
            AND ((assignee_enterprise_id IS NOT NULL AND assignee_enterprise_id = $3)
                 OR (cardinality($4::uuid[]) > 0 AND assignee_org_ids && $4::uuid[]))`,
        [task.id, year, task.assigneeEnterpriseId, task.assigneeOrgIds],
      );
      task.overdueOrdinal = count + 1;
      task.overdueNotifiedFor = task.dueAt;
      // Bookkeeping only: the version stays, so nobody's edit conflicts with the sweep.
      await manager.query('UPDATE task SET overdue_notified_for = $2, overdue_ordinal = $3 WHERE id = $1', [
        task.id,
        task.dueAt,
        task.overdueOrdinal,
      ]);
      const payload = overduePayload(task, daysOverdue(task, today));
      await runtime.outbox.emit(manager, 'TaskOverdue', payload, null);
      await writeAudit(manager, systemContext('sweepTaskOverdue'), {
        operation: 'sweepTaskOverdue',
        entity: 'Task',
        entityId: task.id,
        after: { event: 'TaskOverdue', ...payload },
      });
    }
    return crossed.map((task) => task.id);
  });
}

/** §4.7: a task still ISSUED 2 working days after issue gets one reminder (`TaskAcknowledgementReminder`). */
export function sweepAcknowledgementReminders(
  runtime: TaskSweepRuntime,
  at: Date = now(),
): Promise<string[]> {
  const today = localDate(at);
  return runtime.dataSource.transaction(async (manager) => {
    const candidates = (
      await manager
        .getRepository(Task)
        .createQueryBuilder('task')
        .where('task.status = :issued', { issued: TaskStatus.ISSUED })
        .andWhere('task.reminder_sent_at IS NULL')
        .andWhere(`task.issued_on < CAST(:today AS date) - 1`, { today })
        .setLock('pessimistic_write')
        .getMany()
    ).filter((task) => acknowledgementReminderDue(task, today));
    for (const task of candidates) {
      await manager.query('UPDATE task SET reminder_sent_at = $2 WHERE id = $1', [task.id, at]);
      const payload = {
        taskId: task.id,
        code: task.code,
        leg: task.leg,
        issuerOrgId: task.issuerOrgId,
        assigneeEnterpriseId: task.assigneeEnterpriseId,
        assigneeOrgIds: task.assigneeOrgIds,
        issuedOn: task.issuedOn,
        dueAt: task.dueAt,
      };
      await runtime.outbox.emit(manager, 'TaskAcknowledgementReminder', payload, null);
      await writeAudit(manager, systemContext('sweepAcknowledgementReminders'), {
        operation: 'sweepAcknowledgementReminders',
        entity: 'Task',
        entityId: task.id,
        after: { event: 'TaskAcknowledgementReminder', ...payload },
      });
    }
    return candidates.map((task) => task.id);
  });
}

// ---------------------------------------------------------------------------------------------
// H-2 consumer: hazard's events (idempotent through the kit's inbox and the (hazard, leg) index).
// ---------------------------------------------------------------------------------------------

async function sacOfficeOrgId(manager: EntityManager): Promise<string> {
  const [row] = await manager.query(
    `SELECT id FROM org_unit WHERE type = 'SAFETY_COMMITTEE_OFFICE' ORDER BY code LIMIT 1`,
  );
  if (!row) throw new Error('no SAC office org unit: reference data missing');
  return row.id;
}

async function townOfficeOf(manager: EntityManager, townshipCode: string | null): Promise<string | null> {
  if (!townshipCode) return null;
  const [row] = await manager.query(
    `SELECT id FROM org_unit WHERE type = 'TOWNSHIP_SAFETY_OFFICE' AND division_code = $1 ORDER BY code LIMIT 1`,
    [townshipCode],
  );
  return row?.id ?? null;
}

/**
 * Creates the two linked tasks of one hazard (H-2), or — when they exist (a redelivery, or a
 * GENERAL hazard re-graded MAJOR) — moves their due date to the hazard's deadline.
 */
export async function createHazardTasks(
  event: DomainEvent<HazardAssignedPayload>,
  manager: EntityManager,
  grade: 'GENERAL' | 'MAJOR',
): Promise<Task[]> {
  const payload = { ...event.payload, grade };
  if (!payload?.hazardId || !Array.isArray(payload.assignments) || payload.assignments.length === 0)
    return [];
  const at = now();
  const today = localDate(at);
  const planned = tasksForAssignment(payload, {
    sacOfficeOrgId: await sacOfficeOrgId(manager),
    townOffice: await townOfficeOf(manager, payload.townshipCode),
    today,
  });
  const repository = manager.getRepository(Task);
  const existing = await repository
    .createQueryBuilder('task')
    .where(`task.source_ref_type = 'Hazard' AND task.source_ref_id = :id`, { id: payload.hazardId })
    .setLock('pessimistic_write')
    .getMany();
  const context = systemContext(event.type);
  const tasks: Task[] = [];
  for (const plan of planned) {
    const current = existing.find((task) => task.leg === plan.leg);
    if (current) {
      if (current.status !== TaskStatus.CLOSED && current.dueAt !== plan.dueAt) {
        const after = repository.create({ ...current, dueAt: plan.dueAt, title: plan.title });
        tasks.push(await repository.save(after));
        await writeAudit(manager, context, {
          operation: event.type,
          entity: 'Task',
          entityId: current.id,
          before: current,
          after,
          reason: `hazard ${payload.code}: due date follows the hazard's deadline`,
        });
      } else tasks.push(current);
      continue;
    }
    const task = repository.create({
      code: await nextTaskCode(manager, at),
      source: TaskSource.HAZARD_DUAL_ASSIGNMENT,
      leg: plan.leg,
      status: TaskStatus.ISSUED,
      title: plan.title,
      requirement: plan.requirement,
      issuerOrgId: plan.issuerOrgId,
      assigneeEnterpriseId: plan.assigneeEnterpriseId,
      assigneeOrgIds: plan.assigneeOrgIds,
      enterpriseId: payload.enterpriseId,
      townshipCode: payload.townshipCode,
      relatedRefs: [{ type: 'Hazard', id: payload.hazardId, code: payload.code }],
      sourceRefType: 'Hazard',
      sourceRefId: payload.hazardId,
      linkedTaskId: null,
      dueAt: plan.dueAt,
      issuedAt: at,
      issuedOn: today,
      evidence: [],
      sourceEventId: event.id,
    });
    const saved = await repository.save(task);
    await writeAudit(manager, context, {
      operation: event.type,
      entity: 'Task',
      entityId: saved.id,
      after: saved,
    });
    tasks.push(saved);
  }
  // The two legs point at each other ("one issue yields two linked tasks", §4.7).
  const rectification = tasks.find((t) => t.leg === TaskLeg.ENTERPRISE_RECTIFICATION);
  const oversight = tasks.find((t) => t.leg === TaskLeg.SUPERVISOR_OVERSIGHT);
  if (rectification && oversight && rectification.linkedTaskId !== oversight.id) {
    await manager.query('UPDATE task SET linked_task_id = $2 WHERE id = $1', [
      rectification.id,
      oversight.id,
    ]);
    await manager.query('UPDATE task SET linked_task_id = $2 WHERE id = $1', [
      oversight.id,
      rectification.id,
    ]);
    rectification.linkedTaskId = oversight.id;
    oversight.linkedTaskId = rectification.id;
  }
  return tasks;
}

/** `HazardAssigned` (a GENERAL hazard found by government): the two legs of H-2. */
export function onHazardAssigned(event: DomainEvent<HazardAssignedPayload>, manager: EntityManager) {
  return createHazardTasks(event, manager, 'GENERAL').then(() => undefined);
}

/** `MajorHazardConfirmed` (H-2 for every MAJOR hazard, and H-3): the two legs, or their new due date. */
export function onMajorHazardConfirmed(event: DomainEvent<HazardAssignedPayload>, manager: EntityManager) {
  return createHazardTasks(event, manager, 'MAJOR').then(() => undefined);
}

/** The hazard's deadline moved (e.g. a listing extension, §5.7.2): its open tasks follow. */
export async function onHazardDeadlineChanged(
  event: DomainEvent<{ hazardId: string; code: string; deadline: string; reason?: string | null }>,
  manager: EntityManager,
): Promise<void> {
  const { hazardId, deadline } = event.payload ?? ({} as never);
  if (!hazardId || !deadline) return;
  const open = await manager
    .getRepository(Task)
    .createQueryBuilder('task')
    .where(`task.source_ref_type = 'Hazard' AND task.source_ref_id = :hazardId`, { hazardId })
    .andWhere('task.status <> :closed', { closed: TaskStatus.CLOSED })
    .setLock('pessimistic_write')
    .getMany();
  for (const task of open) {
    if (task.dueAt === deadline) continue;
    await manager.query(
      'UPDATE task SET due_at = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [task.id, deadline],
    );
    await writeAudit(manager, systemContext(event.type), {
      operation: event.type,
      entity: 'Task',
      entityId: task.id,
      before: { dueAt: task.dueAt },
      after: { dueAt: deadline, eventId: event.id },
      reason: event.payload.reason ?? `hazard ${event.payload.code}: deadline moved`,
    });
  }
}

/** The hazard was closed (销号): both legs close with it, whatever stage they reached (§4.7 [D]). */
export async function onHazardStatusChanged(
  event: DomainEvent<{ hazardId: string; code: string; to: string; reason?: string | null }>,
  manager: EntityManager,
): Promise<void> {
  const { hazardId, to, code } = event.payload ?? ({} as never);
  if (!hazardId || to !== 'CLOSED') return;
  const open = await manager
    .getRepository(Task)
    .createQueryBuilder('task')
    .where(`task.source_ref_type = 'Hazard' AND task.source_ref_id = :hazardId`, { hazardId })
    .andWhere('task.status <> :closed', { closed: TaskStatus.CLOSED })
    .setLock('pessimistic_write')
    .getMany();
  const reason = `隐患 ${code} 已销号`;
  const at = now();
  for (const task of open) {
    const decision = decideTaskTransition('closeWithSource', task.status, ['SYSTEM'], { reason });
    if (!decision.allowed) continue;
    await manager.query(
      `UPDATE task SET status = $2, closed_at = $3, close_reason = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [task.id, decision.to, at, reason],
    );
    await writeAudit(manager, systemContext(event.type), {
      operation: event.type,
      entity: 'Task',
      entityId: task.id,
      before: { status: task.status },
      after: { status: decision.to, closeReason: reason, eventId: event.id },
      reason,
    });
  }
}

/**
 * The hazard was reopened (§5.6 row 12, recurrence within 30 days): its closed legs are issued
 * again, due on the new deadline, with a fresh acknowledgement clock; legs never created are created.
 */
export async function onHazardReopened(
  event: DomainEvent<HazardAssignedPayload & { reason?: string | null }>,
  manager: EntityManager,
): Promise<void> {
  const payload = event.payload;
  if (!payload?.hazardId) return;
  const closed = await manager
    .getRepository(Task)
    .createQueryBuilder('task')
    .where(`task.source_ref_type = 'Hazard' AND task.source_ref_id = :id`, { id: payload.hazardId })
    .andWhere('task.status = :closed', { closed: TaskStatus.CLOSED })
    .setLock('pessimistic_write')
    .getMany();
  const reason = `隐患 ${payload.code} 重新打开：${payload.reason ?? ''}`.trim();
  const at = now();
  for (const task of closed) {
    const decision = decideTaskTransition('reopenWithSource', task.status, ['SYSTEM'], { reason });
    if (!decision.allowed) continue;
    const dueAt = payload.deadline ?? task.dueAt;
    await manager.query(
      `UPDATE task SET status = $2, due_at = $3, issued_at = $4, issued_on = $5, acknowledged_at = NULL,
              submitted_at = NULL, verified_at = NULL, closed_at = NULL, close_reason = NULL,
              reminder_sent_at = NULL, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [task.id, decision.to, dueAt, at, localDate(at)],
    );
    await writeAudit(manager, systemContext(event.type), {
      operation: event.type,
      entity: 'Task',
      entityId: task.id,
      before: { status: task.status, dueAt: task.dueAt },
      after: { status: decision.to, dueAt, eventId: event.id },
      reason,
    });
  }
  // Legs that never existed (e.g. the hazard was closed before tasks were introduced).
  await createHazardTasks(event, manager, payload.grade === 'MAJOR' ? 'MAJOR' : 'GENERAL');
}
