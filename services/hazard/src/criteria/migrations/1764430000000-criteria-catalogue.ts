import type { MigrationInterface, QueryRunner } from 'typeorm';
import { upsertCriteriaCatalogue } from '../criteria.persistence.js';

/**
 * The major-hazard criteria catalogue (domain §5.7.1) as tables, loaded with the seed data of
 * `criteria.catalogue.ts`. Reference data: every database needs it, a production one included, so it is
 * loaded here and not by the demo seed. A later catalogue revision adds a migration calling
 * `upsertCriteriaCatalogue` again (idempotent).
 */
export class CriteriaCatalogue1764430000000 implements MigrationInterface {
  name = 'CriteriaCatalogue1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE major_hazard_standard (
        code text PRIMARY KEY,
        title text NOT NULL,
        issuer text NOT NULL,
        document_no text NOT NULL,
        version text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        replaces text,
        applicable_industries text[] NOT NULL,
        source_marker text NOT NULL,
        note text NOT NULL,
        completeness_status text NOT NULL,
        completeness_note text NOT NULL,
        position int NOT NULL,
        catalogue_version text NOT NULL,
        CONSTRAINT major_hazard_standard_dates CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE major_hazard_combined_group (
        id text PRIMARY KEY,
        standard_code text NOT NULL REFERENCES major_hazard_standard (code),
        label_zh text NOT NULL,
        threshold int NOT NULL CHECK (threshold > 0),
        source_marker text NOT NULL,
        position int NOT NULL,
        catalogue_version text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE major_hazard_criterion (
        id text PRIMARY KEY,
        standard_code text NOT NULL REFERENCES major_hazard_standard (code),
        standard_title text NOT NULL,
        version text NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        applicable_industries text[] NOT NULL,
        sector text,
        clause_no text NOT NULL,
        text_paraphrase text NOT NULL,
        judgement text NOT NULL CHECK (judgement IN ('DIRECT', 'COMBINED')),
        combined_group text REFERENCES major_hazard_combined_group (id),
        combined_threshold int,
        source_marker text NOT NULL,
        position int NOT NULL,
        catalogue_version text NOT NULL,
        CONSTRAINT major_hazard_criterion_combined
          CHECK ((judgement = 'COMBINED') = (combined_group IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX major_hazard_criterion_standard ON major_hazard_criterion (standard_code, position)',
    );
    await queryRunner.query(
      'CREATE INDEX major_hazard_criterion_industries ON major_hazard_criterion USING gin (applicable_industries)',
    );
    await queryRunner.query(`
      CREATE TABLE major_hazard_catalogue (version text PRIMARY KEY, loaded_at timestamptz NOT NULL)`);
    await upsertCriteriaCatalogue(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE major_hazard_catalogue');
    await queryRunner.query('DROP TABLE major_hazard_criterion');
    await queryRunner.query('DROP TABLE major_hazard_combined_group');
    await queryRunner.query('DROP TABLE major_hazard_standard');
  }
}
