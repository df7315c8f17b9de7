import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Written inside the mutation's own transaction, so an audited change and its entry land together. */
export async function writeRegistryAudit(m: EntityManager, record: AuditRecord): Promise<void> {
  await m.query(
    'INSERT INTO registry_audit (actor, action, target, reason, details) VALUES ($1, $2, $3, $4, $5)',
    [record.actor, record.action, record.target, record.reason ?? null, JSON.stringify(record.details ?? {})],
  );
}

export class AuditService {
  constructor(private readonly db: DataSource) {}

  list(first: number, action?: string | null): Promise<AuditEntry[]> {
    return this.db.getRepository(AuditEntry).find({
      where: action ? { action } : {},
      order: { at: 'DESC' },
      take: first,
    });
  }
}
