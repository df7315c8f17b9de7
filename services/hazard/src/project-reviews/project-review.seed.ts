import { createHash } from 'node:crypto';
import { demoEnterprise, demoId } from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { addDays, localDate, localYear, raiseSequences } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { ProjectSafetyReview } from './project-review.entity.js';
import { ProjectDecision, ProjectReviewStatus, ProjectStage } from './project-review.enums.js';
import { expertOpinionsRequired, inMandatoryScope } from './project-review.rules.js';

const demoFileId = (label: string) => createHash('sha256').update(`demo:${label}`).digest('hex');
const EXPERTS = ['王振华（演示）', '李建平（演示）', '赵立新（演示）', '孙文博（演示）'];

interface Plan {
  enterprise: string;
  projectName: string;
  stage: ProjectStage;
  /** Days before today it was submitted. */
  age: number;
  status: ProjectReviewStatus;
  decision?: ProjectDecision;
  conditions?: string[];
  reason?: string;
}

/** Domain §11.4: a few project reviews in every state, including one one-vote veto. */
const PLANS: Plan[] = [
  {
    enterprise: 'chem4',
    projectName: '年产2万吨新材料扩建项目（演示）',
    stage: ProjectStage.PROJECT_APPROVAL,
    age: 420,
    status: ProjectReviewStatus.ACCEPTED,
    decision: ProjectDecision.APPROVE_WITH_CONDITIONS,
    conditions: ['重点监管危险化工工艺实现自动化控制', '与相邻企业保持规定的外部安全防护距离'],
  },
  {
    enterprise: 'cons4',
    projectName: '光伏电站110kV升压站工程（演示）',
    stage: ProjectStage.CONSTRUCTION_PERMIT,
    age: 200,
    status: ProjectReviewStatus.CONSTRUCTION,
    decision: ProjectDecision.APPROVE,
  },
  {
    enterprise: 'fw1',
    projectName: '烟花爆竹批发仓库扩容项目（演示）',
    stage: ProjectStage.PLANNING,
    age: 150,
    status: ProjectReviewStatus.DECIDED,
    decision: ProjectDecision.VETO,
    reason: '扩建库区与规划居民区的安全距离不足，存在重大安全风险，一票否决（演示）',
  },
  {
    enterprise: 'cons2',
    projectName: '住宅小区二期深基坑工程（演示）',
    stage: ProjectStage.CONSTRUCTION_PERMIT,
    age: 40,
    status: ProjectReviewStatus.EXPERT_REVIEW,
  },
  {
    enterprise: 'it8',
    projectName: '县城购物中心改扩建项目（演示）',
    stage: ProjectStage.PLANNING,
    age: 20,
    status: ProjectReviewStatus.ASSESSING,
  },
  {
    enterprise: 'gas1',
    projectName: '城区燃气管网改造工程（演示）',
    stage: ProjectStage.PROJECT_APPROVAL,
    age: 5,
    status: ProjectReviewStatus.SUBMITTED,
  },
];

const ORDER = Object.values(ProjectReviewStatus);
const reached = (status: ProjectReviewStatus, step: ProjectReviewStatus) =>
  ORDER.indexOf(status) >= ORDER.indexOf(step);

export async function seedProjectReviews(manager: EntityManager, context: SeedContext): Promise<void> {
  const today = localDate(context.today);
  const sequences = new Map<number, number>();
  const rows = PLANS.map((plan) => {
    const enterprise = demoEnterprise(plan.enterprise);
    const submitted = addDays(today, -plan.age);
    const submittedAt = new Date(`${submitted}T10:00:00+08:00`);
    const year = localYear(submittedAt);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const code = `XM-${year}-${String(sequence).padStart(3, '0')}`;
    const mandatory = inMandatoryScope(enterprise.industryCode);
    const opinions = reached(plan.status, ProjectReviewStatus.DECIDED)
      ? expertOpinionsRequired(mandatory)
      : plan.status === ProjectReviewStatus.EXPERT_REVIEW
        ? 1
        : 0;
    const decidedOn = addDays(submitted, 30);
    return {
      id: demoId('project-review', code),
      code,
      projectName: plan.projectName,
      ownerEntity: enterprise.name,
      enterpriseId: enterprise.id,
      industryCode: enterprise.industryCode,
      townshipCode: enterprise.townshipCode,
      stage: plan.stage,
      mandatory,
      riskAssessmentFileId: reached(plan.status, ProjectReviewStatus.ASSESSING)
        ? demoFileId(`${code}:assessment`)
        : null,
      expertOpinions: Array.from({ length: opinions }, (_, index) => ({
        expertName: EXPERTS[index % EXPERTS.length]!,
        opinion: '项目安全风险评估报告内容基本完整，建议按意见修改完善（演示）',
        fileId: demoFileId(`${code}:opinion:${index}`),
        recordedAt: new Date(`${addDays(submitted, 20 + index)}T15:00:00+08:00`).toISOString(),
        recordedById: null,
      })),
      status: plan.status,
      decision: plan.decision ?? null,
      conditions: plan.conditions ?? [],
      decisionReason: plan.reason ?? null,
      decidedById: plan.decision ? demoId('account', 'saco.demo') : null,
      decidedAt: plan.decision ? new Date(`${decidedOn}T16:00:00+08:00`) : null,
      preEvaluationAt: addDays(submitted, -30),
      safetyDesignReviewedAt: reached(plan.status, ProjectReviewStatus.CONSTRUCTION)
        ? addDays(decidedOn, 20)
        : null,
      completionAcceptanceAt: plan.status === ProjectReviewStatus.ACCEPTED ? addDays(decidedOn, 300) : null,
      submittedById: demoId('account', 'saco.demo'),
      createdAt: submittedAt,
    };
  });
  await manager.createQueryBuilder().insert().into(ProjectSafetyReview).values(rows).execute();
  await raiseSequences(manager, 'XM', sequences);
}
