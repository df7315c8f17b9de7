import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables every service has: the audit log, the kept event log, the consumer's record of
 * applied events, the replicated enterprise facts that scope queries join, and kit metadata.
 */
export class KitTables1700000000000 implements MigrationInterface {
  name = 'KitTables1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kit_meta (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    // Per-year sequences for human codes like HZ-2024-000123 (database/code-counter.ts).
    await queryRunner.query(`
      CREATE TABLE code_counter (prefix text NOT NULL, year int NOT NULL, last_value int NOT NULL, PRIMARY KEY (prefix, year))`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor_username text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        request_id text,
        operation text NOT NULL,
        entity text,
        entity_id text,
        reason text,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await queryRunner.query(`
      CREATE TABLE event_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        deliveries jsonb NOT NULL DEFAULT '{}',
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        delivered_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX event_log_type_idx ON event_log (type, created_at)`);
    await queryRunner.query(`
      CREATE TABLE processed_event (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        source text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE enterprise_ref (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        township_code text NOT NULL,
        industry_code text NOT NULL,
        regulator_org_ids uuid[] NOT NULL DEFAULT '{}',
        operating_status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX enterprise_ref_township_idx ON enterprise_ref (township_code)`);
    await queryRunner.query(`CREATE INDEX enterprise_ref_industry_idx ON enterprise_ref (industry_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'enterprise_ref',
      'processed_event',
      'event_log',
      'audit_log',
      'code_counter',
      'kit_meta',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
