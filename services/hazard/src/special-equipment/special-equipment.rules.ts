import { orgId } from '@safety/reference';
import { addYears } from '@safety/subgraph-kit';
import { SpecialEquipmentCategory } from './special-equipment.enums.js';

/**
 * Default inspection interval in months when the registry holds no due date (domain §5.5): elevators
 * 12 months [K: TSG T7001 定期检验周期 1 年]; the others follow their inspection report, so no default.
 */
export const DEFAULT_INTERVAL_MONTHS: Partial<Record<SpecialEquipmentCategory, number>> = {
  [SpecialEquipmentCategory.ELEVATOR]: 12,
};

/** The regulator of special equipment (domain §5.5: 市场监管). */
export const SPECIAL_EQUIPMENT_REGULATOR = orgId('SAMR');

/**
 * Special equipment is supervised by 市场监管 across industries (domain §5.5), so its users see the whole
 * register (and the hazards its rule raises) besides what the scope rule of §2.4 gives them.
 */
export function supervisesSpecialEquipment(
  principal: { scope: { orgUnitId: string | null } } | null,
): boolean {
  return principal?.scope.orgUnitId === SPECIAL_EQUIPMENT_REGULATOR;
}

function addMonths(date: string, months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const shifted = addYears(date, years);
  if (!rest) return shifted;
  const [y, m, d] = shifted.split('-').map(Number) as [number, number, number];
  const month = m + rest;
  const year = y + Math.floor((month - 1) / 12);
  const mm = ((month - 1) % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The due date: the registry's, else the last inspection plus the category's default interval, else none. */
export function effectiveDue(equipment: {
  category: SpecialEquipmentCategory;
  lastInspectionAt: string | null;
  nextInspectionDue: string | null;
}): string | null {
  if (equipment.nextInspectionDue) return equipment.nextInspectionDue;
  const months = DEFAULT_INTERVAL_MONTHS[equipment.category];
  if (!months || !equipment.lastInspectionAt) return null;
  return addMonths(equipment.lastInspectionAt, months);
}

/** Domain §5.5 [D]: past its due date (the due day itself still counts as in time) and not sealed (封存). */
export function inspectionOverdue(
  equipment: { nextInspectionDue: string | null; sealed: boolean },
  today: string,
): boolean {
  return !equipment.sealed && equipment.nextInspectionDue !== null && equipment.nextInspectionDue < today;
}

/**
 * A hazard is raised once per due date: a new inspection (new due date) that is missed again raises
 * another, the same missed date never twice.
 */
export function overdueHazardDue(
  equipment: { nextInspectionDue: string | null; sealed: boolean; hazardRaisedFor: string | null },
  today: string,
): boolean {
  return inspectionOverdue(equipment, today) && equipment.hazardRaisedFor !== equipment.nextInspectionDue;
}

/** Guards of an inspection record: the dates in order, and no inspection in the future. */
export function inspectionProblems(
  input: { inspectedOn: string; nextInspectionDue?: string | null },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.inspectedOn > today) problems.inspectedOn = 'cannot be in the future';
  if (input.nextInspectionDue && input.nextInspectionDue <= input.inspectedOn)
    problems.nextInspectionDue = 'must be after the inspection';
  return problems;
}
