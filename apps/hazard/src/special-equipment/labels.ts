import type { StatusVariants } from '@safety/ui';
import type { EquipmentInspectionResult, SpecialEquipmentCategory } from '../gql/graphql.js';

/** The eight categories of 特种设备 (domain §5.5), in the order of the catalogue. */
export const EQUIPMENT_CATEGORIES: SpecialEquipmentCategory[] = [
  'BOILER',
  'PRESSURE_VESSEL',
  'PRESSURE_PIPING',
  'ELEVATOR',
  'LIFTING',
  'PASSENGER_ROPEWAY',
  'AMUSEMENT',
  'IN_PLANT_VEHICLE',
];

export const INSPECTION_RESULTS: EquipmentInspectionResult[] = ['PASSED', 'CONDITIONALLY_PASSED', 'FAILED'];

export const RESULT_VARIANTS: StatusVariants<EquipmentInspectionResult> = {
  PASSED: { colour: 'success', labelKey: 'equipment.result.PASSED' },
  CONDITIONALLY_PASSED: { colour: 'warning', labelKey: 'equipment.result.CONDITIONALLY_PASSED' },
  FAILED: { colour: 'error', labelKey: 'equipment.result.FAILED' },
};

/** 在用 / 封存: a sealed unit is out of use, so no inspection is due (domain §5.5). */
export const USE_VARIANTS: StatusVariants<'IN_USE' | 'SEALED'> = {
  IN_USE: { colour: 'processing', labelKey: 'equipment.use.IN_USE' },
  SEALED: { colour: 'default', labelKey: 'equipment.use.SEALED' },
};

/** Who keeps the register (the service's KEEPERS): the user unit's management and the regulators. */
export const EQUIPMENT_KEEPER_ROLES = [
  'ENT_PRINCIPAL',
  'ENT_SAFETY_DIRECTOR',
  'ENT_SAFETY_MANAGER',
  'COUNTY_LEADER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'EMB_ENFORCER',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
  'STATIONED_SUPERVISOR',
];
