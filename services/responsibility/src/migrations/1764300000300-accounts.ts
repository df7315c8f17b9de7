import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, the keys that sign tokens, and the record of issued tokens (architecture §6a). */
export class Accounts1764300000300 implements MigrationInterface {
  name = 'Accounts1764300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text,
        kind text NOT NULL,
        roles text[] NOT NULL,
        permissions text[] NOT NULL DEFAULT '{}',
        org_unit_id uuid REFERENCES org_unit (id),
        township_codes text[] NOT NULL DEFAULT '{}',
        industry_codes text[] NOT NULL DEFAULT '{}',
        enterprise_ids uuid[] NOT NULL DEFAULT '{}',
        official_id uuid REFERENCES official (id),
        disabled boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        failed_logins int NOT NULL DEFAULT 0,
        first_failed_at timestamptz,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_account_kind_check CHECK (kind IN ('USER', 'SERVICE', 'INTEGRATOR')),
        CONSTRAINT user_account_password_check CHECK (kind = 'USER' OR password_hash IS NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX user_account_username_idx ON user_account (username)`);
    await queryRunner.query(`CREATE INDEX user_account_kind_idx ON user_account (kind, username)`);
    await queryRunner.query(`
      CREATE TABLE signing_key (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE issued_token (
        jti uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        kind text NOT NULL,
        session_id uuid,
        secret_hash text,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        reason text,
        CONSTRAINT issued_token_kind_check CHECK (kind IN ('ACCESS', 'REFRESH', 'MACHINE'))
      )`);
    await queryRunner.query(`CREATE INDEX issued_token_account_idx ON issued_token (account_id, issued_at)`);
    await queryRunner.query(`CREATE INDEX issued_token_session_idx ON issued_token (session_id)`);
    // The revocation list every service polls every two seconds: kept small by the partial index.
    await queryRunner.query(
      `CREATE INDEX issued_token_revoked_idx ON issued_token (expires_at) WHERE revoked_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['issued_token', 'signing_key', 'user_account'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
