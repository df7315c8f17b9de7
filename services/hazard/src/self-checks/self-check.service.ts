import { randomUUID } from 'node:crypto';
import { Role } from '@safety/auth';
import {
  addDays,
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  forbidden,
  localDate,
  notFound,
  now,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { HazardSource } from '../hazards/hazard.enums.js';
import { HazardService } from '../hazards/hazard.service.js';
import { SelfCheckPlan, SelfCheckRecord, type SelfCheckRecordItem } from './self-check.entity.js';
import type {
  CreateSelfCheckPlanInput,
  EnterpriseSelfCheckPlansArgs,
  MissedSelfCheckArgs,
  MissedSelfCheckFilterArgs,
  RecordSelfCheckInput,
  RetireSelfCheckPlanInput,
  SelfCheckPlanListArgs,
  SelfCheckRecordListArgs,
  SelfCheckWindowArgs,
} from './self-check.inputs.js';
import {
  cadenceProblem,
  compliance,
  DEFAULT_CADENCE,
  type PeriodOutcome,
  periodOutcomes,
  recordProblems,
} from './self-check.rules.js';

const PLAN_SORT = { property: 'createdAt', direction: 'DESC' } as const;
const RECORD_SORT = { property: 'performedAt', direction: 'DESC' } as const;
/** [D] Records are kept as they happen: a check may be entered up to 7 days late, never ahead. */
export const LATE_ENTRY_DAYS = 7;
/** [D] Windows of missed checks and compliance: at most three years, defaulting to the last 365 days. */
const MAX_WINDOW_DAYS = 3 * 366;
/** Management decides on plans; the plan's responsible role (e.g. a worker on patrol) records too. */
const MANAGEMENT: readonly Role[] = [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_DIRECTOR, Role.ENT_SAFETY_MANAGER];

export interface MissedCheck extends PeriodOutcome {
  id: string;
  planId: string;
  enterpriseId: string;
  plan: SelfCheckPlan;
}

function windowOf(args: { from?: string | null; to?: string | null }): { from: string; to: string } {
  const today = localDate(now());
  const to = args.to ?? today;
  const from = args.from ?? addDays(to, -364);
  if (from > to) throw badUserInput({ from: 'must not be after `to`' });
  if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_DAYS * 86_400_000)
    throw badUserInput({ from: 'the window spans at most three years' });
  return { from, to };
}

/** Cursor of a computed list: base64url JSON of the sort key. */
function cursorOf(check: MissedCheck): string {
  return Buffer.from(JSON.stringify([check.end, check.id])).toString('base64url');
}

/** 企业自查 (domain §5.8): plans, records, missed checks and compliance; scoped in SQL over `enterprise_ref`. */
export class SelfCheckService {
  constructor(private readonly context: SubgraphContext) {}

