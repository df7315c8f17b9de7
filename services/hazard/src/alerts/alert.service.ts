import { randomUUID } from 'node:crypto';
import {
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  forbidden,
  type JobRuntime,
  notFound,
  now,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { HazardSource } from '../hazards/hazard.enums.js';
import { HazardService } from '../hazards/hazard.service.js';
import { joinedContext } from '../self-checks/self-check.service.js';
import { platformContext } from '../special-equipment/platform-context.js';
import { MonitoringAlert } from './alert.entity.js';
import { MonitoringAlertStatus } from './alert.enums.js';
import type {
  AcknowledgeMonitoringAlertInput,
  CloseMonitoringAlertInput,
  ConvertAlertToHazardInput,
  DisposeMonitoringAlertInput,
  EnterpriseMonitoringAlertsArgs,
  MonitoringAlertListArgs,
  ReceiveMonitoringAlertInput,
} from './alert.inputs.js';
import {
  type AlertOperation,
  acknowledgeDue,
  alertPartiesOf,
  decideAlert,
  escalationDue,
  incomingProblems,
} from './alert.rules.js';

const SORT = { property: 'startedAt', direction: 'DESC' } as const;

function escalatedPayload(alert: MonitoringAlert, regulatorOrgIds: string[]) {
  return {
    alertId: alert.id,
    enterpriseId: alert.enterpriseId,
    sourceSystem: alert.sourceSystem,
    sensorRef: alert.sensorRef,
    kind: alert.kind,
    level: alert.level,
    startedAt: alert.startedAt.toISOString(),
    acknowledgeDueAt: alert.acknowledgeDueAt.toISOString(),
    regulatorOrgIds,
  };
}

/** 监测预警 (domain §5.13): receipt from integrators, handling, escalation, conversion into a hazard. */
export class MonitoringAlertService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(MonitoringAlert).createQueryBuilder('alert'),
      this.context.principal,
      'alert.enterprise_id',
    );
  }

  private filtered(args: Partial<MonitoringAlertListArgs>) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('alert.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.status) query.andWhere('alert.status = :status', { status: args.status });
    if (args.level) query.andWhere('alert.level = :level', { level: args.level });
    if (args.kind) query.andWhere('alert.kind = :kind', { kind: args.kind });
    if (args.sourceSystem) query.andWhere('alert.source_system = :source', { source: args.sourceSystem });
    // Local days (domain §0.3), both ends included.
    if (args.startedFrom)
      query.andWhere(`alert.started_at >= (CAST(:startedFrom AS date) - interval '8 hours')`, {
        startedFrom: args.startedFrom,
      });
    if (args.startedTo)
      query.andWhere(`alert.started_at < (CAST(:startedTo AS date) + interval '16 hours')`, {
        startedTo: args.startedTo,
      });
    if (args.converted !== undefined && args.converted !== null)
      query.andWhere(args.converted ? 'alert.hazard_id IS NOT NULL' : 'alert.hazard_id IS NULL');
    return query;
  }

  list(args: MonitoringAlertListArgs) {
    return paginate(this.filtered(args), args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, MonitoringAlert | null>('monitoring-alert', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(MonitoringAlert | null)[]> {
    const rows = await this.scoped().andWhere('alert.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  forEnterprise(enterpriseId: string, args: EnterpriseMonitoringAlertsArgs) {
    return ownerPage(this.context, {
      key: `enterprise-monitoring-alerts:${args.status ?? ''}:${args.level ?? ''}`,
      query: () => this.filtered({ status: args.status, level: args.level }),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<MonitoringAlert>>;
  }

  /**
   * Receives an alarm from an integrator, idempotent by source system + sensor + start: a repeat
   * returns the alert already held (and may add the time it cleared).
   */
  receive(input: ReceiveMonitoringAlertInput): Promise<MonitoringAlert> {
    const receivedAt = now();
    const problems = incomingProblems(input, receivedAt);
    if (Object.keys(problems).length) throw badUserInput(problems);
    return this.context.transaction(async (uow) => {
      await uow.requireEnterpriseInScope(input.enterpriseId);
      const inserted = await uow.manager
        .createQueryBuilder()
        .insert()
        .into(MonitoringAlert)
        .values({
          id: randomUUID(),
          sourceSystem: input.sourceSystem,
          enterpriseId: input.enterpriseId,
          sensorRef: input.sensorRef,
          kind: input.kind,
          level: input.level,
          reading: input.reading ?? null,
          message: input.message ?? null,
          startedAt: input.startedAt,
          clearedAt: input.clearedAt ?? null,
          receivedAt,
          status: MonitoringAlertStatus.OPEN,
          acknowledgeDueAt: acknowledgeDue(input.startedAt, receivedAt),
        })
        .orIgnore()
        .returning('id')
        .execute();
      const created = inserted.raw.length > 0;
      const alert = await uow.manager
        .getRepository(MonitoringAlert)
        .createQueryBuilder('alert')
        .where(
          'alert.source_system = :source AND alert.sensor_ref = :sensor AND alert.started_at = :started',
          {
            source: input.sourceSystem,
            sensor: input.sensorRef,
            started: input.startedAt,
          },
        )
        .setLock('pessimistic_write')
        .getOneOrFail();
      if (alert.enterpriseId !== input.enterpriseId)
        throw badUserInput({ enterpriseId: 'this alarm was received for another enterprise' });
      if (created) {
        await uow.audit({ entity: 'MonitoringAlert', entityId: alert.id, after: alert });
        return alert;
      }
      if (input.clearedAt && !alert.clearedAt) {
        const saved = await uow.manager.save(
          uow.manager.create(MonitoringAlert, { ...alert, clearedAt: input.clearedAt }),
        );
        await uow.audit({ entity: 'MonitoringAlert', entityId: saved.id, before: alert, after: saved });
        return saved;
      }
      return alert;
    });
  }

  acknowledge(input: AcknowledgeMonitoringAlertInput) {
    return this.move(input, 'acknowledge', (by) => ({ acknowledgedAt: now(), acknowledgedById: by }));
  }

  dispose(input: DisposeMonitoringAlertInput) {
    return this.move(input, 'dispose', (by) => ({
      disposedAt: now(),
      disposedById: by,
      handling: input.handling,
    }));
  }

  close(input: CloseMonitoringAlertInput) {
    return this.move(input, 'close', () => ({ closedAt: now() }));
  }

  /** An alert becomes a hazard (source MONITORING_ALERT, sourceRef the alert) in one transaction; once. */
  convert(input: ConvertAlertToHazardInput): Promise<MonitoringAlert> {
    return this.context.transaction(async (uow) => {
      const before = await this.lock(uow, input);
      if (before.hazardId) throw conflict('The alert is already a hazard', { hazardId: before.hazardId });
      if (before.status === MonitoringAlertStatus.CLOSED)
        throw conflict('The alert is closed', { status: before.status });
      const hazard = await new HazardService(joinedContext(this.context, uow)).report({
        enterpriseId: before.enterpriseId,
        title: input.title,
        description:
          input.description ??
          `监测预警转隐患：${before.sourceSystem} ${before.sensorRef} ${before.kind} ${before.level}` +
            `${before.reading ? `，读数 ${before.reading}` : ''}${before.message ? `，${before.message}` : ''}`,
        grade: input.grade,
        source: HazardSource.MONITORING_ALERT,
        sourceRef: before.id,
        category: input.category,
        foundAt: before.startedAt,
        evidence: input.evidence,
        noPhotoReason: input.evidence?.length
          ? undefined
          : `监测系统 ${before.sourceSystem} 数据告警，无现场照片`,
        deadline: input.deadline,
      });
      const saved = await uow.manager.save(
        uow.manager.create(MonitoringAlert, { ...before, hazardId: hazard.id }),
      );
      await uow.audit({ entity: 'MonitoringAlert', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  private move(
    input: { alertId: string; expectedVersion: number },
    operation: AlertOperation,
    apply: (by: string) => Partial<MonitoringAlert>,
  ): Promise<MonitoringAlert> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lock(uow, input);
      const { decision, to } = decideAlert(operation, before.status, alertPartiesOf(principal.roles));
      if (decision === 'ILLEGAL')
        throw conflict(`An alert in ${before.status} cannot be moved by ${operation}`, {
          from: before.status,
          operation,
        });
      if (decision === 'NOT_PERMITTED')
        throw forbidden(`${operation} of a ${before.status} alert is not yours to do`);
      const saved = await uow.manager.save(
        uow.manager.create(MonitoringAlert, { ...before, ...apply(principal.id), status: to! }),
      );
      await uow.audit({ entity: 'MonitoringAlert', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  private async lock(uow: UnitOfWork, input: { alertId: string; expectedVersion: number }) {
    const alert = await this.scoped(uow.manager)
      .andWhere('alert.id = :id', { id: input.alertId })
      .setLock('pessimistic_write')
      .getOne();
    if (!alert) throw notFound('MonitoringAlert', input.alertId);
    if (alert.version !== input.expectedVersion)
      throw conflict('The alert was changed by someone else: reload and try again', {
        currentVersion: alert.version,
      });
    return alert;
  }
}

/**
 * OPEN → ESCALATED for every alert not acknowledged in time (domain §5.13), each with
 * `MonitoringAlertEscalated` naming the enterprise's regulators. Returns the ids escalated.
 */
export function sweepUnacknowledgedAlerts(
  runtime: Pick<JobRuntime, 'dataSource' | 'outbox'>,
  at: Date = now(),
) {
  const context = platformContext(runtime, 'monitoring-alert-escalation');
  return context.transaction(async (uow) => {
    const due = (
      await uow.manager
        .getRepository(MonitoringAlert)
        .createQueryBuilder('alert')
        .where('alert.status = :open', { open: MonitoringAlertStatus.OPEN })
        .andWhere('alert.acknowledge_due_at < :at', { at })
        .orderBy('alert.acknowledge_due_at')
        .addOrderBy('alert.id')
        .setLock('pessimistic_write')
        .getMany()
    ).filter((alert) => escalationDue(alert, at));
    const refs: Array<{ id: string; regulator_org_ids: string[] }> = due.length
      ? await uow.manager.query(
          'SELECT id, regulator_org_ids FROM enterprise_ref WHERE id = ANY($1::uuid[])',
          [[...new Set(due.map((a) => a.enterpriseId))]],
        )
      : [];
    for (const before of due) {
      const { decision, to } = decideAlert('escalate', before.status, ['SYSTEM']);
      if (decision !== 'ALLOWED') continue;
      const saved = await uow.manager.save(
        uow.manager.create(MonitoringAlert, { ...before, status: to!, escalatedAt: at }),
      );
      await uow.audit({ entity: 'MonitoringAlert', entityId: saved.id, before, after: saved });
      const regulators = refs.find((r) => r.id === saved.enterpriseId)?.regulator_org_ids ?? [];
      await uow.emit('MonitoringAlertEscalated', escalatedPayload(saved, regulators));
    }
    return due.map((alert) => alert.id);
  });
}
