import { randomUUID } from 'node:crypto';
import type { Principal } from '@safety/auth';
import {
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  ErrorCode,
  forbidden,
  localYear,
  nextSequence,
  notFound,
  now,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { HazardCategory, HazardDetermination, HazardGrade, HazardSource } from '../hazards/hazard.enums.js';
import type { RecordGovernmentFindingInput } from '../hazards/hazard.inputs.js';
import { HazardService } from '../hazards/hazard.service.js';
import { gasTestProblems } from './gas-test.rules.js';
import { type PermitGasTestRow, WorkPermit } from './permit.entity.js';
import { calendarFor, evaluateGate, permitFacts, workersWithEvidence } from './permit.gate.js';
import type {
  ApprovePermitInput,
  ClosePermitInput,
  CompletePermitInput,
  CreatePermitInput,
  EnterprisePermitsArgs,
  PermitGatePreviewInput,
  PermitListArgs,
  RecordGasTestInput,
  ReportUnlicensedWorkerInput,
  ResumePermitWorkInput,
  RevokePermitInput,
  StartPermitWorkInput,
  SuspendPermitWorkInput,
} from './permit.inputs.js';
import {
  assessHotWorkLevel,
  decidePermitTransition,
  GAS_TESTED_TYPES,
  type HotWorkLevelAssessment,
  hotWorkTimeFacts,
  isHeightLevel,
  isHotWorkLevel,
  type PermitContext,
  type PermitDecision,
  stricterLevel,
  unlicensedWorkerOutcome,
  validityProblems,
} from './permit.rules.js';
import {
  DEFAULT_NIGHT_HOURS,
  type EnterpriseOperatingStatus,
  LIVE_PERMIT_STATUSES,
  type PermitActor,
  type PermitLevel,
  type PermitReason,
  type PermitStatus,
} from './permit.tables.js';
import {
  GATED_QUALIFICATION_RULES,
  permitActorsOf,
  permitCode,
  UNLICENSED_WORKER_CRITERION_IDS,
} from './permit-actors.rules.js';

const SORT = { property: 'validFrom', direction: 'DESC' } as const;
/** Statuses in which a sample may still be recorded (before approval, and monitoring during the work). */
const GAS_RECORDING_STATUSES: readonly PermitStatus[] = [
  'DRAFT',
  'GAS_TESTED',
  'APPROVED',
  'IN_PROGRESS',
  'SUSPENDED',
];
/** P-3 "a live operation": approved, running or paused. */
const OPERATION_STATUSES: readonly PermitStatus[] = [...LIVE_PERMIT_STATUSES, 'SUSPENDED'];

/** Data scope of permits (domain §2.4): the enterprise's scope over `enterprise_ref`, in SQL. */
export function scopePermits<T extends object>(query: SelectQueryBuilder<T>, principal: Principal | null) {
  return applyScope(query, principal, `${query.alias}.enterprise_id`);
}

/** The P-4 assessment of a hot-work permit from its site, the work calendar and the night hours. */
export function hotWorkAssessment(permit: {
  validFrom: Date;
  validTo: Date;
  hotWorkSite: WorkPermit['hotWorkSite'];
  otherSpecialSituation?: string | null;
}): HotWorkLevelAssessment | null {
  if (!permit.hotWorkSite) return null;
  const time = hotWorkTimeFacts({
    periods: [{ from: permit.validFrom, to: permit.validTo }],
    calendar: calendarFor(permit.validFrom, permit.validTo),
    nightHours: DEFAULT_NIGHT_HOURS,
    otherSpecialSituation: permit.otherSpecialSituation ?? null,
  });
  return assessHotWorkLevel(permit.hotWorkSite, time);
}

const text = (reasons: readonly PermitReason[]) =>
  reasons.map((r) => `${r.messageZh}${r.detail ? `（${r.detail}）` : ''}`).join('；');

/** A refused decision as the error model of architecture §5: state → CONFLICT, actor → FORBIDDEN, facts → BAD_USER_INPUT. */
function refusal(decision: Extract<PermitDecision, { allowed: false }>, to: PermitStatus): GraphQLError {
  const codes = decision.reasons.map((r) => r.code);
  if (codes.includes('TRANSITION_NOT_ALLOWED')) return conflict(`Cannot move this permit to ${to} now`);
  if (codes.includes('ACTOR_NOT_PERMITTED') || codes.includes('JOINT_CONFIRMATION_REQUIRED'))
    return forbidden(`${text(decision.reasons)} (${to})`);
  return refusedWithReasons(decision.reasons);
}

/** BAD_USER_INPUT with every failing reason, grouped per worker for the form (P-1). */
function refusedWithReasons(reasons: readonly PermitReason[]): GraphQLError {
  const workers = [...new Set(reasons.filter((r) => r.personId).map((r) => r.personId!))].map((personId) => ({
    personId,
    reasons: reasons.filter((r) => r.personId === personId),
  }));
  return new GraphQLError(text(reasons), {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      fields: { permitId: text(reasons) },
      reasons,
      workers,
    },
  });
}

