import { type DomainEvent, now, type Outbox, type SubgraphContext, writeAudit } from '@safety/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { WorkPermit } from './permit.entity.js';
import { permitFacts, permitWorker } from './permit.gate.js';
import { decidePermitTransition, permitsToRevoke } from './permit.rules.js';
import { LIVE_PERMIT_STATUSES, OPEN_PERMIT_STATUSES } from './permit.tables.js';

/** What a sweep needs of the running subgraph (`SubgraphRuntime` has both). */
export interface PermitSweepRuntime {
  dataSource: DataSource;
  outbox: Outbox;
}

/** The platform acts: audit entries carry no principal. */
function systemContext(operation: string): SubgraphContext {
  return {
    principal: null,
    requestId: `permits:${operation}`,
    mutation: undefined,
  } as unknown as SubgraphContext;
}

function payloadOf(permit: WorkPermit): Record<string, unknown> {
  return {
    permitId: permit.id,
    code: permit.code,
    enterpriseId: permit.enterpriseId,
    townshipCode: permit.townshipCode,
    industryCode: permit.industryCode,
    type: permit.type,
    status: permit.status,
  };
}

/**
 * The periodic permit sweep: open permits whose `validTo` has passed → EXPIRED (domain §5.9, actor
 * SYSTEM), and `PermitRevoked` for the P-2 revocations the event handler recorded (a handler writes on
 * the inbox's transaction and has no outbox; the notice follows within one sweep).
 */
export function sweepPermits(
  runtime: PermitSweepRuntime,
  at: Date = now(),
): Promise<{ expired: string[]; notified: string[] }> {
  return runtime.dataSource.transaction(async (manager) => {
    const expiring = await manager
      .getRepository(WorkPermit)
      .createQueryBuilder('permit')
      .where('permit.status IN (:...open)', { open: OPEN_PERMIT_STATUSES })
      .andWhere('permit.valid_to < :at', { at })
      .orderBy('permit.valid_to', 'ASC')
      .limit(500)
      .setLock('pessimistic_write')
      .getMany();
    const expired: string[] = [];
    for (const permit of expiring) {
      const decision = decidePermitTransition(permitFacts(permit), 'EXPIRED', 'SYSTEM', { now: at });
      if (!decision.allowed) continue;
      const before = permit.status;
      // A status change: the version moves, so an edit read before it conflicts.
      await manager.query(
        `UPDATE work_permit SET status = 'EXPIRED', version = version + 1, updated_at = now() WHERE id = $1`,
        [permit.id],
      );
      await writeAudit(manager, systemContext('expirePermits'), {
        operation: 'expirePermits',
        entity: 'WorkPermit',
        entityId: permit.id,
        before: { status: before },
        after: { status: 'EXPIRED', validTo: permit.validTo },
      });
      expired.push(permit.id);
    }

    const pending = await manager
      .getRepository(WorkPermit)
      .createQueryBuilder('permit')
      .where('permit.revocation_notice_pending')
      .setLock('pessimistic_write')
      .getMany();
    for (const permit of pending) {
      await runtime.outbox.emit(
        manager,
        'PermitRevoked',
        {
          ...payloadOf(permit),
          reason: permit.revocation?.reason ?? null,
          personId: permit.revocation?.personId ?? null,
          certificateId: permit.revocation?.certificateId ?? null,
          notifyPersonIds: permit.revocation?.notifyPersonIds ?? [],
        },
        null,
      );
      await manager.query('UPDATE work_permit SET revocation_notice_pending = false WHERE id = $1', [
        permit.id,
      ]);
    }
    return { expired, notified: pending.map((p) => p.id) };
  });
}

/** Payload of `CertificateStatusChanged` as training emits it (certificate.service.ts). */
interface CertificateStatusChangedPayload {
  certificateId: string;
  personId: string;
  enterpriseId?: string | null;
  number?: string | null;
  from: string | null;
  to: string;
  reason?: string | null;
}

/**
 * P-2: a certificate that stops counting as valid revokes the APPROVED / IN_PROGRESS permits whose
 * approval relied on it (or, without a snapshot, that name the person), with the reason; audited;
 * `PermitRevoked` goes out with the next sweep. Idempotent through the kit's inbox.
 */
export async function onCertificateStatusChanged(
  event: DomainEvent<CertificateStatusChangedPayload>,
  manager: EntityManager,
): Promise<void> {
  const { certificateId, personId, to } = event.payload ?? ({} as CertificateStatusChangedPayload);
  if (!certificateId || !personId || !to) return;
  const live = await manager
    .getRepository(WorkPermit)
    .createQueryBuilder('permit')
    .where('permit.status IN (:...live)', { live: LIVE_PERMIT_STATUSES })
    .andWhere('permit.workers @> CAST(:worker AS jsonb)', { worker: JSON.stringify([{ personId }]) })
    .setLock('pessimistic_write')
    .getMany();
  const revocations = permitsToRevoke(
    { certificateId, personId, newStatus: to },
    live.map((permit) => ({
      permitId: permit.id,
      status: permit.status,
      workers: permit.workers.map(permitWorker),
    })),
  );
  const at = now();
  for (const revocation of revocations) {
    const permit = live.find((p) => p.id === revocation.permitId)!;
    const reasonText = `${revocation.reason.messageZh}（证书 ${event.payload.number ?? certificateId}：${to}）`;
    const decision = decidePermitTransition(permitFacts(permit), 'REVOKED', 'SYSTEM', {
      now: at,
      reasonText,
    });
    if (!decision.allowed) continue;
    const record = {
      at: at.toISOString(),
      reason: reasonText,
      personId,
      certificateId,
      byId: null,
      notifyPersonIds: revocation.notifyPersonIds,
    };
    await manager.query(
      `UPDATE work_permit SET status = 'REVOKED', revocation = $2, revocation_notice_pending = true,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [permit.id, JSON.stringify(record)],
    );
    await writeAudit(manager, systemContext('CertificateStatusChanged'), {
      operation: 'CertificateStatusChanged',
      entity: 'WorkPermit',
      entityId: permit.id,
      before: { status: permit.status },
      after: { status: 'REVOKED', revocation: record, eventId: event.id },
      reason: reasonText,
    });
  }
}
