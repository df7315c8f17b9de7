import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervising org unit of a hazard (domain §2.4 `record.assigneeOrgId`): a department that supervises
 * the hazard across industries, e.g. 市场监管 for special equipment (§5.5), sees and acts on it even where
 * it regulates none of the enterprise's industries.
 */
export class HazardSupervisingOrg1765310000100 implements MigrationInterface {
  name = 'HazardSupervisingOrg1765310000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE hazard ADD COLUMN supervising_org_id uuid');
    await queryRunner.query(
      'CREATE INDEX hazard_supervising_org_idx ON hazard (supervising_org_id) WHERE supervising_org_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE hazard DROP COLUMN supervising_org_id');
  }
}
