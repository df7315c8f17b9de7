import { randomUUID } from 'node:crypto';
import { enterpriseScopeCondition, type Principal, Role, seesWholeCounty } from '@safety/auth';
import {
  addYears,
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  deadlinePassed,
  forbidden,
  localDate,
  localYear,
  nextSequence,
  notFound,
  now,
  ownerCount,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import { Decimal } from 'decimal.js';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Hazard, type HazardEvidence, HazardStatusChange, type RectificationPlan } from './hazard.entity.js';
import {
  EvidenceKind,
  type HazardCategory,
  HazardGrade,
  HazardSource,
  HazardStatus,
} from './hazard.enums.js';
import {
  type HazardLedgerFile,
  hazardLedgerWorkbook,
  LEDGER_EXPORT_LIMIT,
  XLSX_CONTENT_TYPE,
} from './hazard.export.js';
import type {
  AcceptHazardInput,
  AddHazardEvidenceInput,
  ApproveRectificationPlanInput,
  ConfirmHazardInput,
  EnterpriseHazardsArgs,
  EvidenceInput,
  FailAcceptanceInput,
  FixOnSpotInput,
  HazardFilterArgs,
  HazardListArgs,
  HazardStatisticsArgs,
  RecordGovernmentFindingInput,
  RecordInterimMeasuresInput,
  RegradeHazardInput,
  RejectHazardInput,
  ReopenHazardInput,
  ReportHazardInput,
  RequestAcceptanceInput,
  StartRectificationInput,
  SubmitHazardInput,
  SubmitRectificationPlanInput,
} from './hazard.inputs.js';
import { hazardPorts } from './hazard.ports.js';
import {
  acceptanceTier,
  acceptProblems,
  addMonths,
  assignmentsFor,
  closesOnAcceptance,
  deadlineProblem,
  decide,
  determinationProblems,
  findRepeat,
  fixOnSpotProblems,
  GOVERNMENT_FINDING_SOURCES,
  type HazardFacts,
  type HazardOperation,
  type HazardParty,
  hazardCode,
  hazardStatisticsForm,
  INSPECTION_WINDOW_MONTHS,
  isOverdue,
  type ListingLevel,
  type PriorHazard,
  type Problems,
  partiesOf,
  reopenWindowOpen,
  reportProblems,
  requestAcceptanceProblems,
  SETTLED_STATUSES,
  sourceProblem,
  startRectificationProblems,
  statisticsPeriod,
  transitionFor,
  treatAsAccident,
} from './hazard.rules.js';

const SORT = { property: 'foundAt', direction: 'DESC' } as const;
const ENTERPRISE_SOURCES = [HazardSource.ENTERPRISE_SELF_CHECK, HazardSource.STAFF_REPORT];

/** One step of a use case: the status change and why (the actor is the caller unless `system`). */
interface Step {
  from: HazardStatus | null;
  to: HazardStatus;
  reason?: string | null;
  system?: boolean;
}

/** What a change produced, written in the same transaction: steps for the history, and events. */
interface Outcome {
  steps: Step[];
  events: Array<[string, Record<string, unknown>]>;
  reason?: string;
  /** Same-status history entries (a reason, no status change, no `HazardStatusChanged`), after the steps. */
  notes?: string[];
}

function problemsOrThrow(problems: Problems): void {
  if (Object.keys(problems).length) throw badUserInput(problems);
}

function toEvidence(input: readonly EvidenceInput[] | undefined, by: Principal): HazardEvidence[] {
  const addedAt = now().toISOString();
  return (input ?? []).map((e) => ({
    fileId: e.fileId,
    kind: e.kind,
    caption: e.caption ?? null,
    addedAt,
    addedById: by.id,
  }));
}

/**
 * Data scope of hazards (domain §2.4): an enterprise's hazard through the kit's rule over
 * `enterprise_ref` (as `applyScope`); a public-area hazard by its town or its responsible body.
 */
export function scopeHazards<T extends object>(
  query: SelectQueryBuilder<T>,
  principal: Principal | null,
  options: { supervised?: boolean } = {},
): SelectQueryBuilder<T> {
  const alias = query.alias;
  if (!principal) return query.andWhere('false');
  const condition = enterpriseScopeCondition(principal, 'scope_ref');
  if (!condition) return query;
  // §2.4 "record.assigneeOrgId = orgUnitId": the hazard's supervising department (only the hazard table has it).
  const supervised = options.supervised
    ? ` OR (${alias}.supervising_org_id IS NOT NULL AND ${alias}.supervising_org_id = CAST(:scopeOrg AS uuid))`
    : '';
  return query.andWhere(
    `((${alias}.enterprise_id IS NOT NULL AND EXISTS (SELECT 1 FROM enterprise_ref scope_ref
        WHERE scope_ref.id = ${alias}.enterprise_id AND ${condition.sql}))
      OR (${alias}.enterprise_id IS NULL AND (${alias}.township_code = ANY(:scopeTownships)
        OR ${alias}.org_unit_id = CAST(:scopeOrg AS uuid)))${supervised})`,
    condition.params,
  );
}

