import { describe, expect, it } from 'vitest';
import { SpecialEquipmentCategory } from './special-equipment.enums.js';
import {
  effectiveDue,
  inspectionOverdue,
  inspectionProblems,
  overdueHazardDue,
  SPECIAL_EQUIPMENT_REGULATOR,
  supervisesSpecialEquipment,
} from './special-equipment.rules.js';

const { ELEVATOR, BOILER } = SpecialEquipmentCategory;

describe('special equipment (domain §5.5)', () => {
  it('defaults the due date of elevators to 12 months after the last inspection', () => {
    expect(
      effectiveDue({ category: ELEVATOR, lastInspectionAt: '2024-06-30', nextInspectionDue: null }),
    ).toBe('2025-06-30');
    expect(
      effectiveDue({ category: ELEVATOR, lastInspectionAt: '2024-02-29', nextInspectionDue: null }),
    ).toBe('2025-02-28');
    expect(
      effectiveDue({ category: ELEVATOR, lastInspectionAt: '2024-06-30', nextInspectionDue: '2025-03-01' }),
    ).toBe('2025-03-01');
    // Others follow their inspection report: no default.
    expect(
      effectiveDue({ category: BOILER, lastInspectionAt: '2024-06-30', nextInspectionDue: null }),
    ).toBeNull();
    expect(effectiveDue({ category: ELEVATOR, lastInspectionAt: null, nextInspectionDue: null })).toBeNull();
  });

  it.each([
    ['2025-06-29', false, '2025-06-30', true],
    ['2025-06-30', false, '2025-06-30', false],
    ['2025-07-01', false, '2025-06-30', false],
    ['2025-06-29', true, '2025-06-30', false],
    [null, false, '2025-06-30', false],
  ])('due %s sealed %s on %s → overdue %s', (due, sealed, today, overdue) => {
    expect(inspectionOverdue({ nextInspectionDue: due, sealed }, today)).toBe(overdue);
  });

  it('raises a hazard once per due date', () => {
    const equipment = { nextInspectionDue: '2025-06-01', sealed: false, hazardRaisedFor: null };
    expect(overdueHazardDue(equipment, '2025-06-30')).toBe(true);
    expect(overdueHazardDue({ ...equipment, hazardRaisedFor: '2025-06-01' }, '2025-06-30')).toBe(false);
    expect(overdueHazardDue({ ...equipment, hazardRaisedFor: '2024-06-01' }, '2025-06-30')).toBe(true);
  });

  it('checks an inspection record', () => {
    expect(
      inspectionProblems({ inspectedOn: '2025-06-30', nextInspectionDue: '2026-06-30' }, '2025-06-30'),
    ).toEqual({});
    expect(inspectionProblems({ inspectedOn: '2025-07-01' }, '2025-06-30')).toHaveProperty('inspectedOn');
    expect(
      inspectionProblems({ inspectedOn: '2025-06-30', nextInspectionDue: '2025-06-30' }, '2025-06-30'),
    ).toHaveProperty('nextInspectionDue');
  });

  it('lets 市场监管 supervise every unit, whatever the industry (§5.5), and nobody else', () => {
    expect(supervisesSpecialEquipment({ scope: { orgUnitId: SPECIAL_EQUIPMENT_REGULATOR } })).toBe(true);
    expect(supervisesSpecialEquipment({ scope: { orgUnitId: '00000000-0000-4000-8000-000000000000' } })).toBe(
      false,
    );
    expect(supervisesSpecialEquipment({ scope: { orgUnitId: null } })).toBe(false);
    expect(supervisesSpecialEquipment(null)).toBe(false);
  });
});
