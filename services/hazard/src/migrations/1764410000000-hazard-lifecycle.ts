import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full hazard lifecycle (domain §5.6): ten statuses, the fields of the §5.6 table, and the status
 * history. Existing rows keep their meaning: an old "accepted and closed" hazard becomes ACCEPTED then
 * CLOSED in its history, and the history is rebuilt from the audit log where it has the steps.
 */
export class HazardLifecycle1764410000000 implements MigrationInterface {
  name = 'HazardLifecycle1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hazard DROP CONSTRAINT hazard_status_known`);
    await queryRunner.query(`ALTER TABLE hazard ALTER COLUMN enterprise_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE hazard
        ADD COLUMN org_unit_id uuid,
        ADD COLUMN township_code text,
        ADD COLUMN industry_code text,
        ADD COLUMN location text,
        ADD COLUMN longitude double precision,
        ADD COLUMN latitude double precision,
        ADD COLUMN category text,
        ADD COLUMN determination text,
        ADD COLUMN criterion_id text,
        ADD COLUMN expert_opinion_file_id text,
        ADD COLUMN risk_point_id uuid,
        ADD COLUMN source_ref text,
        ADD COLUMN found_by_id text,
        ADD COLUMN found_by_name text,
        ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN no_photo_reason text,
        ADD COLUMN interim_measures jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN plan jsonb,
        ADD COLUMN assignments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN acceptance_tier text,
        ADD COLUMN treat_as_accident boolean NOT NULL DEFAULT false,
        ADD COLUMN repeat_of_id uuid REFERENCES hazard (id),
        ADD COLUMN listing_id uuid,
        ADD COLUMN listing_level text,
        ADD COLUMN rejection_kind text,
        ADD COLUMN duplicate_of_id uuid REFERENCES hazard (id),
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN rectified_by_id text,
        ADD COLUMN resumption_applied_at timestamptz,
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN accepted_by_id text,
        ADD COLUMN overdue_notified_for date,
        ADD COLUMN plan_reminded_for timestamptz`);

    // Existing rows: where they are, their H-1 tier, and acceptance folded into closing until now.
    await queryRunner.query(`
      UPDATE hazard SET township_code = ref.township_code, industry_code = ref.industry_code
      FROM enterprise_ref ref WHERE ref.id = hazard.enterprise_id`);
    await queryRunner.query(`
      UPDATE hazard SET acceptance_tier = CASE
        WHEN grade = 'GENERAL' AND source IN ('ENTERPRISE_SELF_CHECK', 'STAFF_REPORT') THEN 'SELF'
        ELSE 'REGULATOR' END`);
    await queryRunner.query(`UPDATE hazard SET accepted_at = closed_at WHERE status = 'CLOSED'`);
    await queryRunner.query(`
      UPDATE hazard SET confirmed_at = confirmed.at FROM (
        SELECT entity_id, min(at) AS at FROM audit_log
        WHERE entity = 'Hazard' AND after->>'status' = 'CONFIRMED' GROUP BY entity_id) confirmed
      WHERE confirmed.entity_id = hazard.id::text`);
    await queryRunner.query(`ALTER TABLE hazard ALTER COLUMN acceptance_tier SET NOT NULL`);

