import {
  createRandom,
  DEMO_ENTERPRISES,
  type DemoEnterprise,
  demoEnterprise,
  demoId,
  type Random,
} from '@safety/reference';
import { insertInBatches, localYear, raiseSequences, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { type PermitGasTestRow, type PermitQualificationAnswer, WorkPermit } from './permit.entity.js';
import { credentialLabel, gateReasons } from './permit.rules.js';
import { hotWorkAssessment } from './permit.service.js';
import {
  HEIGHT_LEVELS,
  type PermitStatus,
  type PermitType,
  TRAINING_CATEGORIES,
  TRAINING_CERT_TYPES,
  type WorkerRole,
  type WorkKind,
} from './permit.tables.js';
import { permitCode } from './permit-actors.rules.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Domain §11.4: ≈1,500 permits; hot work 55 %, confined space 15 %, temporary power 15 %, height 10 %, lifting 5 %. */
export const SEED_PERMIT_TYPES: Readonly<Record<string, number>> = {
  HOT_WORK: 825,
  CONFINED_SPACE: 225,
  TEMP_POWER: 225,
  WORK_AT_HEIGHT: 150,
  LIFTING: 75,
};
/** Permits valid today (approved, running, being prepared), besides the three blocked drafts. */
export const SEED_LIVE_TODAY = 24;
/** The history starts with the platform's other demo data. */
const HISTORY_FROM = '2023-01-01';

/**
 * The permit demo's people in training (services/training/src/seed/permit-demo.ts): services share no
 * code, so the natural keys are repeated here; `demoId('person', key)` gives the same ids.
 */
export const PERMIT_DEMO_PERSON_KEYS = {
  reviewOverdue: 'permit-demo:review-overdue',
  wrongCategory: 'permit-demo:wrong-category',
  offPost: 'permit-demo:off-post',
  welder1: 'permit-demo:welder-1',
  welder2: 'permit-demo:welder-2',
  electrician: 'permit-demo:electrician',
} as const;
const person = (key: keyof typeof PERMIT_DEMO_PERSON_KEYS) => demoId('person', PERMIT_DEMO_PERSON_KEYS[key]);

/** The three permits the gate blocks (domain §11.4), with what training answers for hot work (permit-demo.ts). */
export const BLOCKED_PERMITS = [
  { key: 'reviewOverdue', failure: 'REVIEW_OVERDUE', daysAhead: 1 },
  { key: 'wrongCategory', failure: 'WRONG_CATEGORY', daysAhead: 2 },
  { key: 'offPost', failure: 'OFF_POST_OVER_6_MONTHS', daysAhead: 3 },
] as const;

const MEASURES = [
  '清除动火点周围可燃物',
  '配备灭火器2具',
  '设专人监火',
  '管线隔离并加装盲板',
  '作业区域设置警戒',
  '检查确认通风良好',
];
const CONTRACTOR = { enterpriseId: null, name: '武威某安装工程有限公司（演示）' };
const LOCATIONS: Record<string, string[]> = {
  HOT_WORK: ['机修车间', '储罐区东侧管线', '装置区框架二层', '仓库外墙'],
  CONFINED_SPACE: ['1号储罐内', '污水池', '反应釜内部', '地下管沟'],
  TEMP_POWER: ['检修现场临时配电箱', '新建厂房施工区'],
  WORK_AT_HEIGHT: ['厂房屋面', '管廊支架', '塔器外壁'],
  LIFTING: ['设备吊装区', '原料库装卸区'],
};
/** Industries where the demo has hazardous work. */
const WORKING_INDUSTRIES = new Set([
  'HAZCHEM_PRODUCTION',
  'HAZCHEM_STORAGE_TRADE',
  'FUEL_STATION',
  'METALLURGY',
  'INDUSTRY_TRADE',
  'COAL_MINE',
  'NON_COAL_MINE',
  'CONSTRUCTION',
  'NEW_ENERGY',
  'URBAN_GAS',
]);

type Row = Omit<WorkPermit, 'version' | 'createdAt' | 'updatedAt'>;

function workersFor(type: PermitType, enterprise: DemoEnterprise, random: Random): WorkPermit['workers'] {
  const chem1 = enterprise.key === 'chem1';
  // Elsewhere: training's demo workers (`worker:n`), not necessarily employed there [D, demo only].
  const somebody = () => demoId('person', `worker:${random.int(2000, 2999)}`);
  const engaged = random.chance(0.15) ? CONTRACTOR : { enterpriseId: enterprise.id, name: enterprise.name };
  const own = { enterpriseId: enterprise.id, name: enterprise.name };
  const worker = (personId: string, role: WorkerRole, workKinds: WorkKind[], engagedBy = engaged) => ({
    personId,
    role,
    engagedBy,
    workKinds,
  });
  const guardian = worker(chem1 ? person('welder2') : somebody(), 'GUARDIAN', [], own);
  switch (type) {
    case 'HOT_WORK':
      return [worker(chem1 ? person('welder1') : somebody(), 'EXECUTOR', ['WELDING']), guardian];
    case 'TEMP_POWER':
      return [
        worker(chem1 ? person('electrician') : somebody(), 'EXECUTOR', ['ELECTRICAL_LOW_VOLTAGE']),
        guardian,
      ];
    case 'WORK_AT_HEIGHT':
      return [worker(somebody(), 'EXECUTOR', ['SCAFFOLDING']), guardian];
    case 'LIFTING':
      return [
        worker(somebody(), 'EXECUTOR', ['CRANE_OPERATION']),
        worker(somebody(), 'EXECUTOR', ['CRANE_SIGNALLING']),
        guardian,
      ];
    default:
      return [worker(somebody(), 'EXECUTOR', []), guardian];
  }
}

function gasTestsFor(type: PermitType, at: Date, analystId: string): PermitGasTestRow[] {
  if (type === 'HOT_WORK')
    return [
      {
        at: at.toISOString(),
        point: '动火点',
        oxygenPctVol: null,
        flammables: [{ reading: '0.1', unit: 'PCT_VOL', lelPctVol: '5', substance: '甲烷' }],
        toxics: [],
        analystId,
        problems: [],
      },
    ];
  if (type === 'CONFINED_SPACE')
    return [
      {
        at: at.toISOString(),
        point: '受限空间中部',
        oxygenPctVol: '20.9',
        flammables: [{ reading: '8', unit: 'PCT_LEL', lelPctVol: '2.1', substance: '丙烷' }],
        toxics: [{ substance: 'H2S', mgPerM3: '1' }],
        analystId,
        problems: [],
      },
    ];
  return [];
}

function historicStatus(random: Random): PermitStatus {
  const r = random.int(0, 99);
  return r < 94 ? 'CLOSED' : r < 97 ? 'REVOKED' : 'EXPIRED';
}

function liveStatus(random: Random, type: PermitType): PermitStatus {
  const status = random.pick<PermitStatus>([
    'APPROVED',
    'IN_PROGRESS',
    'IN_PROGRESS',
    'IN_PROGRESS',
    'DRAFT',
    'GAS_TESTED',
  ]);
  return status === 'GAS_TESTED' && type !== 'HOT_WORK' && type !== 'CONFINED_SPACE' ? 'DRAFT' : status;
}

/**
 * Domain §11.4: ≈1,500 permits since 2023, mostly CLOSED, some live today, and three hot-work DRAFTs at
 * chem1 blocked by the qualification gate, each with the reason training gives (no call at seed time: the
 * refusal is stored as the permit's last gate result). Deterministic: `createRandom('permits')`, ids from codes.
 */
export async function seedPermits(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('permits');
  const today = context.today;
  const enterprises = DEMO_ENTERPRISES.filter((e) => WORKING_INDUSTRIES.has(e.industryCode));
  const historyDays = Math.floor((today.getTime() - Date.parse(`${HISTORY_FROM}T00:00:00+08:00`)) / DAY_MS);
  const types = Object.entries(SEED_PERMIT_TYPES).flatMap(([type, count]) =>
    Array<PermitType>(type === 'HOT_WORK' ? count - BLOCKED_PERMITS.length : count).fill(type as PermitType),
  );
  const drafts: Array<Omit<Row, 'id' | 'code'>> = [];
  // Live permits are spread over the types, one in every `liveEvery`.
  const liveEvery = Math.floor(types.length / SEED_LIVE_TODAY);

  types.forEach((type, index) => {
    const live = index % liveEvery === 0 && index < liveEvery * SEED_LIVE_TODAY;
    const enterprise = random.chance(0.1) ? demoEnterprise('chem1') : random.pick(enterprises);
    const hours = live ? random.int(4, 8) : type === 'HOT_WORK' ? random.int(2, 8) : random.int(2, 10);
    // A live permit started 1–3 h ago and runs at least one more hour, whatever time "today" is.
    const validFrom = live
      ? new Date(today.getTime() - random.int(1, 3) * HOUR_MS)
      : new Date(today.getTime() - random.int(2, historyDays) * DAY_MS + random.int(8, 15) * HOUR_MS);
    const validTo = new Date(validFrom.getTime() + hours * HOUR_MS);
    const status = live ? liveStatus(random, type) : historicStatus(random);
    const hotWorkSite =
      type === 'HOT_WORK'
        ? (() => {
            const area = random.chance(0.3);
            return {
              fireExplosionHazardArea: area,
              onRunningEquipment: area && random.chance(0.2),
              pressurisedWithoutDisplacement: false,
              insideMajorHazardTankFarmDike: false,
              onPipeRack: !area && random.chance(0.1),
              inFixedHotWorkArea: false,
              unitShutDownPurgedIsolated: false,
              shutdownDowngradeApproved: false,
            };
          })()
        : null;
    const level =
      type === 'HOT_WORK'
        ? (hotWorkAssessment({ validFrom, validTo, hotWorkSite })?.managedLevel ?? null)
        : type === 'WORK_AT_HEIGHT'
          ? random.pick(HEIGHT_LEVELS)
          : null;
    const workers = workersFor(type, enterprise, random);
    const guardianId = workers.find((w) => w.role === 'GUARDIAN')!.personId;
    const tested = status !== 'DRAFT';
    const approved = !['DRAFT', 'GAS_TESTED'].includes(status);
    const approvedAt = approved ? new Date(validFrom.getTime() - 30 * 60_000) : null;
    const started =
      ['IN_PROGRESS', 'COMPLETED', 'CLOSED'].includes(status) || (status === 'REVOKED' && random.chance(0.5));
    const completedAt = status === 'CLOSED' ? new Date(validTo.getTime() - 30 * 60_000) : null;
    const measures = [...new Set([random.pick(MEASURES), random.pick(MEASURES), random.pick(MEASURES)])].map(
      (text) => ({ text, confirmed: status !== 'DRAFT' }),
    );
    drafts.push({
      enterpriseId: enterprise.id,
      townshipCode: enterprise.townshipCode,
      industryCode: enterprise.industryCode,
      type,
      level,
      purpose: random.pick(['MAINTENANCE', 'MAINTENANCE', 'PRODUCTION', 'CONSTRUCTION']),
      hazardId: null,
      location: random.pick(LOCATIONS[type]!),
      riskPointId: null,
      validFrom,
      validTo,
      status,
      workers,
      gasTests: tested ? gasTestsFor(type, new Date(validFrom.getTime() - 20 * 60_000), guardianId) : [],
      equipmentChecks:
        type === 'HOT_WORK'
          ? [
              {
                equipmentId: `WM-${random.int(100, 999)}`,
                inspectedAt: new Date(validFrom.getTime() - 7 * DAY_MS + 8 * HOUR_MS)
                  .toISOString()
                  .slice(0, 10),
                result: 'OK',
              },
            ]
          : [],
      measures,
      hotWorkSite,
      otherSpecialSituation: null,
      oxygenEnriched: false,
      continuousMonitoring: type === 'CONFINED_SPACE' || level === 'SPECIAL',
      approvedAt,
      approvedById: null,
      startedAt: started ? validFrom : null,
      suspendedAt: null,
      completedAt,
      closedAt: completedAt ? new Date(completedAt.getTime() + 20 * 60_000) : null,
      revocation:
        status === 'REVOKED'
          ? {
              at: new Date(validFrom.getTime() + HOUR_MS).toISOString(),
              reason: '现场条件变化，停止作业（演示）',
              personId: null,
              certificateId: null,
              byId: null,
              notifyPersonIds: [guardianId],
            }
          : null,
      revocationNoticePending: false,
      lastGate: null,
      createdById: null,
    });
  });

  // The three blocked drafts (domain §11.4): hot work at chem1 in the coming days, awaiting approval.
  const chem1 = demoEnterprise('chem1');
  const own = { enterpriseId: chem1.id, name: chem1.name };
  const welding = {
    kind: 'CERTIFICATE' as const,
    certType: TRAINING_CERT_TYPES.SPECIAL_OPERATION,
    category: TRAINING_CATEGORIES.WELDING_CUTTING,
  };
  for (const blocked of BLOCKED_PERMITS) {
    const validFrom = new Date(today.getTime() + blocked.daysAhead * DAY_MS + 9 * HOUR_MS);
    const validTo = new Date(validFrom.getTime() + 6 * HOUR_MS);
    const hotWorkSite = {
      fireExplosionHazardArea: false,
      onRunningEquipment: false,
      pressurisedWithoutDisplacement: false,
      insideMajorHazardTankFarmDike: false,
      onPipeRack: false,
      inFixedHotWorkArea: false,
      unitShutDownPurgedIsolated: false,
      shutdownDowngradeApproved: false,
    };
    const executor = person(blocked.key);
    const guardian = person('welder2');
    const reasons = gateReasons([
      { personId: executor, requirement: welding, at: validFrom, ok: false, reasons: [blocked.failure] },
    ]);
    const guardianTraining = { kind: 'PERMIT_TYPE_TRAINING' as const, permitType: 'HOT_WORK' as const };
    const answer = (
      personId: string,
      role: WorkerRole,
      ok: boolean,
      failures: string[],
      requirement: typeof welding | typeof guardianTraining | null,
    ) =>
      ({
        personId,
        role,
        credential: credentialLabel(requirement ?? { kind: 'EMPLOYMENT_AND_THREE_LEVEL' }),
        ruleId: !requirement
          ? 'PQR-1-ALL@PQR-1'
          : requirement.kind === 'CERTIFICATE'
            ? 'PQR-1-HOT-WELD@PQR-1'
            : 'PQR-1-GUARDIAN-HOT_WORK@PQR-1',
        ok,
        failures,
        evidence: null,
      }) satisfies PermitQualificationAnswer;
    drafts.push({
      enterpriseId: chem1.id,
      townshipCode: chem1.townshipCode,
      industryCode: chem1.industryCode,
      type: 'HOT_WORK',
      level: hotWorkAssessment({ validFrom, validTo, hotWorkSite })?.managedLevel ?? 'LEVEL_2',
      purpose: 'MAINTENANCE',
      hazardId: null,
      location: '机修车间',
      riskPointId: null,
      validFrom,
      validTo,
      status: 'DRAFT',
      workers: [
        { personId: executor, role: 'EXECUTOR', engagedBy: own, workKinds: ['WELDING'] },
        { personId: guardian, role: 'GUARDIAN', engagedBy: own, workKinds: [] },
      ],
      gasTests: [],
      equipmentChecks: [
        {
          equipmentId: 'WM-101',
          inspectedAt: new Date(today.getTime() - 3 * DAY_MS + 8 * HOUR_MS).toISOString().slice(0, 10),
          result: 'OK',
        },
      ],
      measures: MEASURES.slice(0, 3).map((text) => ({ text, confirmed: false })),
      hotWorkSite,
      otherSpecialSituation: null,
      oxygenEnriched: false,
      continuousMonitoring: false,
      approvedAt: null,
      approvedById: null,
      startedAt: null,
      suspendedAt: null,
      completedAt: null,
      closedAt: null,
      revocation: null,
      revocationNoticePending: false,
      lastGate: {
        checkedAt: today.toISOString(),
        at: validFrom.toISOString(),
        ok: false,
        reasons,
        answers: [
          answer(executor, 'EXECUTOR', true, [], null),
          answer(executor, 'EXECUTOR', false, [blocked.failure], welding),
          answer(guardian, 'GUARDIAN', true, [], null),
          // The guardian is trained for hot work (training's demo records, domain §5.9).
          answer(guardian, 'GUARDIAN', true, [], guardianTraining),
        ],
      },
      createdById: null,
    });
  }

  // Codes in order of validity, numbered per year; ids derived from the codes.
  drafts.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const sequences = new Map<number, number>();
  const rows: Row[] = drafts.map((draft) => {
    const year = localYear(draft.validFrom);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const code = permitCode(year, sequence);
    return { id: demoId('work-permit', code), code, ...draft };
  });
  await insertInBatches(manager, WorkPermit, rows as Partial<WorkPermit>[]);
  await raiseSequences(manager, 'ZY', sequences);
}
