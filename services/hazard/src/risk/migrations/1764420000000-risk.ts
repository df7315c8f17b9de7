import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Risk points, their assessments and the stored enterprise risk level (domain §5.2). */
export class Risk1764420000000 implements MigrationInterface {
  name = 'Risk1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid,
        org_unit_id uuid,
        township_code text,
        industry_code text,
        kind text NOT NULL CHECK (kind IN ('FACILITY_AREA', 'ACTIVITY')),
        name text NOT NULL,
        location text,
        floor_plan_polygon jsonb,
        accident_types jsonb NOT NULL DEFAULT '[]',
        hazard_factors jsonb NOT NULL DEFAULT '[]',
        controls jsonb NOT NULL DEFAULT '[]',
        control_level text NOT NULL,
        control_level_reason text,
        responsible_person_id text,
        major_hazard_source_id uuid,
        current_assessment_id uuid,
        risk_level text,
        level_basis jsonb NOT NULL DEFAULT '[]',
        notice_card_file_id text,
        next_review_due date,
        retired_at timestamptz,
        retired_reason text,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_point_owner CHECK (enterprise_id IS NOT NULL OR org_unit_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX risk_point_enterprise_idx ON risk_point (enterprise_id)`);
    await queryRunner.query(`CREATE INDEX risk_point_level_idx ON risk_point (risk_level)`);
    await queryRunner.query(`CREATE INDEX risk_point_review_idx ON risk_point (next_review_due)`);
    await queryRunner.query(`CREATE INDEX risk_point_created_idx ON risk_point (created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE risk_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        risk_point_id uuid NOT NULL REFERENCES risk_point (id),
        method text NOT NULL,
        inputs jsonb NOT NULL,
        score text NOT NULL,
        band integer,
        band_wording text,
        computed_level text NOT NULL,
        override_level text,
        override_reason text,
        assessor_ids jsonb NOT NULL DEFAULT '[]',
        assessed_at timestamptz NOT NULL,
        criteria_version text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX risk_assessment_point_idx ON risk_assessment (risk_point_id)`);
    await queryRunner.query(`
      CREATE TABLE enterprise_risk (
        enterprise_id uuid PRIMARY KEY,
        level text,
        base_level text,
        reasons jsonb NOT NULL DEFAULT '[]',
        computed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE enterprise_risk`);
    await queryRunner.query(`DROP TABLE risk_assessment`);
    await queryRunner.query(`DROP TABLE risk_point`);
  }
}
