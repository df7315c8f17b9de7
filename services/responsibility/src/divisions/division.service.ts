import type { SubgraphContext } from '@safety/subgraph-kit';
import { inKeyOrder } from '@safety/subgraph-kit';
import { AdministrativeDivision } from './division.entity.js';
import type { DivisionListArgs } from './division.inputs.js';

/** Divisions are small and static: plain lists ordered by code, lookups batched per request. */
export class DivisionService {
  constructor(private readonly context: SubgraphContext) {}

  list(args: DivisionListArgs): Promise<AdministrativeDivision[]> {
    const query = this.context.db.getRepository(AdministrativeDivision).createQueryBuilder('division');
    if (args.level) query.andWhere('division.level = :level', { level: args.level });
    if (args.parentCode) query.andWhere('division.parent_code = :parent', { parent: args.parentCode });
    return query.orderBy('division.code', 'ASC').getMany();
  }

  byCode(code: string): Promise<AdministrativeDivision | null> {
    return this.context
      .loader<string, AdministrativeDivision | null>('division', async (codes) => {
        const rows = await this.context.db
          .getRepository(AdministrativeDivision)
          .createQueryBuilder('division')
          .where('division.code IN (:...codes)', { codes })
          .getMany();
        return inKeyOrder(codes, rows, (row) => row.code);
      })
      .load(code);
  }
}
