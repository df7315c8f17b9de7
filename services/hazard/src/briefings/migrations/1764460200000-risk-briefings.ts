import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 风险研判 (domain §5.12): one briefing per level, organisation and period. */
export class RiskBriefings1764460200000 implements MigrationInterface {
  name = 'RiskBriefings1764460200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_briefing (
        id uuid PRIMARY KEY,
        level text NOT NULL CONSTRAINT risk_briefing_level_known
          CHECK (level IN ('SACO_WEEKLY', 'DEPT_WEEKLY', 'TOWN_MONTHLY', 'CROSS_DEPT')),
        org_id uuid NOT NULL,
        township_code text,
        period_from date NOT NULL,
        period_to date NOT NULL,
        status text NOT NULL CONSTRAINT risk_briefing_status_known CHECK (status IN ('DRAFT', 'HELD', 'ISSUED')),
        participants jsonb NOT NULL DEFAULT '[]',
        auto_digest jsonb NOT NULL,
        risk_items jsonb NOT NULL DEFAULT '[]',
        outputs jsonb NOT NULL DEFAULT '[]',
        held_at timestamptz,
        issued_at timestamptz,
        created_by_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_briefing_period CHECK (period_to >= period_from),
        UNIQUE (level, org_id, period_from)
      )`);
    await queryRunner.query(
      `CREATE INDEX risk_briefing_org_idx ON risk_briefing (org_id, level, period_from)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_briefing`);
  }
}
