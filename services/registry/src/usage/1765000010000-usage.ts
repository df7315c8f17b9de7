import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Usage reported by the gateway: operations seen, and hourly counts per operation and per schema coordinate. */
export class Usage1765000010000 implements MigrationInterface {
  name = 'Usage1765000010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE usage_operation (
        hash text PRIMARY KEY,
        name text,
        type text,
        body text,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now()
      )`);
    // '' instead of NULL for a missing version or token: they are part of the primary key.
    await queryRunner.query(`
      CREATE TABLE usage_operation_hour (
        hour timestamptz NOT NULL,
        operation_hash text NOT NULL,
        client_name text NOT NULL,
        client_version text NOT NULL DEFAULT '',
        token_id text NOT NULL DEFAULT '',
        count bigint NOT NULL,
        errors bigint NOT NULL DEFAULT 0,
        last_seen timestamptz NOT NULL,
        PRIMARY KEY (hour, operation_hash, client_name, client_version, token_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX usage_operation_hour_token_idx ON usage_operation_hour (token_id, hour) WHERE token_id <> ''`,
    );
    await queryRunner.query(
      `CREATE INDEX usage_operation_hour_client_idx ON usage_operation_hour (client_name, hour)`,
    );
    await queryRunner.query(`
      CREATE TABLE usage_coordinate_hour (
        hour timestamptz NOT NULL,
        coordinate text NOT NULL,
        operation_hash text NOT NULL,
        client_name text NOT NULL,
        client_version text NOT NULL DEFAULT '',
        count bigint NOT NULL,
        last_seen timestamptz NOT NULL,
        PRIMARY KEY (coordinate, hour, operation_hash, client_name, client_version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['usage_coordinate_hour', 'usage_operation_hour', 'usage_operation']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
