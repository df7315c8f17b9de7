import { createHash } from 'node:crypto';
import {
  createRandom,
  DEMO_ENTERPRISES,
  type DemoEnterprise,
  demoEnterprise,
  demoId,
} from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { insertInBatches, localDate, localYear, raiseSequences } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Hazard, HazardStatusChange } from '../hazards/hazard.entity.js';
import {
  HazardCategory,
  HazardDetermination,
  HazardGrade,
  HazardSource,
  HazardStatus,
  InterimMeasureKind,
  RejectionKind,
} from '../hazards/hazard.enums.js';
import { acceptanceTier, assignmentsFor, hazardCode } from '../hazards/hazard.rules.js';

const DAY = 86_400_000;
const HISTORY_START = new Date('2023-01-01T00:00:00+08:00');
const TOTAL = 600;

/** Domain §11.4 status mix; "overdue" = rectifying with a past deadline. */
const MIX = { CLOSED: 420, RECTIFYING: 90, PENDING_ACCEPTANCE: 48, OVERDUE: 30, REJECTED: 12 } as const;
type Slot = keyof typeof MIX;
/** Domain §11.4: ≈ 4% major. */
const MAJOR_TOTAL = 24;

const GENERAL_TITLES = [
  '消防通道堆放杂物',
  '灭火器压力不足',
  '配电箱未上锁、无警示标识',
  '安全出口指示灯损坏',
  '动火作业未办理作业票',
  '有限空间未设置警示标识',
  '临时用电线路私拉乱接',
  '高处作业未系安全带',
  '机械设备防护罩缺失',
  '气瓶未固定、未分区存放',
  '应急照明失效',
  '安全警示标志缺失',
  '安全培训记录不全',
  '劳动防护用品佩戴不规范',
  '可燃气体报警器未定期检定',
  '防火堤破损',
  '叉车司机未持证',
  '粉尘清扫不及时',
  '应急预案未按期演练',
  '消防水泵无法正常启动',
  '电气线路老化',
  '货架超载堆放',
  '隐患排查台账不完整',
];
const MAJOR_TITLES = [
  '重大危险源储罐区紧急切断装置失效',
  '井下安全出口不足两个',
  '粉尘爆炸危险场所设置在非框架结构多层建筑内',
  '人员密集场所安全出口数量不足',
  '特种作业人员未持证上岗',
  '有限空间作业未执行"先通风、再检测、后作业"',
];

const C = HazardCategory;
/** The category of each demo title (令第16号 第3条), so no random draw changes. */
const CATEGORY: Record<string, HazardCategory> = {
  消防通道堆放杂物: C.UNSAFE_CONDITION,
  灭火器压力不足: C.UNSAFE_CONDITION,
  '配电箱未上锁、无警示标识': C.UNSAFE_CONDITION,
  安全出口指示灯损坏: C.UNSAFE_CONDITION,
  动火作业未办理作业票: C.UNSAFE_ACT,
  有限空间未设置警示标识: C.UNSAFE_CONDITION,
  临时用电线路私拉乱接: C.UNSAFE_ACT,
  高处作业未系安全带: C.UNSAFE_ACT,
  机械设备防护罩缺失: C.UNSAFE_CONDITION,
  '气瓶未固定、未分区存放': C.UNSAFE_CONDITION,
  应急照明失效: C.UNSAFE_CONDITION,
  安全警示标志缺失: C.UNSAFE_CONDITION,
  安全培训记录不全: C.MANAGEMENT_DEFECT,
  劳动防护用品佩戴不规范: C.UNSAFE_ACT,
  可燃气体报警器未定期检定: C.MANAGEMENT_DEFECT,
  防火堤破损: C.UNSAFE_CONDITION,
  叉车司机未持证: C.MANAGEMENT_DEFECT,
  粉尘清扫不及时: C.UNSAFE_ACT,
  应急预案未按期演练: C.MANAGEMENT_DEFECT,
  消防水泵无法正常启动: C.UNSAFE_CONDITION,
  电气线路老化: C.UNSAFE_CONDITION,
  货架超载堆放: C.UNSAFE_CONDITION,
  隐患排查台账不完整: C.MANAGEMENT_DEFECT,
  重大危险源储罐区紧急切断装置失效: C.UNSAFE_CONDITION,
  井下安全出口不足两个: C.UNSAFE_CONDITION,
  粉尘爆炸危险场所设置在非框架结构多层建筑内: C.UNSAFE_CONDITION,
  人员密集场所安全出口数量不足: C.UNSAFE_CONDITION,
  特种作业人员未持证上岗: C.MANAGEMENT_DEFECT,
  '有限空间作业未执行"先通风、再检测、后作业"': C.UNSAFE_ACT,
  泵房未设置可燃有毒气体检测报警装置: C.UNSAFE_CONDITION,
  快速冻结装置未设置在单独作业间内且作业人员超过9人: C.UNSAFE_CONDITION,
  重点监管危险化工工艺未实现自动化控制: C.UNSAFE_CONDITION,
  人员密集场所火灾隐患综合判定达到重大: C.UNSAFE_CONDITION,
  采场作业平台未设置安全挡墙: C.UNSAFE_CONDITION,
};

