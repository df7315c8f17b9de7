import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmergencyPlans1764400200000 implements MigrationInterface {
  name = 'EmergencyPlans1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE emergency_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        enterprise_id uuid NOT NULL,
        title text NOT NULL,
        plan_type text NOT NULL,
        status text NOT NULL,
        published_at date,
        filed_at date,
        last_evaluated_at date,
        next_evaluation_due date,
        superseded_by_id uuid REFERENCES emergency_plan (id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT emergency_plan_code_format CHECK (code ~ '^EP-[0-9]{4}-[0-9]{4}$'),
        CONSTRAINT emergency_plan_type_known CHECK (plan_type IN ('COMPREHENSIVE', 'SPECIALIZED', 'ONSITE')),
        CONSTRAINT emergency_plan_status_known CHECK (status IN
          ('DRAFTING', 'FILED', 'REVISION_REQUIRED', 'SUPERSEDED')),
        -- A plan in force has been published, filed and has an evaluation due date.
        CONSTRAINT emergency_plan_filed_dates CHECK (status <> 'FILED'
          OR (published_at IS NOT NULL AND filed_at >= published_at AND next_evaluation_due IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX emergency_plan_code_idx ON emergency_plan (code)`);
    // Keyset of the default sort (code DESC, id DESC), alone and combined with each filter.
    await queryRunner.query(`CREATE INDEX emergency_plan_code_id_idx ON emergency_plan (code, id)`);
    await queryRunner.query(
      `CREATE INDEX emergency_plan_enterprise_code_idx ON emergency_plan (enterprise_id, code, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX emergency_plan_status_code_idx ON emergency_plan (status, code, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX emergency_plan_type_code_idx ON emergency_plan (plan_type, code, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX emergency_plan_evaluation_due_idx ON emergency_plan (next_evaluation_due) WHERE status = 'FILED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE emergency_plan');
  }
}
