import type { EntityManager } from 'typeorm';
import type { RegulatorInspection } from './hazard.rules.js';

/**
 * Checks the criterion of a STANDARD_CLAUSE determination (domain §5.7.1: an active criterion for
 * the enterprise's industry at `foundAt`). Returns the problem, or null when the criterion applies.
 * Runs inside the caller's transaction: use `manager` only (architecture §4).
 */
export type CriterionCheck = (
  criterionId: string,
  industryCode: string | null,
  foundAt: Date,
  manager: EntityManager,
) => Promise<string | null> | string | null;

/**
 * The default until the criteria catalogue (`src/criteria/`) exists: only a non-empty id.
 * The catalogue plugs its real check in with `useCriterionCheck` when the subgraph is defined.
 */
export const criterionIdOnly: CriterionCheck = (criterionId) =>
  criterionId.trim() ? null : 'name the criterion of the determination standard';

/**
 * The regulator inspections of an enterprise that H-5 weighs (from supervision's inspections, 6.5).
 * Inspections do not exist yet, so the default is an empty list.
 */
export type InspectionSource = (
  enterpriseId: string,
  since: string,
  manager: EntityManager,
) => Promise<RegulatorInspection[]>;

export const noInspectionsYet: InspectionSource = async () => [];

const ports = { criterionCheck: criterionIdOnly, inspections: noInspectionsYet };

export function useCriterionCheck(check: CriterionCheck): void {
  ports.criterionCheck = check;
}

export function useInspectionSource(source: InspectionSource): void {
  ports.inspections = source;
}

export function hazardPorts(): Readonly<typeof ports> {
  return ports;
}