/** A stand-in content address for demo documents that have no file behind them. */
const demoFileId = (label: string) => createHash('sha256').update(`demo:${label}`).digest('hex');
const HOUR = 3_600_000;

/** Sources of randomly generated hazards, weighted (self-checks dominate). */
const SOURCE_WEIGHTS: Array<[HazardSource, number]> = [
  [HazardSource.ENTERPRISE_SELF_CHECK, 55],
  [HazardSource.GOV_INSPECTION, 25],
  [HazardSource.STAFF_REPORT, 8],
  [HazardSource.SPECIAL_CAMPAIGN, 5],
  [HazardSource.EXPERT_SERVICE, 4],
  [HazardSource.WHISTLEBLOWER, 2],
  [HazardSource.LEADER_INSPECTION, 1],
];
const INDUSTRY_WEIGHT: Record<string, number> = {
  COAL_MINE: 5,
  HAZCHEM_PRODUCTION: 4,
  NON_COAL_MINE: 3,
  CONSTRUCTION: 3,
  FIREWORKS: 2,
  FUEL_STATION: 2,
  URBAN_GAS: 2,
  INDUSTRY_TRADE: 2,
};

interface Draft {
  enterprise: DemoEnterprise;
  slot: Slot;
  grade: HazardGrade;
  source: HazardSource;
  title: string;
}

/** The featured hazards of domain §11.3 / §11.4, kept in the mix counts. */
const FEATURED: Array<Omit<Draft, 'enterprise'> & { key: string }> = [
  {
    key: 'chem1',
    slot: 'RECTIFYING',
    grade: HazardGrade.MAJOR,
    source: HazardSource.GOV_INSPECTION,
    title: '泵房未设置可燃有毒气体检测报警装置',
  },
  {
    key: 'it2',
    slot: 'RECTIFYING',
    grade: HazardGrade.MAJOR,
    source: HazardSource.GOV_INSPECTION,
    title: '快速冻结装置未设置在单独作业间内且作业人员超过9人',
  },
  {
    key: 'chem2',
    slot: 'CLOSED',
    grade: HazardGrade.MAJOR,
    source: HazardSource.GOV_INSPECTION,
    title: '重点监管危险化工工艺未实现自动化控制',
  },
  {
    key: 'crowd2',
    slot: 'RECTIFYING',
    grade: HazardGrade.MAJOR,
    source: HazardSource.GOV_INSPECTION,
    title: '人员密集场所火灾隐患综合判定达到重大',
  },
  {
    key: 'mine2',
    slot: 'OVERDUE',
    grade: HazardGrade.GENERAL,
    source: HazardSource.GOV_INSPECTION,
    title: '采场作业平台未设置安全挡墙',
  },
];

/**
 * ≈600 demo hazards since 1 Jan 2023 relative to the demo's today (domain §11.4), deterministic:
 * one random stream, codes numbered per year by the day found, ids derived from the codes.
 */
