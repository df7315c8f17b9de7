import { SpecialEquipmentCategory } from './special-equipment.enums.js';

/** Chinese names of the categories, for hazard titles (domain §5.5). */
export const CATEGORY_LABELS: Record<SpecialEquipmentCategory, string> = {
  [SpecialEquipmentCategory.BOILER]: '锅炉',
  [SpecialEquipmentCategory.PRESSURE_VESSEL]: '压力容器',
  [SpecialEquipmentCategory.PRESSURE_PIPING]: '压力管道',
  [SpecialEquipmentCategory.ELEVATOR]: '电梯',
  [SpecialEquipmentCategory.LIFTING]: '起重机械',
  [SpecialEquipmentCategory.PASSENGER_ROPEWAY]: '客运索道',
  [SpecialEquipmentCategory.AMUSEMENT]: '大型游乐设施',
  [SpecialEquipmentCategory.IN_PLANT_VEHICLE]: '场（厂）内专用机动车辆',
};
