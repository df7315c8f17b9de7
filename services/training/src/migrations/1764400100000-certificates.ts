import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1764400100000 implements MigrationInterface {
  name = 'Certificates1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL,
        holder_name text NOT NULL,
        id_number_masked text NOT NULL,
        category text NOT NULL,
        operation_type text,
        number text NOT NULL,
        issuer text NOT NULL,
        issued_at date NOT NULL,
        valid_to date NOT NULL,
        next_review_due date,
        revoked_at timestamptz,
        revocation_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Never the whole citizen ID number (domain §2.8).
        CONSTRAINT certificate_id_number_masked CHECK (id_number_masked ~ '^[0-9]{4}[*]{10}[0-9]{3}[0-9X]$'),
        CONSTRAINT certificate_category_known CHECK (category IN
          ('SPECIAL_OPERATION', 'PRINCIPAL', 'SAFETY_MANAGER', 'SPECIAL_EQUIPMENT')),
        CONSTRAINT certificate_dates_ordered CHECK (valid_to > issued_at
          AND (next_review_due IS NULL OR next_review_due BETWEEN issued_at AND valid_to)),
        CONSTRAINT certificate_revocation_reasoned CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX certificate_number_idx ON certificate (number)`);
    // Keyset of the default sort (valid_to ASC, id ASC) and of each filter combined with it.
    await queryRunner.query(`CREATE INDEX certificate_valid_to_idx ON certificate (valid_to, id)`);
    await queryRunner.query(
      `CREATE INDEX certificate_enterprise_valid_to_idx ON certificate (enterprise_id, valid_to, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX certificate_category_valid_to_idx ON certificate (category, valid_to, id)`,
    );
    // The status filter compares the review date with today, on unrevoked certificates.
    await queryRunner.query(
      `CREATE INDEX certificate_review_due_idx ON certificate (next_review_due) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX certificate_revoked_idx ON certificate (revoked_at) WHERE revoked_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE certificate');
  }
}
