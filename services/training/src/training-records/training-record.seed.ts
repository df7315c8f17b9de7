import { createHash } from 'node:crypto';
import { demoEnterprise, demoId } from '@safety/reference';
import { addDays, insertInBatches, localDate, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { PERMIT_DEMO_ENTERPRISE_KEY, PERMIT_DEMO_GUARDIAN, PERMIT_DEMO_PEOPLE } from '../seed/permit-demo.js';
import { TrainingRecord } from './training-record.entity.js';
import { SpecialWorkType, TrainingMode } from './training-record.enums.js';

const LABELS: Record<SpecialWorkType, string> = {
  [SpecialWorkType.HOT_WORK]: '动火作业',
  [SpecialWorkType.CONFINED_SPACE]: '受限空间作业',
  [SpecialWorkType.BLIND_PLATE]: '盲板抽堵作业',
  [SpecialWorkType.WORK_AT_HEIGHT]: '高处作业',
  [SpecialWorkType.LIFTING]: '吊装作业',
  [SpecialWorkType.TEMP_POWER]: '临时用电作业',
  [SpecialWorkType.EXCAVATION]: '动土作业',
  [SpecialWorkType.ROAD_BREAK]: '断路作业',
};

/**
 * Demo training records (domain §7.4): the permit demo's guardian is trained for every type it guards
 * (§5.9), within the year a training counts, so the demo's approved chem1 permits pass the gate.
 * Runs once per database, after the main seed (the person and employment exist).
 */
export async function seedTrainingRecords(manager: EntityManager, context: SeedContext): Promise<void> {
  const today = localDate(context.today);
  const personId = demoId('person', PERMIT_DEMO_PEOPLE[PERMIT_DEMO_GUARDIAN.person].key);
  const enterpriseId = demoEnterprise(PERMIT_DEMO_ENTERPRISE_KEY).id;
  const [employment] = await manager.query(
    `SELECT id FROM employment WHERE person_id = $1 AND enterprise_id = $2 AND leave_date IS NULL
      ORDER BY hire_date DESC LIMIT 1`,
    [personId, enterpriseId],
  );
  if (!employment) return;
  const rows = Object.entries(PERMIT_DEMO_GUARDIAN.trainings).map(([type, daysAgo]) => {
    const specialWorkType = type as SpecialWorkType;
    const completedOn = addDays(today, -daysAgo);
    return {
      id: demoId('training-record', `${personId}:${type}`),
      personId,
      enterpriseId,
      employmentId: employment.id as string,
      topic: `${LABELS[specialWorkType]}监护人培训（演示）`,
      specialWorkType,
      mode: TrainingMode.PRACTICAL,
      creditedHours: 4,
      // A stand-in for the instructor's signed sheet (content address of a demo text).
      attendanceEvidence: createHash('sha256').update(`demo-sign-off:${personId}:${type}`).digest('hex'),
      examScore: 90,
      passed: true,
      completedOn,
      provider: '红沙岗煤化工安全培训中心（演示）',
      createdAt: new Date(`${completedOn}T17:00:00+08:00`),
    };
  });
  await insertInBatches(manager, TrainingRecord, rows);
}
