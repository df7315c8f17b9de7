import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringAlerts1764450200000 implements MigrationInterface {
  name = 'MonitoringAlerts1764450200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE monitoring_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_system text NOT NULL,
        enterprise_id uuid NOT NULL,
        sensor_ref text NOT NULL,
        kind text NOT NULL,
        level text NOT NULL,
        reading text,
        message text,
        started_at timestamptz NOT NULL,
        cleared_at timestamptz,
        received_at timestamptz NOT NULL,
        status text NOT NULL,
        acknowledge_due_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by_id text,
        escalated_at timestamptz,
        disposed_at timestamptz,
        disposed_by_id text,
        handling text,
        closed_at timestamptz,
        hazard_id uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monitoring_alert_level_known CHECK (level IN ('L1', 'L2', 'L3', 'L4')),
        CONSTRAINT monitoring_alert_status_known CHECK (status IN
          ('OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'DISPOSED', 'CLOSED'))
      )`);
    // Idempotent receipt (domain §5.13): one alert per source system, sensor and start.
    await queryRunner.query(
      `CREATE UNIQUE INDEX monitoring_alert_source_idx ON monitoring_alert (source_system, sensor_ref, started_at)`,
    );
    await queryRunner.query(`CREATE INDEX monitoring_alert_started_idx ON monitoring_alert (started_at, id)`);
    await queryRunner.query(
      `CREATE INDEX monitoring_alert_enterprise_idx ON monitoring_alert (enterprise_id, started_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX monitoring_alert_open_idx ON monitoring_alert (acknowledge_due_at) WHERE status = 'OPEN'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE monitoring_alert');
  }
}