  private plans(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(SelfCheckPlan).createQueryBuilder('plan'),
      this.context.principal,
      'plan.enterprise_id',
    );
  }

  private records(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(SelfCheckRecord).createQueryBuilder('record'),
      this.context.principal,
      'record.enterprise_id',
    );
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  private filteredPlans(args: { enterpriseId?: string; kind?: string; active?: boolean | null }) {
    const query = this.plans();
    if (args.enterpriseId)
      query.andWhere('plan.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.kind) query.andWhere('plan.kind = :kind', { kind: args.kind });
    if (args.active !== undefined && args.active !== null) {
      const active = '(plan.starts_on <= :today AND (plan.ends_on IS NULL OR plan.ends_on >= :today))';
      query.andWhere(args.active ? active : `NOT ${active}`, { today: localDate(now()) });
    }
    return query;
  }

  listPlans(args: SelfCheckPlanListArgs) {
    return paginate(this.filteredPlans(args), args, PLAN_SORT);
  }

  planById(id: string) {
    return this.context
      .loader<string, SelfCheckPlan | null>('self-check-plan', (ids) => this.plansByIds(ids))
      .load(id);
  }

  async plansByIds(ids: readonly string[]): Promise<(SelfCheckPlan | null)[]> {
    const rows = await this.plans().andWhere('plan.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  listRecords(args: SelfCheckRecordListArgs) {
    const query = this.records();
    if (args.enterpriseId)
      query.andWhere('record.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.planId) query.andWhere('record.plan_id = :planId', { planId: args.planId });
    if (args.performedFrom) query.andWhere('record.performed_on >= :from', { from: args.performedFrom });
    if (args.performedTo) query.andWhere('record.performed_on <= :to', { to: args.performedTo });
    if (args.withHazards !== undefined && args.withHazards !== null)
      query.andWhere(
        args.withHazards ? 'cardinality(record.hazard_ids) > 0' : 'cardinality(record.hazard_ids) = 0',
      );
    return paginate(query, args, RECORD_SORT);
  }

  recordById(id: string) {
    return this.context
      .loader<string, SelfCheckRecord | null>('self-check-record', (ids) => this.recordsByIds(ids))
      .load(id);
  }

  async recordsByIds(ids: readonly string[]): Promise<(SelfCheckRecord | null)[]> {
    const rows = await this.records().andWhere('record.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** `Enterprise.selfCheckPlans`: first pages batched across the enterprises of the request. */
  forEnterprise(
    enterpriseId: string,
    args: EnterpriseSelfCheckPlansArgs,
  ): Promise<ConnectionShape<SelfCheckPlan>> {
    return ownerPage(this.context, {
      key: `enterprise-self-check-plans:${args.kind ?? ''}:${args.active ?? ''}`,
      query: () => this.filteredPlans({ kind: args.kind, active: args.active }),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: PLAN_SORT,
    }) as Promise<ConnectionShape<SelfCheckPlan>>;
  }

  /** Every due period of the plans in scope, ended before today, with what was performed (two statements). */
  private async outcomes(
    plans: SelfCheckPlan[],
    window: { from: string; to: string },
  ): Promise<Array<{ plan: SelfCheckPlan; outcomes: PeriodOutcome[] }>> {
    if (!plans.length) return [];
    // Pre-holiday windows start 7 days before; weeks may start 6 days before: read a little earlier.
    const rows: Array<{ plan_id: string; performed_on: string }> = await this.context.db.manager.query(
      `SELECT plan_id, to_char(performed_on, 'YYYY-MM-DD') AS performed_on FROM self_check_record
        WHERE plan_id = ANY($1::uuid[]) AND performed_on BETWEEN $2::date - 200 AND $3::date`,
      [plans.map((p) => p.id), window.from, window.to],
    );
    const byPlan = new Map<string, string[]>();
    for (const row of rows) byPlan.set(row.plan_id, [...(byPlan.get(row.plan_id) ?? []), row.performed_on]);
    const today = localDate(now());
    return plans.map((plan) => ({
      plan,
      outcomes: periodOutcomes(plan, byPlan.get(plan.id) ?? [], window.from, window.to, today),
    }));
  }

  /** Missed planned checks (domain §5.8), newest period first; visible to the enterprise and its regulators. */
  async missed(args: MissedSelfCheckArgs): Promise<ConnectionShape<MissedCheck>> {
    return this.paged(await this.allMissed(args), args);
  }

  /**
   * The regulator's summary of `missedSelfChecks` (domain §5.8): the misses of the same filters counted
   * per enterprise with its town, most first (two statements: plans and records, plus the towns).
   */
  async missedCounts(
    args: MissedSelfCheckFilterArgs,
  ): Promise<Array<{ enterpriseId: string; townshipCode: string | null; missed: number }>> {
    const counts = new Map<string, number>();
    for (const miss of await this.allMissed(args))
      counts.set(miss.enterpriseId, (counts.get(miss.enterpriseId) ?? 0) + 1);
    if (!counts.size) return [];
    const towns: Array<{ id: string; townshipCode: string | null }> = await this.context.db.manager.query(
      'SELECT id::text AS id, township_code AS "townshipCode" FROM enterprise_ref WHERE id::text = ANY($1::text[])',
      [[...counts.keys()]],
    );
    const townOf = new Map(towns.map((row) => [row.id, row.townshipCode]));
    return [...counts.entries()]
      .map(([enterpriseId, missed]) => ({
        enterpriseId,
        townshipCode: townOf.get(enterpriseId) ?? null,
        missed,
      }))
      .sort((a, b) => b.missed - a.missed || a.enterpriseId.localeCompare(b.enterpriseId));
  }

  private async allMissed(args: MissedSelfCheckFilterArgs & { planId?: string }) {
    const window = windowOf(args);
    const query = this.filteredPlans(args);
    if (args.planId) query.andWhere('plan.id = :planId', { planId: args.planId });
    // Plans carry no town: their enterprise's, from the replicated `enterprise_ref`.
    if (args.townshipCode)
      query.andWhere(
        `EXISTS (SELECT 1 FROM enterprise_ref town_ref WHERE town_ref.id = plan.enterprise_id
           AND town_ref.township_code = :town)`,
        { town: args.townshipCode },
      );
    return (await this.outcomes(await query.getMany(), window))
      .flatMap(({ plan, outcomes }) =>
        outcomes
          .filter((o) => o.missed)
          .map((o) => ({
            ...o,
            id: `${plan.id}:${o.start}`,
            planId: plan.id,
            enterpriseId: plan.enterpriseId,
            plan,
          })),
      )
      .sort((a, b) => b.end.localeCompare(a.end) || b.id.localeCompare(a.id));
  }

  private paged(all: MissedCheck[], args: MissedSelfCheckArgs): ConnectionShape<MissedCheck> {
    let start = 0;
    if (args.after) {
      let key: [string, string];
      try {
        key = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
      } catch {
        throw badUserInput({ after: 'not a cursor returned by this list' });
      }
      start = all.findIndex((c) => c.end < key[0] || (c.end === key[0] && c.id < key[1]));
      if (start < 0) start = all.length;
    }
    const nodes = all.slice(start, start + args.first);
    const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
    return {
      nodes,
      edges,
      totalCount: all.length,
      pageInfo: { hasNextPage: start + args.first < all.length, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** `Enterprise.selfCheckCompliance`, batched across the enterprises of the request (two statements). */
  compliance(enterpriseId: string, args: SelfCheckWindowArgs) {
    const window = windowOf(args);
    return this.context
      .loader<string, ReturnType<typeof compliance> & { from: string; to: string }>(
        `self-check-compliance:${window.from}:${window.to}`,
        async (ids) => {
          const plans = await this.plans().andWhere('plan.enterprise_id IN (:...ids)', { ids }).getMany();
          const outcomes = await this.outcomes(plans, window);
          return ids.map((id) => ({
            ...window,
            ...compliance(outcomes.filter((o) => o.plan.enterpriseId === id).flatMap((o) => o.outcomes)),
          }));
        },
      )
      .load(enterpriseId);
  }

  // ------------------------------------------------------------------------------------------
  // Writes
  // ------------------------------------------------------------------------------------------

  createPlan(input: CreateSelfCheckPlanInput): Promise<SelfCheckPlan> {
    const problem = cadenceProblem(input.kind, input.cadence);
    if (problem) throw badUserInput({ cadence: problem });
    const codes = input.checklist.map((item) => item.code);
    if (new Set(codes).size !== codes.length) throw badUserInput({ checklist: 'item codes must be unique' });
    const today = localDate(now());
    if (input.startsOn && input.startsOn < today)
      throw badUserInput({ startsOn: 'a plan starts today or later (no missed checks after the fact)' });
    return this.context.transaction(async (uow) => {
      await uow.requireEnterpriseInScope(input.enterpriseId);
      const plan = await uow.manager.save(
        uow.manager.create(SelfCheckPlan, {
          id: randomUUID(),
          enterpriseId: input.enterpriseId,
          name: input.name,
          kind: input.kind,
          cadence: input.cadence ?? DEFAULT_CADENCE[input.kind],
          shiftsPerDay: input.shiftsPerDay ?? 1,
          checklistTemplateId: input.checklistTemplateId ?? null,
          checklist: input.checklist.map(({ code, text }) => ({ code, text })),
          responsibleRole: input.responsibleRole,
          startsOn: input.startsOn ?? today,
          endsOn: null,
        }),
      );
      await uow.audit({ entity: 'SelfCheckPlan', entityId: plan.id, after: plan });
      return plan;
    });
  }

  retirePlan(input: RetireSelfCheckPlanInput): Promise<SelfCheckPlan> {
    const today = localDate(now());
    const endsOn = input.endsOn ?? today;
    if (endsOn < today) throw badUserInput({ endsOn: 'a plan is retired from today on, not after the fact' });
    return this.context.transaction(async (uow) => {
      const before = await this.lockPlan(uow, input.planId);
      if (before.version !== input.expectedVersion)
        throw conflict('The plan was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      if (before.endsOn !== null) throw conflict('The plan is already retired', { endsOn: before.endsOn });
      if (endsOn < before.startsOn) throw badUserInput({ endsOn: 'must not be before the plan starts' });
      const saved = await uow.manager.save(uow.manager.create(SelfCheckPlan, { ...before, endsOn }));
      await uow.audit({ entity: 'SelfCheckPlan', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  /**
   * Records a performed check. Each hazard of a NOK item is reported through `HazardService.report`
   * (source ENTERPRISE_SELF_CHECK, sourceRef = the record) in the record's own transaction.
   */
  recordCheck(input: RecordSelfCheckInput): Promise<SelfCheckRecord> {
    const principal = requirePrincipal(this.context);
    const performedAt = input.performedAt ?? now();
    const at = now();
    if (performedAt.getTime() > at.getTime() + 5 * 60_000)
      throw badUserInput({ performedAt: 'cannot be in the future' });
    if (localDate(performedAt) < addDays(localDate(at), -LATE_ENTRY_DAYS))
      throw badUserInput({ performedAt: `a check is recorded within ${LATE_ENTRY_DAYS} days` });
    return this.context.transaction(async (uow) => {
      const plan = await this.lockPlan(uow, input.planId, 'pessimistic_read');
      const performedOn = localDate(performedAt);
      if (performedOn < plan.startsOn || (plan.endsOn !== null && performedOn > plan.endsOn))
        throw badUserInput({ performedAt: 'the plan is not in force on that day' });
      if (!principal.roles.some((role) => MANAGEMENT.includes(role) || role === plan.responsibleRole))
        throw forbidden(`This plan is performed by ${plan.responsibleRole} or the enterprise's management`);
      const hazards = input.hazards ?? [];
      const problems = recordProblems(
        plan.checklist,
        input.items,
        hazards.map((h) => h.itemCode),
      );
      if (Object.keys(problems).length) throw badUserInput(problems);

      const recordId = randomUUID();
      const items: SelfCheckRecordItem[] = input.items.map((item) => ({
        code: item.code,
        result: item.result,
        note: item.note ?? null,
        hazardId: null,
      }));
      const hazardService = new HazardService(joinedContext(this.context, uow));
      for (const hazard of hazards) {
        const item = items.find((i) => i.code === hazard.itemCode)!;
        const text = plan.checklist.find((c) => c.code === item.code)!.text;
        const created = await hazardService.report({
          enterpriseId: plan.enterpriseId,
          title: hazard.title,
          description: hazard.description ?? `${plan.name}：${text}——${item.note}`,
          grade: hazard.grade,
          source: HazardSource.ENTERPRISE_SELF_CHECK,
          sourceRef: recordId,
          category: hazard.category,
          location: hazard.location,
          foundAt: performedAt,
          evidence: hazard.evidence,
          noPhotoReason: hazard.noPhotoReason,
          deadline: hazard.deadline,
        });
        item.hazardId = created.id;
      }
      const record = await uow.manager.save(
        uow.manager.create(SelfCheckRecord, {
          id: recordId,
          planId: plan.id,
          enterpriseId: plan.enterpriseId,
          performedAt,
          performedOn,
          performedById: principal.id,
          performedByName: principal.username,
          items,
          hazardIds: items.flatMap((i) => (i.hazardId ? [i.hazardId] : [])),
        }),
      );
      await uow.audit({ entity: 'SelfCheckRecord', entityId: record.id, after: record });
      return record;
    });
  }

  private async lockPlan(
    uow: UnitOfWork,
    id: string,
    lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<SelfCheckPlan> {
    const plan = await this.plans(uow.manager).andWhere('plan.id = :id', { id }).setLock(lock).getOne();
    if (!plan) throw notFound('SelfCheckPlan', id);
    return plan;
  }
}

/**
 * The request's context with its transaction joined to `uow`: another aggregate's use case then
 * writes in the caller's transaction (one commit, and no second connection, which the embedded
 * database would wait on forever: architecture §4).
 */
export function joinedContext(context: SubgraphContext, uow: UnitOfWork): SubgraphContext {
  const joined = Object.create(context) as SubgraphContext;
  joined.transaction = <T>(work: (unit: UnitOfWork) => Promise<T>) => work(uow);
  return joined;
}
