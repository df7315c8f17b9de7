import {
  ENTERPRISE_ROLES,
  enterpriseScopeCondition,
  type Principal,
  Role,
  seesWholeCounty,
} from '@safety/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  inKeyOrder,
  localDate,
  localYear,
  nextSequence,
  notFound,
  now,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
  uuidsOnly,
} from '@safety/subgraph-kit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { Task } from './task.entity.js';
import { TaskSource, TaskStatus } from './task.enums.js';
import type {
  IssueTaskInput,
  ReturnTaskInput,
  SubmitTaskInput,
  TaskListArgs,
  TaskTransitionInput,
} from './task.inputs.js';
import { decideTaskTransition, type TaskAction, type TaskActor, WORKING_STATUSES } from './task.rules.js';

/**
 * Data scope of tasks (domain §2.4): the enterprise concerned lies in the caller's scope, or the
 * caller's org unit issued the task or is among its assignees; the county-wide roles see all.
 */
export function scopeTasks(
  query: SelectQueryBuilder<Task>,
  principal: Principal | null,
): SelectQueryBuilder<Task> {
  if (!principal) return query.andWhere('false');
  if (seesWholeCounty(principal)) return query;
  const condition = enterpriseScopeCondition(principal, 'task_scope_ref');
  const alias = query.alias;
  return query.andWhere(
    `(EXISTS (SELECT 1 FROM enterprise_ref task_scope_ref WHERE task_scope_ref.id = ${alias}.enterprise_id AND ${condition!.sql})
      OR ${alias}.issuer_org_id = CAST(:taskScopeOrg AS uuid)
      OR CAST(:taskScopeOrg AS uuid) = ANY(${alias}.assignee_org_ids))`,
    { ...condition!.params, taskScopeOrg: principal.scope.orgUnitId },
  );
}

/** Which parts of a task the caller holds: its assignee, its issuer (or the SAC office, which coordinates every task). */
export function actorsOf(principal: Principal, task: Task): TaskActor[] {
  const actors: TaskActor[] = [];
  const org = principal.scope.orgUnitId;
  const enterpriseUser = principal.roles.some((role) => ENTERPRISE_ROLES.includes(role));
  if (
    (task.assigneeEnterpriseId &&
      enterpriseUser &&
      principal.scope.enterpriseIds.includes(task.assigneeEnterpriseId)) ||
    (org && !enterpriseUser && task.assigneeOrgIds.includes(org))
  )
    actors.push('ASSIGNEE');
  if ((org && !enterpriseUser && task.issuerOrgId === org) || principal.roles.includes(Role.SAC_OFFICE))
    actors.push('ISSUER');
  if (principal.roles.includes(Role.SERVICE)) actors.push('SYSTEM');
  return actors;
}

export async function nextTaskCode(manager: EntityManager, at: Date): Promise<string> {
  const year = localYear(at);
  const n = await nextSequence(manager, 'TASK', year);
  return `TASK-${year}-${String(n).padStart(6, '0')}`;
}

