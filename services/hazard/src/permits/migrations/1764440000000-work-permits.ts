import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain §5.9: hazardous-work permits. Lists sort by valid_from DESC, id DESC (keyset indexes). */
export class WorkPermits1764440000000 implements MigrationInterface {
  name = 'WorkPermits1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE work_permit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        enterprise_id uuid NOT NULL,
        township_code text NOT NULL,
        industry_code text,
        type text NOT NULL,
        level text,
        purpose text NOT NULL,
        hazard_id uuid,
        location text NOT NULL,
        risk_point_id uuid,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        status text NOT NULL,
        workers jsonb NOT NULL DEFAULT '[]',
        gas_tests jsonb NOT NULL DEFAULT '[]',
        equipment_checks jsonb NOT NULL DEFAULT '[]',
        measures jsonb NOT NULL DEFAULT '[]',
        hot_work_site jsonb,
        other_special_situation text,
        oxygen_enriched boolean NOT NULL DEFAULT false,
        continuous_monitoring boolean NOT NULL DEFAULT false,
        approved_at timestamptz,
        approved_by_id text,
        started_at timestamptz,
        suspended_at timestamptz,
        completed_at timestamptz,
        closed_at timestamptz,
        revocation jsonb,
        revocation_notice_pending boolean NOT NULL DEFAULT false,
        last_gate jsonb,
        created_by_id text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT work_permit_code_format CHECK (code ~ '^ZY-[0-9]{4}-[0-9]{6}$'),
        CONSTRAINT work_permit_validity CHECK (valid_to > valid_from),
        CONSTRAINT work_permit_type_known CHECK (type IN ('HOT_WORK', 'CONFINED_SPACE', 'BLIND_PLATE',
          'WORK_AT_HEIGHT', 'LIFTING', 'TEMP_POWER', 'EXCAVATION', 'ROAD_BREAK')),
        CONSTRAINT work_permit_status_known CHECK (status IN ('DRAFT', 'GAS_TESTED', 'APPROVED',
          'IN_PROGRESS', 'SUSPENDED', 'COMPLETED', 'CLOSED', 'REVOKED', 'EXPIRED'))
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX work_permit_code_idx ON work_permit (code)');
    await queryRunner.query('CREATE INDEX work_permit_valid_idx ON work_permit (valid_from, id)');
    await queryRunner.query(
      'CREATE INDEX work_permit_enterprise_idx ON work_permit (enterprise_id, valid_from, id)',
    );
    await queryRunner.query('CREATE INDEX work_permit_status_idx ON work_permit (status, valid_from, id)');
    await queryRunner.query('CREATE INDEX work_permit_type_idx ON work_permit (type, valid_from, id)');
    await queryRunner.query(
      'CREATE INDEX work_permit_town_idx ON work_permit (township_code, valid_from, id)',
    );
    // The expiry sweep and P-2 read only open permits.
    await queryRunner.query(
      `CREATE INDEX work_permit_open_idx ON work_permit (valid_to)
         WHERE status IN ('DRAFT', 'GAS_TESTED', 'APPROVED', 'IN_PROGRESS', 'SUSPENDED')`,
    );
    await queryRunner.query(
      `CREATE INDEX work_permit_notice_idx ON work_permit (id) WHERE revocation_notice_pending`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE work_permit');
  }
}
