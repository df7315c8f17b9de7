import { DEMO_ENTERPRISES } from '@safety/reference';
import type { EntityManager } from 'typeorm';
import type { EventHandler } from '../events/types.js';

/** The enterprise facts that scope needs, replicated into every service (architecture §6). */
export interface EnterpriseRef {
  id: string;
  name: string;
  townshipCode: string;
  industryCode: string;
  regulatorOrgIds: string[];
  operatingStatus: string;
}

export const ENTERPRISE_EVENTS = ['EnterpriseRegistered', 'EnterpriseChanged'] as const;

export async function upsertEnterpriseRef(manager: EntityManager, ref: EnterpriseRef): Promise<void> {
  await manager.query(
    `INSERT INTO enterprise_ref (id, name, township_code, industry_code, regulator_org_ids, operating_status, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, township_code = EXCLUDED.township_code,
       industry_code = EXCLUDED.industry_code, regulator_org_ids = EXCLUDED.regulator_org_ids,
       operating_status = EXCLUDED.operating_status, updated_at = now()`,
    [ref.id, ref.name, ref.townshipCode, ref.industryCode, ref.regulatorOrgIds, ref.operatingStatus],
  );
}

/** Applies supervision's EnterpriseRegistered / EnterpriseChanged (payload: the EnterpriseRef fields). */
export const applyEnterpriseEvent: EventHandler = async (event, manager) => {
  await upsertEnterpriseRef(manager, event.payload as EnterpriseRef);
};

/** Every service starts from the same demo fixture, so scope works before any event flows. */
export async function seedEnterpriseRefs(manager: EntityManager): Promise<void> {
  for (const e of DEMO_ENTERPRISES) {
    await upsertEnterpriseRef(manager, {
      id: e.id,
      name: e.name,
      townshipCode: e.townshipCode,
      industryCode: e.industryCode,
      regulatorOrgIds: e.regulatorOrgIds,
      operatingStatus: e.operatingStatus,
    });
  }
}
