import { addDays, createRandom, DEMO_ENTERPRISES, demoId } from '@safety/reference';
import { insertInBatches, localDate, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { SpecialEquipment } from './special-equipment.entity.js';
import { EquipmentInspectionResult, SpecialEquipmentCategory } from './special-equipment.enums.js';
import { CATEGORY_LABELS } from './special-equipment.labels.js';
import { effectiveDue } from './special-equipment.rules.js';

const C = SpecialEquipmentCategory;
/** What each kind of enterprise would run (domain §11.4): boilers, vessels, elevators, lifting, in-plant vehicles. */
const BY_INDUSTRY: Record<string, SpecialEquipmentCategory[]> = {
  COAL_MINE: [C.BOILER, C.PRESSURE_VESSEL, C.LIFTING, C.IN_PLANT_VEHICLE],
  HAZCHEM_PRODUCTION: [
    C.BOILER,
    C.PRESSURE_VESSEL,
    C.PRESSURE_VESSEL,
    C.PRESSURE_PIPING,
    C.LIFTING,
    C.IN_PLANT_VEHICLE,
  ],
  FUEL_STATION: [C.PRESSURE_VESSEL],
  URBAN_GAS: [C.PRESSURE_VESSEL, C.PRESSURE_PIPING],
  INDUSTRY_TRADE: [C.BOILER, C.LIFTING, C.IN_PLANT_VEHICLE],
  CROWDED_PLACE: [C.ELEVATOR, C.ELEVATOR, C.BOILER],
  LOGISTICS: [C.IN_PLANT_VEHICLE, C.IN_PLANT_VEHICLE, C.LIFTING],
  TOURISM: [C.AMUSEMENT],
};
/** Years between periodic inspections used for the demo's report due dates [K?: TSG 定期检验周期]. */
const REPORT_YEARS: Partial<Record<SpecialEquipmentCategory, number>> = {
  [C.BOILER]: 1,
  [C.PRESSURE_VESSEL]: 3,
  [C.PRESSURE_PIPING]: 3,
  [C.LIFTING]: 2,
  [C.IN_PLANT_VEHICLE]: 1,
  [C.AMUSEMENT]: 1,
};
/** Demo: 6 units are past their due date and in use, 2 are sealed (also past due, so no hazard). */
export const SEED_OVERDUE = 6;

/** Demo special equipment (domain §11.4): the units the enterprises would have, a few overdue. */
export async function seedSpecialEquipment(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('special-equipment');
  const today = localDate(context.today);
  const rows: Array<Partial<SpecialEquipment>> = [];
  let serial = 0;
  for (const enterprise of DEMO_ENTERPRISES) {
    (BY_INDUSTRY[enterprise.industryCode] ?? []).forEach((category, index) => {
      serial++;
      const registrationNo = `${category.slice(0, 3)}-620621-${String(serial).padStart(4, '0')}`;
      const years = REPORT_YEARS[category];
      // In time: inspected within the last interval, so the next due date is ahead.
      const intervalDays = (years ?? 1) * 365;
      const lastInspectionAt = addDays(today, -random.int(30, intervalDays - 30));
      const nextInspectionDue = years ? addDays(lastInspectionAt, intervalDays) : null;
      rows.push({
        id: demoId('special-equipment', registrationNo),
        enterpriseId: enterprise.id,
        category,
        registrationNo,
        name: `${CATEGORY_LABELS[category]}${index + 1}号（演示）`,
        location: `${enterprise.shortName}厂区（演示）`,
        lastInspectionAt,
        nextInspectionDue: effectiveDue({ category, lastInspectionAt, nextInspectionDue }),
        dueDefaulted: nextInspectionDue === null,
        inspectionResult: EquipmentInspectionResult.PASSED,
        sealed: false,
        createdAt: new Date(`${lastInspectionAt}T09:00:00+08:00`),
      });
    });
  }
  // A few units past due (spread over the list, deterministic), and two sealed ones past due too.
  const step = Math.floor(rows.length / (SEED_OVERDUE + 2));
  for (let i = 0; i < SEED_OVERDUE + 2; i++) {
    const row = rows[i * step + 1]!;
    const years = REPORT_YEARS[row.category!] ?? 1;
    row.nextInspectionDue = addDays(today, -random.int(3, 90));
    row.lastInspectionAt = addDays(row.nextInspectionDue, -years * 365);
    row.dueDefaulted = row.category === C.ELEVATOR;
    row.sealed = i >= SEED_OVERDUE;
  }
  await insertInBatches(manager, SpecialEquipment, rows);
}
