import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors.js';

@ObjectType({ description: 'Cursor pagination state (Relay style).' })
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 200.' })
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `<Name>Connection` type with edges, nodes, pageInfo and totalCount. */
export function Connection<T extends object>(name: string, itemType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => itemType) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [itemType]) nodes: T[];
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Rows matching the filters within your data scope.' })
    totalCount: number;
  }
  return ConnectionType;
}

/** A cursor for a row: base64url JSON `[sort value, id]`, the same for every list. */
export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2 && typeof values[1] === 'string')
      return values as [unknown, string];
  } catch {
    // fall through
  }
  throw badUserInput({ after: 'not a cursor returned by this list' });
}

/**
 * The sort column as the database's own text: a cursor must hold the exact value, and a JS Date
 * keeps milliseconds where PostgreSQL keeps microseconds (rows created by `now()` in one
 * statement would otherwise be skipped or repeated across pages).
 */
export function exactSortValue<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  property: string,
): string {
  const alias = query.alias;
  const column = query.expressionMap.mainAlias?.metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column for the sort property ${property}`);
  return `"${alias}"."${column.databaseName}"::text`;
}

/** `cursor_value` of raw rows by the row's id (raw rows may repeat an entity when relations are joined). */
export function cursorValuesById(
  raw: ReadonlyArray<Record<string, unknown>>,
  alias: string,
): Map<string, string> {
  return new Map(raw.map((row) => [String(row[`${alias}_id`]), String(row.cursor_value)]));
}

/**
 * Keyset pagination over (sort property, id): stable under inserts and index-backed.
 * The count runs on the same filtered (and scoped) query.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: { first: number; after?: string | null },
  sort: { property: keyof T & string; direction: 'ASC' | 'DESC' },
): Promise<ConnectionShape<T>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = sort.direction === 'DESC' ? '<' : '>';
    page.andWhere(`(${alias}.${sort.property}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const { entities: rows, raw } = await page
    .addSelect(exactSortValue(query, sort.property), 'cursor_value')
    .orderBy(`${alias}.${sort.property}`, sort.direction)
    .addOrderBy(`${alias}.id`, sort.direction)
    .take(args.first + 1)
    .getRawAndEntities();
  const cursorValues = cursorValuesById(raw, alias);
  const hasNextPage = rows.length > args.first;
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => {
    return { cursor: encodeCursor(cursorValues.get(node.id) ?? node[sort.property], node.id), node };
  });
  return { nodes, edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
