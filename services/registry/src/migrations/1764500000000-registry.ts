import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subgraph registrations, every published SDL version, and every composed supergraph. */
export class Registry1764500000000 implements MigrationInterface {
  name = 'Registry1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row that every publish locks: publishes are serialized across processes.
    await queryRunner.query(`CREATE TABLE registry_lock (id int PRIMARY KEY CHECK (id = 1))`);
    await queryRunner.query(`INSERT INTO registry_lock (id) VALUES (1)`);
    await queryRunner.query(`
      CREATE TABLE subgraph (
        name text PRIMARY KEY,
        url text NOT NULL,
        events_url text,
        subscribes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX subgraph_subscribes_idx ON subgraph USING gin (subscribes)`);
    await queryRunner.query(`
      CREATE TABLE subgraph_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subgraph_name text NOT NULL REFERENCES subgraph (name),
        version int NOT NULL,
        hash text NOT NULL,
        sdl text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED')),
        errors jsonb NOT NULL DEFAULT '[]',
        published_by text,
        commit text,
        published_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subgraph_version_number_unique UNIQUE (subgraph_name, version)
      )`);
    await queryRunner.query(
      `CREATE INDEX subgraph_version_status_idx ON subgraph_version (subgraph_name, status, version DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE supergraph_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL UNIQUE,
        hash text NOT NULL,
        sdl text NOT NULL,
        subgraph_version_ids uuid[] NOT NULL,
        routing_urls jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['supergraph_version', 'subgraph_version', 'subgraph', 'registry_lock']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
