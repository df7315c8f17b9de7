import type { DataSource } from 'typeorm';

/**
 * The SQL statements this service sends through TypeORM while `work` runs: every query passes
 * the data source's logger, whatever the logging settings. The outbox's upkeep (event_log,
 * pg-boss) runs in the background and is left out.
 */
export async function sqlStatements(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const statements: string[] = [];
  logger.logQuery = (query, parameters, queryRunner) => {
    statements.push(query);
    return original.call(logger, query, parameters, queryRunner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements.filter((statement) => !/event_log|pgboss/i.test(statement));
}
