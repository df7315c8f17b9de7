import { randomUUID } from 'node:crypto';
import {
  applyScope,
  badUserInput,
  conflict,
  localDate,
  localYear,
  nextSequence,
  notFound,
  now,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { ProjectSafetyReview } from './project-review.entity.js';
import { ProjectDecision, ProjectReviewStatus } from './project-review.enums.js';
import type {
  AcceptProjectInput,
  AddExpertOpinionInput,
  DecideProjectInput,
  ProjectReviewListArgs,
  RequestExpertReviewInput,
  StartProjectAssessmentInput,
  StartProjectConstructionInput,
  SubmitProjectReviewInput,
} from './project-review.inputs.js';
import {
  acceptanceProblems,
  constructionProblems,
  decisionProblems,
  inMandatoryScope,
  PROJECT_TRANSITIONS,
  type Problems,
  type ProjectOperation,
  projectReviewCode,
} from './project-review.rules.js';

const SORT = { property: 'createdAt', direction: 'DESC' } as const;

function problemsOrThrow(problems: Problems): void {
  if (Object.keys(problems).length) throw badUserInput(problems);
}

type Event = [string, Record<string, unknown>];

/** Project safety reviews (domain §5.10): scoped by the owner enterprise on `enterprise_ref`. */
export class ProjectReviewService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(ProjectSafetyReview).createQueryBuilder('review'),
      this.context.principal,
      'review.enterprise_id',
    );
  }

  list(args: ProjectReviewListArgs) {
    const query = this.scoped();
    if (args.status) query.andWhere('review.status = :status', { status: args.status });
    if (args.decision) query.andWhere('review.decision = :decision', { decision: args.decision });
    if (args.enterpriseId)
      query.andWhere('review.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, ProjectSafetyReview | null>('project-review', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(ProjectSafetyReview | null)[]> {
    const rows = await this.scoped().andWhere('review.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  async submit(input: SubmitProjectReviewInput): Promise<ProjectSafetyReview> {
    const principal = requirePrincipal(this.context);
    if (input.preEvaluationAt && input.preEvaluationAt > localDate(now()))
      throw badUserInput({ preEvaluationAt: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const owner = await uow.requireEnterpriseInScope(input.enterpriseId);
      const year = localYear(now());
      const review = await uow.manager.save(
        uow.manager.create(ProjectSafetyReview, {
          id: randomUUID(),
          code: projectReviewCode(year, await nextSequence(uow.manager, 'XM', year)),
          projectName: input.projectName,
          ownerEntity: input.ownerEntity,
          enterpriseId: input.enterpriseId,
          industryCode: owner.industryCode,
          townshipCode: owner.townshipCode,
          stage: input.stage,
          mandatory: inMandatoryScope(owner.industryCode),
          riskAssessmentFileId: input.riskAssessmentFileId ?? null,
          expertOpinions: [],
          status: ProjectReviewStatus.SUBMITTED,
          decision: null,
          conditions: [],
          decisionReason: null,
          decidedById: null,
          decidedAt: null,
          preEvaluationAt: input.preEvaluationAt ?? null,
          safetyDesignReviewedAt: null,
          completionAcceptanceAt: null,
          submittedById: principal.id,
        }),
      );
      await uow.audit({ entity: 'ProjectSafetyReview', entityId: review.id, after: review });
      return review;
    });
  }

  startAssessment(input: StartProjectAssessmentInput) {
    return this.run(input, 'startProjectAssessment', async (after) => {
      if (input.riskAssessmentFileId) after.riskAssessmentFileId = input.riskAssessmentFileId;
      if (!after.riskAssessmentFileId)
        throw badUserInput({ riskAssessmentFileId: 'attach the safety risk assessment report' });
    });
  }

  requestExpertReview(input: RequestExpertReviewInput) {
    return this.run(input, 'requestExpertReview', async () => {});
  }

  addExpertOpinion(input: AddExpertOpinionInput) {
    const principal = requirePrincipal(this.context);
    return this.run(input, [ProjectReviewStatus.EXPERT_REVIEW], async (after) => {
      after.expertOpinions = [
        ...after.expertOpinions,
        {
          expertName: input.expertName,
          opinion: input.opinion,
          fileId: input.fileId ?? null,
          recordedAt: now().toISOString(),
          recordedById: principal.id,
        },
      ];
    });
  }

  /** EXPERT_REVIEW → DECIDED; a VETO emits `ProjectVetoed` (OneVoteVeto PROJECT_RISK_VETO). */
  decide(input: DecideProjectInput) {
    const principal = requirePrincipal(this.context);
    return this.run(input, 'decideProject', async (after) => {
      const conditions = (input.conditions ?? []).map((c) => c.trim()).filter(Boolean);
      problemsOrThrow(
        decisionProblems({
          mandatory: after.mandatory,
          expertOpinionCount: after.expertOpinions.length,
          decision: input.decision,
          conditions,
          reason: input.reason ?? null,
        }),
      );
      Object.assign(after, {
        decision: input.decision,
        conditions,
        decisionReason: input.reason ?? null,
        decidedById: principal.id,
        decidedAt: now(),
      });
      if (input.decision !== ProjectDecision.VETO) return undefined;
      return [
        'ProjectVetoed',
        {
          reviewId: after.id,
          vetoKind: 'PROJECT_RISK_VETO',
          projectName: after.projectName,
          enterpriseId: after.enterpriseId,
          industryCode: after.industryCode,
          townshipCode: after.townshipCode,
          reason: after.decisionReason,
          decidedAt: after.decidedAt!.toISOString(),
        },
      ] as Event;
    });
  }

  startConstruction(input: StartProjectConstructionInput) {
    return this.run(input, 'startProjectConstruction', async (after) => {
      if (input.preEvaluationAt) after.preEvaluationAt = input.preEvaluationAt;
      if (input.safetyDesignReviewedAt) after.safetyDesignReviewedAt = input.safetyDesignReviewedAt;
      const today = localDate(now());
      if ((after.safetyDesignReviewedAt ?? '') > today)
        throw badUserInput({ safetyDesignReviewedAt: 'cannot be in the future' });
      problemsOrThrow(constructionProblems(after));
    });
  }

  accept(input: AcceptProjectInput) {
    return this.run(input, 'acceptProject', async (after) => {
      if (input.completionAcceptanceAt > localDate(now()))
        throw badUserInput({ completionAcceptanceAt: 'cannot be in the future' });
      after.completionAcceptanceAt = input.completionAcceptanceAt;
      problemsOrThrow(acceptanceProblems(after));
    });
  }

  private run(
    input: { reviewId: string; expectedVersion: number },
    operation: ProjectOperation | ProjectReviewStatus[],
    work: (after: ProjectSafetyReview, uow: UnitOfWork) => Promise<unknown>,
  ): Promise<ProjectSafetyReview> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.scoped(uow.manager)
        .andWhere('review.id = :id', { id: input.reviewId })
        .setLock('pessimistic_write')
        .getOne();
      if (!before) throw notFound('ProjectSafetyReview', input.reviewId);
      if (before.version !== input.expectedVersion)
        throw conflict('The review was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      const after = uow.manager.create(ProjectSafetyReview, structuredClone({ ...before }));
      if (Array.isArray(operation)) {
        if (!operation.includes(before.status))
          throw conflict(`Not possible while the review is ${before.status}`, { status: before.status });
      } else {
        const { from, to } = PROJECT_TRANSITIONS[operation];
        if (before.status !== from)
          throw conflict(`A review in ${before.status} cannot be moved by ${operation} (to ${to})`, {
            from: before.status,
            operation,
          });
        // One-vote veto: a vetoed project stays DECIDED for good.
        if (operation === 'startProjectConstruction' && before.decision === ProjectDecision.VETO)
          throw conflict('A vetoed project is not built (one-vote veto)', { decision: before.decision });
        after.status = to as ProjectReviewStatus;
      }
      const event = (await work(after, uow)) as Event | undefined;
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'ProjectSafetyReview', entityId: saved.id, before, after: saved });
      if (event) await uow.emit(event[0], event[1]);
      return saved;
    });
  }
}
