import { inKeyOrder, paginate, type SubgraphContext, uuidsOnly } from '@safety/subgraph-kit';
import { Official } from './official.entity.js';
import { OrgUnit } from './org-unit.entity.js';
import type { OrgUnitListArgs } from './org-unit.inputs.js';

/**
 * Org units and officials are county-public reference data: every signed-in caller sees all of
 * them (no enterprise scope), anonymous callers none. Lookups are batched per request.
 */
export class OrgUnitService {
  constructor(private readonly context: SubgraphContext) {}

  list(args: OrgUnitListArgs) {
    const query = this.context.db.getRepository(OrgUnit).createQueryBuilder('org');
    if (args.type) query.andWhere('org.type = :type', { type: args.type });
    if (args.parentId) query.andWhere('org.parent_id = :parent', { parent: args.parentId });
    if (args.search) {
      query.andWhere('(org.name ILIKE :q OR org.code ILIKE :q)', {
        q: `%${args.search.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return paginate(query, args, { property: 'code', direction: 'ASC' });
  }

  byId(id: string): Promise<OrgUnit | null> {
    return this.context.loader<string, OrgUnit | null>('org-unit', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(OrgUnit | null)[]> {
    const valid = uuidsOnly(ids);
    if (!this.context.principal || valid.length === 0) return ids.map(() => null);
    const rows = await this.context.db
      .getRepository(OrgUnit)
      .createQueryBuilder('org')
      .where('org.id IN (:...ids)', { ids: valid })
      .getMany();
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  officialById(id: string): Promise<Official | null> {
    return this.context
      .loader<string, Official | null>('official', (ids) => this.officialsByIds(ids))
      .load(id);
  }

  async officialsByIds(ids: readonly string[]): Promise<(Official | null)[]> {
    const valid = uuidsOnly(ids);
    if (!this.context.principal || valid.length === 0) return ids.map(() => null);
    const rows = await this.context.db
      .getRepository(Official)
      .createQueryBuilder('official')
      .where('official.id IN (:...ids)', { ids: valid })
      .getMany();
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  /** The officials of one org unit, principals first; one query for all units of a request. */
  officialsOf(orgUnitId: string): Promise<Official[]> {
    return this.context
      .loader<string, Official[]>('officials-of-org', async (orgIds) => {
        const valid = uuidsOnly(orgIds);
        if (valid.length === 0) return orgIds.map(() => []);
        const rows = await this.context.db
          .getRepository(Official)
          .createQueryBuilder('official')
          .where('official.org_unit_id IN (:...valid)', { valid })
          .orderBy('official.is_principal', 'DESC')
          .addOrderBy('official.name', 'ASC')
          .getMany();
        return orgIds.map((orgId) => rows.filter((row) => row.orgUnitId === orgId));
      })
      .load(orgUnitId);
  }
}
