import { registerEnumType } from 'type-graphql';

/** The eight special operations of GB 30871-2022 (domain §5.9), as a training topic tag. */
export enum SpecialWorkType {
  HOT_WORK = 'HOT_WORK',
  CONFINED_SPACE = 'CONFINED_SPACE',
  BLIND_PLATE = 'BLIND_PLATE',
  WORK_AT_HEIGHT = 'WORK_AT_HEIGHT',
  LIFTING = 'LIFTING',
  TEMP_POWER = 'TEMP_POWER',
  EXCAVATION = 'EXCAVATION',
  ROAD_BREAK = 'ROAD_BREAK',
}

/** How a training was delivered (domain §7.4 `TrainingSession.mode`). */
export enum TrainingMode {
  CLASSROOM = 'CLASSROOM',
  ONLINE = 'ONLINE',
  PRACTICAL = 'PRACTICAL',
}

registerEnumType(SpecialWorkType, {
  name: 'SpecialWorkType',
  description: '特殊作业类型 (GB 30871-2022)',
  valuesConfig: {
    HOT_WORK: { description: '动火作业' },
    CONFINED_SPACE: { description: '受限空间作业' },
    BLIND_PLATE: { description: '盲板抽堵作业' },
    WORK_AT_HEIGHT: { description: '高处作业' },
    LIFTING: { description: '吊装作业' },
    TEMP_POWER: { description: '临时用电作业' },
    EXCAVATION: { description: '动土作业' },
    ROAD_BREAK: { description: '断路作业' },
  },
});
registerEnumType(TrainingMode, {
  name: 'TrainingMode',
  description: '培训方式',
  valuesConfig: {
    CLASSROOM: { description: '面授' },
    ONLINE: { description: '网络' },
    PRACTICAL: { description: '实操' },
  },
});
