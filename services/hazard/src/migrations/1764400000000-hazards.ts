import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Hazards1764400000000 implements MigrationInterface {
  name = 'Hazards1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        enterprise_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        grade text NOT NULL,
        source text NOT NULL,
        status text NOT NULL,
        found_at timestamptz NOT NULL,
        deadline date,
        closed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hazard_code_format CHECK (code ~ '^HZ-[0-9]{4}-[0-9]{6}$'),
        CONSTRAINT hazard_grade_known CHECK (grade IN ('GENERAL', 'MAJOR')),
        CONSTRAINT hazard_status_known CHECK (status IN
          ('REPORTED', 'CONFIRMED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED', 'REJECTED'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX hazard_code_idx ON hazard (code)`);
    // Keyset of the default sort (found_at DESC, id DESC) and of each filter combined with it.
    await queryRunner.query(`CREATE INDEX hazard_found_idx ON hazard (found_at, id)`);
    await queryRunner.query(
      `CREATE INDEX hazard_enterprise_found_idx ON hazard (enterprise_id, found_at, id)`,
    );
    await queryRunner.query(`CREATE INDEX hazard_status_found_idx ON hazard (status, found_at, id)`);
    await queryRunner.query(`CREATE INDEX hazard_grade_found_idx ON hazard (grade, found_at, id)`);
    await queryRunner.query(
      `CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE status NOT IN ('CLOSED', 'REJECTED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard');
  }
}
