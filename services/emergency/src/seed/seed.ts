import { createRandom, DEMO_ENTERPRISES, type DemoEnterprise, demoId } from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { addDays, addYears, insertInBatches, localDate, raiseSequences } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { EmergencyPlan } from '../plans/emergency-plan.entity.js';
import { EmergencyPlanStatus, EmergencyPlanType } from '../plans/emergency-plan.enums.js';
import { evaluationMandatory, nextEvaluationDue, planCode } from '../plans/emergency-plan.rules.js';

/** Domain §11.5: enterprise plans with 3 overdue evaluations and 5 unfiled. */
const OVERDUE = 3;
const UNFILED_ENTERPRISES = 5;
const REVISION_REQUIRED = 2;

/** The accident scenario of each industry's specialised plan. */
const SCENARIOS: Record<string, string> = {
  COAL_MINE: '井下透水',
  NON_COAL_MINE: '边坡坍塌',
  HAZCHEM_PRODUCTION: '危险化学品泄漏',
  FUEL_STATION: '油品泄漏火灾',
  URBAN_GAS: '燃气泄漏',
  FIREWORKS: '火灾爆炸',
  CONSTRUCTION: '高处坠落',
};
const ONSITE_POSTS = ['配电室触电', '有限空间中毒窒息', '动火作业火灾', '机械伤害', '储罐区泄漏'];

type Row = Omit<EmergencyPlan, 'id' | 'code' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * One to three plans per demo enterprise relative to the demo's today (domain §11.5), deterministic:
 * a comprehensive plan each, plus a specialised plan and an on-site disposal plan where evaluation is
 * mandatory (and sometimes elsewhere). Codes are numbered per filing year; ids derive from the codes.
 */
export function demoPlans(demoToday: Date) {
  const random = createRandom('emergency-plans');
  const today = localDate(demoToday);
  const shuffled = <T>(items: readonly T[]) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const unfiled = new Set(shuffled(DEMO_ENTERPRISES).slice(0, UNFILED_ENTERPRISES));

  const rows: Row[] = [];
  const filed = (enterprise: DemoEnterprise, planType: EmergencyPlanType, title: string) => {
    // Most were filed within the last cycle; the rest earlier and evaluated since.
    const recent = random.chance(0.6);
    const filedAt = recent ? addDays(today, -random.int(30, 1000)) : addDays(today, -random.int(1100, 2000));
    const lastEvaluatedAt = recent ? null : addDays(today, -random.int(10, 1000));
    rows.push({
      enterpriseId: enterprise.id,
      title: `${enterprise.shortName}${title}（演示）`,
      planType,
      status: EmergencyPlanStatus.FILED,
      publishedAt: addDays(filedAt, -random.int(3, 25)),
      filedAt,
      lastEvaluatedAt,
      nextEvaluationDue: nextEvaluationDue(enterprise, { filedAt, lastEvaluatedAt }),
      supersededById: null,
    });
  };
  for (const enterprise of DEMO_ENTERPRISES) {
    if (unfiled.has(enterprise)) {
      rows.push({
        enterpriseId: enterprise.id,
        title: `${enterprise.shortName}生产安全事故综合应急预案（征求意见稿）（演示）`,
        planType: EmergencyPlanType.COMPREHENSIVE,
        status: EmergencyPlanStatus.DRAFTING,
        publishedAt: null,
        filedAt: null,
        lastEvaluatedAt: null,
        nextEvaluationDue: null,
        supersededById: null,
      });
      continue;
    }
    filed(enterprise, EmergencyPlanType.COMPREHENSIVE, '生产安全事故综合应急预案');
    const mandatory = evaluationMandatory(enterprise);
    if (mandatory)
      filed(
        enterprise,
        EmergencyPlanType.SPECIALIZED,
        `${SCENARIOS[enterprise.industryCode] ?? '火灾'}事故专项应急预案`,
      );
    if (mandatory || random.chance(0.5))
      filed(enterprise, EmergencyPlanType.ONSITE, `${random.pick(ONSITE_POSTS)}现场处置方案`);
  }

  // Three plans past their evaluation, two found in need of revision.
  const picked = shuffled(rows.filter((r) => r.status === EmergencyPlanStatus.FILED)).slice(
    0,
    OVERDUE + REVISION_REQUIRED,
  );
  for (const row of picked.slice(0, OVERDUE)) {
    const enterprise = DEMO_ENTERPRISES.find((e) => e.id === row.enterpriseId)!;
    row.filedAt = addYears(addDays(today, -random.int(10, 200)), -3);
    row.publishedAt = addDays(row.filedAt, -random.int(3, 25));
    row.lastEvaluatedAt = null;
    row.nextEvaluationDue = nextEvaluationDue(enterprise, { filedAt: row.filedAt, lastEvaluatedAt: null });
  }
  for (const row of picked.slice(OVERDUE)) {
    row.status = EmergencyPlanStatus.REVISION_REQUIRED;
    // Every filed plan is at least 30 days old, so this evaluation came after the filing.
    row.lastEvaluatedAt = addDays(today, -random.int(5, 25));
  }

  // Codes follow the filing order within each year; drafts are numbered in the current year.
  const sequences = new Map<number, number>();
  const ordered = [...rows].sort((a, b) => (a.filedAt ?? '9999').localeCompare(b.filedAt ?? '9999'));
  const plans = ordered.map((row) => {
    const year = Number((row.filedAt ?? today).slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const code = planCode(year, sequence);
    return { ...row, id: demoId('emergency-plan', code), code };
  });
  return { plans, sequences };
}

export async function seed(manager: EntityManager, context: SeedContext): Promise<void> {
  const { plans, sequences } = demoPlans(context.today);
  await insertInBatches(manager, EmergencyPlan, plans);
  await raiseSequences(manager, 'EP', sequences);
}
