import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Divisions, org units and officials: the master data this service owns (domain §2.1). */
export class ReferenceData1764300000100 implements MigrationInterface {
  name = 'ReferenceData1764300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE administrative_division (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text REFERENCES administrative_division (code),
        placeholder boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(
      `CREATE INDEX administrative_division_parent_idx ON administrative_division (parent_code, code)`,
    );
    await queryRunner.query(
      `CREATE INDEX administrative_division_level_idx ON administrative_division (level, code)`,
    );
    await queryRunner.query(`
      CREATE TABLE org_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        parent_id uuid REFERENCES org_unit (id),
        division_code text NOT NULL REFERENCES administrative_division (code),
        is_safety_committee_member boolean NOT NULL DEFAULT false,
        supervisory_role text NOT NULL DEFAULT 'NONE'
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX org_unit_code_idx ON org_unit (code)`);
    await queryRunner.query(`CREATE INDEX org_unit_type_idx ON org_unit (type, code)`);
    await queryRunner.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE official (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        org_unit_id uuid NOT NULL REFERENCES org_unit (id),
        position text NOT NULL,
        is_principal boolean NOT NULL DEFAULT false,
        portfolio text[] NOT NULL DEFAULT '{}',
        tenure_from date,
        tenure_to date,
        person_ref uuid
      )`);
    await queryRunner.query(`CREATE INDEX official_org_unit_idx ON official (org_unit_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['official', 'org_unit', 'administrative_division'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