/** 交办事项: lists, lookups and the transitions of domain §4.7. */
export class TaskService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return scopeTasks(manager.getRepository(Task).createQueryBuilder('task'), this.context.principal);
  }

  list(args: TaskListArgs) {
    const query = this.scoped();
    if (args.source) query.andWhere('task.source = :source', { source: args.source });
    if (args.leg) query.andWhere('task.leg = :leg', { leg: args.leg });
    if (args.status) query.andWhere('task.status = :status', { status: args.status });
    if (args.assigneeOrgId)
      query.andWhere('CAST(:assigneeOrg AS uuid) = ANY(task.assignee_org_ids)', {
        assigneeOrg: args.assigneeOrgId,
      });
    if (args.enterpriseId)
      query.andWhere('(task.enterprise_id = :enterprise OR task.assignee_enterprise_id = :enterprise)', {
        enterprise: args.enterpriseId,
      });
    if (args.relatedId)
      query.andWhere(`(task.source_ref_id = :related OR task.related_refs @> CAST(:relatedRef AS jsonb))`, {
        related: args.relatedId,
        relatedRef: JSON.stringify([{ id: args.relatedId }]),
      });
    if (args.overdue !== undefined && args.overdue !== null) {
      const late = 'task.status IN (:...working) AND task.due_at < :today';
      query.andWhere(args.overdue ? late : `NOT (${late})`, {
        working: WORKING_STATUSES,
        today: localDate(now()),
      });
    }
    return paginate(query, args, { property: 'issuedAt', direction: 'DESC' });
  }

  byId(id: string): Promise<Task | null> {
    return this.context.loader<string, Task | null>('task', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Task | null)[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return ids.map(() => null);
    const rows = await this.scoped().andWhere('task.id IN (:...valid)', { valid }).getMany();
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  /** `Hazard.tasks`: the tasks of many hazards in one statement, within scope. */
  ofSource(type: string, id: string): Promise<Task[]> {
    return this.context
      .loader<string, Task[]>(`tasks-of-${type}`, async (keys) => {
        const valid = uuidsOnly(keys);
        if (valid.length === 0) return keys.map(() => []);
        const rows = await this.scoped()
          .andWhere('task.source_ref_type = :type AND task.source_ref_id IN (:...valid)', { type, valid })
          .orderBy('task.leg', 'ASC')
          .addOrderBy('task.issued_at', 'ASC')
          .getMany();
        return keys.map((key) => rows.filter((row) => row.sourceRefId === key));
      })
      .load(id);
  }

  /** Org units by id, batched per request (issuer and assignees of the tasks on a page). */
  orgUnit(id: string): Promise<OrgUnit | null> {
    return this.context
      .loader<string, OrgUnit | null>('task-org-units', async (ids) => {
        const valid = uuidsOnly(ids);
        if (valid.length === 0) return ids.map(() => null);
        const rows = await this.context.db
          .getRepository(OrgUnit)
          .createQueryBuilder('org')
          .where('org.id IN (:...valid)', { valid })
          .getMany();
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  // ------------------------------------------------------------------------------------------
  // Issuing and the transitions
  // ------------------------------------------------------------------------------------------

  /** A body issues a task (meetings, briefings, tours, bulletins …); H-2 tasks come from hazard's events. */
  async issue(input: IssueTaskInput): Promise<Task> {
    const principal = requirePrincipal(this.context);
    const issuerOrgId = principal.scope.orgUnitId;
    if (!issuerOrgId) throw forbidden('Only an account of an org unit can issue tasks');
    if (input.source === TaskSource.HAZARD_DUAL_ASSIGNMENT)
      throw badUserInput({ source: 'hazard tasks are created from the hazard’s assignment (H-2)' });
    const today = localDate(now());
    if (input.dueAt < today) throw badUserInput({ dueAt: 'must be today or later' });
    const assigneeOrgIds = [...new Set(input.assigneeOrgIds ?? [])];
    if (!assigneeOrgIds.length && !input.assigneeEnterpriseId)
      throw badUserInput({ assigneeOrgIds: 'name an assignee org unit or an assignee enterprise' });
    return this.context.transaction(async (uow) => {
      if (assigneeOrgIds.length) {
        const found = await uow.manager
          .getRepository(OrgUnit)
          .createQueryBuilder('org')
          .where('org.id IN (:...ids)', { ids: assigneeOrgIds })
          .getCount();
        if (found !== assigneeOrgIds.length) throw badUserInput({ assigneeOrgIds: 'unknown org unit' });
      }
      const enterpriseId = input.enterpriseId ?? input.assigneeEnterpriseId ?? null;
      if (input.assigneeEnterpriseId)
        await uow.requireEnterpriseInScope(input.assigneeEnterpriseId, 'assigneeEnterpriseId');
      if (enterpriseId && enterpriseId !== input.assigneeEnterpriseId)
        await uow.requireEnterpriseInScope(enterpriseId, 'enterpriseId');
      const town = enterpriseId
        ? ((
            await uow.manager.query('SELECT township_code FROM enterprise_ref WHERE id = $1', [enterpriseId])
          )[0]?.township_code ?? null)
        : null;
      const at = now();
      const task = uow.manager.create(Task, {
        code: await nextTaskCode(uow.manager, at),
        source: input.source,
        leg: null,
        status: TaskStatus.ISSUED,
        title: input.title,
        requirement: input.requirement,
        issuerOrgId,
        assigneeEnterpriseId: input.assigneeEnterpriseId ?? null,
        assigneeOrgIds,
        enterpriseId,
        townshipCode: town,
        relatedRefs: (input.relatedRefs ?? []).map((r) => ({ type: r.type, id: r.id, code: r.code ?? null })),
        sourceRefType: null,
        sourceRefId: null,
        linkedTaskId: null,
        dueAt: input.dueAt,
        issuedAt: at,
        issuedOn: today,
        evidence: [],
      });
      const saved = await uow.manager.save(task);
      await uow.audit({ entity: 'Task', entityId: saved.id, after: saved });
      return saved;
    });
  }

  acknowledge(input: TaskTransitionInput) {
    return this.transition('acknowledge', input, {}, (task, at) => {
      task.acknowledgedAt = at;
    });
  }

  start(input: TaskTransitionInput) {
    return this.transition('start', input, {}, () => {});
  }

  submit(input: SubmitTaskInput) {
    const principal = requirePrincipal(this.context);
    const files = [...new Set(input.evidenceFileIds)];
    return this.transition('submit', input, { evidenceCount: files.length }, (task, at) => {
      task.submittedAt = at;
      task.submissionNote = input.note ?? null;
      task.evidence = [
        ...task.evidence,
        ...files.map((fileId) => ({
          fileId,
          note: input.note ?? null,
          addedAt: at.toISOString(),
          addedById: principal.id,
        })),
      ];
    });
  }

  return(input: ReturnTaskInput) {
    return this.transition(
      'return',
      input,
      { reason: input.reason },
      (task) => {
        task.returnReason = input.reason.trim();
      },
      input.reason.trim(),
    );
  }

  verify(input: TaskTransitionInput) {
    return this.transition('verify', input, {}, (task, at) => {
      task.verifiedAt = at;
    });
  }

  close(input: TaskTransitionInput) {
    return this.transition('close', input, {}, (task, at) => {
      task.closedAt = at;
    });
  }

  /** One row of §4.7: visible (else NOT_FOUND), current version (else CONFLICT), the rules decide. */
  private transition(
    action: TaskAction,
    input: TaskTransitionInput,
    guards: { evidenceCount?: number; reason?: string | null },
    apply: (task: Task, at: Date) => void,
    reason?: string,
  ): Promise<Task> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.id);
      if (before.version !== input.version)
        throw conflict('The task changed since you loaded it; reload and try again', {
          expectedVersion: input.version,
          actualVersion: before.version,
        });
      const decision = decideTaskTransition(action, before.status, actorsOf(principal, before), guards);
      if (!decision.allowed) {
        if (decision.code === 'FORBIDDEN') throw forbidden(decision.message);
        if (decision.code === 'BAD_USER_INPUT') throw badUserInput({ [decision.field!]: decision.message });
        throw conflict(decision.message, { from: before.status, action });
      }
      const after = uow.manager.create(Task, { ...before, status: decision.to });
      apply(after, now());
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'Task', entityId: saved.id, before, after: saved, reason });
      return saved;
    });
  }

  private async lockVisible(uow: UnitOfWork, id: string): Promise<Task> {
    const row = await this.scoped(uow.manager)
      .andWhere('task.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('Task', id);
    return row;
  }
}
