import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Persons, employments and three-level education (domain §3.5, §7.3); certificates get their holder. */
export class Persons1764400200000 implements MigrationInterface {
  name = 'Persons1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_zh text NOT NULL,
        id_number_masked text NOT NULL,
        id_number_hash text,
        gender text,
        birth_date date,
        education text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Never the whole citizen ID number (domain §2.8); the hash is an HMAC (64 hex digits).
        CONSTRAINT person_id_number_masked CHECK (id_number_masked ~ '^[0-9]{4}[*]{10}[0-9]{3}[0-9X]$'),
        CONSTRAINT person_id_number_hash CHECK (id_number_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT person_gender_known CHECK (gender IN ('MALE', 'FEMALE')),
        CONSTRAINT person_education_known CHECK (education IN
          ('PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE'))
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX person_id_number_hash_idx ON person (id_number_hash) WHERE id_number_hash IS NOT NULL',
    );
    // Keyset of the default sort (name, id).
    await queryRunner.query('CREATE INDEX person_name_idx ON person (name_zh, id)');

    await queryRunner.query(`
      CREATE TABLE employment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        enterprise_id uuid NOT NULL,
        post text NOT NULL,
        is_hazardous_post boolean NOT NULL,
        hire_date date NOT NULL,
        leave_date date,
        engaged_by text NOT NULL,
        engaged_by_enterprise_id uuid,
        is_new_hire boolean NOT NULL,
        last_worked_at date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employment_dates_ordered CHECK (leave_date IS NULL OR leave_date >= hire_date),
        CONSTRAINT employment_last_worked_within CHECK (last_worked_at IS NULL
          OR (last_worked_at >= hire_date AND (leave_date IS NULL OR last_worked_at <= leave_date)))
      )`);
    // Domain §3.5: only one active employment per person and enterprise.
    await queryRunner.query(
      'CREATE UNIQUE INDEX employment_one_active_idx ON employment (person_id, enterprise_id) WHERE leave_date IS NULL',
    );
    await queryRunner.query('CREATE INDEX employment_person_idx ON employment (person_id)');
    await queryRunner.query(
      'CREATE INDEX employment_enterprise_idx ON employment (enterprise_id, hire_date, id)',
    );

    await queryRunner.query(`
      CREATE TABLE three_level_education (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        enterprise_id uuid NOT NULL,
        employment_id uuid NOT NULL REFERENCES employment (id),
        status text NOT NULL,
        required_hours int NOT NULL,
        levels jsonb NOT NULL DEFAULT '[]',
        passed_at date,
        last_refresher_at date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT three_level_status_known CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'PASSED', 'REDO_REQUIRED')),
        CONSTRAINT three_level_passed_dated CHECK (status <> 'PASSED' OR passed_at IS NOT NULL),
        CONSTRAINT three_level_required_hours CHECK (required_hours > 0)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX three_level_employment_idx ON three_level_education (employment_id)',
    );
    await queryRunner.query('CREATE INDEX three_level_person_idx ON three_level_education (person_id)');
    await queryRunner.query(
      'CREATE INDEX three_level_enterprise_idx ON three_level_education (enterprise_id, created_at, id)',
    );

    // Certificates belong to a person (domain §7.5). Rows from before this migration get one person
    // each, named and masked as on the certificate (the same holder cannot be recognised from a mask).
    await queryRunner.query('ALTER TABLE certificate ADD COLUMN person_id uuid');
    await queryRunner.query('ALTER TABLE certificate ADD COLUMN sub_type text');
    await queryRunner.query(`
      INSERT INTO person (id, name_zh, id_number_masked)
      SELECT md5('person:' || id::text)::uuid, holder_name, id_number_masked FROM certificate`);
    await queryRunner.query(`UPDATE certificate SET person_id = md5('person:' || id::text)::uuid`);
    await queryRunner.query('ALTER TABLE certificate ALTER COLUMN person_id SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE certificate ADD CONSTRAINT certificate_person_fk FOREIGN KEY (person_id) REFERENCES person (id)',
    );
    await queryRunner.query('CREATE INDEX certificate_person_idx ON certificate (person_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE certificate DROP COLUMN person_id');
    await queryRunner.query('ALTER TABLE certificate DROP COLUMN sub_type');
    await queryRunner.query('DROP TABLE three_level_education');
    await queryRunner.query('DROP TABLE employment');
    await queryRunner.query('DROP TABLE person');
  }
}