    await queryRunner.query(`
      ALTER TABLE hazard
        ADD CONSTRAINT hazard_status_known CHECK (status IN ('DRAFT', 'REPORTED', 'FIXED_ON_SPOT', 'CONFIRMED',
          'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'REJECTED', 'REOPENED')),
        ADD CONSTRAINT hazard_category_known CHECK (category IN ('UNSAFE_CONDITION', 'UNSAFE_ACT', 'MANAGEMENT_DEFECT')),
        ADD CONSTRAINT hazard_determination_known CHECK (determination IN ('STANDARD_CLAUSE', 'EXPERT_JUDGEMENT', 'EXTERNAL_FACTOR')),
        ADD CONSTRAINT hazard_tier_known CHECK (acceptance_tier IN ('SELF', 'REGULATOR', 'COUNTY')),
        ADD CONSTRAINT hazard_criterion_given CHECK (determination IS DISTINCT FROM 'STANDARD_CLAUSE' OR criterion_id IS NOT NULL),
        ADD CONSTRAINT hazard_expert_opinion_given CHECK (determination IS DISTINCT FROM 'EXPERT_JUDGEMENT' OR expert_opinion_file_id IS NOT NULL),
        ADD CONSTRAINT hazard_owner_given CHECK (enterprise_id IS NOT NULL OR (org_unit_id IS NOT NULL AND township_code IS NOT NULL)),
        ADD CONSTRAINT hazard_accepted_when CHECK (status NOT IN ('ACCEPTED', 'CLOSED') OR accepted_at IS NOT NULL),
        ADD CONSTRAINT hazard_closed_when CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL)`);

    // Filters of the list (domain §5.6 / architecture §5: index-backed), with the default keyset.
    await queryRunner.query(`CREATE INDEX hazard_town_found_idx ON hazard (township_code, found_at, id)`);
    await queryRunner.query(`CREATE INDEX hazard_industry_found_idx ON hazard (industry_code, found_at, id)`);
    await queryRunner.query(`CREATE INDEX hazard_source_found_idx ON hazard (source, found_at, id)`);
    await queryRunner.query(
      `CREATE INDEX hazard_criterion_idx ON hazard (enterprise_id, criterion_id) WHERE criterion_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX hazard_risk_point_idx ON hazard (risk_point_id) WHERE risk_point_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX hazard_org_unit_idx ON hazard (org_unit_id) WHERE org_unit_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX hazard_open_deadline_idx`);
    await queryRunner.query(
      `CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED')`,
    );

    await queryRunner.query(`
      CREATE TABLE hazard_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hazard_id uuid NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        at timestamptz NOT NULL,
        seq bigserial NOT NULL,
        actor_id text,
        actor_username text,
        reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX hazard_status_change_hazard_idx ON hazard_status_change (hazard_id, at, seq)`,
    );

