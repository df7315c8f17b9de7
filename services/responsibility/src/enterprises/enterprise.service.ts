import { applyScope, type SubgraphContext, uuidsOnly } from '@safety/subgraph-kit';
import { OrgUnit } from '../org-units/org-unit.entity.js';

/** Enterprise facts this service holds: the replicated `enterprise_ref`, read within the caller's scope. */
export class EnterpriseService {
  constructor(private readonly context: SubgraphContext) {}

  /** The regulating org units of an enterprise; [] when it is outside the caller's scope. One query per request. */
  regulatorsOf(enterpriseId: string): Promise<OrgUnit[]> {
    return this.context
      .loader<string, OrgUnit[]>('enterprise-regulators', async (enterpriseIds) => {
        const ids = uuidsOnly(enterpriseIds);
        if (ids.length === 0) return enterpriseIds.map(() => []);
        const query = this.context.db
          .getRepository(OrgUnit)
          .createQueryBuilder('org')
          .innerJoin('enterprise_ref', 'ref', 'org.id = ANY(ref.regulator_org_ids)')
          .addSelect('ref.id', 'enterprise_id')
          .where('ref.id IN (:...ids)', { ids })
          .orderBy('org.code', 'ASC');
        const { entities, raw } = await applyScope(
          query,
          this.context.principal,
          'ref.id',
        ).getRawAndEntities();
        // One raw row per (enterprise, org) pair: match them by position, entities are de-duplicated by id.
        const byId = new Map(entities.map((org) => [org.id, org]));
        const grouped = new Map<string, OrgUnit[]>();
        for (const row of raw as Array<{ enterprise_id: string; org_id: string }>) {
          const org = byId.get(row.org_id);
          if (!org) continue;
          grouped.set(row.enterprise_id, [...(grouped.get(row.enterprise_id) ?? []), org]);
        }
        return enterpriseIds.map((id) => grouped.get(id) ?? []);
      })
      .load(enterpriseId);
  }
}
