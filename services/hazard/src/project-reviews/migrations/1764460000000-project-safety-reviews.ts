import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 重大工程和项目安全风险评估与论证 (domain §5.10). */
export class ProjectSafetyReviews1764460000000 implements MigrationInterface {
  name = 'ProjectSafetyReviews1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_safety_review (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        project_name text NOT NULL,
        owner_entity text NOT NULL,
        enterprise_id uuid NOT NULL,
        industry_code text NOT NULL,
        township_code text NOT NULL,
        stage text NOT NULL,
        mandatory boolean NOT NULL,
        risk_assessment_file_id text,
        expert_opinions jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CONSTRAINT project_safety_review_status_known CHECK (status IN
          ('SUBMITTED', 'ASSESSING', 'EXPERT_REVIEW', 'DECIDED', 'CONSTRUCTION', 'ACCEPTED')),
        decision text CONSTRAINT project_safety_review_decision_known
          CHECK (decision IN ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'VETO')),
        conditions jsonb NOT NULL DEFAULT '[]',
        decision_reason text,
        decided_by_id text,
        decided_at timestamptz,
        pre_evaluation_at date,
        safety_design_reviewed_at date,
        completion_acceptance_at date,
        submitted_by_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A vetoed project is never built (one-vote veto).
        CONSTRAINT project_safety_review_veto_final CHECK (NOT (decision = 'VETO' AND status IN ('CONSTRUCTION', 'ACCEPTED')))
      )`);
    await queryRunner.query(
      `CREATE INDEX project_safety_review_enterprise_idx ON project_safety_review (enterprise_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_safety_review`);
  }
}
