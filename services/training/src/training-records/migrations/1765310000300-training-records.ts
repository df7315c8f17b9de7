import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Training records (domain §7.4), tagged with a special-work type for permit guardians (§5.9). */
export class TrainingRecords1765310000300 implements MigrationInterface {
  name = 'TrainingRecords1765310000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE training_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        enterprise_id uuid NOT NULL,
        employment_id uuid NOT NULL REFERENCES employment (id),
        topic text NOT NULL,
        special_work_type text,
        mode text NOT NULL,
        credited_hours int NOT NULL CHECK (credited_hours BETWEEN 1 AND 200),
        attendance_evidence text NOT NULL,
        exam_score double precision CHECK (exam_score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        completed_on date NOT NULL,
        provider text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_record_mode_known CHECK (mode IN ('CLASSROOM', 'ONLINE', 'PRACTICAL')),
        CONSTRAINT training_record_work_type_known CHECK (special_work_type IS NULL OR special_work_type IN
          ('HOT_WORK', 'CONFINED_SPACE', 'BLIND_PLATE', 'WORK_AT_HEIGHT', 'LIFTING', 'TEMP_POWER',
           'EXCAVATION', 'ROAD_BREAK'))
      )`);
    // The gate reads a person's records; Person.trainingRecords lists them newest first.
    await queryRunner.query(
      'CREATE INDEX training_record_person_idx ON training_record (person_id, completed_on DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE training_record');
  }
}
