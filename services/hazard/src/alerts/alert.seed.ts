import { demoEnterprise, demoId } from '@safety/reference';
import { insertInBatches, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { MonitoringAlert } from './alert.entity.js';
import {
  MonitoringAlertKind as K,
  MonitoringAlertLevel as L,
  MonitoringAlertStatus as S,
} from './alert.enums.js';
import { acknowledgeDue } from './alert.rules.js';

const MINUTE = 60_000;
type Row = [
  key: string,
  enterprise: string,
  source: string,
  sensor: string,
  kind: K,
  level: L,
  reading: string,
  minutesAgo: number,
  status: S,
];

/** A handful of demo alerts (domain §11.4 spirit): handled ones, one escalated, one waiting now. */
const ROWS: Row[] = [
  ['a1', 'chem1', 'hazchem-monitoring', 'T-101-LT', K.TANK_LEVEL, L.L3, '液位 86%', 60 * 24 * 40, S.CLOSED],
  [
    'a2',
    'chem1',
    'hazchem-monitoring',
    'GD-204',
    K.GAS_CONCENTRATION,
    L.L2,
    '甲醇 32%LEL',
    60 * 24 * 12,
    S.CLOSED,
  ],
  ['a3', 'chem2', 'hazchem-monitoring', 'PT-017', K.PRESSURE, L.L3, '1.86 MPa', 60 * 24 * 5, S.DISPOSED],
  [
    'a4',
    'coal1',
    'coal-mine-kj',
    'CH4-0312',
    K.MINE_MONITORING,
    L.L2,
    '甲烷 0.82%',
    60 * 24 * 2,
    S.ACKNOWLEDGED,
  ],
  ['a5', 'fuel1', 'video-ai', 'CAM-03', K.VIDEO_AI, L.L4, '卸油区吸烟', 60 * 26, S.ESCALATED],
  ['a6', 'crowd1', 'elevator-iot', 'EL-2', K.ELEVATOR_IOT, L.L3, '困人报警', 60 * 24 * 3, S.CLOSED],
  ['a7', 'gas1', 'gas-network', 'P-33', K.GAS_CONCENTRATION, L.L2, '燃气 18%LEL', 10, S.OPEN],
  [
    'a8',
    'mine1',
    'tailings-online',
    'TS-05',
    K.TAILINGS_MONITORING,
    L.L4,
    '浸润线 +0.3 m',
    60 * 24 * 20,
    S.CLOSED,
  ],
];

export async function seedMonitoringAlerts(manager: EntityManager, context: SeedContext): Promise<void> {
  const at = context.today.getTime();
  const rows = ROWS.map(([key, enterprise, source, sensor, kind, level, reading, minutesAgo, status]) => {
    const startedAt = new Date(at - minutesAgo * MINUTE);
    const due = acknowledgeDue(startedAt, startedAt);
    const acknowledged = [S.ACKNOWLEDGED, S.DISPOSED, S.CLOSED].includes(status);
    const disposed = [S.DISPOSED, S.CLOSED].includes(status);
    return {
      id: demoId('monitoring-alert', key),
      sourceSystem: source,
      enterpriseId: demoEnterprise(enterprise).id,
      sensorRef: sensor,
      kind,
      level,
      reading,
      message: '（演示）',
      startedAt,
      clearedAt: disposed ? new Date(startedAt.getTime() + 90 * MINUTE) : null,
      receivedAt: startedAt,
      status,
      acknowledgeDueAt: due,
      acknowledgedAt: acknowledged ? new Date(startedAt.getTime() + 12 * MINUTE) : null,
      escalatedAt: status === S.ESCALATED ? new Date(due.getTime() + MINUTE) : null,
      disposedAt: disposed ? new Date(startedAt.getTime() + 80 * MINUTE) : null,
      handling: disposed ? '现场核查，已排除异常并恢复正常（演示）' : null,
      closedAt: status === S.CLOSED ? new Date(startedAt.getTime() + 120 * MINUTE) : null,
      hazardId: null,
    };
  });
  await insertInBatches(manager, MonitoringAlert, rows);
}
