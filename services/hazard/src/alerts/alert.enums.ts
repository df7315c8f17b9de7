import { registerEnumType } from 'type-graphql';

/** What a monitoring system watches (domain §5.13). */
export enum MonitoringAlertKind {
  GAS_CONCENTRATION = 'GAS_CONCENTRATION',
  TANK_LEVEL = 'TANK_LEVEL',
  TEMPERATURE = 'TEMPERATURE',
  PRESSURE = 'PRESSURE',
  VIDEO_AI = 'VIDEO_AI',
  MINE_MONITORING = 'MINE_MONITORING',
  TAILINGS_MONITORING = 'TAILINGS_MONITORING',
  ELEVATOR_IOT = 'ELEVATOR_IOT',
  OTHER = 'OTHER',
}

/** Alert level, L1 the most severe (as 突发事件预警级别 一级 to 四级). */
export enum MonitoringAlertLevel {
  L1 = 'L1',
  L2 = 'L2',
  L3 = 'L3',
  L4 = 'L4',
}

/** Domain §5.13: OPEN → ACKNOWLEDGED → DISPOSED → CLOSED; OPEN → ESCALATED when not acknowledged in time. */
export enum MonitoringAlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ESCALATED = 'ESCALATED',
  DISPOSED = 'DISPOSED',
  CLOSED = 'CLOSED',
}

registerEnumType(MonitoringAlertKind, {
  name: 'MonitoringAlertKind',
  description: '监测预警类型',
  valuesConfig: {
    GAS_CONCENTRATION: { description: '可燃/有毒气体浓度' },
    TANK_LEVEL: { description: '储罐液位' },
    TEMPERATURE: { description: '温度' },
    PRESSURE: { description: '压力' },
    VIDEO_AI: { description: '视频智能分析' },
    MINE_MONITORING: { description: '矿山安全监测监控' },
    TAILINGS_MONITORING: { description: '尾矿库在线监测' },
    ELEVATOR_IOT: { description: '电梯物联网' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(MonitoringAlertLevel, {
  name: 'MonitoringAlertLevel',
  description: '预警级别（一级最高）',
  valuesConfig: {
    L1: { description: '一级' },
    L2: { description: '二级' },
    L3: { description: '三级' },
    L4: { description: '四级' },
  },
});
registerEnumType(MonitoringAlertStatus, {
  name: 'MonitoringAlertStatus',
  description: '预警处置状态',
  valuesConfig: {
    OPEN: { description: '待签收' },
    ACKNOWLEDGED: { description: '已签收' },
    ESCALATED: { description: '超时未签收，已上报监管部门' },
    DISPOSED: { description: '已处置' },
    CLOSED: { description: '已关闭' },
  },
});
