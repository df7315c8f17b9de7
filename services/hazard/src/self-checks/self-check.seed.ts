import { createRandom, DEMO_ENTERPRISES, demoId, industry } from '@safety/reference';
import { addDays, insertInBatches, localDate, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { SelfCheckPlan, SelfCheckRecord } from './self-check.entity.js';
import { SelfCheckItemResult, SelfCheckKind } from './self-check.enums.js';
import { DEFAULT_CADENCE, duePeriods } from './self-check.rules.js';

/** Domain §11.4: ≈ 4 % of the planned checks are missed. */
export const SEED_MISS_RATE = 0.04;

/** The 12 plans of a high-risk enterprise (domain §11.4): kind, name, responsible role, checklist. */
const PLANS: Array<[SelfCheckKind, string, string, string[]]> = [
  [
    SelfCheckKind.PATROL,
    '主要生产装置岗位巡检',
    'ENT_STAFF',
    ['设备运行参数正常', '无跑冒滴漏', '安全附件完好'],
  ],
  [SelfCheckKind.PATROL, '储存区岗位巡检', 'ENT_STAFF', ['可燃气体报警器正常', '消防器材在位', '通道畅通']],
  [
    SelfCheckKind.TEAM_WEEKLY,
    '一班组周检',
    'ENT_SAFETY_MANAGER',
    ['交接班记录完整', '劳动防护用品佩戴', '作业票执行'],
  ],
  [
    SelfCheckKind.TEAM_WEEKLY,
    '二班组周检',
    'ENT_SAFETY_MANAGER',
    ['交接班记录完整', '劳动防护用品佩戴', '作业票执行'],
  ],
  [
    SelfCheckKind.PLANT_MONTHLY,
    '厂级综合检查（生产区）',
    'ENT_SAFETY_DIRECTOR',
    ['安全管理制度落实', '隐患整改闭环', '应急物资完好', '特种设备定期检验'],
  ],
  [
    SelfCheckKind.PLANT_MONTHLY,
    '厂级综合检查（储存区）',
    'ENT_SAFETY_DIRECTOR',
    ['储存限量', '防火间距', '静电接地', '应急物资完好'],
  ],
  [
    SelfCheckKind.PLANT_MONTHLY,
    '电气专业检查',
    'ENT_SAFETY_MANAGER',
    ['配电室管理', '临时用电', '防爆电气完好'],
  ],
  [
    SelfCheckKind.PLANT_MONTHLY,
    '消防专项检查',
    'ENT_SAFETY_MANAGER',
    ['消防水系统', '灭火器', '疏散通道与应急照明'],
  ],
  [
    SelfCheckKind.SEASONAL,
    '季节性检查（防汛防雷）',
    'ENT_SAFETY_DIRECTOR',
    ['防雷检测', '排水设施', '防汛物资'],
  ],
  [
    SelfCheckKind.SEASONAL,
    '季节性检查（防冻防火）',
    'ENT_SAFETY_DIRECTOR',
    ['防冻保温', '取暖用火管理', '消防设施防冻'],
  ],
  [SelfCheckKind.PRE_HOLIDAY, '节假日前安全检查', 'ENT_PRINCIPAL', ['值班安排', '停开车方案', '应急准备']],
  [
    SelfCheckKind.COMPREHENSIVE,
    '公司综合检查',
    'ENT_PRINCIPAL',
    ['安全生产责任制', '双重预防机制运行', '教育培训', '应急管理'],
  ],
];

/**
 * Demo self-checks (domain §11.4): 12 plans per high-risk enterprise, performed since January of last
 * year (patrols for the last four weeks), with ≈ 4 % of the due periods missed. Deterministic.
 */
export async function seedSelfChecks(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('self-checks');
  const today = localDate(context.today);
  const yesterday = addDays(today, -1);
  const historyStart = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const plans: Array<Partial<SelfCheckPlan>> = [];
  const records: Array<Partial<SelfCheckRecord>> = [];
  for (const enterprise of DEMO_ENTERPRISES.filter((e) => industry(e.industryCode).highRisk)) {
    PLANS.forEach(([kind, name, responsibleRole, items], index) => {
      const key = `${enterprise.key}:${index + 1}`;
      const plan = {
        id: demoId('self-check-plan', key),
        enterpriseId: enterprise.id,
        name: `${name}（演示）`,
        kind,
        cadence: DEFAULT_CADENCE[kind],
        shiftsPerDay: 1,
        checklistTemplateId: null,
        checklist: items.map((text, i) => ({ code: `C${i + 1}`, text })),
        responsibleRole,
        startsOn: kind === SelfCheckKind.PATROL ? addDays(today, -28) : historyStart,
        endsOn: null,
        createdAt: new Date(`${historyStart}T08:00:00+08:00`),
      };
      plans.push(plan);
      for (const period of duePeriods(plan, plan.startsOn, yesterday)) {
        if (random.chance(SEED_MISS_RATE)) continue;
        const span = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000);
        const day = addDays(period.start, random.int(0, span));
        const hour = String(random.int(8, 17)).padStart(2, '0');
        records.push({
          id: demoId('self-check-record', `${key}:${period.start}`),
          planId: plan.id,
          enterpriseId: enterprise.id,
          performedAt: new Date(`${day}T${hour}:${String(random.int(0, 59)).padStart(2, '0')}:00+08:00`),
          performedOn: day,
          performedById: null,
          performedByName: `${responsibleRole === 'ENT_STAFF' ? '岗位员工' : '安全管理人员'}（演示）`,
          items: plan.checklist.map((item) => {
            const nok = random.chance(0.03);
            return {
              code: item.code,
              result: nok ? SelfCheckItemResult.NOK : SelfCheckItemResult.OK,
              note: nok ? `${item.text}存在问题，已现场整改（演示）` : null,
              hazardId: null,
            };
          }),
          hazardIds: [],
          createdAt: new Date(`${day}T${hour}:00:00+08:00`),
        });
      }
    });
  }
  await insertInBatches(manager, SelfCheckPlan, plans);
  await insertInBatches(manager, SelfCheckRecord, records, 500);
}
