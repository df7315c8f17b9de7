import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 交办事项 (domain §4.7), with the two legs of 双重交办 (H-2). */
export class Tasks1765100000100 implements MigrationInterface {
  name = 'Tasks1765100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        source text NOT NULL,
        leg text,
        status text NOT NULL,
        title text NOT NULL,
        requirement text NOT NULL,
        issuer_org_id uuid NOT NULL,
        assignee_enterprise_id uuid,
        assignee_org_ids uuid[] NOT NULL DEFAULT '{}',
        enterprise_id uuid,
        township_code text,
        related_refs jsonb NOT NULL DEFAULT '[]',
        source_ref_type text,
        source_ref_id uuid,
        linked_task_id uuid,
        due_at date NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_on date NOT NULL,
        acknowledged_at timestamptz,
        submitted_at timestamptz,
        verified_at timestamptz,
        closed_at timestamptz,
        evidence jsonb NOT NULL DEFAULT '[]',
        submission_note text,
        return_reason text,
        close_reason text,
        reminder_sent_at timestamptz,
        overdue_notified_for date,
        overdue_ordinal int,
        source_event_id text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT task_assignee_check CHECK (assignee_enterprise_id IS NOT NULL OR cardinality(assignee_org_ids) > 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX task_code_idx ON task (code)`);
    // One task per leg of a source record: a redelivered or repeated assignment never duplicates it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX task_source_leg_idx ON task (source_ref_type, source_ref_id, leg)
         WHERE source_ref_id IS NOT NULL AND leg IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX task_source_ref_idx ON task (source_ref_id)`);
    await queryRunner.query(`CREATE INDEX task_enterprise_idx ON task (enterprise_id)`);
    await queryRunner.query(`CREATE INDEX task_assignee_orgs_idx ON task USING gin (assignee_org_ids)`);
    await queryRunner.query(`CREATE INDEX task_status_due_idx ON task (status, due_at)`);
    await queryRunner.query(`CREATE INDEX task_issued_idx ON task (issued_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE task');
  }
}