/** The hazard use cases. Reads are scoped in SQL; writes audit, record history and emit in one transaction. */
export class HazardService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return scopeHazards(manager.getRepository(Hazard).createQueryBuilder('hazard'), this.context.principal, {
      supervised: true,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  list(args: HazardListArgs) {
    return paginate(this.filtered(args), args, SORT);
  }

  /** The hazards in scope that match the list's filters (the ledger and its export share them). */
  filtered(args: HazardFilterArgs) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('hazard.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.grade) query.andWhere('hazard.grade = :grade', { grade: args.grade });
    if (args.status) query.andWhere('hazard.status = :status', { status: args.status });
    if (args.source) query.andWhere('hazard.source = :source', { source: args.source });
    if (args.townshipCode) query.andWhere('hazard.township_code = :town', { town: args.townshipCode });
    if (args.industryCode)
      query.andWhere('hazard.industry_code = :industry', { industry: args.industryCode });
    if (args.criterionId) query.andWhere('hazard.criterion_id = :criterion', { criterion: args.criterionId });
    // Local days (domain §0.3): from 00:00 of foundFrom to the end of foundTo in Asia/Shanghai.
    if (args.foundFrom)
      query.andWhere(`hazard.found_at >= (CAST(:foundFrom AS date) - interval '8 hours')`, {
        foundFrom: args.foundFrom,
      });
    if (args.foundTo)
      query.andWhere(`hazard.found_at < (CAST(:foundTo AS date) + interval '16 hours')`, {
        foundTo: args.foundTo,
      });
    if (args.overdue !== undefined && args.overdue !== null) {
      // Never NULL, so NOT gives exactly the complement (the derived flag of domain §5.6).
      const overdue =
        '(hazard.deadline IS NOT NULL AND hazard.deadline < :today AND hazard.status NOT IN (:...settled))';
      query.andWhere(args.overdue ? overdue : `NOT ${overdue}`, {
        today: localDate(now()),
        settled: SETTLED_STATUSES,
      });
    }
    return query;
  }

  /** 隐患台账 (.xlsx) of the hazards in scope matching `filters`: one statement for the rows with their enterprise names. */
  async ledgerExport(filters: HazardFilterArgs): Promise<HazardLedgerFile> {
    const query = this.filtered(filters)
      .leftJoin('enterprise_ref', 'ledger_ref', 'ledger_ref.id = hazard.enterprise_id')
      .addSelect('ledger_ref.name', 'enterprise_name')
      .orderBy('hazard.found_at', 'DESC')
      .addOrderBy('hazard.id', 'DESC')
      .take(LEDGER_EXPORT_LIMIT + 1);
    const { entities, raw } = await query.getRawAndEntities<{ enterprise_name: string | null }>();
    if (entities.length > LEDGER_EXPORT_LIMIT)
      throw badUserInput({ filters: `more than ${LEDGER_EXPORT_LIMIT} hazards: narrow the filters` });
    const today = localDate(now());
    const rows = entities.map((hazard, index) => ({
      hazard,
      enterpriseName: raw[index]?.enterprise_name ?? null,
      overdue: isOverdue(hazard, now()),
    }));
    const workbook = await hazardLedgerWorkbook(rows, `隐患台账 ${today}`);
    return {
      filename: `隐患台账-${today}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      base64: workbook.toString('base64'),
      rowCount: rows.length,
    };
  }

  byId(id: string) {
    return this.context.loader<string, Hazard | null>('hazard', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Hazard | null)[]> {
    const rows = await this.scoped().andWhere('hazard.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** The status timeline of a hazard, batched across the hazards of the request. */
  history(hazardId: string): Promise<HazardStatusChange[]> {
    return this.context
      .loader<string, HazardStatusChange[]>('hazard-history', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(HazardStatusChange)
          .createQueryBuilder('change')
          .where('change.hazard_id IN (:...ids)', { ids })
          .orderBy('change.at', 'ASC')
          .addOrderBy('change.seq', 'ASC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.hazardId === id));
      })
      .load(hazardId);
  }

  async countsByGrade(): Promise<Array<{ grade: HazardGrade; count: number }>> {
    const rows = await this.scoped()
      .select('hazard.grade', 'grade')
      .addSelect('count(*)::int', 'count')
      .groupBy('hazard.grade')
      .getRawMany();
    return Object.values(HazardGrade).map((grade) => ({
      grade,
      count: rows.find((r) => r.grade === grade)?.count ?? 0,
    }));
  }

  /**
   * `Enterprise.hazards`: first pages for every enterprise of the request in one statement;
   * a later page (`after`) is one enterprise's keyset query.
   */
  forEnterprise(enterpriseId: string, args: EnterpriseHazardsArgs): Promise<ConnectionShape<Hazard>> {
    const filtered = () => {
      const query = this.scoped();
      if (args.status) query.andWhere('hazard.status = :status', { status: args.status });
      return query;
    };
    return ownerPage(this.context, {
      key: `enterprise-hazards:${args.status ?? ''}`,
      query: filtered,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<Hazard>>;
  }

  /** `Enterprise.openHazardCount`, batched across the enterprises of the request. */
  openCount(enterpriseId: string): Promise<number> {
    const open = () =>
      this.scoped().andWhere('hazard.status NOT IN (:...closed)', {
        closed: [...SETTLED_STATUSES, HazardStatus.DRAFT],
      });
    return ownerCount(this.context, {
      key: 'enterprise-open-hazards',
      query: open,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  /** H-7: the quarterly or annual statistics form of one enterprise, generated from the records. */
  async statistics(args: HazardStatisticsArgs) {
    const manager = this.context.db.manager;
    const ref = () =>
      manager
        .createQueryBuilder()
        .select('ref.id', 'id')
        .from('enterprise_ref', 'ref')
        .where('ref.id = :id', { id: args.enterpriseId });
    if (!(await ref().getRawOne())) throw badUserInput({ enterpriseId: 'unknown enterprise' });
    if (!(await applyScope(ref(), this.context.principal, 'ref.id').getRawOne()))
      throw forbidden('Outside your data scope: this enterprise is not yours to report on');
    const period = statisticsPeriod(args.year, args.quarter ?? null);
    const rows = await manager
      .getRepository(Hazard)
      .createQueryBuilder('hazard')
      .select(['hazard.grade', 'hazard.status', 'hazard.foundAt', 'hazard.acceptedAt', 'hazard.deadline'])
      .addSelect('hazard.listingId')
      .where('hazard.enterprise_id = :id', { id: args.enterpriseId })
      .andWhere(`hazard.found_at < (CAST(:end AS date) + interval '16 hours')`, { end: period.end })
      .getMany();
    const lines = hazardStatisticsForm(rows, period);
    const sum = (key: 'found' | 'fixed' | 'open' | 'overdue') => lines.reduce((n, line) => n + line[key], 0);
    return {
      enterpriseId: args.enterpriseId,
      year: period.year,
      quarter: period.quarter,
      periodStart: period.start,
      periodEnd: period.end,
      dueDate: period.dueDate,
      lines,
      found: sum('found'),
      fixed: sum('fixed'),
      open: sum('open'),
      overdue: sum('overdue'),
      majorListed: lines.find((line) => line.grade === HazardGrade.MAJOR)?.listed ?? 0,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Creation: ∅ → DRAFT / REPORTED (row 1 guard), ∅ → CONFIRMED (government findings)
  // ------------------------------------------------------------------------------------------

  /** ∅ → REPORTED (or ∅ → DRAFT when asked, or while row 1's photo-or-reason is not met). */
  async report(input: ReportHazardInput): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    const parties = partiesOf(principal);
    const problem = sourceProblem(parties, input.source);
    if (problem) throw badUserInput({ source: problem });
    const evidence = toEvidence(input.evidence, principal);
    const complete = Object.keys(reportProblems({ ...input, evidence })).length === 0;
    const draft = input.draft === true || !complete;
    const operation: HazardOperation = draft ? 'saveHazardDraft' : 'reportHazard';
    if (decide(transitionFor(operation, null), this.factsOf(input), parties) !== 'ALLOWED')
      throw forbidden('Your role cannot report hazards');
    const foundAt = this.foundAt(input.foundAt);
    const deadlineIssue = input.deadline ? deadlineProblem(input.deadline, foundAt) : null;
    if (deadlineIssue) throw badUserInput({ deadline: deadlineIssue });

    return this.context.transaction(async (uow) => {
      const hazard = await uow.manager.save(
        await this.create(uow, principal, input, {
          status: draft ? HazardStatus.DRAFT : HazardStatus.REPORTED,
          foundAt,
          evidence,
          deadline: input.deadline ?? null,
        }),
      );
      await uow.audit({ entity: 'Hazard', entityId: hazard.id, after: hazard });
      await this.recordSteps(uow, hazard.id, [{ from: null, to: hazard.status }]);
      if (!draft) await uow.emit('HazardReported', this.reportedPayload(hazard));
      return hazard;
    });
  }

  /**
   * ∅ → CONFIRMED: a regulator records an inspection finding (6.5) or a verified whistleblower report
   * (6.10); the confirmation guards of row 3 apply, with H-2, H-5 and H-6.
   */
  async recordGovernmentFinding(input: RecordGovernmentFindingInput): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    const parties = partiesOf(principal);
    if (decide(transitionFor('recordGovernmentFinding', null), this.factsOf(input), parties) !== 'ALLOWED')
      throw forbidden('Only regulators record government findings');
    if (!GOVERNMENT_FINDING_SOURCES.includes(input.source))
      throw badUserInput({ source: 'a government finding comes from GOV_INSPECTION or WHISTLEBLOWER' });
    const evidence = toEvidence(input.evidence, principal);
    problemsOrThrow({ ...reportProblems({ ...input, evidence }), ...determinationProblems(input) });
    const foundAt = this.foundAt(input.foundAt);
    const deadlineIssue = deadlineProblem(input.deadline, foundAt, now());
    if (deadlineIssue) throw badUserInput({ deadline: deadlineIssue });

    return this.context.transaction(async (uow) => {
      const hazard = await this.create(uow, principal, input, {
        status: HazardStatus.CONFIRMED,
        foundAt,
        evidence,
        deadline: input.deadline,
      });
      Object.assign(hazard, {
        determination: input.determination ?? null,
        criterionId: input.criterionId ?? null,
        expertOpinionFileId: input.expertOpinionFileId ?? null,
      });
      const events = await this.onConfirmed(uow, hazard, false);
      const saved = await uow.manager.save(hazard);
      await uow.audit({ entity: 'Hazard', entityId: saved.id, after: saved });
      await this.recordSteps(uow, saved.id, [{ from: null, to: HazardStatus.CONFIRMED }]);
      await uow.emit('HazardStatusChanged', this.statusPayload(saved, null, HazardStatus.CONFIRMED, null));
      for (const [type, payload] of events) await uow.emit(type, payload);
      return saved;
    });
  }

  private async create(
    uow: UnitOfWork,
    principal: Principal,
    input: ReportHazardInput | RecordGovernmentFindingInput,
    values: { status: HazardStatus; foundAt: Date; evidence: HazardEvidence[]; deadline: string | null },
  ): Promise<Hazard> {
    const owner = await this.ownerOf(uow, principal, input);
    const criterionId = 'criterionId' in input ? (input.criterionId ?? null) : null;
    await this.checkCriterion(uow, criterionId, owner.industryCode, values.foundAt);
    const year = localYear(values.foundAt);
    const code = hazardCode(year, await nextSequence(uow.manager, 'HZ', year));
    return uow.manager.create(Hazard, {
      id: randomUUID(),
      code,
      enterpriseId: input.enterpriseId ?? null,
      orgUnitId: input.orgUnitId ?? null,
      supervisingOrgId: null,
      townshipCode: owner.townshipCode,
      industryCode: owner.industryCode,
      location: input.location ?? null,
      longitude: input.geo?.longitude ?? null,
      latitude: input.geo?.latitude ?? null,
      title: input.title,
      description: input.description,
      category: input.category ?? null,
      grade: input.grade,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      riskPointId: input.riskPointId ?? null,
      status: values.status,
      foundAt: values.foundAt,
      foundById: principal.id,
      foundByName: principal.username,
      evidence: values.evidence,
      noPhotoReason: input.noPhotoReason ?? null,
      deadline: values.deadline,
      interimMeasures: [],
      assignments: [],
      plan: null,
      acceptanceTier: acceptanceTier(input),
      treatAsAccident: false,
      closedAt: null,
    });
  }

  /** The enterprise (in scope, domain §2.4) or, for a public-area hazard, the town and responsible body. */
  private async ownerOf(
    uow: UnitOfWork,
    principal: Principal,
    input: ReportHazardInput | RecordGovernmentFindingInput,
  ): Promise<{ townshipCode: string; industryCode: string | null }> {
    if (input.enterpriseId) {
      if (input.orgUnitId)
        throw badUserInput({ orgUnitId: 'only public-area hazards name a responsible body' });
      const ref = await uow.requireEnterpriseInScope(input.enterpriseId);
      return { townshipCode: ref.townshipCode, industryCode: ref.industryCode };
    }
    const problems: Problems = {};
    if (!input.orgUnitId) problems.orgUnitId = 'a public-area hazard names its responsible body';
    if (!input.townshipCode) problems.townshipCode = 'a public-area hazard names its town';
    problemsOrThrow(problems);
    const parties = partiesOf(principal);
    if (!parties.includes('REGULATOR') && !parties.includes('GRID'))
      throw badUserInput({ enterpriseId: 'enterprise users report hazards of their enterprise' });
    const inScope =
      seesWholeCounty(principal) ||
      principal.scope.townshipCodes.includes(input.townshipCode!) ||
      principal.scope.orgUnitId === input.orgUnitId;
    if (!inScope) throw forbidden('Outside your data scope: this town is not yours to record for');
    return { townshipCode: input.townshipCode!, industryCode: input.industryCode ?? null };
  }

  private foundAt(input: Date | undefined): Date {
    const foundAt = input ?? now();
    if (foundAt.getTime() > now().getTime() + 5 * 60_000)
      throw badUserInput({ foundAt: 'cannot be in the future' });
    return foundAt;
  }

  private factsOf(hazard: { grade: HazardGrade; source: HazardSource }) {
    return { grade: hazard.grade, source: hazard.source, acceptanceTier: acceptanceTier(hazard) };
  }

  // ------------------------------------------------------------------------------------------
  // Transitions (one use case per row of domain §5.6)
  // ------------------------------------------------------------------------------------------

  /** Row 1: DRAFT → REPORTED once there is a description and a photo or a reason. */
  submit(input: SubmitHazardInput): Promise<Hazard> {
    return this.transition(input, 'submitHazard', async ({ after, principal }) => {
      after.evidence = [...after.evidence, ...toEvidence(input.evidence, principal)];
      if (input.noPhotoReason) after.noPhotoReason = input.noPhotoReason;
      problemsOrThrow(reportProblems(after));
      after.status = HazardStatus.REPORTED;
      return {
        steps: [{ from: HazardStatus.DRAFT, to: HazardStatus.REPORTED }],
        events: [['HazardReported', this.reportedPayload(after)]],
      };
    });
  }

  /** Rows 2 and 7: fixed on the spot (即知即改) with an after-photo, then at once pending acceptance. */
  fixOnSpot(input: FixOnSpotInput): Promise<Hazard> {
    return this.transition(input, 'fixOnSpot', async ({ after, principal }) => {
      const added = toEvidence(input.evidence, principal);
      problemsOrThrow(fixOnSpotProblems(after, added));
      after.evidence = [...after.evidence, ...added];
      after.rectifiedById = principal.id;
      after.status = HazardStatus.PENDING_ACCEPTANCE;
      return {
        steps: [
          { from: HazardStatus.REPORTED, to: HazardStatus.FIXED_ON_SPOT },
          { from: HazardStatus.FIXED_ON_SPOT, to: HazardStatus.PENDING_ACCEPTANCE, system: true },
        ],
        events: [],
      };
    });
  }

  /** Row 3: grade, deadline, assignments set; MAJOR emits MajorHazardConfirmed (H-3), H-5 and H-6 run. */
  confirm(input: ConfirmHazardInput): Promise<Hazard> {
    return this.transition(
      input,
      'confirmHazard',
      async ({ uow, after }) => {
        const grade = input.grade ?? after.grade;
        const fields = {
          grade,
          category: input.category ?? after.category,
          determination: input.determination ?? after.determination,
          criterionId: input.criterionId ?? after.criterionId,
          expertOpinionFileId: input.expertOpinionFileId ?? after.expertOpinionFileId,
          riskPointId: input.riskPointId ?? after.riskPointId,
          deadline: input.deadline ?? after.deadline,
        };
        const problems = determinationProblems(fields);
        if (!fields.deadline) problems.deadline = 'set the rectification deadline when confirming';
        const deadlineIssue = input.deadline ? deadlineProblem(input.deadline, after.foundAt, now()) : null;
        if (deadlineIssue) problems.deadline = deadlineIssue;
        problemsOrThrow(problems);
        if (input.criterionId)
          await this.checkCriterion(uow, input.criterionId, after.industryCode, after.foundAt);
        Object.assign(after, fields, { acceptanceTier: acceptanceTier({ ...after, grade }) });
        after.status = HazardStatus.CONFIRMED;
        return {
          steps: [{ from: HazardStatus.REPORTED, to: HazardStatus.CONFIRMED }],
          events: await this.onConfirmed(uow, after, false),
        };
      },
      // The actors of row 3 depend on the grade being confirmed.
      (hazard) => this.factsOf({ grade: input.grade ?? hazard.grade, source: hazard.source }),
    );
  }

  /** Row 4: not a hazard, or a duplicate of another one. */
  reject(input: RejectHazardInput): Promise<Hazard> {
    return this.transition(input, 'rejectHazard', async ({ uow, after }) => {
      if (input.kind === 'DUPLICATE') {
        if (!input.duplicateOfId)
          throw badUserInput({ duplicateOfId: 'name the hazard this one duplicates' });
        if (input.duplicateOfId === after.id)
          throw badUserInput({ duplicateOfId: 'a hazard cannot duplicate itself' });
        const original = await this.scoped(uow.manager)
          .andWhere('hazard.id = :id', { id: input.duplicateOfId })
          .getOne();
        if (!original) throw badUserInput({ duplicateOfId: 'unknown hazard' });
      } else if (input.duplicateOfId) {
        throw badUserInput({ duplicateOfId: 'only a DUPLICATE names the hazard it duplicates' });
      }
      after.rejectionKind = input.kind;
      after.duplicateOfId = input.duplicateOfId ?? null;
      after.status = HazardStatus.REJECTED;
      return {
        steps: [{ from: HazardStatus.REPORTED, to: HazardStatus.REJECTED, reason: input.reason }],
        events: [],
        reason: input.reason,
      };
    });
  }

  /** The rectification plan (治理方案, 令第16号 第15条 + "五定"); a new version needs approval again. */
  submitPlan(input: SubmitRectificationPlanInput): Promise<Hazard> {
    return this.change(input, [HazardStatus.CONFIRMED], ['ENTERPRISE'], async ({ after, principal }) => {
      const plan: RectificationPlan = {
        ...input.plan,
        funds: new Decimal(input.plan.funds).toFixed(2),
        planFileId: input.plan.planFileId ?? null,
        submittedAt: now().toISOString(),
        submittedById: principal.id,
        approvedAt: null,
        approvedById: null,
      };
      // Domain §5.6 row 5: the plan and its approval show in the status history (same status, a reason).
      const note = after.plan ? '修订治理方案（需重新批准）' : '提交治理方案';
      after.plan = plan;
      return { steps: [], events: [], notes: [note] };
    });
  }

  /** Row 5 prerequisite for MAJOR: the principal (企业主要负责人) approves the plan. */
  approvePlan(input: ApproveRectificationPlanInput): Promise<Hazard> {
    return this.change(input, [HazardStatus.CONFIRMED], ['PRINCIPAL'], async ({ after, principal }) => {
      if (!after.plan) throw badUserInput({ plan: 'no rectification plan has been submitted' });
      if (after.plan.approvedAt) throw badUserInput({ plan: 'the plan is already approved' });
      after.plan = { ...after.plan, approvedAt: now().toISOString(), approvedById: principal.id };
      return {
        steps: [],
        events: [['RectificationPlanApproved', { hazardId: after.id, enterpriseId: after.enterpriseId }]],
        notes: ['主要负责人批准治理方案'],
      };
    });
  }

  /** Row 5: CONFIRMED → RECTIFYING; a MAJOR hazard needs its approved plan and interim measures. */
  startRectification(input: StartRectificationInput): Promise<Hazard> {
    return this.transition(input, 'startRectification', async ({ after }) => {
      after.interimMeasures = [
        ...after.interimMeasures,
        ...(input.interimMeasures ?? []).map((m) => ({ ...m })),
      ];
      problemsOrThrow(
        startRectificationProblems({ ...after, planApproved: Boolean(after.plan?.approvedAt) }),
      );
      after.status = HazardStatus.RECTIFYING;
      return { steps: [{ from: HazardStatus.CONFIRMED, to: HazardStatus.RECTIFYING }], events: [] };
    });
  }

  /** Interim measures in force (H-3: suspension is recorded here and decides the resumption requirement). */
  recordInterimMeasures(input: RecordInterimMeasuresInput): Promise<Hazard> {
    return this.change(
      input,
      [HazardStatus.CONFIRMED, HazardStatus.RECTIFYING],
      ['ENTERPRISE', 'REGULATOR'],
      async ({ after }) => {
        after.interimMeasures = input.interimMeasures.map((m) => ({ ...m }));
        return { steps: [], events: [] };
      },
    );
  }

  /** Evidence added along the way (e.g. the report to the workers' congress, H-3). */
  addEvidence(input: AddHazardEvidenceInput): Promise<Hazard> {
    const open = Object.values(HazardStatus).filter(
      (s) => s !== HazardStatus.CLOSED && s !== HazardStatus.REJECTED,
    );
    return this.change(input, open, ['ENTERPRISE', 'REGULATOR', 'FINDER'], async ({ after, principal }) => {
      after.evidence = [...after.evidence, ...toEvidence(input.evidence, principal)];
      return { steps: [], events: [] };
    });
  }

  /** Row 6: after-evidence; MAJOR: completion report and, after a suspension, the resumption application. */
  requestAcceptance(input: RequestAcceptanceInput): Promise<Hazard> {
    return this.transition(input, 'requestAcceptance', async ({ after, principal }) => {
      after.evidence = [...after.evidence, ...toEvidence(input.evidence, principal)];
      problemsOrThrow(requestAcceptanceProblems(after));
      if (
        !after.resumptionAppliedAt &&
        after.evidence.some((e) => e.kind === EvidenceKind.RESUMPTION_APPLICATION)
      )
        after.resumptionAppliedAt = now();
      after.rectifiedById = principal.id;
      after.status = HazardStatus.PENDING_ACCEPTANCE;
      return { steps: [{ from: HazardStatus.RECTIFYING, to: HazardStatus.PENDING_ACCEPTANCE }], events: [] };
    });
  }

  /** Rows 8 and 10: accepted per tier; closed at once when not listed (销号), else it waits for delisting. */
  accept(input: AcceptHazardInput): Promise<Hazard> {
    return this.transition(input, 'acceptHazard', async ({ after, principal }) => {
      problemsOrThrow(acceptProblems(after, { acceptorId: principal.id, onSite: input.onSite }));
      after.acceptedAt = now();
      after.acceptedById = principal.id;
      after.status = HazardStatus.ACCEPTED;
      const steps: Step[] = [
        { from: HazardStatus.PENDING_ACCEPTANCE, to: HazardStatus.ACCEPTED, reason: input.note ?? null },
      ];
      if (closesOnAcceptance(after)) {
        after.status = HazardStatus.CLOSED;
        after.closedAt = now();
        steps.push({
          from: HazardStatus.ACCEPTED,
          to: HazardStatus.CLOSED,
          system: true,
          reason: 'not listed: closed at once',
        });
      }
      return { steps, events: [] };
    });
  }

  /** Row 9: failed acceptance, back to rectification; the deadline is kept or reset. */
  failAcceptance(input: FailAcceptanceInput): Promise<Hazard> {
    return this.transition(input, 'failAcceptance', async ({ after }) => {
      if (input.deadline) {
        const issue = deadlineProblem(input.deadline, after.foundAt, now());
        if (issue) throw badUserInput({ deadline: issue });
        after.deadline = input.deadline;
      }
      after.status = HazardStatus.RECTIFYING;
      return {
        steps: [{ from: HazardStatus.PENDING_ACCEPTANCE, to: HazardStatus.RECTIFYING, reason: input.reason }],
        events: [],
        reason: input.reason,
      };
    });
  }

  /** Row 11: a regulator re-grades GENERAL ↔ MAJOR with a reason; up triggers listing evaluation (H-3, H-5). */
  regrade(input: RegradeHazardInput): Promise<Hazard> {
    return this.transition(input, 'regradeHazard', async ({ uow, before, after }) => {
      if (input.grade === before.grade)
        throw badUserInput({ grade: `the hazard is already ${before.grade}` });
      const fields = {
        grade: input.grade,
        determination: input.determination ?? after.determination,
        criterionId: input.criterionId ?? after.criterionId,
        expertOpinionFileId: input.expertOpinionFileId ?? after.expertOpinionFileId,
      };
      const problems = determinationProblems(fields);
      const issue = input.deadline ? deadlineProblem(input.deadline, after.foundAt, now()) : null;
      if (issue) problems.deadline = issue;
      problemsOrThrow(problems);
      if (input.criterionId)
        await this.checkCriterion(uow, input.criterionId, after.industryCode, after.foundAt);
      Object.assign(after, fields, {
        deadline: input.deadline ?? after.deadline,
        acceptanceTier: acceptanceTier({ ...after, grade: input.grade }),
        status: HazardStatus.CONFIRMED,
      });
      const up = input.grade === HazardGrade.MAJOR;
      const events: Outcome['events'] = [
        [
          'HazardRegraded',
          {
            hazardId: after.id,
            enterpriseId: after.enterpriseId,
            from: before.grade,
            to: input.grade,
            reason: input.reason,
            listingEvaluation: up,
          },
        ],
      ];
      if (up) events.push(...(await this.onConfirmed(uow, after, true)));
      return {
        steps: [{ from: before.status, to: HazardStatus.CONFIRMED, reason: input.reason }],
        events,
        reason: input.reason,
      };
    });
  }

  /** Row 12: a recurrence within 30 days of closing reopens the hazard and sends it back to rectification. */
  reopen(input: ReopenHazardInput): Promise<Hazard> {
    return this.transition(input, 'reopenHazard', async ({ after }) => {
      if (!reopenWindowOpen(after.closedAt, now()))
        throw deadlinePassed(
          'A hazard is reopened only within 30 days of closing',
          new Date(after.closedAt!.getTime() + 30 * 86_400_000),
        );
      const issue = deadlineProblem(input.deadline, after.foundAt, now());
      if (issue) throw badUserInput({ deadline: issue });
      Object.assign(after, {
        status: HazardStatus.RECTIFYING,
        deadline: input.deadline,
        acceptedAt: null,
        acceptedById: null,
        closedAt: null,
        listingId: null,
        listingLevel: null,
        acceptanceTier: acceptanceTier({ ...after, listingLevel: null }),
      });
      // H-2 again for the new rectification round: responsibility closed both legs when the hazard
      // closed, so it gets the legs and the new deadline to reopen or reissue them.
      const events: Outcome['events'] = after.assignments.length
        ? [
            [
              'HazardReopened',
              {
                hazardId: after.id,
                code: after.code,
                enterpriseId: after.enterpriseId,
                orgUnitId: after.orgUnitId,
                townshipCode: after.townshipCode,
                industryCode: after.industryCode,
                grade: after.grade,
                deadline: after.deadline,
                assignments: after.assignments.map((a) => ({ ...a })),
                reason: input.reason,
              },
            ],
          ]
        : [];
      return {
        steps: [
          { from: HazardStatus.CLOSED, to: HazardStatus.REOPENED, reason: input.reason },
          { from: HazardStatus.REOPENED, to: HazardStatus.RECTIFYING, reason: input.reason },
        ],
        events,
        reason: input.reason,
      };
    });
  }

  /**
   * ∅ → REPORTED for a system rule (creation row C4; domain §5.5, §5.13, 4.10, 7.5): the platform raises a
   * `SYSTEM_RULE` (or other machine-sourced) hazard for the responsible regulator to confirm, on the
   * caller's unit of work, audited and with its `HazardReported` event. The context's principal is the
   * platform's service principal (jobs) or the user whose action triggered the rule.
   */
  async recordSystemHazard(
    uow: UnitOfWork,
    input: {
      enterpriseId: string;
      title: string;
      description: string;
      source?: HazardSource;
      sourceRef?: string | null;
      grade?: HazardGrade;
      category?: HazardCategory;
      location?: string | null;
      foundAt?: Date;
      noPhotoReason?: string;
      /** The department supervising it across industries (e.g. 市场监管 for special equipment, §5.5). */
      supervisingOrgId?: string | null;
    },
  ): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    const facts = this.factsOf({
      grade: input.grade ?? HazardGrade.GENERAL,
      source: input.source ?? HazardSource.SYSTEM_RULE,
    });
    if (decide(transitionFor('raiseSystemHazard', null), facts, ['SYSTEM']) !== 'ALLOWED')
      throw forbidden('Only the platform raises system-rule hazards');
    const content = {
      enterpriseId: input.enterpriseId,
      title: input.title,
      description: input.description,
      grade: facts.grade,
      source: facts.source,
      sourceRef: input.sourceRef ?? undefined,
      category: input.category,
      location: input.location ?? undefined,
      noPhotoReason: input.noPhotoReason ?? '系统规则自动生成，无现场照片',
    } as ReportHazardInput;
    const created = await this.create(uow, principal, content, {
      status: HazardStatus.REPORTED,
      foundAt: input.foundAt ?? now(),
      evidence: [],
      deadline: null,
    });
    created.supervisingOrgId = input.supervisingOrgId ?? null;
    const hazard = await uow.manager.save(created);
    await uow.audit({ entity: 'Hazard', entityId: hazard.id, after: hazard });
    await this.recordSteps(uow, hazard.id, [{ from: null, to: HazardStatus.REPORTED, system: true }]);
    await uow.emit('HazardReported', this.reportedPayload(hazard));
    return hazard;
  }

  // ------------------------------------------------------------------------------------------
  // Hooks for supervised listings (domain §5.7.2, built later), on the caller's unit of work.
  // ------------------------------------------------------------------------------------------

  /** A listing now holds the hazard: closing waits for delisting; a county listing makes acceptance COUNTY (H-1). */
  async attachListing(
    uow: UnitOfWork,
    hazardId: string,
    listingId: string,
    level: ListingLevel,
  ): Promise<Hazard> {
    const before = await this.lockVisible(uow, hazardId);
    const after = uow.manager.create(Hazard, {
      ...before,
      listingId,
      listingLevel: level,
      acceptanceTier: acceptanceTier({ ...before, listingLevel: level }),
    });
    const saved = await uow.manager.save(after);
    await uow.audit({ entity: 'Hazard', entityId: saved.id, before, after: saved });
    return saved;
  }

  /**
   * A granted listing extension (§5.7.2) moves the deadline of a listed hazard that is not yet settled:
   * audited, a status-history entry (same status, the reason), `HazardDeadlineChanged` so responsibility's
   * H-2 tasks follow; `overdue` is derived from the deadline, and the overdue sweep notifies a new crossing.
   */
  async moveDeadline(uow: UnitOfWork, hazardId: string, deadline: string, reason: string): Promise<Hazard> {
    const before = await this.lockVisible(uow, hazardId);
    if (SETTLED_STATUSES.includes(before.status) || before.deadline === deadline) return before;
    const after = uow.manager.create(Hazard, { ...before, deadline });
    const saved = await uow.manager.save(after);
    await uow.audit({ entity: 'Hazard', entityId: saved.id, before, after: saved, reason });
    await this.recordSteps(uow, saved.id, [
      {
        from: before.status,
        to: before.status,
        reason: `${reason} (${before.deadline ?? '—'} → ${deadline})`,
      },
    ]);
    await uow.emit('HazardDeadlineChanged', {
      hazardId: saved.id,
      code: saved.code,
      enterpriseId: saved.enterpriseId,
      listingId: saved.listingId,
      previousDeadline: before.deadline,
      deadline,
      reason,
    });
    return saved;
  }

  /** Row 10 for a listed hazard: delisting closes an ACCEPTED hazard (销号). */
  async closeOnDelisting(uow: UnitOfWork, hazardId: string): Promise<Hazard> {
    const before = await this.lockVisible(uow, hazardId);
    if (transitionFor('closeHazard', before.status) === undefined)
      throw conflict(`A hazard is closed on delisting only once ACCEPTED (it is ${before.status})`, {
        from: before.status,
        to: HazardStatus.CLOSED,
      });
    const after = uow.manager.create(Hazard, { ...before, status: HazardStatus.CLOSED, closedAt: now() });
    const saved = await uow.manager.save(after);
    await uow.audit({ entity: 'Hazard', entityId: saved.id, before, after: saved });
    await this.recordSteps(uow, saved.id, [
      { from: HazardStatus.ACCEPTED, to: HazardStatus.CLOSED, reason: 'delisted' },
    ]);
    await uow.emit(
      'HazardStatusChanged',
      this.statusPayload(saved, HazardStatus.ACCEPTED, HazardStatus.CLOSED, 'delisted'),
    );
    return saved;
  }

  // ------------------------------------------------------------------------------------------
  // The machinery shared by the use cases
  // ------------------------------------------------------------------------------------------

  /**
   * A use case that performs a row of the state machine: optimistic lock, then ILLEGAL → CONFLICT,
   * not the caller's row → FORBIDDEN, then `work` checks the guards and applies the change.
   */
  private transition(
    input: { hazardId: string; expectedVersion: number },
    operation: HazardOperation,
    work: (change: Change) => Promise<Outcome>,
    factsFor: (hazard: Hazard) => HazardFacts = (hazard) => hazard,
  ): Promise<Hazard> {
    return this.run(input, work, (before, parties) => {
      const decision = decide(transitionFor(operation, before.status), factsFor(before), parties);
      if (decision === 'ILLEGAL') {
        const targets = [...new Set(HAZARD_TARGETS[operation])].join('/');
        throw conflict(`A hazard in ${before.status} cannot be moved by ${operation} (to ${targets})`, {
          from: before.status,
          operation,
        });
      }
      if (decision === 'NOT_PERMITTED')
        throw forbidden(`${operation} on a ${before.grade} ${before.source} hazard is not yours to do`);
    });
  }

  /** A use case that changes a hazard without moving it: allowed statuses and parties. */
  private change(
    input: { hazardId: string; expectedVersion: number },
    statuses: readonly HazardStatus[],
    parties: ReadonlyArray<HazardParty | 'PRINCIPAL'>,
    work: (change: Change) => Promise<Outcome>,
  ): Promise<Hazard> {
    return this.run(input, work, (before, callerParties, principal) => {
      if (!statuses.includes(before.status))
        throw conflict(`Not possible while the hazard is ${before.status}`, { status: before.status });
      const principalApproves =
        parties.includes('PRINCIPAL') &&
        (principal.roles.includes(Role.ENT_PRINCIPAL) ||
          (before.enterpriseId === null && callerParties.includes('ENTERPRISE')));
      if (!principalApproves && !parties.some((p) => p !== 'PRINCIPAL' && callerParties.includes(p)))
        throw forbidden('Not yours to do for this hazard');
    });
  }

  private run(
    input: { hazardId: string; expectedVersion: number },
    work: (change: Change) => Promise<Outcome>,
    authorize: (before: Hazard, parties: HazardParty[], principal: Principal) => void,
  ): Promise<Hazard> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.hazardId);
      if (before.version !== input.expectedVersion) {
        throw conflict('The hazard was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      }
      const parties = this.partiesFor(principal, before);
      authorize(before, parties, principal);
      const after = uow.manager.create(Hazard, structuredClone({ ...before }));
      const outcome = await work({ uow, before, after, principal, parties });
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'Hazard', entityId: saved.id, before, after: saved, reason: outcome.reason });
      await this.recordSteps(uow, saved.id, [
        ...outcome.steps,
        ...(outcome.notes ?? []).map((reason) => ({ from: saved.status, to: saved.status, reason })),
      ]);
      for (const step of outcome.steps)
        await uow.emit(
          'HazardStatusChanged',
          this.statusPayload(saved, step.from, step.to, step.reason ?? null),
        );
      for (const [type, payload] of outcome.events) await uow.emit(type, payload);
      return saved;
    });
  }

  /** The caller's parties; the responsible body of a public-area hazard acts where an enterprise would. */
  private partiesFor(principal: Principal, hazard: Hazard): HazardParty[] {
    const parties = partiesOf(principal, hazard);
    if (
      hazard.enterpriseId === null &&
      hazard.orgUnitId !== null &&
      principal.scope.orgUnitId === hazard.orgUnitId
    )
      parties.push('ENTERPRISE');
    return parties;
  }

  private async recordSteps(uow: UnitOfWork, hazardId: string, steps: readonly Step[]): Promise<void> {
    if (!steps.length) return;
    const principal = this.context.principal;
    const at = now();
    // One statement per step keeps the insertion order (seq) equal to the order of the steps.
    for (const step of steps) {
      await uow.manager.insert(HazardStatusChange, {
        hazardId,
        from: step.from,
        to: step.to,
        at,
        actorId: step.system ? null : (principal?.id ?? null),
        actorUsername: step.system ? null : (principal?.username ?? null),
        reason: step.reason ?? null,
      });
    }
  }

  /**
   * Entering CONFIRMED: H-2 assignments, H-5 treat-as-accident, H-6 repeat detection, and for MAJOR
   * the MajorHazardConfirmed event (H-3) with what responsibility needs for both task legs.
   */
  private async onConfirmed(uow: UnitOfWork, hazard: Hazard, regraded: boolean): Promise<Outcome['events']> {
    const events: Outcome['events'] = [];
    hazard.confirmedAt = now();
    const ref = hazard.enterpriseId
      ? ((
          await uow.manager.query('SELECT regulator_org_ids FROM enterprise_ref WHERE id = $1', [
            hazard.enterpriseId,
          ])
        )[0] as { regulator_org_ids: string[] } | undefined)
      : undefined;
    // A supervising department (§5.5: 市场监管 for special equipment) is the hazard's regulator (H-2 oversight leg).
    const regulatorOrgIds = hazard.supervisingOrgId
      ? [hazard.supervisingOrgId]
      : (ref?.regulator_org_ids ?? []);
    if (!hazard.assignments.length) hazard.assignments = assignmentsFor({ ...hazard, regulatorOrgIds });

    if (hazard.enterpriseId && !hazard.repeatOfId && !regraded) {
      const previous = await this.closedAlike(uow.manager, hazard);
      const repeat = findRepeat(hazard, previous);
      if (repeat) {
        hazard.repeatOfId = repeat.id;
        events.push([
          'HazardRepeated',
          {
            hazardId: hazard.id,
            code: hazard.code,
            repeatOfId: repeat.id,
            enterpriseId: hazard.enterpriseId,
            criterionId: hazard.criterionId,
            riskPointId: hazard.riskPointId,
            category: hazard.category,
            previousClosedAt: repeat.closedAt?.toISOString() ?? null,
          },
        ]);
      }
    }
    if (hazard.enterpriseId && !hazard.treatAsAccident) {
      const selfReports = await this.selfReportsAlike(uow.manager, hazard);
      const since = addMonths(localDate(hazard.foundAt), -INSPECTION_WINDOW_MONTHS);
      const inspections = await hazardPorts().inspections(hazard.enterpriseId, since, uow.manager);
      const decision = treatAsAccident(hazard, selfReports, inspections);
      if (decision.treatAsAccident) {
        hazard.treatAsAccident = true;
        events.push([
          'HazardTreatedAsAccident',
          {
            hazardId: hazard.id,
            code: hazard.code,
            enterpriseId: hazard.enterpriseId,
            townshipCode: hazard.townshipCode,
            industryCode: hazard.industryCode,
            source: hazard.source,
            criterionId: hazard.criterionId,
            riskPointId: hazard.riskPointId,
            regulatorOrgIds: decision.regulatorOrgIds,
          },
        ]);
      }
    }
    const assignmentsPayload = hazard.assignments.map((a) => ({ ...a }));
    if (hazard.grade === HazardGrade.MAJOR) {
      events.unshift([
        'MajorHazardConfirmed',
        {
          hazardId: hazard.id,
          code: hazard.code,
          enterpriseId: hazard.enterpriseId,
          orgUnitId: hazard.orgUnitId,
          townshipCode: hazard.townshipCode,
          industryCode: hazard.industryCode,
          regulatorOrgIds,
          source: hazard.source,
          category: hazard.category,
          determination: hazard.determination,
          criterionId: hazard.criterionId,
          deadline: hazard.deadline,
          confirmedAt: hazard.confirmedAt.toISOString(),
          assignments: assignmentsPayload,
          regraded,
        },
      ]);
    } else if (assignmentsPayload.length) {
      events.unshift([
        'HazardAssigned',
        {
          hazardId: hazard.id,
          code: hazard.code,
          enterpriseId: hazard.enterpriseId,
          townshipCode: hazard.townshipCode,
          industryCode: hazard.industryCode,
          deadline: hazard.deadline,
          assignments: assignmentsPayload,
        },
      ]);
    }
    return events;
  }

  /** H-6 candidates: closed hazards of the enterprise with the same criterion, or risk point and category. */
  private async closedAlike(manager: EntityManager, hazard: Hazard): Promise<PriorHazard[]> {
    if (!hazard.criterionId && !(hazard.riskPointId && hazard.category)) return [];
    const since = addYears(localDate(hazard.foundAt), -1);
    return manager
      .getRepository(Hazard)
      .createQueryBuilder('prior')
      .where('prior.enterprise_id = :enterpriseId', { enterpriseId: hazard.enterpriseId })
      .andWhere('prior.id <> :id', { id: hazard.id })
      .andWhere('prior.status = :closed', { closed: HazardStatus.CLOSED })
      .andWhere(`prior.closed_at >= (CAST(:since AS date) - interval '8 hours')`, { since })
      .andWhere(
        '(prior.criterion_id = :criterionId OR (prior.risk_point_id = :riskPointId AND prior.category = :category))',
        { criterionId: hazard.criterionId, riskPointId: hazard.riskPointId, category: hazard.category },
      )
      .getMany();
  }

  /** H-5 candidates: the enterprise's own reports with the same criterion or risk point. */
  private async selfReportsAlike(manager: EntityManager, hazard: Hazard): Promise<PriorHazard[]> {
    if (!hazard.criterionId && !hazard.riskPointId) return [];
    const since = addYears(localDate(hazard.foundAt), -1);
    return manager
      .getRepository(Hazard)
      .createQueryBuilder('prior')
      .where('prior.enterprise_id = :enterpriseId', { enterpriseId: hazard.enterpriseId })
      .andWhere('prior.id <> :id', { id: hazard.id })
      .andWhere('prior.source IN (:...sources)', { sources: ENTERPRISE_SOURCES })
      .andWhere('(prior.closed_at IS NULL OR prior.closed_at >= CAST(:since AS date))', { since })
      .andWhere('(prior.criterion_id = :criterionId OR prior.risk_point_id = :riskPointId)', {
        criterionId: hazard.criterionId,
        riskPointId: hazard.riskPointId,
      })
      .getMany();
  }

  private async checkCriterion(
    uow: UnitOfWork,
    criterionId: string | null,
    industryCode: string | null,
    foundAt: Date,
  ): Promise<void> {
    if (!criterionId) return;
    const problem = await hazardPorts().criterionCheck(criterionId, industryCode, foundAt, uow.manager);
    if (problem) throw badUserInput({ criterionId: problem });
  }

  private reportedPayload(hazard: Hazard) {
    return {
      hazardId: hazard.id,
      code: hazard.code,
      enterpriseId: hazard.enterpriseId,
      orgUnitId: hazard.orgUnitId,
      supervisingOrgId: hazard.supervisingOrgId,
      townshipCode: hazard.townshipCode,
      grade: hazard.grade,
      source: hazard.source,
      foundAt: hazard.foundAt.toISOString(),
    };
  }

  private statusPayload(hazard: Hazard, from: HazardStatus | null, to: HazardStatus, reason: string | null) {
    return {
      hazardId: hazard.id,
      code: hazard.code,
      enterpriseId: hazard.enterpriseId,
      grade: hazard.grade,
      from,
      to,
      reason,
    };
  }

  /** Loads a hazard the caller may see, locked for update; invisible rows are simply not found. */
  private async lockVisible(uow: UnitOfWork, id: string): Promise<Hazard> {
    const row = await this.scoped(uow.manager)
      .andWhere('hazard.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('Hazard', id);
    return row;
  }
}

interface Change {
  uow: UnitOfWork;
  before: Hazard;
  after: Hazard;
  principal: Principal;
  parties: HazardParty[];
}

/** Where each operation leads, for the CONFLICT message. */
const HAZARD_TARGETS: Record<string, HazardStatus[]> = {
  submitHazard: [HazardStatus.REPORTED],
  fixOnSpot: [HazardStatus.FIXED_ON_SPOT],
  confirmHazard: [HazardStatus.CONFIRMED],
  rejectHazard: [HazardStatus.REJECTED],
  startRectification: [HazardStatus.RECTIFYING],
  requestAcceptance: [HazardStatus.PENDING_ACCEPTANCE],
  acceptHazard: [HazardStatus.ACCEPTED],
  failAcceptance: [HazardStatus.RECTIFYING],
  regradeHazard: [HazardStatus.CONFIRMED],
  reopenHazard: [HazardStatus.REOPENED, HazardStatus.RECTIFYING],
};
