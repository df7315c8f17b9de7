import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The work calendar, loaded from the State Council holiday notices (domain §2.7). */
export class WorkCalendar1764300000200 implements MigrationInterface {
  name = 'WorkCalendar1764300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE work_calendar_day (
        date date PRIMARY KEY,
        is_working_day boolean NOT NULL,
        holiday_name text,
        holiday_kind text,
        source text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE work_calendar_day');
  }
}
