import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Multi-row inserts of `size` rows each: seeding hundreds of rows stays fast on PGlite. */
export async function insertInBatches<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: ReadonlyArray<Partial<T>>,
  size = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size) as never)
      .updateEntity(false)
      .execute();
  }
}
