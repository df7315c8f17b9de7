import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SAC office's decisions not to list a major hazard (domain §5.7.2, the unlisted queue). */
export class ListingDecisions1765100000200 implements MigrationInterface {
  name = 'ListingDecisions1765100000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_listing_decision (
        hazard_id uuid PRIMARY KEY REFERENCES hazard (id),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        decided_at timestamptz NOT NULL,
        decided_by_id text,
        decided_by_username text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_listing_decision');
  }
}
