import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 专项整治 (domain §5.11): campaigns, their frozen targets and weekly snapshots. */
export class SpecialCampaigns1764460100000 implements MigrationInterface {
  name = 'SpecialCampaigns1764460100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE special_campaign (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        kind text NOT NULL CONSTRAINT special_campaign_kind_known CHECK (kind IN ('REGULAR', 'LESSONS_LEARNED')),
        domain text NOT NULL,
        sub_focus jsonb NOT NULL DEFAULT '[]',
        lead_org_id uuid NOT NULL,
        support_org_ids jsonb NOT NULL DEFAULT '[]',
        period_from date NOT NULL,
        period_to date NOT NULL,
        target_industry_codes jsonb NOT NULL DEFAULT '[]',
        target_township_codes jsonb NOT NULL DEFAULT '[]',
        target_criterion_ids jsonb NOT NULL DEFAULT '[]',
        checklist_template_id text,
        checklist jsonb NOT NULL DEFAULT '[]',
        goals text NOT NULL,
        status text NOT NULL CONSTRAINT special_campaign_status_known
          CHECK (status IN ('PLANNED', 'ACTIVE', 'SUMMARISING', 'CLOSED')),
        origin_hazard_id uuid REFERENCES hazard (id),
        origin_accident_ref text,
        summary text,
        activated_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT special_campaign_period CHECK (period_to >= period_from)
      )`);
    await queryRunner.query(`CREATE INDEX special_campaign_status_idx ON special_campaign (status)`);
    await queryRunner.query(`
      CREATE TABLE campaign_target (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES special_campaign (id),
        enterprise_id uuid NOT NULL,
        checked_at timestamptz,
        checked_by_id text,
        check_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, enterprise_id)
      )`);
    await queryRunner.query(`CREATE INDEX campaign_target_enterprise_idx ON campaign_target (enterprise_id)`);
    await queryRunner.query(`
      CREATE TABLE campaign_progress_snapshot (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES special_campaign (id),
        week_start date NOT NULL,
        taken_at timestamptz NOT NULL,
        metrics jsonb NOT NULL,
        UNIQUE (campaign_id, week_start)
      )`);
    // Campaign hazards are found by (source, source_ref) = ('SPECIAL_CAMPAIGN', campaign id).
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS hazard_campaign_source_ref_idx ON hazard (source, source_ref)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS hazard_campaign_source_ref_idx`);
    await queryRunner.query(`DROP TABLE campaign_progress_snapshot`);
    await queryRunner.query(`DROP TABLE campaign_target`);
    await queryRunner.query(`DROP TABLE special_campaign`);
  }
}
