import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Explicit live pointer (rollback is one update), held/declined subgraph versions with their
 * approval fields, the live supergraph's history, the audit of every mutation, and triggers that
 * keep version rows immutable (only the approval fields of a subgraph version may change).
 */
export class Versions1764600000000 implements MigrationInterface {
  name = 'Versions1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subgraph_version DROP CONSTRAINT subgraph_version_status_check`);
    await queryRunner.query(`
      ALTER TABLE subgraph_version
        ADD CONSTRAINT subgraph_version_status_check
          CHECK (status IN ('ACCEPTED', 'HELD', 'REJECTED', 'DECLINED')),
        ADD COLUMN url text,
        ADD COLUMN hold_reason text CHECK (hold_reason IN ('BREAKING_CHANGES', 'PINNED')),
        ADD COLUMN changes jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN broken_documents jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN decided_by text,
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN decision_reason text`);
    await queryRunner.query(`
      ALTER TABLE supergraph_version
        ADD COLUMN subgraph_version_id uuid REFERENCES subgraph_version (id),
        ADD COLUMN cause text CHECK (cause IN ('PUBLISH', 'APPROVAL')),
        ADD COLUMN created_by text`);
    await queryRunner.query(`
      CREATE TABLE supergraph_live (
        id int PRIMARY KEY CHECK (id = 1),
        version int NOT NULL REFERENCES supergraph_version (version),
        pinned boolean NOT NULL DEFAULT false,
        pinned_by text,
        pinned_at timestamptz,
        pin_reason text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Before this migration the highest version was live.
    await queryRunner.query(`
      INSERT INTO supergraph_live (id, version)
      SELECT 1, max(version) FROM supergraph_version HAVING max(version) IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE live_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_version int,
        to_version int NOT NULL,
        cause text NOT NULL CHECK (cause IN ('PUBLISH', 'APPROVAL', 'ROLLBACK')),
        actor text,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX live_change_at_idx ON live_change (at DESC)`);
    await queryRunner.query(`
      CREATE TABLE registry_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX registry_audit_at_idx ON registry_audit (at DESC)`);

    // History is immutable: a subgraph version may change only its decision, once, from HELD.
    await queryRunner.query(`
      CREATE FUNCTION subgraph_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'subgraph versions are history: never deleted';
        END IF;
        IF OLD.status <> 'HELD'
           OR (NEW.id, NEW.subgraph_name, NEW.version, NEW.hash, NEW.sdl, NEW.errors, NEW.published_by,
               NEW.commit, NEW.published_at, NEW.url, NEW.hold_reason, NEW.changes, NEW.broken_documents)
              IS DISTINCT FROM
              (OLD.id, OLD.subgraph_name, OLD.version, OLD.hash, OLD.sdl, OLD.errors, OLD.published_by,
               OLD.commit, OLD.published_at, OLD.url, OLD.hold_reason, OLD.changes, OLD.broken_documents)
        THEN
          RAISE EXCEPTION 'subgraph versions are history: only a held version''s decision may be recorded';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER subgraph_version_immutable BEFORE UPDATE OR DELETE ON subgraph_version
        FOR EACH ROW EXECUTE FUNCTION subgraph_version_immutable()`);
    await queryRunner.query(`
      CREATE FUNCTION registry_history_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is history: never changed', TG_TABLE_NAME;
      END $$`);
    for (const table of ['supergraph_version', 'live_change', 'registry_audit'])
      await queryRunner.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION registry_history_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['supergraph_version', 'live_change', 'registry_audit'])
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_immutable ON ${table}`);
    await queryRunner.query(`DROP TRIGGER subgraph_version_immutable ON subgraph_version`);
    await queryRunner.query(`DROP FUNCTION registry_history_immutable()`);
    await queryRunner.query(`DROP FUNCTION subgraph_version_immutable()`);
    await queryRunner.query(`DROP TABLE registry_audit`);
    await queryRunner.query(`DROP TABLE live_change`);
    await queryRunner.query(`DROP TABLE supergraph_live`);
    await queryRunner.query(
      `ALTER TABLE supergraph_version DROP COLUMN subgraph_version_id, DROP COLUMN cause, DROP COLUMN created_by`,
    );
    await queryRunner.query(`
      ALTER TABLE subgraph_version DROP CONSTRAINT subgraph_version_status_check,
        DROP COLUMN url, DROP COLUMN hold_reason, DROP COLUMN changes, DROP COLUMN broken_documents,
        DROP COLUMN decided_by, DROP COLUMN decided_at, DROP COLUMN decision_reason`);
    await queryRunner.query(
      `ALTER TABLE subgraph_version ADD CONSTRAINT subgraph_version_status_check CHECK (status IN ('ACCEPTED', 'REJECTED'))`,
    );
  }
}
