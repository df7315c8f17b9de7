import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type ConnectionShape, encodeCursor } from './pagination.js';

/**
 * The first page of one connection for many owners in ONE statement (architecture §5: the
 * statement count must not grow with the list): rows are ranked per owner with window
 * functions, and `first + 1` are kept per owner, with each owner's total count. `query` already
 * carries the scope and the filters. Owners without rows get an empty page.
 */
export async function firstPagesByOwner<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  owner: { property: keyof T & string; ids: readonly string[] },
  first: number,
  sort: { property: keyof T & string; direction: 'ASC' | 'DESC' },
): Promise<ConnectionShape<T>[]> {
  const alias = query.alias;
  const order = `${alias}.${sort.property} ${sort.direction}, ${alias}.id ${sort.direction}`;
  const ranked = query
    .clone()
    .select(`${alias}.id`, 'ranked_id')
    .addSelect(
      `row_number() OVER (PARTITION BY ${alias}.${owner.property} ORDER BY ${order})`,
      'ranked_position',
    )
    .addSelect(`count(*) OVER (PARTITION BY ${alias}.${owner.property})`, 'ranked_total')
    .andWhere(`${alias}.${owner.property} IN (:...rankedOwnerIds)`, { rankedOwnerIds: owner.ids });
  const page = query
    .createQueryBuilder()
    .select(alias)
    .from(query.expressionMap.mainAlias!.target, alias)
    .innerJoin(`(${ranked.getQuery()})`, 'ranked', `ranked.ranked_id = ${alias}.id`)
    .setParameters(ranked.getParameters())
    .addSelect('ranked.ranked_total', 'ranked_total')
    .where('ranked.ranked_position <= :rankedLimit', { rankedLimit: first + 1 })
    .orderBy(`${alias}.${owner.property}`)
    .addOrderBy(`${alias}.${sort.property}`, sort.direction)
    .addOrderBy(`${alias}.id`, sort.direction);
  const { entities, raw } = (await page.getRawAndEntities()) as { entities: T[]; raw: any[] };

  const totals = new Map<string, number>();
  for (const row of raw) totals.set(String(row[`${alias}_id`]), Number(row.ranked_total));
  const byOwner = new Map<string, T[]>();
  for (const entity of entities) {
    const key = String(entity[owner.property]);
    const rows = byOwner.get(key) ?? [];
    rows.push(entity);
    byOwner.set(key, rows);
  }
  return owner.ids.map((id) => {
    const rows = byOwner.get(id) ?? [];
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node[sort.property], node.id), node }));
    return {
      nodes,
      edges,
      totalCount: rows[0] ? (totals.get(rows[0].id) ?? 0) : 0,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  });
}