    // History from the audit log: reports, and each transition; the old PENDING_ACCEPTANCE → CLOSED
    // becomes row 8 (the acceptor) then row 10 (the platform).
    await queryRunner.query(`
      INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, actor_id, actor_username, reason)
      SELECT h.id, a.before->>'status',
        CASE WHEN a.before->>'status' = 'PENDING_ACCEPTANCE' AND a.after->>'status' = 'CLOSED'
          THEN 'ACCEPTED' ELSE a.after->>'status' END,
        a.at, a.actor_id, a.actor_username, a.reason
      FROM audit_log a JOIN hazard h ON h.id::text = a.entity_id
      WHERE a.entity = 'Hazard' AND a.after ? 'status'
        AND a.after->>'status' IS DISTINCT FROM a.before->>'status'`);
    await queryRunner.query(`
      INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, reason)
      SELECT h.id, 'ACCEPTED', 'CLOSED', a.at, 'closed at once: not listed (row 10)'
      FROM audit_log a JOIN hazard h ON h.id::text = a.entity_id
      WHERE a.entity = 'Hazard' AND a.before->>'status' = 'PENDING_ACCEPTANCE' AND a.after->>'status' = 'CLOSED'`);
    // Rows without audited steps (the seed): their report, and where they stand now.
    await queryRunner.query(`
      INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, reason)
      SELECT h.id, NULL, 'REPORTED', h.found_at, NULL FROM hazard h
      WHERE NOT EXISTS (SELECT 1 FROM hazard_status_change c WHERE c.hazard_id = h.id)`);
    await queryRunner.query(`
      INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, reason)
      SELECT h.id, 'REPORTED', CASE WHEN h.status = 'CLOSED' THEN 'ACCEPTED' ELSE h.status END,
        COALESCE(h.closed_at, h.updated_at), 'migrated: intermediate steps were not recorded'
      FROM hazard h
      WHERE h.status <> 'REPORTED'
        AND (SELECT count(*) FROM hazard_status_change c WHERE c.hazard_id = h.id) = 1`);
    await queryRunner.query(`
      INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, reason)
      SELECT h.id, 'ACCEPTED', 'CLOSED', h.closed_at, 'closed at once: not listed (row 10)' FROM hazard h
      WHERE h.status = 'CLOSED' AND NOT EXISTS
        (SELECT 1 FROM hazard_status_change c WHERE c.hazard_id = h.id AND c.to_status = 'CLOSED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_status_change');
    // Statuses the first model lacks fold back to their nearest old meaning.
    await queryRunner.query(
      `UPDATE hazard SET status = 'CLOSED', closed_at = accepted_at WHERE status = 'ACCEPTED'`,
    );
    await queryRunner.query(`UPDATE hazard SET status = 'REPORTED' WHERE status = 'DRAFT'`);
    await queryRunner.query(
      `UPDATE hazard SET status = 'PENDING_ACCEPTANCE' WHERE status IN ('FIXED_ON_SPOT')`,
    );
    await queryRunner.query(`UPDATE hazard SET status = 'RECTIFYING' WHERE status = 'REOPENED'`);
    for (const constraint of [
      'hazard_status_known',
      'hazard_category_known',
      'hazard_determination_known',
      'hazard_tier_known',
      'hazard_criterion_given',
      'hazard_expert_opinion_given',
      'hazard_owner_given',
      'hazard_accepted_when',
      'hazard_closed_when',
    ])
      await queryRunner.query(`ALTER TABLE hazard DROP CONSTRAINT ${constraint}`);
    for (const index of [
      'hazard_town_found_idx',
      'hazard_industry_found_idx',
      'hazard_source_found_idx',
      'hazard_criterion_idx',
      'hazard_risk_point_idx',
      'hazard_org_unit_idx',
    ])
      await queryRunner.query(`DROP INDEX ${index}`);
    await queryRunner.query(`
      ALTER TABLE hazard
        DROP COLUMN org_unit_id, DROP COLUMN township_code, DROP COLUMN industry_code, DROP COLUMN location,
        DROP COLUMN longitude, DROP COLUMN latitude, DROP COLUMN category, DROP COLUMN determination,
        DROP COLUMN criterion_id, DROP COLUMN expert_opinion_file_id, DROP COLUMN risk_point_id,
        DROP COLUMN source_ref, DROP COLUMN found_by_id, DROP COLUMN found_by_name, DROP COLUMN evidence,
        DROP COLUMN no_photo_reason, DROP COLUMN interim_measures, DROP COLUMN plan, DROP COLUMN assignments,
        DROP COLUMN acceptance_tier, DROP COLUMN treat_as_accident, DROP COLUMN repeat_of_id,
        DROP COLUMN listing_id, DROP COLUMN listing_level, DROP COLUMN rejection_kind,
        DROP COLUMN duplicate_of_id, DROP COLUMN confirmed_at, DROP COLUMN rectified_by_id,
        DROP COLUMN resumption_applied_at, DROP COLUMN accepted_at, DROP COLUMN accepted_by_id,
        DROP COLUMN overdue_notified_for, DROP COLUMN plan_reminded_for`);
    await queryRunner.query(`DELETE FROM hazard WHERE enterprise_id IS NULL`);
    await queryRunner.query(`ALTER TABLE hazard ALTER COLUMN enterprise_id SET NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE hazard ADD CONSTRAINT hazard_status_known CHECK (status IN
        ('REPORTED', 'CONFIRMED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED', 'REJECTED'))`);
    await queryRunner.query(`DROP INDEX hazard_open_deadline_idx`);
    await queryRunner.query(
      `CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE status NOT IN ('CLOSED', 'REJECTED')`,
    );
  }
}
