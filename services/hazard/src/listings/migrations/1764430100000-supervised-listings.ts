import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Supervised listings (重大事故隐患挂牌督办, domain §5.7.2). */
export class SupervisedListings1764430100000 implements MigrationInterface {
  name = 'SupervisedListings1764430100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervised_listing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_no text,
        level text NOT NULL CHECK (level IN ('COUNTY_SAC', 'COUNTY_DEPT', 'TOWNSHIP', 'CITY', 'PROVINCE')),
        status text NOT NULL CHECK (status IN
          ('PROPOSED', 'LISTED', 'RECTIFYING', 'EXTENSION_REQUESTED', 'DELISTING_APPLIED', 'DELISTED')),
        hazard_ids uuid[] NOT NULL CHECK (cardinality(hazard_ids) > 0),
        enterprise_id uuid NOT NULL,
        township_code text NOT NULL,
        issuing_org_id uuid NOT NULL,
        territorial_org_id uuid,
        industry_org_id uuid,
        requirements text NOT NULL,
        deadline date NOT NULL,
        original_deadline date NOT NULL,
        progress_cadence_days int NOT NULL DEFAULT 15 CHECK (progress_cadence_days > 0),
        public_notice_url text,
        extensions jsonb NOT NULL DEFAULT '[]',
        history jsonb NOT NULL DEFAULT '[]',
        proposed_at timestamptz NOT NULL,
        proposed_by_id text,
        listed_at timestamptz,
        delisting_applied_at timestamptz,
        delisted_at timestamptz,
        overdue_notified_for date,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT supervised_listing_notice_when_listed CHECK ((status = 'PROPOSED') = (notice_no IS NULL))
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX supervised_listing_notice_no ON supervised_listing (notice_no) WHERE notice_no IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX supervised_listing_enterprise ON supervised_listing (enterprise_id, proposed_at)',
    );
    await queryRunner.query(
      'CREATE INDEX supervised_listing_proposed ON supervised_listing (proposed_at, id)',
    );
    await queryRunner.query(
      'CREATE INDEX supervised_listing_hazards ON supervised_listing USING gin (hazard_ids)',
    );
    // The sweep looks only at listings whose deadline binds the enterprise.
    await queryRunner.query(`
      CREATE INDEX supervised_listing_running_deadline ON supervised_listing (deadline)
        WHERE status IN ('LISTED', 'RECTIFYING', 'EXTENSION_REQUESTED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE supervised_listing');
  }
}
