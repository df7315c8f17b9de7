import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Enterprises1764300000000 implements MigrationInterface {
  name = 'Enterprises1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enterprise (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uscc text NOT NULL,
        name text NOT NULL,
        short_name text NOT NULL,
        industry_code text NOT NULL,
        township_code text NOT NULL,
        address text NOT NULL,
        legal_representative text NOT NULL,
        employee_count int NOT NULL,
        scale text NOT NULL,
        regulator_org_ids uuid[] NOT NULL,
        operating_status text NOT NULL,
        supervision_class text NOT NULL,
        is_construction_project boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enterprise_regulators_required CHECK (cardinality(regulator_org_ids) >= 1)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX enterprise_uscc_idx ON enterprise (uscc)`);
    await queryRunner.query(`CREATE INDEX enterprise_name_idx ON enterprise (name, id)`);
    await queryRunner.query(`CREATE INDEX enterprise_town_idx ON enterprise (township_code)`);
    await queryRunner.query(`CREATE INDEX enterprise_industry_idx ON enterprise (industry_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE enterprise');
  }
}
