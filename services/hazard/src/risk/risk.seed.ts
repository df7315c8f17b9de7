import { createRandom, DEMO_ENTERPRISES, type DemoEnterprise, demoId } from '@safety/reference';
import { insertInBatches, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { RiskControlKind, type RiskLevel, RiskPointKind } from './risk.enums.js';
import { RISK_CRITERIA_PROFILES } from './risk.profiles.js';
import {
  assess,
  defaultControlLevel,
  nextReviewDue,
  profileInForce,
  type RiskAssessmentInputs,
} from './risk.rules.js';
import { recomputeEnterpriseRisk } from './risk.service.js';
import { RiskAssessment, type RiskControl, RiskPoint } from './risk-point.entity.js';

const DAY = 86_400_000;

/** Domain §11.4: ≈900 risk points. Points per enterprise by industry (sums to 900 over the demo set). */
const POINTS_BY_INDUSTRY: Record<string, number> = {
  COAL_MINE: 40,
  HAZCHEM_PRODUCTION: 35,
  NON_COAL_MINE: 20,
  FUEL_STATION: 15,
  URBAN_GAS: 18,
  FIREWORKS: 10,
  INDUSTRY_TRADE: 15,
  CONSTRUCTION: 15,
  NEW_ENERGY: 12,
  ROAD_TRANSPORT: 15,
  CROWDED_PLACE: 14,
  TOURISM: 10,
  LOGISTICS: 12,
};

/** How much an industry leans to the severe end when levels are dealt out (demo weighting). */
const SEVERITY_WEIGHT: Record<string, number> = {
  COAL_MINE: 3,
  HAZCHEM_PRODUCTION: 3,
  URBAN_GAS: 2.5,
  FIREWORKS: 2.5,
  NON_COAL_MINE: 2,
  FUEL_STATION: 2,
  CONSTRUCTION: 1.6,
  ROAD_TRANSPORT: 1.5,
};

/** Domain §11.4 distribution: 3 % red, 12 % orange, 35 % yellow, 50 % blue. */
const SHARES: [RiskLevel, number][] = [
  ['MAJOR', 0.03],
  ['HIGH', 0.12],
  ['MODERATE', 0.35],
  ['LOW', 0.5],
];

/** Table inputs that give each level through the rules (checked when seeding). */
const LEC_INPUTS: Record<RiskLevel, [string, string, string][]> = {
  MAJOR: [
    ['10', '6', '7'],
    ['6', '6', '15'],
    ['3', '6', '40'],
    ['3', '3', '40'],
    ['1', '6', '100'],
  ],
  HIGH: [
    ['6', '6', '7'],
    ['3', '6', '15'],
    ['10', '3', '7'],
    ['1', '6', '40'],
    ['1', '3', '100'],
    ['6', '2', '15'],
  ],
  MODERATE: [
    ['3', '6', '7'],
    ['6', '6', '3'],
    ['1', '6', '15'],
    ['3', '3', '15'],
    ['1', '3', '40'],
    ['10', '1', '7'],
    ['0.5', '6', '40'],
  ],
  LOW: [
    ['1', '6', '7'],
    ['3', '6', '3'],
    ['1', '3', '7'],
    ['1', '6', '3'],
    ['3', '3', '3'],
    ['0.5', '3', '15'],
    ['0.2', '3', '40'],
    ['1', '2', '7'],
    ['0.5', '1', '15'],
  ],
};
const MATRIX_INPUTS: Record<RiskLevel, [number, number][]> = {
  MAJOR: [
    [4, 5],
    [5, 4],
    [5, 5],
  ],
  HIGH: [
    [3, 5],
    [5, 3],
    [4, 4],
  ],
  MODERATE: [
    [3, 3],
    [3, 4],
    [4, 3],
    [2, 5],
  ],
  LOW: [
    [2, 3],
    [2, 4],
    [1, 5],
    [2, 2],
    [4, 2],
  ],
};

type Named = [name: string, kind: RiskPointKind, accidentTypes: string[]];
const F = RiskPointKind.FACILITY_AREA;
const A = RiskPointKind.ACTIVITY;

const COMMON: Named[] = [
  ['配电室', F, ['触电', '火灾']],
  ['动火作业', A, ['火灾', '其他爆炸', '灼烫']],
  ['有限空间作业', A, ['中毒和窒息']],
  ['高处作业', A, ['高处坠落', '物体打击']],
  ['临时用电作业', A, ['触电']],
  ['消防泵房', F, ['触电', '机械伤害']],
  ['办公楼', F, ['火灾']],
  ['仓库', F, ['火灾', '坍塌']],
];
const BY_INDUSTRY: Record<string, Named[]> = {
  COAL_MINE: [
    ['综采工作面', F, ['冒顶片帮', '瓦斯爆炸']],
    ['掘进工作面', F, ['冒顶片帮', '透水', '瓦斯爆炸']],
    ['主斜井提升系统', F, ['起重伤害', '机械伤害']],
    ['井下变电所', F, ['触电', '火灾']],
    ['主通风机房', F, ['机械伤害', '中毒和窒息']],
    ['井下爆破作业', A, ['放炮', '火药爆炸']],
    ['采空区', F, ['中毒和窒息', '透水']],
    ['带式输送机巷道', F, ['机械伤害', '火灾']],
  ],
  HAZCHEM_PRODUCTION: [
    ['甲醇合成装置', F, ['火灾', '其他爆炸', '中毒和窒息']],
    ['液氨储罐区', F, ['中毒和窒息', '容器爆炸']],
    ['气化炉', F, ['灼烫', '中毒和窒息', '容器爆炸']],
    ['装卸车栈台', F, ['火灾', '车辆伤害']],
    ['储罐区', F, ['火灾', '其他爆炸']],
    ['压缩机厂房', F, ['其他爆炸', '机械伤害']],
    ['检修作业', A, ['中毒和窒息', '高处坠落']],
    ['盲板抽堵作业', A, ['中毒和窒息', '灼烫']],
    ['控制室', F, ['火灾']],
  ],
  NON_COAL_MINE: [
    ['采场边坡', F, ['坍塌']],
    ['爆破作业', A, ['放炮']],
    ['破碎站', F, ['机械伤害']],
    ['排土场', F, ['坍塌', '车辆伤害']],
    ['矿用车辆运输', A, ['车辆伤害']],
  ],
  FUEL_STATION: [
    ['油罐区', F, ['火灾', '其他爆炸']],
    ['加油区', F, ['火灾', '车辆伤害']],
    ['卸油作业', A, ['火灾', '其他爆炸']],
    ['站房', F, ['火灾', '触电']],
  ],
  URBAN_GAS: [
    ['门站', F, ['火灾', '其他爆炸']],
    ['LPG储罐区', F, ['火灾', '容器爆炸']],
    ['充装间', F, ['容器爆炸', '火灾']],
    ['管网巡检作业', A, ['中毒和窒息', '车辆伤害']],
    ['调压站', F, ['其他爆炸']],
  ],
  FIREWORKS: [
    ['成品库', F, ['火药爆炸', '火灾']],
    ['装卸作业', A, ['火药爆炸']],
    ['零售店面', F, ['火灾', '火药爆炸']],
  ],
  INDUSTRY_TRADE: [
    ['生产车间', F, ['机械伤害', '触电']],
    ['粉尘作业区', F, ['其他爆炸', '火灾']],
    ['氨制冷机房', F, ['中毒和窒息', '容器爆炸']],
    ['叉车作业', A, ['车辆伤害']],
    ['锅炉房', F, ['锅炉爆炸', '灼烫']],
    ['冷库', F, ['中毒和窒息', '其他伤害']],
  ],
  CONSTRUCTION: [
    ['塔吊作业', A, ['起重伤害']],
    ['深基坑', F, ['坍塌', '淹溺']],
    ['脚手架', F, ['高处坠落', '坍塌']],
    ['模板支撑体系', F, ['坍塌']],
    ['施工用电', A, ['触电']],
  ],
  NEW_ENERGY: [
    ['升压站', F, ['触电', '火灾']],
    ['光伏区巡检', A, ['触电', '其他伤害']],
    ['风机登高作业', A, ['高处坠落']],
    ['储能电池舱', F, ['火灾', '其他爆炸']],
  ],
  ROAD_TRANSPORT: [
    ['客运车辆运行', A, ['车辆伤害']],
    ['危货车辆运行', A, ['车辆伤害', '火灾', '中毒和窒息']],
    ['停车场', F, ['车辆伤害', '火灾']],
    ['维修车间', F, ['机械伤害', '火灾']],
  ],
  CROWDED_PLACE: [
    ['厨房', F, ['火灾', '灼烫']],
    ['疏散通道', F, ['火灾', '其他伤害']],
    ['电梯', F, ['起重伤害']],
    ['大型活动', A, ['其他伤害']],
  ],
  TOURISM: [
    ['沙漠越野项目', A, ['车辆伤害']],
    ['游客集散区', F, ['其他伤害']],
  ],
  LOGISTICS: [
    ['分拣区', F, ['机械伤害', '火灾']],
    ['装卸平台', F, ['车辆伤害', '物体打击']],
  ],
};

const FACTORS = ['人：违章作业', '物：设备缺陷', '环境：通风不良', '管理：制度不落实', '物：防护装置缺失'];

function controlsFor(level: RiskLevel): RiskControl[] {
  const controls: RiskControl[] = [
    { kind: RiskControlKind.MANAGEMENT, text: '落实岗位安全操作规程和巡检制度' },
    { kind: RiskControlKind.PPE, text: '按规定佩戴劳动防护用品' },
  ];
  if (level !== 'LOW') controls.push({ kind: RiskControlKind.TRAINING, text: '岗位人员专项安全培训' });
  if (level === 'MAJOR' || level === 'HIGH') {
    controls.push({ kind: RiskControlKind.ENGINEERING, text: '设置可燃/有毒气体检测报警和联锁' });
    controls.push({ kind: RiskControlKind.EMERGENCY, text: '编制现场处置方案并定期演练' });
  }
  return controls;
}

/** A rectangle in cell `index` of a grid over the 0–1000 floor plan. */
function gridPolygon(index: number, count: number): number[][] {
  const columns = Math.ceil(Math.sqrt(count));
  const size = 1000 / columns;
  const x0 = Math.round((index % columns) * size + size * 0.08);
  const y0 = Math.round(Math.floor(index / columns) * size + size * 0.08);
  const side = Math.round(size * 0.84);
  return [
    [x0, y0],
    [x0 + side, y0],
    [x0 + side, y0 + side],
    [x0, y0 + side],
  ];
}

export const riskPointId = (enterprise: Pick<DemoEnterprise, 'key'>, index: number) =>
  demoId('risk-point', `${enterprise.key}-${index + 1}`);

/**
 * Domain §11.4: ≈900 risk points over the demo enterprises, assessed through the real rules (LEC,
 * or the matrix where the hazchem profile applies) with inputs chosen for the 3/12/35/50 % mix,
 * assessments over the last 12 months with a few reviews overdue; then the enterprise levels.
 */
export async function seedRisk(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('risk');
  const today = context.today;
  const slots = DEMO_ENTERPRISES.flatMap((enterprise) =>
    Array.from({ length: POINTS_BY_INDUSTRY[enterprise.industryCode] ?? 10 }, (_, index) => ({
      enterprise,
      index,
      // Higher draws get the severe levels; the industry weight tilts the draw.
      draw: random.int(0, 9999) * (SEVERITY_WEIGHT[enterprise.industryCode] ?? 1),
    })),
  );
  const ranked = [...slots].sort((a, b) => b.draw - a.draw);
  const levelOf = new Map<(typeof slots)[number], RiskLevel>();
  let start = 0;
  for (const [level, share] of SHARES) {
    const end = level === 'LOW' ? ranked.length : start + Math.round(ranked.length * share);
    for (const slot of ranked.slice(start, end)) levelOf.set(slot, level);
    start = end;
  }

  const points: Partial<RiskPoint>[] = [];
  const assessments: Partial<RiskAssessment>[] = [];
  for (const slot of slots) {
    const { enterprise, index } = slot;
    const level = levelOf.get(slot)!;
    const count = POINTS_BY_INDUSTRY[enterprise.industryCode] ?? 10;
    const names = [...(BY_INDUSTRY[enterprise.industryCode] ?? []), ...COMMON];
    const [baseName, kind, accidentTypes] = names[index % names.length]!;
    const round = Math.floor(index / names.length);
    const name = round ? `${baseName}（${round + 1}）` : baseName;
    // ≈2 % overdue for review: assessed 12–14 months ago.
    const overdue = random.chance(0.02);
    const daysAgo = overdue ? random.int(370, 420) : random.int(3, 360);
    const assessedAt = new Date(today.getTime() - daysAgo * DAY + random.int(9, 17) * 3_600_000);
    const profile = profileInForce(enterprise.industryCode, assessedAt, RISK_CRITERIA_PROFILES)!;
    const inputs: RiskAssessmentInputs =
      profile.method === 'MATRIX'
        ? (() => {
            const [l, s] = random.pick(MATRIX_INPUTS[level]);
            return { method: 'MATRIX', l, s };
          })()
        : (() => {
            const [l, e, c] = random.pick(LEC_INPUTS[level]);
            return { method: 'LEC', l, e, c };
          })();
    const outcome = assess(profile, inputs);
    if (!outcome.ok || outcome.value.computedLevel !== level)
      throw new Error(`risk seed: inputs ${JSON.stringify(inputs)} do not give ${level}`);
    const id = riskPointId(enterprise, index);
    const assessmentId = demoId('risk-assessment', `${enterprise.key}-${index + 1}-1`);
    const { method, ...values } = inputs;
    assessments.push({
      id: assessmentId,
      riskPointId: id,
      method,
      inputs: values as Record<string, string | number>,
      score: outcome.value.score,
      band: outcome.value.band ?? null,
      bandWording: outcome.value.bandWording ?? null,
      computedLevel: outcome.value.computedLevel,
      overrideLevel: null,
      overrideReason: null,
      assessorIds: [],
      assessedAt,
      criteriaVersion: outcome.value.criteriaVersion,
    });
    points.push({
      id,
      enterpriseId: enterprise.id,
      orgUnitId: null,
      townshipCode: enterprise.townshipCode,
      industryCode: enterprise.industryCode,
      kind,
      name,
      location: `${enterprise.shortName}${baseName}`,
      floorPlanPolygon: gridPolygon(index, count),
      accidentTypes,
      hazardFactors: [random.pick(FACTORS), random.pick(FACTORS)].filter((f, i, all) => all.indexOf(f) === i),
      controls: controlsFor(level),
      controlLevel: defaultControlLevel(level),
      controlLevelReason: null,
      responsiblePersonId: null,
      majorHazardSourceId: null,
      currentAssessmentId: assessmentId,
      riskLevel: level,
      levelBasis: ['COMPUTED'] as RiskPoint['levelBasis'],
      noticeCardFileId: null,
      nextReviewDue: nextReviewDue(assessedAt),
      retiredAt: null,
      retiredReason: null,
      version: 1,
    });
  }
  await insertInBatches(manager, RiskPoint, points);
  await insertInBatches(manager, RiskAssessment, assessments);
  // No events for demo data: the stored levels are the starting point.
  await recomputeEnterpriseRisk(manager, async () => {}, today);
}
