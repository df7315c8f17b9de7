import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The apps' registered GraphQL documents (trusted documents), per app client name. */
export class TrustedDocuments1765000020000 implements MigrationInterface {
  name = 'TrustedDocuments1765000020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE trusted_document (
        client_name text NOT NULL,
        hash text NOT NULL,
        operation_name text,
        body text NOT NULL,
        app_version text,
        registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (client_name, hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE trusted_document');
  }
}