export function demoHazards(today: Date) {
  const random = createRandom('hazards');
  const historyDays = Math.floor((today.getTime() - HISTORY_START.getTime()) / DAY);
  const pick = <T>(weighted: Array<[T, number]>): T => {
    let roll = random.int(
      1,
      weighted.reduce((sum, [, w]) => sum + w, 0),
    );
    for (const [value, weight] of weighted) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    return weighted[0]![0];
  };

  // Slots with the exact mix, shuffled; featured hazards take theirs first.
  const remaining: Record<Slot, number> = { ...MIX };
  for (const f of FEATURED) remaining[f.slot]--;
  const slots = (Object.keys(remaining) as Slot[]).flatMap((slot) => Array<Slot>(remaining[slot]).fill(slot));
  for (let i = slots.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  // Every enterprise gets at least two, the rest go mostly to high-risk industries.
  const weights = DEMO_ENTERPRISES.map((e): [DemoEnterprise, number] => [
    e,
    INDUSTRY_WEIGHT[e.industryCode] ?? 1,
  ]);
  const majorsLeft = { count: MAJOR_TOTAL - FEATURED.filter((f) => f.grade === HazardGrade.MAJOR).length };
  const drafts: Draft[] = FEATURED.map(({ key, ...f }) => ({ ...f, enterprise: demoEnterprise(key) }));
  slots.forEach((slot, index) => {
    const enterprise =
      index < DEMO_ENTERPRISES.length * 2
        ? DEMO_ENTERPRISES[index % DEMO_ENTERPRISES.length]!
        : pick(weights);
    const major = majorsLeft.count > 0 && random.chance(MAJOR_TOTAL / TOTAL) && slot !== 'REJECTED';
    if (major) majorsLeft.count--;
    drafts.push({
      enterprise,
      slot,
      grade: major ? HazardGrade.MAJOR : HazardGrade.GENERAL,
      source: pick(SOURCE_WEIGHTS),
      title: random.pick(major ? MAJOR_TITLES : GENERAL_TITLES),
    });
  });
  // Majors the draw left over go to closed general hazards, keeping the total exact.
  for (const draft of drafts) {
    if (majorsLeft.count === 0) break;
    if (draft.slot === 'CLOSED' && draft.grade === HazardGrade.GENERAL) {
      draft.grade = HazardGrade.MAJOR;
      draft.title = random.pick(MAJOR_TITLES);
      majorsLeft.count--;
    }
  }

  const at = (daysAgo: number) =>
    new Date(today.getTime() - daysAgo * DAY + random.int(8 * 60, 18 * 60) * 60_000 - 8 * 3_600_000);
  const dayOf = (instant: Date, plusDays: number) => localDate(new Date(instant.getTime() + plusDays * DAY));
  const rows = drafts.map((draft) => {
    const rectifyDays = draft.grade === HazardGrade.MAJOR ? random.int(30, 120) : random.int(3, 30);
    let foundAt: Date;
    let deadline: string | null;
    let closedAt: Date | null = null;
    let status: HazardStatus;
    switch (draft.slot) {
      case 'CLOSED': {
        const daysAgo = random.int(rectifyDays + 5, Math.max(rectifyDays + 5, historyDays));
        foundAt = at(daysAgo);
        deadline = dayOf(foundAt, rectifyDays);
        // Most close within the deadline, about one in ten a few days late.
        const closedAfter = random.chance(0.9) ? random.int(1, rectifyDays) : rectifyDays + random.int(1, 4);
        closedAt = new Date(foundAt.getTime() + closedAfter * DAY);
        status = HazardStatus.CLOSED;
        break;
      }
      case 'REJECTED':
        foundAt = at(random.int(5, historyDays));
        deadline = null;
        status = HazardStatus.REJECTED;
        break;
      case 'RECTIFYING':
      case 'PENDING_ACCEPTANCE':
        foundAt = at(random.int(2, 60));
        deadline = dayOf(today, draft.grade === HazardGrade.MAJOR ? random.int(30, 120) : random.int(1, 30));
        status = draft.slot === 'RECTIFYING' ? HazardStatus.RECTIFYING : HazardStatus.PENDING_ACCEPTANCE;
        break;
      case 'OVERDUE': {
        const daysAgo = random.int(20, 150);
        foundAt = at(daysAgo);
        deadline = dayOf(today, -random.int(1, Math.min(40, daysAgo - 5)));
        status = HazardStatus.RECTIFYING;
        break;
      }
    }
    return { draft, foundAt, deadline, closedAt, status };
  });

  // Codes follow the order found within each year, as if numbered on the day.
  rows.sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime());
  const sequences = new Map<number, number>();
  const history: Array<Omit<HazardStatusChange, 'id' | 'seq'>> = [];
  const hazards = rows.map(({ draft, foundAt, deadline, closedAt, status }) => {
    const year = localYear(foundAt);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const code = hazardCode(year, sequence);
    const id = demoId('hazard', code);
    const { grade, source, enterprise } = draft;
    const major = grade === HazardGrade.MAJOR;
    const rejected = status === HazardStatus.REJECTED;
    // Deterministic steps without new random draws, so the mix of domain §11.4 stays as it was.
    const confirmedAt = rejected ? null : new Date(foundAt.getTime() + 2 * HOUR);
    const step = (from: HazardStatus | null, to: HazardStatus, at: Date, reason: string | null = null) =>
      history.push({ hazardId: id, from, to, at, actorId: null, actorUsername: null, reason });
    step(null, HazardStatus.REPORTED, foundAt);
    if (rejected)
      step(
        HazardStatus.REPORTED,
        HazardStatus.REJECTED,
        new Date(foundAt.getTime() + DAY),
        '不构成隐患（演示）',
      );
    if (confirmedAt) {
      step(HazardStatus.REPORTED, HazardStatus.CONFIRMED, confirmedAt);
      step(HazardStatus.CONFIRMED, HazardStatus.RECTIFYING, confirmedAt);
    }
    if (status === HazardStatus.PENDING_ACCEPTANCE)
      step(HazardStatus.RECTIFYING, HazardStatus.PENDING_ACCEPTANCE, new Date(foundAt.getTime() + DAY));
    if (closedAt) {
      step(HazardStatus.RECTIFYING, HazardStatus.PENDING_ACCEPTANCE, new Date(closedAt.getTime() - HOUR));
      step(HazardStatus.PENDING_ACCEPTANCE, HazardStatus.ACCEPTED, closedAt);
      step(HazardStatus.ACCEPTED, HazardStatus.CLOSED, closedAt, 'not listed: closed at once');
    }
    const plan =
      major && confirmedAt
        ? {
            objectives: `消除${draft.title}（演示）`,
            measures: '停用相关设施，按设计整改并经检测合格（演示）',
            funds: '200000.00',
            materials: '整改所需设备与材料已落实（演示）',
            responsibleOrganisation: `${enterprise.shortName}安全生产管理部门（演示）`,
            responsiblePerson: enterprise.legalRepresentative,
            deadline: deadline!,
            requirements: '按期完成并申请验收（演示）',
            safetyMeasures: '警戒隔离、专人监护（演示）',
            contingencyPlan: '现场处置方案已修订（演示）',
            planFileId: null,
            submittedAt: confirmedAt.toISOString(),
            submittedById: null,
            approvedAt: confirmedAt.toISOString(),
            approvedById: null,
          }
        : null;
    return {
      id,
      code,
      enterpriseId: enterprise.id,
      townshipCode: enterprise.townshipCode,
      industryCode: enterprise.industryCode,
      title: `${draft.title}（演示）`,
      description: `${enterprise.shortName}：${draft.title}（演示数据）。`,
      category: CATEGORY[draft.title] ?? null,
      grade,
      determination: major ? HazardDetermination.EXPERT_JUDGEMENT : null,
      expertOpinionFileId: major ? demoFileId(`expert-opinion:${code}`) : null,
      source,
      status,
      foundAt,
      noPhotoReason: '演示数据：未附现场照片',
      deadline,
      plan,
      interimMeasures:
        major && confirmedAt
          ? [{ kind: InterimMeasureKind.ISOLATION, text: '设置警戒区，专人监护（演示）' }]
          : [],
      assignments: confirmedAt
        ? assignmentsFor({
            grade,
            source,
            enterpriseId: enterprise.id,
            orgUnitId: null,
            townshipCode: enterprise.townshipCode,
            regulatorOrgIds: enterprise.regulatorOrgIds,
          })
        : [],
      acceptanceTier: acceptanceTier({ grade, source }),
      rejectionKind: rejected ? RejectionKind.NOT_A_HAZARD : null,
      confirmedAt,
      acceptedAt: closedAt,
      closedAt,
    };
  });
  return { hazards, sequences, history };
}

export async function seed(manager: EntityManager, context: SeedContext): Promise<void> {
  const { hazards, sequences, history } = demoHazards(context.today);
  await insertInBatches(manager, Hazard, hazards);
  await insertInBatches(manager, HazardStatusChange, history);
  await raiseSequences(manager, 'HZ', sequences);
}
