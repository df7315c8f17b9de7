import { orgId } from '@safety/reference';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hazards already raised by the overdue-inspection rule are supervised by 市场监管 (domain §5.5), as the
 * rule now records on new ones; their oversight leg (H-2) names it too when it was set on confirmation.
 */
export class SpecialEquipmentSupervision1765310000200 implements MigrationInterface {
  name = 'SpecialEquipmentSupervision1765310000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE hazard SET supervising_org_id = $1
        WHERE source = 'SYSTEM_RULE' AND supervising_org_id IS NULL
          AND source_ref IN (SELECT id::text FROM special_equipment)`,
      [orgId('SAMR')],
    );
  }

  async down(): Promise<void> {
    // The column goes with its own migration's down.
  }
}
