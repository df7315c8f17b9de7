import { registerEnumType } from 'type-graphql';

/** 特种设备种类 (domain §5.5; 特种设备安全法 第2条). */
export enum SpecialEquipmentCategory {
  BOILER = 'BOILER',
  PRESSURE_VESSEL = 'PRESSURE_VESSEL',
  PRESSURE_PIPING = 'PRESSURE_PIPING',
  ELEVATOR = 'ELEVATOR',
  LIFTING = 'LIFTING',
  PASSENGER_ROPEWAY = 'PASSENGER_ROPEWAY',
  AMUSEMENT = 'AMUSEMENT',
  IN_PLANT_VEHICLE = 'IN_PLANT_VEHICLE',
}

/** Conclusion of a periodic inspection (定期检验结论). */
export enum EquipmentInspectionResult {
  PASSED = 'PASSED',
  CONDITIONALLY_PASSED = 'CONDITIONALLY_PASSED',
  FAILED = 'FAILED',
}

registerEnumType(SpecialEquipmentCategory, {
  name: 'SpecialEquipmentCategory',
  description: '特种设备种类',
  valuesConfig: {
    BOILER: { description: '锅炉' },
    PRESSURE_VESSEL: { description: '压力容器' },
    PRESSURE_PIPING: { description: '压力管道' },
    ELEVATOR: { description: '电梯' },
    LIFTING: { description: '起重机械' },
    PASSENGER_ROPEWAY: { description: '客运索道' },
    AMUSEMENT: { description: '大型游乐设施' },
    IN_PLANT_VEHICLE: { description: '场（厂）内专用机动车辆' },
  },
});
registerEnumType(EquipmentInspectionResult, {
  name: 'EquipmentInspectionResult',
  description: '定期检验结论',
  valuesConfig: {
    PASSED: { description: '合格' },
    CONDITIONALLY_PASSED: { description: '基本合格（限期整改）' },
    FAILED: { description: '不合格' },
  },
});
