import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Major hazard sources with their 包保 persons and checks (domain §5.4). */
export class MajorHazardSources1764420100000 implements MigrationInterface {
  name = 'MajorHazardSources1764420100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE major_hazard_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL,
        unit_name text NOT NULL,
        unit_type text NOT NULL CHECK (unit_type IN ('PRODUCTION_UNIT', 'STORAGE_UNIT')),
        beta_edition text NOT NULL,
        substances jsonb NOT NULL,
        substance_inputs jsonb NOT NULL,
        residents_within_500m integer NOT NULL CHECK (residents_within_500m >= 0),
        alpha text NOT NULL,
        s text NOT NULL,
        s_exact boolean NOT NULL,
        is_major_hazard_source boolean NOT NULL,
        r text,
        r_exact boolean,
        grade text CHECK (grade IN ('I', 'II', 'III', 'IV')),
        filed_at date,
        monitoring_linked boolean NOT NULL DEFAULT false,
        principal_name text,
        principal_id text,
        technical_lead_name text,
        technical_lead_id text,
        operations_lead_name text,
        operations_lead_id text,
        baobao_since date NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX major_hazard_source_enterprise_idx ON major_hazard_source (enterprise_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX major_hazard_source_created_idx ON major_hazard_source (created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE baobao_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES major_hazard_source (id),
        enterprise_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('PRINCIPAL', 'TECHNICAL_LEAD', 'OPERATIONS_LEAD')),
        checked_on date NOT NULL,
        person_name text NOT NULL,
        person_id text,
        findings text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX baobao_check_source_idx ON baobao_check (source_id, role, checked_on)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE baobao_check`);
    await queryRunner.query(`DROP TABLE major_hazard_source`);
  }
}
