import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpecialEquipment1764450100000 implements MigrationInterface {
  name = 'SpecialEquipment1764450100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE special_equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL,
        category text NOT NULL,
        registration_no text NOT NULL,
        name text NOT NULL,
        location text,
        last_inspection_at date,
        next_inspection_due date,
        due_defaulted boolean NOT NULL DEFAULT false,
        inspection_result text,
        sealed boolean NOT NULL DEFAULT false,
        hazard_raised_for date,
        overdue_hazard_id uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT special_equipment_category_known CHECK (category IN ('BOILER', 'PRESSURE_VESSEL',
          'PRESSURE_PIPING', 'ELEVATOR', 'LIFTING', 'PASSENGER_ROPEWAY', 'AMUSEMENT', 'IN_PLANT_VEHICLE')),
        CONSTRAINT special_equipment_result_known CHECK (inspection_result IS NULL OR inspection_result IN
          ('PASSED', 'CONDITIONALLY_PASSED', 'FAILED'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX special_equipment_registration_idx ON special_equipment (registration_no)`,
    );
    await queryRunner.query(
      `CREATE INDEX special_equipment_created_idx ON special_equipment (created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX special_equipment_enterprise_idx ON special_equipment (enterprise_id, created_at, id)`,
    );
    // The daily sweep reads the overdue units in use.
    await queryRunner.query(
      `CREATE INDEX special_equipment_due_idx ON special_equipment (next_inspection_due) WHERE NOT sealed`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE special_equipment');
  }
}
