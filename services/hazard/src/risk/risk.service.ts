import { type Principal, seesWholeCounty } from '@safety/auth';
import {
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  forbidden,
  localDate,
  notFound,
  now,
  ownerCount,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { SETTLED_STATUSES } from '../hazards/hazard.rules.js';
import { scopeHazards } from '../hazards/hazard.service.js';
import type { MajorHazardSourceGrade } from '../major-hazard-sources/major-hazard-source.tables.js';
import type { RiskLevel, RiskLevelBasis } from './risk.enums.js';
import type {
  AssessRiskInput,
  CreateRiskPointInput,
  EnterpriseRiskPointsArgs,
  RetireRiskPointInput,
  RiskPointFieldsInput,
  RiskPointListArgs,
  UpdateRiskPointInput,
} from './risk.inputs.js';
import { riskPorts } from './risk.ports.js';
import { RISK_CRITERIA_PROFILES } from './risk.profiles.js';
import {
  assess,
  controlLevelProblem,
  defaultControlLevel,
  effectiveRiskLevel,
  enterpriseRiskLevel,
  enterpriseRiskLevelChange,
  floorPlanPolygonProblem,
  nextReviewDue,
  type Problem,
  problemFields,
  profileInForce,
  type RiskAssessmentInputs,
} from './risk.rules.js';
import { EnterpriseRisk, RiskAssessment, type RiskControl, RiskPoint } from './risk-point.entity.js';

const SORT = { property: 'createdAt', direction: 'DESC' } as const;
/** Hazards that no longer count as open (domain §5.2 c: "while an open MAJOR hazard is attached"). */
const NOT_OPEN = [...SETTLED_STATUSES, 'DRAFT'];

type Emit = (type: string, payload: Record<string, unknown>) => Promise<unknown>;

/** Facts the overrides of domain §5.2 c need, per risk point. */
async function overrideFacts(
  manager: EntityManager,
  points: readonly Pick<RiskPoint, 'id' | 'majorHazardSourceId'>[],
): Promise<Map<string, { hasOpenMajorHazard: boolean; grade: MajorHazardSourceGrade | null }>> {
  const ids = points.map((p) => p.id);
  const sourceIds = [...new Set(points.map((p) => p.majorHazardSourceId).filter((s): s is string => !!s))];
  const open: { risk_point_id: string }[] = ids.length
    ? await manager.query(
        `SELECT DISTINCT risk_point_id FROM hazard
         WHERE risk_point_id = ANY($1) AND grade = 'MAJOR' AND status <> ALL($2)`,
        [ids, NOT_OPEN],
      )
    : [];
  const grades: { id: string; grade: MajorHazardSourceGrade | null }[] = sourceIds.length
    ? await manager.query('SELECT id, grade FROM major_hazard_source WHERE id = ANY($1)', [sourceIds])
    : [];
  const openSet = new Set(open.map((r) => r.risk_point_id));
  return new Map(
    points.map((p) => [
      p.id,
      {
        hasOpenMajorHazard: openSet.has(p.id),
        grade: grades.find((g) => g.id === p.majorHazardSourceId)?.grade ?? null,
      },
    ]),
  );
}

/**
 * Re-derives the effective level of assessed points from their current assessment and today's
 * facts (domain §5.2 c). Returns the enterprises whose points changed. Bookkeeping: the version stays.
 */
export async function refreshPointLevels(manager: EntityManager, pointIds?: readonly string[]) {
  const query = manager
    .getRepository(RiskPoint)
    .createQueryBuilder('point')
    .where('point.current_assessment_id IS NOT NULL')
    .andWhere('point.retired_at IS NULL');
  if (pointIds) query.andWhere('point.id = ANY(:pointIds)', { pointIds });
  const points = await query.getMany();
  if (!points.length) return new Set<string>();
  const assessments = await manager
    .getRepository(RiskAssessment)
    .createQueryBuilder('a')
    .where('a.id = ANY(:ids)', { ids: points.map((p) => p.currentAssessmentId) })
    .getMany();
  const facts = await overrideFacts(manager, points);
  const changed = new Set<string>();
  for (const point of points) {
    const assessment = assessments.find((a) => a.id === point.currentAssessmentId);
    if (!assessment) continue;
    const fact = facts.get(point.id)!;
    const result = effectiveRiskLevel({
      computed: assessment.computedLevel,
      manualOverride: assessment.overrideLevel
        ? { level: assessment.overrideLevel, reason: assessment.overrideReason }
        : null,
      hasOpenMajorHazard: fact.hasOpenMajorHazard,
      partOfMajorSourceGrade: fact.grade,
    });
    if (!result.ok) continue;
    const basis = result.value.basis as RiskLevelBasis[];
    if (point.riskLevel === result.value.level && sameSet(point.levelBasis, basis)) continue;
    await manager.query('UPDATE risk_point SET risk_level = $2, level_basis = $3 WHERE id = $1', [
      point.id,
      result.value.level,
      JSON.stringify(basis),
    ]);
    if (point.enterpriseId) changed.add(point.enterpriseId);
  }
  return changed;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Recomputes and stores `Enterprise.riskLevel` (domain §5.2 last paragraph) for the given enterprises
 * (all in `enterprise_ref` when omitted); emits `EnterpriseRiskLevelChanged` only on a change.
 */
export async function recomputeEnterpriseRisk(
  manager: EntityManager,
  emit: Emit,
  at: Date,
  enterpriseIds?: readonly string[],
): Promise<string[]> {
  const ids: string[] =
    enterpriseIds ?? (await manager.query('SELECT id FROM enterprise_ref')).map((r: { id: string }) => r.id);
  if (!ids.length) return [];
  const today = localDate(at);
  const levels: { enterprise_id: string; levels: RiskLevel[] }[] = await manager.query(
    `SELECT enterprise_id, array_agg(risk_level) AS levels FROM risk_point
     WHERE enterprise_id = ANY($1) AND retired_at IS NULL AND risk_level IS NOT NULL GROUP BY enterprise_id`,
    [ids],
  );
  const overdue: { enterprise_id: string }[] = await manager.query(
    `SELECT DISTINCT enterprise_id FROM hazard WHERE enterprise_id = ANY($1) AND grade = 'MAJOR'
       AND deadline < $2 AND status <> ALL($3)`,
    [ids, today, SETTLED_STATUSES],
  );
  const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const fatal = await riskPorts().fatalAccidents(ids, since, manager);
  const stored = await manager
    .getRepository(EnterpriseRisk)
    .createQueryBuilder('er')
    .where('er.enterprise_id = ANY(:ids)', { ids })
    .setLock('pessimistic_write')
    .getMany();
  const changed: string[] = [];
  const rows: EnterpriseRisk[] = [];
  for (const enterpriseId of ids) {
    const result = enterpriseRiskLevel({
      pointLevels: levels.find((l) => l.enterprise_id === enterpriseId)?.levels ?? [],
      hasOverdueMajorHazard: overdue.some((o) => o.enterprise_id === enterpriseId),
      fatalAccidentsAt: fatal.get(enterpriseId) ?? [],
      now: at,
    });
    const previous = stored.find((s) => s.enterpriseId === enterpriseId);
    const change = enterpriseRiskLevelChange(previous?.level ?? null, result.level);
    if (!previous || change || JSON.stringify(previous.reasons) !== JSON.stringify(result.reasons))
      rows.push(
        manager.getRepository(EnterpriseRisk).create({
          enterpriseId,
          level: result.level,
          baseLevel: result.baseLevel,
          reasons: result.reasons,
          computedAt: at,
        }),
      );
    if (change) {
      changed.push(enterpriseId);
      await emit('EnterpriseRiskLevelChanged', {
        enterpriseId,
        from: change.from,
        to: change.to,
        direction: change.direction,
        reasons: result.reasons,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await manager.save(EnterpriseRisk, rows.slice(i, i + 500));
  return changed;
}

/** The risk-point use cases. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class RiskService {
  constructor(private readonly context: SubgraphContext) {}

  /** Risk points the caller may see: an enterprise's by its scope, a public-area one by town or body. */
  scoped(manager: EntityManager = this.context.db.manager) {
    return scopeHazards(manager.getRepository(RiskPoint).createQueryBuilder('point'), this.context.principal);
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  list(args: RiskPointListArgs) {
    const query = this.scoped();
    if (!args.includeRetired) query.andWhere('point.retired_at IS NULL');
    if (args.enterpriseId) query.andWhere('point.enterprise_id = :eid', { eid: args.enterpriseId });
    if (args.townshipCode) query.andWhere('point.township_code = :town', { town: args.townshipCode });
    if (args.industryCode) query.andWhere('point.industry_code = :industry', { industry: args.industryCode });
    if (args.level) query.andWhere('point.risk_level = :level', { level: args.level });
    if (args.kind) query.andWhere('point.kind = :kind', { kind: args.kind });
    if (args.reviewDue !== undefined && args.reviewDue !== null) {
      // Due once today reaches the review day (domain §5.2); never assessed counts as due.
      const due = '(point.next_review_due IS NULL OR point.next_review_due <= :today)';
      query.andWhere(args.reviewDue ? due : `NOT ${due}`, { today: localDate(now()) });
    }
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context.loader<string, RiskPoint | null>('risk-point', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(RiskPoint | null)[]> {
    const rows = await this.scoped().andWhere('point.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** Assessments of a point, newest first, batched across the points of the request. */
  assessments(pointId: string): Promise<RiskAssessment[]> {
    return this.context
      .loader<string, RiskAssessment[]>('risk-assessments', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(RiskAssessment)
          .createQueryBuilder('a')
          .where('a.risk_point_id IN (:...ids)', { ids })
          .orderBy('a.assessed_at', 'DESC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.riskPointId === id));
      })
      .load(pointId);
  }

  assessment(id: string): Promise<RiskAssessment | null> {
    return this.context
      .loader<string, RiskAssessment | null>('risk-assessment', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(RiskAssessment)
          .createQueryBuilder('a')
          .where('a.id IN (:...ids)', { ids })
          .getMany();
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      })
      .load(id);
  }

  forEnterprise(enterpriseId: string, args: EnterpriseRiskPointsArgs): Promise<ConnectionShape<RiskPoint>> {
    const filtered = () => {
      const query = this.scoped().andWhere('point.retired_at IS NULL');
      if (args.level) query.andWhere('point.risk_level = :level', { level: args.level });
      return query;
    };
    return ownerPage(this.context, {
      key: `enterprise-risk-points:${args.level ?? ''}`,
      query: filtered,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<RiskPoint>>;
  }

  countForEnterprise(enterpriseId: string): Promise<number> {
    return ownerCount(this.context, {
      key: 'enterprise-risk-point-count',
      query: () => this.scoped().andWhere('point.retired_at IS NULL'),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  /** `Enterprise.riskLevel`, batched; null out of scope or before any assessment. */
  enterpriseLevel(enterpriseId: string): Promise<EnterpriseRisk | null> {
    return this.context
      .loader<string, EnterpriseRisk | null>('enterprise-risk', async (ids) => {
        const query = this.context.db.manager
          .getRepository(EnterpriseRisk)
          .createQueryBuilder('er')
          .where('er.enterprise_id IN (:...ids)', { ids });
        const rows = await applyScope(query, this.context.principal, 'er.enterprise_id').getMany();
        return ids.map((id) => rows.find((row) => row.enterpriseId === id) ?? null);
      })
      .load(enterpriseId);
  }

  /** The county four-colour map: every enterprise in scope with its level and town (domain §5.3). */
  async riskMap(filter: { townshipCode?: string; industryCode?: string }) {
    const query = this.context.db.manager
      .createQueryBuilder()
      .select('ref.id', 'enterpriseId')
      .addSelect('ref.township_code', 'townshipCode')
      .addSelect('ref.industry_code', 'industryCode')
      .addSelect('er.level', 'riskLevel')
      .addSelect(
        '(SELECT count(*)::int FROM risk_point p WHERE p.enterprise_id = ref.id AND p.retired_at IS NULL)',
        'riskPointCount',
      )
      // The major-hazard-source layer (domain §5.3): the most severe grade ('I' sorts first).
      .addSelect(
        `(SELECT min(s.grade) FROM major_hazard_source s
          WHERE s.enterprise_id = ref.id AND s.is_major_hazard_source)`,
        'majorHazardSourceGrade',
      )
      .from('enterprise_ref', 'ref')
      .leftJoin('enterprise_risk', 'er', 'er.enterprise_id = ref.id')
      .orderBy('ref.township_code')
      .addOrderBy('ref.id');
    if (filter.townshipCode) query.andWhere('ref.township_code = :town', { town: filter.townshipCode });
    if (filter.industryCode)
      query.andWhere('ref.industry_code = :industry', { industry: filter.industryCode });
    const enterprises = await applyScope(query, this.context.principal, 'ref.id').getRawMany<{
      enterpriseId: string;
      townshipCode: string;
      industryCode: string;
      riskLevel: RiskLevel | null;
      riskPointCount: number;
      majorHazardSourceGrade: MajorHazardSourceGrade | null;
    }>();
    const towns = new Map<string, Record<string, number>>();
    for (const e of enterprises) {
      const counts = towns.get(e.townshipCode) ?? { MAJOR: 0, HIGH: 0, MODERATE: 0, LOW: 0, NONE: 0 };
      counts[e.riskLevel ?? 'NONE'] = (counts[e.riskLevel ?? 'NONE'] ?? 0) + 1;
      towns.set(e.townshipCode, counts);
    }
    return {
      enterprises,
      byTown: [...towns].map(([townshipCode, c]) => ({
        townshipCode,
        major: c.MAJOR!,
        high: c.HIGH!,
        moderate: c.MODERATE!,
        low: c.LOW!,
        unassessed: c.NONE!,
      })),
    };
  }

  /** The enterprise four-colour map: the points with polygons and levels; null out of scope. */
  async enterpriseRiskMap(enterpriseId: string) {
    const ref = this.context.db.manager
      .createQueryBuilder()
      .select('ref.id', 'id')
      .from('enterprise_ref', 'ref')
      .where('ref.id = :id', { id: enterpriseId });
    if (!(await applyScope(ref, this.context.principal, 'ref.id').getRawOne())) return null;
    const points = await this.scoped()
      .andWhere('point.enterprise_id = :id', { id: enterpriseId })
      .andWhere('point.retired_at IS NULL')
      .orderBy('point.name')
      .getMany();
    return { enterpriseId, points };
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  async create(input: CreateRiskPointInput): Promise<RiskPoint> {
    const principal = requirePrincipal(this.context);
    const problems: Record<string, string> = {};
    if (!input.kind) problems.kind = 'required';
    if (!input.name?.trim()) problems.name = 'required';
    const polygon = floorPlanPolygonProblem(input.floorPlanPolygon);
    if (polygon) problems.floorPlanPolygon = polygon;
    if (!input.enterpriseId) {
      if (!input.orgUnitId) problems.orgUnitId = 'a public-area risk point needs its responsible body';
      if (!input.townshipCode) problems.townshipCode = 'a public-area risk point needs its town';
    }
    if (Object.keys(problems).length) throw badUserInput(problems);
    return this.context.transaction(async (uow) => {
      let townshipCode = input.townshipCode ?? null;
      let industryCode: string | null = null;
      if (input.enterpriseId) {
        const ref = await uow.requireEnterpriseInScope(input.enterpriseId);
        townshipCode = ref.townshipCode;
        industryCode = ref.industryCode;
      } else {
        this.requirePublicAreaScope(principal, input.townshipCode!, input.orgUnitId!);
      }
      await this.requireSource(uow, input.majorHazardSourceId, input.enterpriseId ?? null);
      const point = uow.manager.getRepository(RiskPoint).create({
        enterpriseId: input.enterpriseId ?? null,
        orgUnitId: input.enterpriseId ? (input.orgUnitId ?? null) : input.orgUnitId!,
        townshipCode,
        industryCode,
        kind: input.kind!,
        name: input.name!.trim(),
        location: input.location ?? null,
        floorPlanPolygon: input.floorPlanPolygon ?? null,
        accidentTypes: input.accidentTypes ?? [],
        hazardFactors: input.hazardFactors ?? [],
        controls: (input.controls ?? []) as RiskControl[],
        // Before the first assessment there is no level to derive a default from.
        controlLevel: input.controlLevel ?? 'POST',
        controlLevelReason: input.controlLevelReason ?? null,
        responsiblePersonId: input.responsiblePersonId ?? null,
        majorHazardSourceId: input.majorHazardSourceId ?? null,
        noticeCardFileId: input.noticeCardFileId ?? null,
        currentAssessmentId: null,
        riskLevel: null,
        levelBasis: [],
        nextReviewDue: null,
        retiredAt: null,
        retiredReason: null,
      });
      const saved = await uow.manager.save(point);
      await uow.audit({ entity: 'RiskPoint', entityId: saved.id, after: saved });
      return saved;
    });
  }

  update(input: UpdateRiskPointInput): Promise<RiskPoint> {
    return this.change(input, async (uow, point) => {
      const problems: Record<string, string> = {};
      if (input.name !== undefined && !input.name?.trim()) problems.name = 'required';
      const polygon = floorPlanPolygonProblem(input.floorPlanPolygon);
      if (polygon) problems.floorPlanPolygon = polygon;
      if (Object.keys(problems).length) throw badUserInput(problems);
      const fields: (keyof RiskPointFieldsInput)[] = [
        'kind',
        'name',
        'location',
        'floorPlanPolygon',
        'accidentTypes',
        'hazardFactors',
        'controls',
        'controlLevel',
        'controlLevelReason',
        'responsiblePersonId',
        'majorHazardSourceId',
        'noticeCardFileId',
      ];
      for (const field of fields)
        if (input[field] !== undefined) Object.assign(point, { [field]: input[field] ?? null });
      if (input.controlLevel === undefined && point.controlLevel === null) point.controlLevel = 'POST';
      if (point.riskLevel)
        this.controlLevelOrThrow(point.riskLevel, point.controlLevel, point.controlLevelReason);
      if (input.majorHazardSourceId !== undefined)
        await this.requireSource(uow, input.majorHazardSourceId, point.enterpriseId);
      return { refreshLevel: input.majorHazardSourceId !== undefined };
    });
  }

  assess(input: AssessRiskInput): Promise<RiskPoint> {
    const principal = requirePrincipal(this.context);
    const assessedAt = input.assessedAt ?? now();
    if (assessedAt.getTime() > now().getTime()) throw badUserInput({ assessedAt: 'cannot be in the future' });
    return this.change(input, async (uow, point) => {
      const profile = profileInForce(point.industryCode ?? 'OTHER', assessedAt, RISK_CRITERIA_PROFILES);
      if (!profile) throw badUserInput({ method: 'no risk criteria profile in force for this industry' });
      const given = input.method === 'LEC' ? input.lec : input.matrix;
      const prefix = input.method === 'LEC' ? 'lec' : 'matrix';
      if (!given) throw badUserInput({ [prefix]: `give the ${input.method} inputs` });
      const inputs = { method: input.method, ...given } as RiskAssessmentInputs;
      const outcome = assess(profile, inputs);
      if (!outcome.ok) throw this.problems(outcome.problems, (f) => (f === 'method' ? f : `${prefix}.${f}`));
      const facts = (await overrideFacts(uow.manager, [point])).get(point.id)!;
      const effective = effectiveRiskLevel({
        computed: outcome.value.computedLevel,
        manualOverride:
          input.overrideLevel || input.overrideReason
            ? { level: input.overrideLevel ?? outcome.value.computedLevel, reason: input.overrideReason }
            : null,
        hasOpenMajorHazard: facts.hasOpenMajorHazard,
        partOfMajorSourceGrade: facts.grade,
      });
      if (!effective.ok)
        throw this.problems(effective.problems, (f) =>
          f === 'manualOverride.level' ? 'overrideLevel' : 'overrideReason',
        );
      const level = effective.value.level;
      const controlLevel = input.controlLevel ?? defaultControlLevel(level);
      const controlLevelReason = input.controlLevel ? (input.controlLevelReason ?? null) : null;
      this.controlLevelOrThrow(level, controlLevel, controlLevelReason);
      const assessment = await uow.manager.save(
        uow.manager.getRepository(RiskAssessment).create({
          riskPointId: point.id,
          method: outcome.value.method,
          inputs: { ...given },
          score: outcome.value.score,
          band: outcome.value.band ?? null,
          bandWording: outcome.value.bandWording ?? null,
          computedLevel: outcome.value.computedLevel,
          overrideLevel: input.overrideLevel ?? null,
          overrideReason: input.overrideReason?.trim() || null,
          assessorIds: input.assessorIds?.length ? input.assessorIds : [principal.id],
          assessedAt,
          criteriaVersion: outcome.value.criteriaVersion,
        }),
      );
      Object.assign(point, {
        currentAssessmentId: assessment.id,
        riskLevel: level,
        levelBasis: effective.value.basis,
        controlLevel,
        controlLevelReason,
        nextReviewDue: nextReviewDue(assessedAt, input.reviewIntervalMonths ?? 12),
      });
      await uow.audit({ entity: 'RiskAssessment', entityId: assessment.id, after: assessment });
      return { refreshLevel: false };
    });
  }

  retire(input: RetireRiskPointInput): Promise<RiskPoint> {
    return this.change(input, async (_uow, point) => {
      point.retiredAt = now();
      point.retiredReason = input.reason.trim();
      return { refreshLevel: false };
    });
  }

  // ---------------------------------------------------------------------------------------------

  private problems(problems: readonly Problem[], rename: (field: string) => string) {
    return badUserInput(problemFields(problems.map((p) => ({ ...p, field: rename(p.field) }))));
  }

  private controlLevelOrThrow(
    riskLevel: RiskLevel,
    controlLevel: RiskPoint['controlLevel'],
    reason: string | null,
  ) {
    const problem = controlLevelProblem({ riskLevel, controlLevel, reason });
    if (problem) throw badUserInput({ [problem.field]: problem.message });
  }

  /** A public-area point is recorded by the county, the town's office or the responsible body. */
  private requirePublicAreaScope(principal: Principal, townshipCode: string, orgUnitId: string) {
    if (seesWholeCounty(principal)) return;
    if (principal.scope.townshipCodes.includes(townshipCode) || principal.scope.orgUnitId === orgUnitId)
      return;
    throw forbidden('Outside your data scope: this town or body is not yours to record for');
  }

  private async requireSource(
    uow: UnitOfWork,
    sourceId: string | null | undefined,
    enterpriseId: string | null,
  ) {
    if (!sourceId) return;
    const [row] = await uow.manager.query('SELECT enterprise_id FROM major_hazard_source WHERE id = $1', [
      sourceId,
    ]);
    if (!row || row.enterprise_id !== enterpriseId)
      throw badUserInput({ majorHazardSourceId: 'not a major hazard source of this enterprise' });
  }

  /** One change of a visible, current point: locked, version-checked, audited, levels recomputed. */
  private change(
    input: { riskPointId: string; expectedVersion: number },
    work: (uow: UnitOfWork, point: RiskPoint) => Promise<{ refreshLevel: boolean }>,
  ): Promise<RiskPoint> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.scoped(uow.manager)
        .andWhere('point.id = :id', { id: input.riskPointId })
        .setLock('pessimistic_write')
        .getOne();
      if (!before) throw notFound('RiskPoint', input.riskPointId);
      if (before.version !== input.expectedVersion)
        throw conflict('The risk point was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      if (before.retiredAt) throw conflict('The risk point is retired', { retiredAt: before.retiredAt });
      if (before.enterpriseId) await uow.requireEnterpriseInScope(before.enterpriseId, 'riskPointId');
      const point = uow.manager.create(RiskPoint, structuredClone({ ...before }));
      const { refreshLevel } = await work(uow, point);
      const saved = await uow.manager.save(point);
      if (refreshLevel) await refreshPointLevels(uow.manager, [saved.id]);
      await uow.audit({ entity: 'RiskPoint', entityId: saved.id, before, after: saved });
      if (saved.enterpriseId)
        await recomputeEnterpriseRisk(uow.manager, (type, payload) => uow.emit(type, payload), now(), [
          saved.enterpriseId,
        ]);
      return refreshLevel
        ? await uow.manager.getRepository(RiskPoint).findOneByOrFail({ id: saved.id })
        : saved;
    });
  }
}
