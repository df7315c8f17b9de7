import { addDays, createRandom, DEMO_ENTERPRISES, demoId, orgId, TOWNS } from '@safety/reference';
import { insertInBatches, localDate, raiseSequences, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Task } from './task.entity.js';
import { TaskSource, TaskStatus } from './task.enums.js';
import { WORKING_STATUSES } from './task.rules.js';

const SOURCES = [TaskSource.MEETING, TaskSource.BRIEFING, TaskSource.INSPECTION_TOUR, TaskSource.BULLETIN];
const STATUSES = [
  TaskStatus.ISSUED,
  TaskStatus.ACKNOWLEDGED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.IN_PROGRESS,
  TaskStatus.SUBMITTED,
  TaskStatus.RETURNED,
  TaskStatus.VERIFIED,
  TaskStatus.CLOSED,
  TaskStatus.CLOSED,
];
const TITLES: Record<string, string> = {
  MEETING: '落实安委会会议部署',
  BRIEFING: '落实风险研判管控措施',
  INSPECTION_TOUR: '整改考核巡查发现问题',
  BULLETIN: '落实安全生产通报要求',
};

/**
 * Demo tasks (§11): for about half the demo enterprises, one task to the enterprise and one to its
 * town's safety office, issued by the SAC office or its regulator in the last 60 days, some late.
 * H-2 tasks of live hazards come from hazard's events, not from the seed.
 */
export async function seedTasks(manager: EntityManager, { today }: SeedContext): Promise<void> {
  const random = createRandom('tasks');
  const day = localDate(today);
  const rows: Partial<Task>[] = [];
  for (const enterprise of DEMO_ENTERPRISES) {
    if (!random.chance(0.55)) continue;
    const town = enterprise.townshipCode;
    const townOffice = townOfficeId(town);
    for (const assignee of ['enterprise', 'town'] as const) {
      const source = random.pick(SOURCES);
      const issuedOn = addDays(day, -random.int(1, 60));
      const dueAt = addDays(issuedOn, random.int(7, 45));
      let status = random.pick(STATUSES);
      if (dueAt >= day && status === TaskStatus.CLOSED) status = TaskStatus.IN_PROGRESS;
      const issuedAt = new Date(`${issuedOn}T09:00:00+08:00`);
      const step = (days: number) => new Date(issuedAt.getTime() + days * 86_400_000);
      const reached = (s: TaskStatus) => STATUSES.indexOf(status) >= STATUSES.indexOf(s);
      rows.push({
        id: demoId('task', `${enterprise.key}:${assignee}`),
        code: '',
        source,
        leg: null,
        status,
        title: `${TITLES[source]}（${enterprise.shortName}）`,
        requirement: '按要求落实并报送办理情况及佐证材料',
        issuerOrgId:
          assignee === 'enterprise'
            ? (enterprise.regulatorOrgIds[0] ?? orgId('SAC_OFFICE'))
            : orgId('SAC_OFFICE'),
        assigneeEnterpriseId: assignee === 'enterprise' ? enterprise.id : null,
        assigneeOrgIds: assignee === 'town' ? [townOffice] : [],
        enterpriseId: enterprise.id,
        townshipCode: town,
        relatedRefs: [],
        sourceRefType: null,
        sourceRefId: null,
        linkedTaskId: null,
        dueAt,
        issuedAt,
        issuedOn,
        acknowledgedAt: reached(TaskStatus.ACKNOWLEDGED) ? step(1) : null,
        submittedAt: reached(TaskStatus.SUBMITTED) ? step(5) : null,
        verifiedAt: reached(TaskStatus.VERIFIED) ? step(7) : null,
        closedAt: status === TaskStatus.CLOSED ? step(8) : null,
        evidence: reached(TaskStatus.SUBMITTED)
          ? [
              {
                fileId: 'a'.repeat(64),
                note: '办理情况报告',
                addedAt: step(5).toISOString(),
                addedById: null,
              },
            ]
          : [],
        returnReason: status === TaskStatus.RETURNED ? '佐证材料不完整' : null,
        overdueNotifiedFor: WORKING_STATUSES.includes(status) && dueAt < day ? dueAt : null,
        overdueOrdinal: WORKING_STATUSES.includes(status) && dueAt < day ? 1 : null,
        version: 1,
      });
    }
  }
  // Codes numbered per year in order of issue, as `nextSequence` would have given them.
  const last = new Map<number, number>();
  for (const row of [...rows].sort(
    (a, b) => a.issuedAt!.getTime() - b.issuedAt!.getTime() || a.id!.localeCompare(b.id!),
  )) {
    const year = Number(row.issuedOn!.slice(0, 4));
    const next = (last.get(year) ?? 0) + 1;
    last.set(year, next);
    row.code = `TASK-${year}-${String(next).padStart(6, '0')}`;
  }
  await insertInBatches(manager, Task, rows);
  await raiseSequences(manager, 'TASK', last);
}

function townOfficeId(townshipCode: string): string {
  return orgId(`TOWN_SAFETY_${townPinyin(townshipCode)}`);
}

function townPinyin(code: string): string {
  const town = TOWNS.find((t) => t.code === code);
  if (!town) throw new Error(`unknown town ${code}`);
  return town.pinyin;
}
