import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfChecks1764450000000 implements MigrationInterface {
  name = 'SelfChecks1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE self_check_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        cadence text NOT NULL,
        shifts_per_day int NOT NULL DEFAULT 1,
        checklist_template_id text,
        checklist jsonb NOT NULL,
        responsible_role text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT self_check_plan_kind_known CHECK (kind IN
          ('PATROL', 'TEAM_WEEKLY', 'PLANT_MONTHLY', 'SEASONAL', 'PRE_HOLIDAY', 'COMPREHENSIVE')),
        CONSTRAINT self_check_plan_cadence_known CHECK (cadence IN
          ('EACH_SHIFT', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'BEFORE_KEY_PERIOD', 'HALF_YEARLY')),
        CONSTRAINT self_check_plan_shifts CHECK (shifts_per_day BETWEEN 1 AND 12),
        CONSTRAINT self_check_plan_life CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    // Keyset of the default sort (created_at DESC, id DESC), per enterprise too.
    await queryRunner.query(`CREATE INDEX self_check_plan_created_idx ON self_check_plan (created_at, id)`);
    await queryRunner.query(
      `CREATE INDEX self_check_plan_enterprise_idx ON self_check_plan (enterprise_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE self_check_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES self_check_plan (id),
        enterprise_id uuid NOT NULL,
        performed_at timestamptz NOT NULL,
        performed_on date NOT NULL,
        performed_by_id text,
        performed_by_name text,
        items jsonb NOT NULL,
        hazard_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX self_check_record_performed_idx ON self_check_record (performed_at, id)`,
    );
    // Cadence counting reads a plan's days; lists filter by plan or enterprise in the default sort.
    await queryRunner.query(
      `CREATE INDEX self_check_record_plan_idx ON self_check_record (plan_id, performed_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX self_check_record_enterprise_idx ON self_check_record (enterprise_id, performed_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE self_check_record');
    await queryRunner.query('DROP TABLE self_check_plan');
  }
}
