import {
  addDays,
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
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
import { problemFields } from '../risk/risk.rules.js';
import { recomputeEnterpriseRisk, refreshPointLevels } from '../risk/risk.service.js';
import { BaobaoCheck, MajorHazardSource, type MajorHazardSubstance } from './major-hazard-source.entity.js';
import type { BaobaoRole, MajorHazardSourceGrade } from './major-hazard-source.enums.js';
import type {
  AssignBaobaoPersonsInput,
  BaobaoMissesArgs,
  EnterpriseMajorHazardSourcesArgs,
  MajorHazardSourceListArgs,
  MajorHazardUnitFieldsInput,
  RecordBaobaoCheckInput,
  RegisterMajorHazardSourceInput,
  UpdateMajorHazardSourceInput,
} from './major-hazard-source.inputs.js';
import {
  assessMajorHazardUnit,
  type BaobaoMiss,
  type MajorHazardSubstanceInput,
  missedBaobaoChecks,
} from './major-hazard-source.rules.js';
import { BAOBAO_CADENCE, type BetaEdition, type MajorHazardUnitType } from './major-hazard-source.tables.js';

const SORT = { property: 'createdAt', direction: 'DESC' } as const;

/** A local day as an instant inside it (the cadence rules take instants, judged on Asia/Shanghai days). */
const middayOf = (day: string) => new Date(`${day}T12:00:00+08:00`);

/** A 包保 cadence miss with the unit it belongs to. */
export interface SourceBaobaoMiss extends BaobaoMiss {
  sourceId: string;
  enterpriseId: string;
  unitName: string;
  personName: string | null;
}

/** Identifies and grades one unit through the rules; problems name the input fields (domain §5.4). */
export function assessedUnitFields(unit: {
  unitName: string;
  unitType: MajorHazardUnitType;
  betaEdition: BetaEdition;
  substances: readonly MajorHazardSubstanceInput[];
  residentsWithin500m: number;
}) {
  const result = assessMajorHazardUnit(unit);
  if (!result.ok) throw badUserInput(problemFields(result.problems));
  const a = result.value;
  return {
    betaEdition: a.betaEdition,
    alpha: a.alpha,
    s: a.s.value,
    sExact: a.s.exact,
    isMajorHazardSource: a.isMajorHazardSource,
    r: a.r?.value ?? null,
    rExact: a.r?.exact ?? null,
    grade: (a.grade as MajorHazardSourceGrade | null) ?? null,
    substances: a.substances.map(
      (s): MajorHazardSubstance => ({
        name: s.name,
        cas: s.cas,
        q: s.q,
        criticalQuantity: s.criticalQuantity,
        ratio: s.ratio.value,
        ratioExact: s.ratio.exact,
        hazardClass: s.beta.hazardClass,
        beta: s.beta.beta,
        betaBasis: s.beta.basis as MajorHazardSubstance['betaBasis'],
        betaJustification: s.beta.justification ?? null,
      }),
    ),
  };
}

/** Major hazard sources and 包保 checks. Reads are scoped in SQL over `enterprise_ref`. */
export class MajorHazardSourceService {
  constructor(private readonly context: SubgraphContext) {}

  scoped(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(MajorHazardSource).createQueryBuilder('source'),
      this.context.principal,
      'source.enterprise_id',
    );
  }

  list(args: MajorHazardSourceListArgs) {
    const query = this.scoped();
    if (args.enterpriseId) query.andWhere('source.enterprise_id = :eid', { eid: args.enterpriseId });
    if (args.grade) query.andWhere('source.grade = :grade', { grade: args.grade });
    if (args.isMajorHazardSource !== undefined && args.isMajorHazardSource !== null)
      query.andWhere('source.is_major_hazard_source = :major', { major: args.isMajorHazardSource });
    // The unit has no town of its own: its enterprise's, from the replicated `enterprise_ref`.
    if (args.townshipCode)
      query.andWhere(
        `EXISTS (SELECT 1 FROM enterprise_ref town_ref WHERE town_ref.id = source.enterprise_id
           AND town_ref.township_code = :town)`,
        { town: args.townshipCode },
      );
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, MajorHazardSource | null>('major-hazard-source', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(MajorHazardSource | null)[]> {
    const rows = await this.scoped().andWhere('source.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  forEnterprise(enterpriseId: string, args: EnterpriseMajorHazardSourcesArgs) {
    return ownerPage(this.context, {
      key: 'enterprise-major-hazard-sources',
      query: () => this.scoped(),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<MajorHazardSource>>;
  }

  /** The checks of a unit, newest first, batched across the units of the request. */
  checks(sourceId: string): Promise<BaobaoCheck[]> {
    return this.context
      .loader<string, BaobaoCheck[]>('baobao-checks', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(BaobaoCheck)
          .createQueryBuilder('c')
          .where('c.source_id IN (:...ids)', { ids })
          .orderBy('c.checked_on', 'DESC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.sourceId === id));
      })
      .load(sourceId);
  }

  /** Cadence periods without a check by the role's person, judged from `baobaoSince` (domain §5.4). */
  missesOf(source: MajorHazardSource, checks: readonly BaobaoCheck[], window: { from: string; to: string }) {
    const checksByRole: Partial<Record<BaobaoRole, Date[]>> = {};
    for (const check of checks) {
      const days = checksByRole[check.role] ?? [];
      days.push(middayOf(check.checkedOn));
      checksByRole[check.role] = days;
    }
    // ISO dates compare as strings: the later of the window start and the start of the duty.
    const from = [window.from, source.baobaoSince].sort().at(-1)!;
    if (from > window.to) return [];
    const persons: Record<BaobaoRole, string | null> = {
      PRINCIPAL: source.principalName,
      TECHNICAL_LEAD: source.technicalLeadName,
      OPERATIONS_LEAD: source.operationsLeadName,
    };
    return missedBaobaoChecks({ checks: checksByRole, from, to: window.to, asOf: now() }).map(
      (miss): SourceBaobaoMiss => ({
        ...miss,
        sourceId: source.id,
        enterpriseId: source.enterpriseId,
        unitName: source.unitName,
        personName: persons[miss.role],
      }),
    );
  }

  window(args: { from?: string | null; to?: string | null }) {
    const today = localDate(now());
    const to = args.to ?? today;
    const from = args.from ?? addDays(today, -91);
    if (from > to) throw badUserInput({ from: 'must not be after to' });
    return { from, to };
  }

  async misses(source: MajorHazardSource, args: { from?: string | null; to?: string | null }) {
    if (!source.isMajorHazardSource) return [];
    return this.missesOf(source, await this.checks(source.id), this.window(args));
  }

  /** Misses of every major hazard source in scope, for the regulator (two statements). */
  async allMisses(args: BaobaoMissesArgs): Promise<SourceBaobaoMiss[]> {
    const window = this.window(args);
    const query = this.scoped().andWhere('source.is_major_hazard_source');
    if (args.enterpriseId) query.andWhere('source.enterprise_id = :eid', { eid: args.enterpriseId });
    const sources = await query.orderBy('source.unit_name').getMany();
    if (!sources.length) return [];
    const checks = await this.context.db.manager
      .getRepository(BaobaoCheck)
      .createQueryBuilder('c')
      .where('c.source_id IN (:...ids)', { ids: sources.map((s) => s.id) })
      .getMany();
    return sources
      .flatMap((source) =>
        this.missesOf(
          source,
          checks.filter((c) => c.sourceId === source.id),
          window,
        ),
      )
      .filter((miss) => !args.role || miss.role === args.role)
      .sort((a, b) => a.start.localeCompare(b.start) || a.unitName.localeCompare(b.unitName));
  }

  // ---------------------------------------------------------------------------------------------

  async register(input: RegisterMajorHazardSourceInput): Promise<MajorHazardSource> {
    requirePrincipal(this.context);
    const missing: Record<string, string> = {};
    if (!input.unitName?.trim()) missing.unitName = 'required';
    if (!input.unitType) missing.unitType = 'required';
    if (!input.substances?.length) missing.substances = 'at least one substance';
    if (input.residentsWithin500m === undefined || input.residentsWithin500m === null)
      missing.residentsWithin500m = 'required';
    if (Object.keys(missing).length) throw badUserInput(missing);
    const assessed = assessedUnitFields({
      unitName: input.unitName!.trim(),
      unitType: input.unitType!,
      betaEdition: input.betaEdition ?? 'GB18218_2018',
      substances: input.substances! as MajorHazardSubstanceInput[],
      residentsWithin500m: input.residentsWithin500m!,
    });
    this.filedAtOrThrow(input.filedAt);
    return this.context.transaction(async (uow) => {
      await uow.requireEnterpriseInScope(input.enterpriseId);
      const source = uow.manager.getRepository(MajorHazardSource).create({
        enterpriseId: input.enterpriseId,
        unitName: input.unitName!.trim(),
        unitType: input.unitType!,
        ...assessed,
        substanceInputs: structuredClone(input.substances!) as unknown as Record<string, unknown>[],
        residentsWithin500m: input.residentsWithin500m!,
        filedAt: input.filedAt ?? null,
        monitoringLinked: input.monitoringLinked ?? false,
        principalName: null,
        principalId: null,
        technicalLeadName: null,
        technicalLeadId: null,
        operationsLeadName: null,
        operationsLeadId: null,
        baobaoSince: input.filedAt ?? localDate(now()),
      });
      const saved = await uow.manager.save(source);
      await uow.audit({ entity: 'MajorHazardSource', entityId: saved.id, after: saved });
      return saved;
    });
  }

  update(input: UpdateMajorHazardSourceInput): Promise<MajorHazardSource> {
    this.filedAtOrThrow(input.filedAt);
    return this.change(input, async (_uow, source) => {
      const fields: MajorHazardUnitFieldsInput = input;
      const substances = (fields.substances ??
        source.substanceInputs) as unknown as MajorHazardSubstanceInput[];
      if (fields.unitName !== undefined && !fields.unitName?.trim())
        throw badUserInput({ unitName: 'required' });
      const unit = {
        unitName: fields.unitName?.trim() ?? source.unitName,
        unitType: fields.unitType ?? source.unitType,
        betaEdition: fields.betaEdition ?? source.betaEdition,
        substances,
        residentsWithin500m: fields.residentsWithin500m ?? source.residentsWithin500m,
      };
      Object.assign(source, {
        unitName: unit.unitName,
        unitType: unit.unitType,
        residentsWithin500m: unit.residentsWithin500m,
        substanceInputs: structuredClone(substances),
        ...assessedUnitFields(unit),
      });
      if (fields.filedAt !== undefined) source.filedAt = fields.filedAt ?? null;
      if (fields.monitoringLinked !== undefined && fields.monitoringLinked !== null)
        source.monitoringLinked = fields.monitoringLinked;
    });
  }

  assignPersons(input: AssignBaobaoPersonsInput): Promise<MajorHazardSource> {
    return this.change(input, async (_uow, source) => {
      Object.assign(source, {
        principalName: input.principal.name.trim(),
        principalId: input.principal.id ?? null,
        technicalLeadName: input.technicalLead.name.trim(),
        technicalLeadId: input.technicalLead.id ?? null,
        operationsLeadName: input.operationsLead.name.trim(),
        operationsLeadId: input.operationsLead.id ?? null,
      });
    });
  }

  async recordCheck(input: RecordBaobaoCheckInput): Promise<BaobaoCheck> {
    requirePrincipal(this.context);
    if (input.checkedOn > localDate(now())) throw badUserInput({ checkedOn: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const source = await this.lockVisible(uow, input.majorHazardSourceId);
      await uow.requireEnterpriseInScope(source.enterpriseId, 'majorHazardSourceId');
      const person = {
        PRINCIPAL: [source.principalName, source.principalId],
        TECHNICAL_LEAD: [source.technicalLeadName, source.technicalLeadId],
        OPERATIONS_LEAD: [source.operationsLeadName, source.operationsLeadId],
      }[input.role];
      if (!person[0]) throw badUserInput({ role: 'assign the 包保 persons first' });
      const check = await uow.manager.save(
        uow.manager.getRepository(BaobaoCheck).create({
          sourceId: source.id,
          enterpriseId: source.enterpriseId,
          role: input.role,
          checkedOn: input.checkedOn,
          personName: person[0],
          personId: person[1] ?? null,
          findings: input.findings?.trim() || null,
        }),
      );
      await uow.audit({ entity: 'BaobaoCheck', entityId: check.id, after: check });
      return check;
    });
  }

  cadenceOf(role: BaobaoRole) {
    return BAOBAO_CADENCE[role];
  }

  // ---------------------------------------------------------------------------------------------

  private filedAtOrThrow(filedAt: string | null | undefined) {
    if (filedAt && filedAt > localDate(now())) throw badUserInput({ filedAt: 'cannot be in the future' });
  }

  private async lockVisible(uow: UnitOfWork, id: string) {
    const row = await this.scoped(uow.manager)
      .andWhere('source.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('MajorHazardSource', id);
    return row;
  }

  /** A versioned change; a new grade re-derives the levels of the unit's risk points (domain §5.2 c). */
  private change(
    input: { majorHazardSourceId: string; expectedVersion: number },
    work: (uow: UnitOfWork, source: MajorHazardSource) => Promise<void>,
  ): Promise<MajorHazardSource> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.majorHazardSourceId);
      if (before.version !== input.expectedVersion)
        throw conflict('The major hazard source was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      await uow.requireEnterpriseInScope(before.enterpriseId, 'majorHazardSourceId');
      const source = uow.manager.create(MajorHazardSource, structuredClone({ ...before }));
      await work(uow, source);
      const saved = await uow.manager.save(source);
      await uow.audit({ entity: 'MajorHazardSource', entityId: saved.id, before, after: saved });
      if (saved.grade !== before.grade) {
        const points: { id: string }[] = await uow.manager.query(
          'SELECT id FROM risk_point WHERE major_hazard_source_id = $1',
          [saved.id],
        );
        if (points.length) {
          await refreshPointLevels(
            uow.manager,
            points.map((p) => p.id),
          );
          await recomputeEnterpriseRisk(uow.manager, (type, payload) => uow.emit(type, payload), now(), [
            saved.enterpriseId,
          ]);
        }
      }
      return saved;
    });
  }
}