function eventOf(permit: WorkPermit, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    permitId: permit.id,
    code: permit.code,
    enterpriseId: permit.enterpriseId,
    townshipCode: permit.townshipCode,
    industryCode: permit.industryCode,
    type: permit.type,
    level: permit.level,
    status: permit.status,
    ...extra,
  };
}

/** The permit use cases: reads scoped in SQL, one use case per transition through `decidePermitTransition`. */
export class PermitService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return scopePermits(
      manager.getRepository(WorkPermit).createQueryBuilder('permit'),
      this.context.principal,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  list(args: PermitListArgs) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('permit.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.type) query.andWhere('permit.type = :type', { type: args.type });
    if (args.status) query.andWhere('permit.status = :status', { status: args.status });
    if (args.townshipCode) query.andWhere('permit.township_code = :town', { town: args.townshipCode });
    // Local days (domain §0.3): from 00:00 of `from` to the end of `to` in Asia/Shanghai.
    if (args.from)
      query.andWhere(`permit.valid_from >= (CAST(:from AS date) - interval '8 hours')`, { from: args.from });
    if (args.to)
      query.andWhere(`permit.valid_from < (CAST(:to AS date) + interval '16 hours')`, { to: args.to });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context.loader<string, WorkPermit | null>('work-permit', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(WorkPermit | null)[]> {
    const rows = await this.scoped().andWhere('permit.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** `Enterprise.permits`: first pages for every enterprise of the request in one statement. */
  forEnterprise(enterpriseId: string, args: EnterprisePermitsArgs): Promise<ConnectionShape<WorkPermit>> {
    const filtered = () => {
      const query = this.scoped();
      if (args.status) query.andWhere('permit.status = :status', { status: args.status });
      return query;
    };
    return ownerPage(this.context, {
      key: `enterprise-permits:${args.status ?? ''}`,
      query: filtered,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<WorkPermit>>;
  }

  /** The gate's reasons live (P-1: the form shows them); asks training, writes nothing. */
  async gate(permitId: string) {
    const permit = await this.visible(permitId);
    return (await evaluateGate(permit, now())).result;
  }

  /**
   * The gate of a draft not saved yet (P-1: the form shows every reason while it is filled): the same
   * `evaluateGate` the approval runs, for the enterprise the caller could draft for. Asks training,
   * writes nothing.
   */
  async previewGate(input: PermitGatePreviewInput) {
    requirePrincipal(this.context);
    const seen = new Set<string>();
    const problems: Record<string, string> = {};
    input.workers.forEach((worker, i) => {
      const key = `${worker.personId}#${worker.role}`;
      if (seen.has(key)) problems[`workers.${i}`] = 'this person is already named in this role';
      seen.add(key);
    });
    if (Object.keys(problems).length) throw badUserInput(problems);
    await this.requireEnterpriseInScope(input.enterpriseId);
    const draft = {
      type: input.type,
      validFrom: input.validFrom,
      enterpriseId: input.enterpriseId,
      // The gate reads role and work kinds only; who engaged the worker does not change the rows.
      workers: input.workers.map((worker) => ({
        personId: worker.personId,
        role: worker.role,
        engagedBy: { enterpriseId: input.enterpriseId, name: '' },
        workKinds: worker.workKinds ?? [],
      })),
    };
    return (await evaluateGate(draft, now())).result;
  }

  /** As `UnitOfWork.requireEnterpriseInScope`, for a read: BAD_USER_INPUT if unknown, FORBIDDEN if not yours. */
  private async requireEnterpriseInScope(enterpriseId: string): Promise<void> {
    const ref = () =>
      this.context.db.manager
        .createQueryBuilder()
        .select('ref.id', 'id')
        .from('enterprise_ref', 'ref')
        .where('ref.id = :enterpriseId', { enterpriseId });
    if (!(await ref().getRawOne())) throw badUserInput({ enterpriseId: 'unknown enterprise' });
    if (!(await applyScope(ref(), this.context.principal, 'ref.id').getRawOne()))
      throw forbidden('Outside your data scope: this enterprise is not yours to draft for');
  }

  private async visible(id: string): Promise<WorkPermit> {
    const permit = await this.scoped().andWhere('permit.id = :id', { id }).getOne();
    if (!permit) throw notFound('WorkPermit', id);
    return permit;
  }

  /** Loads a permit the caller may see, locked, at the version they read. */
  private async lock(uow: UnitOfWork, id: string, expectedVersion: number): Promise<WorkPermit> {
    const permit = await this.scoped(uow.manager)
      .andWhere('permit.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!permit) throw notFound('WorkPermit', id);
    if (permit.version !== expectedVersion)
      throw conflict('The permit changed since you read it', { currentVersion: permit.version });
    return permit;
  }

  // ------------------------------------------------------------------------------------------
  // ∅ → DRAFT
  // ------------------------------------------------------------------------------------------

  async create(input: CreatePermitInput): Promise<WorkPermit> {
    const principal = requirePrincipal(this.context);
    const level = this.levelOf(input);
    const problems: Record<string, string> = {};
    const validity = validityProblems(input.type, level, input.validFrom, input.validTo);
    if (validity.length) problems.validTo = text(validity);
    if (input.purpose === 'RECTIFICATION' && !input.hazardId)
      problems.hazardId = 'a rectification permit names the hazard it fixes';
    const seen = new Set<string>();
    input.workers.forEach((worker, i) => {
      const key = `${worker.personId}#${worker.role}`;
      if (seen.has(key)) problems[`workers.${i}`] = 'this person is already named in this role';
      seen.add(key);
    });
    if (Object.keys(problems).length) throw badUserInput(problems);

    return this.context.transaction(async (uow) => {
      const ref = await uow.requireEnterpriseInScope(input.enterpriseId);
      const year = localYear(now());
      const permit = uow.manager.create(WorkPermit, {
        id: randomUUID(),
        code: permitCode(year, await nextSequence(uow.manager, 'ZY', year)),
        enterpriseId: input.enterpriseId,
        townshipCode: ref.townshipCode,
        industryCode: ref.industryCode,
        type: input.type,
        level,
        purpose: input.purpose,
        hazardId: input.hazardId ?? null,
        location: input.location,
        riskPointId: input.riskPointId ?? null,
        validFrom: input.validFrom,
        validTo: input.validTo,
        status: 'DRAFT',
        workers: input.workers.map((worker) => ({
          personId: worker.personId,
          role: worker.role,
          engagedBy: { enterpriseId: worker.engagedBy.enterpriseId ?? null, name: worker.engagedBy.name },
          workKinds: worker.workKinds ?? [],
        })),
        gasTests: [],
        equipmentChecks: input.equipmentChecks?.map((c) => ({ ...c })) ?? [],
        measures: input.measures?.map((m) => ({ text: m.text, confirmed: m.confirmed })) ?? [],
        hotWorkSite: input.hotWorkSite ? { ...input.hotWorkSite } : null,
        otherSpecialSituation: input.otherSpecialSituation ?? null,
        oxygenEnriched: input.oxygenEnriched ?? false,
        continuousMonitoring: false,
        approvedAt: null,
        approvedById: null,
        startedAt: null,
        suspendedAt: null,
        completedAt: null,
        closedAt: null,
        revocation: null,
        revocationNoticePending: false,
        lastGate: null,
        createdById: principal.id,
      });
      const saved = await uow.manager.save(permit);
      await uow.audit({ entity: 'WorkPermit', entityId: saved.id, after: saved });
      return saved;
    });
  }

  /** The level of a new permit: P-4 for hot work (the issuer may choose stricter), I–IV for height. */
  private levelOf(input: CreatePermitInput): PermitLevel | null {
    if (input.type === 'WORK_AT_HEIGHT') {
      if (!isHeightLevel(input.level)) throw badUserInput({ level: 'work at height needs its level I–IV' });
      return input.level;
    }
    if (input.type !== 'HOT_WORK') {
      if (input.level) throw badUserInput({ level: 'only hot work and work at height have levels' });
      return null;
    }
    if (!input.hotWorkSite) throw badUserInput({ hotWorkSite: 'describe the hot-work site (P-4)' });
    if (input.level && !isHotWorkLevel(input.level))
      throw badUserInput({ level: 'hot work is SPECIAL, LEVEL_1 or LEVEL_2' });
    const assessed = hotWorkAssessment({ ...input, hotWorkSite: { ...input.hotWorkSite } });
    if (!assessed?.permitRequired || !assessed.managedLevel)
      throw badUserInput({ hotWorkSite: '固定动火区内动火，不需办理动火作业票' });
    if (!input.level) return assessed.managedLevel;
    if (stricterLevel(input.level as 'SPECIAL', assessed.managedLevel) !== input.level)
      throw badUserInput({ level: `P-4 requires at least ${assessed.managedLevel}` });
    return input.level;
  }

  // ------------------------------------------------------------------------------------------
  // Transitions
  // ------------------------------------------------------------------------------------------

  private actors(principal: Principal): PermitActor[] {
    return permitActorsOf(principal.roles);
  }

  /**
   * One transition: lock at the version read, decide with the rules, change, audit and emit in one
   * transaction. `actors` may replace the caller's parties (joint confirmation).
   */
  private async transition(
    input: { permitId: string; expectedVersion: number },
    to: PermitStatus,
    options: {
      actors?: (permit: WorkPermit, parties: PermitActor[]) => PermitActor[];
      context?: Partial<PermitContext>;
      apply: (permit: WorkPermit, principal: Principal) => Array<[string, Record<string, unknown>]>;
      reason?: string;
    },
  ): Promise<WorkPermit> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const permit = await this.lock(uow, input.permitId, input.expectedVersion);
      const parties = this.actors(principal);
      const actors = options.actors ? options.actors(permit, parties) : parties;
      const decision = decidePermitTransition(permitFacts(permit), to, actors, {
        now: now(),
        ...options.context,
      });
      if (!decision.allowed) throw refusal(decision, to);
      const before = { ...permit };
      permit.status = to;
      const events = options.apply(permit, principal);
      const saved = await uow.manager.save(permit);
      await uow.audit({
        entity: 'WorkPermit',
        entityId: saved.id,
        before,
        after: saved,
        reason: options.reason,
      });
      for (const [type, payload] of events) await uow.emit(type, payload);
      return saved;
    });
  }

  /** Records a sample; DRAFT → GAS_TESTED when the permit type needs one and the sample passes. */
  async recordGasTest(input: RecordGasTestInput): Promise<WorkPermit> {
    const principal = requirePrincipal(this.context);
    const parties = this.actors(principal);
    if (!parties.includes('ANALYST')) throw forbidden('Only analysts record gas tests');
    const at = input.test.at ?? now();
    if (at.getTime() > now().getTime() + 5 * 60_000)
      throw badUserInput({ 'test.at': 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const permit = await this.lock(uow, input.permitId, input.expectedVersion);
      if (!GAS_RECORDING_STATUSES.includes(permit.status))
        throw conflict(`No gas tests are recorded on a ${permit.status} permit`);
      const before = { ...permit, gasTests: [...permit.gasTests] };
      const row: PermitGasTestRow = {
        at: at.toISOString(),
        point: input.test.point,
        oxygenPctVol: input.test.oxygenPctVol ?? null,
        flammables: (input.test.flammables ?? []).map((f) => ({ ...f, substance: f.substance ?? null })),
        toxics: (input.test.toxics ?? []).map((t) => ({ ...t })),
        analystId: input.test.analystId,
        problems: [],
      };
      const profile =
        permit.type === 'HOT_WORK' || permit.type === 'CONFINED_SPACE' ? permit.type : 'GENERAL';
      row.problems = gasTestProblems(
        permitFacts({ ...permit, gasTests: [row] } as WorkPermit).gasTests[0]!,
        profile,
        permit.oxygenEnriched,
      );
      permit.gasTests = [...permit.gasTests, row];
      if (permit.status === 'DRAFT' && GAS_TESTED_TYPES.includes(permit.type)) {
        // A failing sample is kept as a record; the permit stays a DRAFT until one passes.
        const decision = decidePermitTransition(permitFacts(permit), 'GAS_TESTED', parties, { now: now() });
        if (decision.allowed) permit.status = 'GAS_TESTED';
      }
      const saved = await uow.manager.save(permit);
      await uow.audit({ entity: 'WorkPermit', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  /**
   * DRAFT/GAS_TESTED → APPROVED behind the qualification gate (domain §5.9, P-1: no override). Training is
   * asked before the transaction; a refusal keeps the gate's answer on the permit, emits
   * `PermitQualificationFailed` when workers failed, and answers BAD_USER_INPUT with every reason.
   */
  async approve(input: ApprovePermitInput): Promise<WorkPermit> {
    const principal = requirePrincipal(this.context);
    const parties = this.actors(principal);
    const read = await this.visible(input.permitId);
    if (read.version !== input.expectedVersion)
      throw conflict('The permit changed since you read it', { currentVersion: read.version });
    // Wrong state or actor is answered before training is asked.
    const preflight = decidePermitTransition(permitFacts(read), 'APPROVED', parties, { now: now() });
    if (
      !preflight.allowed &&
      preflight.reasons.some((r) => r.code === 'TRANSITION_NOT_ALLOWED' || r.code === 'ACTOR_NOT_PERMITTED')
    )
      throw refusal(preflight, 'APPROVED');
    const gate = await evaluateGate(read, now());

    const outcome = await this.context.transaction(async (uow) => {
      const permit = await this.lock(uow, input.permitId, input.expectedVersion);
      const ref = await uow.requireEnterpriseInScope(permit.enterpriseId);
      const decision = decidePermitTransition(permitFacts(permit), 'APPROVED', parties, {
        now: now(),
        enterpriseStatus: ref.operatingStatus as EnterpriseOperatingStatus,
        qualificationResults: gate.qualificationResults,
        qualificationRules: GATED_QUALIFICATION_RULES,
        calendar: calendarFor(permit.validFrom, permit.validTo),
        nightHours: DEFAULT_NIGHT_HOURS,
        otherSpecialSituation: permit.otherSpecialSituation,
      });
      if (!decision.allowed) {
        // Bookkeeping only: the version stays, so the approver can retry with what they read.
        await uow.manager.query('UPDATE work_permit SET last_gate = $2 WHERE id = $1', [
          permit.id,
          JSON.stringify(gate.result),
        ]);
        if (!gate.result.ok)
          await uow.emit(
            'PermitQualificationFailed',
            eventOf(permit, {
              validFrom: permit.validFrom.toISOString(),
              workers: permit.workers
                .filter((w) => gate.result.reasons.some((r) => r.personId === w.personId))
                .map((w) => ({
                  personId: w.personId,
                  role: w.role,
                  engagedBy: w.engagedBy,
                  failures: [
                    ...new Set(
                      gate.result.reasons.filter((r) => r.personId === w.personId).map((r) => r.detail),
                    ),
                  ],
                })),
            }),
          );
        await uow.audit({
          entity: 'WorkPermit',
          entityId: permit.id,
          after: { refused: decision.reasons, gate: gate.result },
          reason: 'approval refused',
        });
        return { refused: decision };
      }
      const before = { ...permit };
      const at = now();
      Object.assign(permit, {
        status: 'APPROVED',
        approvedAt: at,
        approvedById: principal.id,
        lastGate: gate.result,
        workers: workersWithEvidence(permit.workers, gate.result.answers),
      });
      const saved = await uow.manager.save(permit);
      await uow.audit({ entity: 'WorkPermit', entityId: saved.id, before, after: saved });
      await uow.emit('PermitApproved', eventOf(saved, { approvedAt: at.toISOString() }));
      if (decision.effects.includes('COPY_TO_REGULATOR'))
        // Domain §5.9: approved while ORDERED_RECTIFICATION → a copy to the regulator.
        await uow.emit('PermitCopiedToRegulator', eventOf(saved, { enterpriseStatus: ref.operatingStatus }));
      return { saved };
    });
    if ('refused' in outcome) throw refusal(outcome.refused!, 'APPROVED');
    return outcome.saved;
  }

  startWork(input: StartPermitWorkInput) {
    const monitoring = input.continuousMonitoring;
    return this.transition(input, 'IN_PROGRESS', {
      context: monitoring === undefined || monitoring === null ? {} : { continuousMonitoring: monitoring },
      apply: (permit) => {
        permit.startedAt = now();
        if (monitoring !== undefined && monitoring !== null) permit.continuousMonitoring = monitoring;
        return [];
      },
    });
  }

  suspendWork(input: SuspendPermitWorkInput) {
    return this.transition(input, 'SUSPENDED', {
      reason: input.reason,
      apply: (permit) => {
        permit.suspendedAt = now();
        return [];
      },
    });
  }

  resumeWork(input: ResumePermitWorkInput) {
    return this.transition(input, 'IN_PROGRESS', {
      context: { continuousMonitoring: input.continuousMonitoring ?? undefined },
      apply: (permit) => {
        permit.suspendedAt = null;
        if (input.continuousMonitoring !== undefined && input.continuousMonitoring !== null)
          permit.continuousMonitoring = input.continuousMonitoring;
        return [];
      },
    });
  }

  /** IN_PROGRESS → COMPLETED: the caller records the joint confirmation of an executor and a guardian named on it. */
  complete(input: CompletePermitInput) {
    return this.transition(input, 'COMPLETED', {
      actors: (permit, parties) => {
        const named = (personId: string, role: string) =>
          permit.workers.some((w) => w.personId === personId && w.role === role);
        const problems: Record<string, string> = {};
        if (!named(input.executorPersonId, 'EXECUTOR'))
          problems.executorPersonId = 'not an executor on this permit';
        if (!named(input.guardianPersonId, 'GUARDIAN'))
          problems.guardianPersonId = 'not a guardian on this permit';
        if (Object.keys(problems).length) throw badUserInput(problems);
        const onSite = parties.includes('EXECUTOR') || parties.includes('GUARDIAN');
        return onSite ? ['EXECUTOR', 'GUARDIAN'] : parties;
      },
      apply: (permit) => {
        permit.completedAt = now();
        return [];
      },
    });
  }

  close(input: ClosePermitInput) {
    return this.transition(input, 'CLOSED', {
      context: { siteChecked: input.siteChecked },
      apply: (permit) => {
        permit.closedAt = now();
        return [];
      },
    });
  }

  revoke(input: RevokePermitInput) {
    return this.transition(input, 'REVOKED', {
      context: { reasonText: input.reason },
      reason: input.reason,
      apply: (permit, principal) => {
        const guardians = [
          ...new Set(permit.workers.filter((w) => w.role === 'GUARDIAN').map((w) => w.personId)),
        ];
        permit.revocation = {
          at: now().toISOString(),
          reason: input.reason,
          personId: null,
          certificateId: null,
          byId: principal.id,
          notifyPersonIds: guardians,
        };
        return [['PermitRevoked', eventOf(permit, { reason: input.reason, notifyPersonIds: guardians })]];
      },
    });
  }

  // ------------------------------------------------------------------------------------------
  // P-3: an unlicensed worker found on a live operation
  // ------------------------------------------------------------------------------------------

  /**
   * A regulator's finding: the hazard (major under 令第10号 3(2) for 工贸, 121号 item 2 for hazchem) through
   * `HazardService.recordGovernmentFinding`, and `UnlicensedWorkerFound` naming `engagedBy`, in one transaction.
   */
  async reportUnlicensedWorker(input: ReportUnlicensedWorkerInput) {
    const principal = requirePrincipal(this.context);
    const permit = await this.visible(input.permitId);
    if (!OPERATION_STATUSES.includes(permit.status))
      throw conflict(`A ${permit.status} permit is not a live operation`);
    const worker = permit.workers.find((w) => w.personId === input.personId);
    if (!worker) throw badUserInput({ personId: 'not a worker on this permit' });
    const foundAt = input.foundAt ?? now();
    const failures = (permit.lastGate?.answers ?? [])
      .filter((answer) => answer.personId === input.personId)
      .flatMap((answer) => answer.failures);
    const outcome = unlicensedWorkerOutcome({
      enterpriseId: permit.enterpriseId,
      industryCode: permit.industryCode ?? '',
      personId: input.personId,
      engagedBy: worker.engagedBy,
      permitId: permit.id,
      operation: input.operation,
      foundAt,
      foundBy: principal.username,
      failures,
    });
    const criterionId =
      outcome.hazard.criterion === null
        ? undefined
        : outcome.hazard.criterion.clauseNo === '3(2)'
          ? UNLICENSED_WORKER_CRITERION_IDS.INDUSTRY_TRADE
          : UNLICENSED_WORKER_CRITERION_IDS.HAZCHEM;
    const finding = {
      enterpriseId: permit.enterpriseId,
      title: `无证上岗：${input.operation}`.slice(0, 100),
      description: outcome.hazard.description.slice(0, 2000),
      grade: outcome.hazard.grade as HazardGrade,
      source: HazardSource.GOV_INSPECTION,
      sourceRef: permit.code,
      category: HazardCategory.MANAGEMENT_DEFECT,
      location: permit.location.slice(0, 200),
      foundAt,
      evidence: input.evidence,
      noPhotoReason: input.noPhotoReason,
      deadline: input.deadline,
      ...(criterionId ? { determination: HazardDetermination.STANDARD_CLAUSE, criterionId } : {}),
    } as RecordGovernmentFindingInput;

    return this.context.transaction(async (uow) => {
      // The hazard's use case runs on this transaction, so the hazard and the event commit together.
      const inner = {
        ...this.context,
        transaction: (work: (u: UnitOfWork) => Promise<unknown>) => work(uow),
      };
      const hazard = await new HazardService(inner as SubgraphContext).recordGovernmentFinding(finding);
      const payload = {
        ...eventOf(permit),
        personId: input.personId,
        role: worker.role,
        engagedBy: worker.engagedBy,
        operation: input.operation,
        failures,
        hazardId: hazard.id,
        hazardCode: hazard.code,
        grade: hazard.grade,
        criterionId: criterionId ?? null,
        foundAt: foundAt.toISOString(),
        accountabilityCase: outcome.accountabilityCase,
      };
      await uow.emit('UnlicensedWorkerFound', payload);
      await uow.audit({
        entity: 'WorkPermit',
        entityId: permit.id,
        after: payload,
        reason: 'unlicensed worker found',
      });
      return hazard;
    });
  }
}
