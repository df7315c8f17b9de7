import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../context.js';
import {
  type ConnectionShape,
  cursorValuesById,
  encodeCursor,
  exactSortValue,
  paginate,
} from './pagination.js';

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
    .addSelect(exactSortValue(query, sort.property), 'cursor_value')
    .where('ranked.ranked_position <= :rankedLimit', { rankedLimit: first + 1 })
    .orderBy(`${alias}.${owner.property}`)
    .addOrderBy(`${alias}.${sort.property}`, sort.direction)
    .addOrderBy(`${alias}.id`, sort.direction);
  const { entities, raw } = (await page.getRawAndEntities()) as { entities: T[]; raw: any[] };

  const cursorValues = cursorValuesById(raw, alias);
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
    const edges = nodes.map((node) => ({
      cursor: encodeCursor(cursorValues.get(node.id) ?? node[sort.property], node.id),
      node,
    }));
    return {
      nodes,
      edges,
      totalCount: rows[0] ? (totals.get(rows[0].id) ?? 0) : 0,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  });
}

/**
 * One owner's page of a connection a service adds to another entity (`Enterprise.hazards`):
 * first pages are batched across the owners of the request in one statement; a page after a
 * cursor is a keyset page of that owner alone. `query` builds the scoped, filtered rows.
 */
export function ownerPage<T extends ObjectLiteral & { id: string }>(
  context: SubgraphContext,
  options: {
    key: string;
    query: () => SelectQueryBuilder<T>;
    owner: keyof T & string;
    ownerId: string;
    args: { first: number; after?: string | null };
    sort: { property: keyof T & string; direction: 'ASC' | 'DESC' };
  },
): Promise<ConnectionShape<T>> {
  const { query, owner, ownerId, args, sort } = options;
  if (args.after) {
    const ownRows = query();
    return paginate(ownRows.andWhere(`${ownRows.alias}.${owner} = :ownerId`, { ownerId }), args, sort);
  }
  return context
    .loader<string, ConnectionShape<T>>(`${options.key}:${args.first}`, (ids) =>
      firstPagesByOwner(query(), { property: owner, ids }, args.first, sort),
    )
    .load(ownerId);
}

/** A count per owner (`Enterprise.openHazardCount`): one grouped statement for all owners of the request. */
export function ownerCount<T extends ObjectLiteral>(
  context: SubgraphContext,
  options: { key: string; query: () => SelectQueryBuilder<T>; owner: keyof T & string; ownerId: string },
): Promise<number> {
  return context
    .loader<string, number>(options.key, async (ids) => {
      const rows = options.query();
      const counts = await rows
        .select(`${rows.alias}.${options.owner}`, 'owner')
        .addSelect('count(*)::int', 'count')
        .andWhere(`${rows.alias}.${options.owner} IN (:...countOwnerIds)`, { countOwnerIds: ids })
        .groupBy(`${rows.alias}.${options.owner}`)
        .getRawMany<{ owner: string; count: number }>();
      return ids.map((id) => counts.find((row) => row.owner === id)?.count ?? 0);
    })
    .load(options.ownerId);
}
