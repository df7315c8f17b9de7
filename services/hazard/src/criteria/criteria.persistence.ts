import type { EntityManager } from 'typeorm';
import {
  CATALOGUE_COMPLETENESS,
  type MajorHazardCriterion as CatalogueCriterion,
  type CombinedGroup,
  CRITERIA_CATALOGUE_VERSION,
  type IndustryCode,
} from './criteria.catalogue.js';
import type { CombinedJudgementGroup, MajorHazardCriterion } from './criteria.entity.js';
import type { CriteriaCatalogue } from './criteria.rules.js';
import { SEED_CATALOGUE } from './criteria.rules.js';

/**
 * Writes the catalogue into its tables, idempotently (insert or update by id). The catalogue is
 * reference data an empty production database needs too, so migrations call this, never the demo seed:
 * each revision of `criteria.catalogue.ts` (a new CRITERIA_CATALOGUE_VERSION) ships with a migration
 * that calls it again. Ids are never renamed or reused, so nothing is deleted.
 */
export async function upsertCriteriaCatalogue(
  manager: EntityManager,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
  version: string = CRITERIA_CATALOGUE_VERSION,
): Promise<void> {
  // Plain SQL, not the entities: a migration must keep working when the entity classes change later.
  await upsertRows(
    manager,
    'major_hazard_standard',
    'code',
    catalogue.standards.map((s, position) => ({
      code: s.code,
      title: s.title,
      issuer: s.issuer,
      document_no: s.documentNo,
      version: s.version,
      effective_from: s.effectiveFrom,
      effective_to: s.effectiveTo ?? null,
      replaces: s.replaces ?? null,
      applicable_industries: [...s.applicableIndustries],
      source_marker: s.sourceMarker,
      note: s.note,
      completeness_status: CATALOGUE_COMPLETENESS[s.code]?.status ?? 'PARTIAL',
      completeness_note: CATALOGUE_COMPLETENESS[s.code]?.note ?? '',
      position,
      catalogue_version: version,
    })),
  );
  await upsertRows(
    manager,
    'major_hazard_combined_group',
    'id',
    catalogue.groups.map((g, position) => ({
      id: g.id,
      standard_code: g.standardCode,
      label_zh: g.labelZh,
      threshold: g.threshold,
      source_marker: g.sourceMarker,
      position,
      catalogue_version: version,
    })),
  );
  await upsertRows(
    manager,
    'major_hazard_criterion',
    'id',
    catalogue.criteria.map((c, position) => ({
      id: c.id,
      standard_code: c.standardCode,
      standard_title: c.standardTitle,
      version: c.version,
      effective_from: c.effectiveFrom,
      effective_to: c.effectiveTo ?? null,
      applicable_industries: [...c.applicableIndustries],
      sector: c.sector ?? null,
      clause_no: c.clauseNo,
      text_paraphrase: c.textParaphrase,
      judgement: c.judgement,
      combined_group: c.combinedGroup ?? null,
      combined_threshold: c.combinedThreshold ?? null,
      source_marker: c.sourceMarker,
      position,
      catalogue_version: version,
    })),
  );
  await manager.query(
    `INSERT INTO major_hazard_catalogue (version, loaded_at) VALUES ($1, now())
     ON CONFLICT (version) DO UPDATE SET loaded_at = EXCLUDED.loaded_at`,
    [version],
  );
}

/** INSERT … ON CONFLICT DO UPDATE in batches (column names are ours, never input). */
async function upsertRows(
  manager: EntityManager,
  table: string,
  key: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first);
  const updates = columns.filter((c) => c !== key).map((c) => `${c} = EXCLUDED.${c}`);
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = columns.map((column) => {
        values.push(row[column]);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`,
      values,
    );
  }
}

/** A persisted criterion in the shape of the pure rules. */
export function toCatalogueCriterion(row: MajorHazardCriterion): CatalogueCriterion {
  return {
    id: row.id,
    standardCode: row.standardCode,
    standardTitle: row.standardTitle,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    ...(row.effectiveTo ? { effectiveTo: row.effectiveTo } : {}),
    applicableIndustries: row.applicableIndustries as IndustryCode[],
    ...(row.sector ? { sector: row.sector } : {}),
    clauseNo: row.clauseNo,
    textParaphrase: row.textParaphrase,
    judgement: row.judgement,
    ...(row.combinedGroup ? { combinedGroup: row.combinedGroup } : {}),
    ...(row.combinedThreshold !== null ? { combinedThreshold: row.combinedThreshold } : {}),
    sourceMarker: row.sourceMarker as CatalogueCriterion['sourceMarker'],
  };
}

export function toCatalogueGroup(row: CombinedJudgementGroup): CombinedGroup {
  return {
    id: row.id,
    standardCode: row.standardCode,
    labelZh: row.labelZh,
    threshold: row.threshold,
    sourceMarker: row.sourceMarker as CombinedGroup['sourceMarker'],
  };
}

/** The part of the persisted catalogue a rule needs (criteria and groups by id), as a rules catalogue. */
export function partialCatalogue(
  criteria: readonly MajorHazardCriterion[],
  groups: readonly CombinedJudgementGroup[] = [],
): CriteriaCatalogue {
  return {
    standards: [],
    groups: groups.map(toCatalogueGroup),
    criteria: criteria.map(toCatalogueCriterion),
  };
}
