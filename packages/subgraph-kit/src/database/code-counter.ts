import type { EntityManager } from 'typeorm';

/**
 * The next number of a per-year sequence (codes are unique per service and never reused, domain §0.3).
 * Runs on the caller's transaction: the counter row stays locked until it commits, so two
 * concurrent reports never share a number, and a rolled-back one gives its number back.
 */
export async function nextSequence(manager: EntityManager, prefix: string, year: number): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO code_counter (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = code_counter.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  );
  return Number(row.last_value);
}

/** Sets counters after a bulk load (the seed), never lowering one. */
export async function raiseSequences(
  manager: EntityManager,
  prefix: string,
  lastValues: ReadonlyMap<number, number>,
): Promise<void> {
  for (const [year, lastValue] of lastValues) {
    await manager.query(
      `INSERT INTO code_counter (prefix, year, last_value) VALUES ($1, $2, $3)
       ON CONFLICT (prefix, year) DO UPDATE SET last_value = GREATEST(code_counter.last_value, EXCLUDED.last_value)`,
      [prefix, year, lastValue],
    );
  }
}
