import { DataSource, type MixedList } from 'typeorm';
import { KitTables1700000000000 } from './kit-tables.js';

export function createDataSource(options: {
  name: string;
  url: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: [KitTables1700000000000, ...(options.migrations as Function[])],
    migrationsTableName: `${options.name}_migrations`,
    migrationsTransactionMode: 'each',
    // PGlite has no uuid-ossp; gen_random_uuid() comes from pgcrypto (architecture §4).
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    extra: { max: 10 },
  });
}
