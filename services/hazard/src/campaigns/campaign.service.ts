import { createHash, randomUUID } from 'node:crypto';
import { enterpriseScopeCondition, type Principal, seesWholeCounty } from '@safety/auth';
import {
  addDays,
  badUserInput,
  type ConnectionShape,
  conflict,
  forbidden,
  localDate,
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
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { criterionById } from '../criteria/criteria.rules.js';
import { Hazard } from '../hazards/hazard.entity.js';
import { HazardGrade, HazardSource, HazardStatus } from '../hazards/hazard.enums.js';
import { SETTLED_STATUSES } from '../hazards/hazard.rules.js';
import { scopeHazards } from '../hazards/hazard.service.js';
import {
  type CampaignMetrics,
  CampaignProgressSnapshot,
  CampaignTarget,
  SpecialCampaign,
} from './campaign.entity.js';
import { CampaignKind, CampaignStatus } from './campaign.enums.js';
import type {
  CampaignListArgs,
  CampaignTargetListArgs,
  CampaignTransitionInput,
  CloseCampaignInput,
  CreateCampaignInput,
  LaunchLessonsLearnedCampaignInput,
  RecordCampaignCheckInput,
} from './campaign.inputs.js';
import { campaignPorts } from './campaign.ports.js';
import {
  CAMPAIGN_READER_ROLES,
  CAMPAIGN_TRANSITIONS,
  type CampaignOperation,
  campaignCode,
  campaignProblems,
  coverageRate,
  domainOfIndustry,
  LESSONS_LEARNED_DAYS,
  mayManage,
  type Problems,
  targetIndustries,
  UNTARGETED_OPERATING_STATUSES,
} from './campaign.rules.js';

const SORT = { property: 'periodFrom', direction: 'DESC' } as const;
const HAZARD_SORT = { property: 'foundAt', direction: 'DESC' } as const;

function problemsOrThrow(problems: Problems): void {
  if (Object.keys(problems).length) throw badUserInput(problems);
}

/** Deterministic id of a campaign's target row (the same enterprise is targeted once). */
export function targetId(campaignId: string, enterpriseId: string): string {
  const hex = createHash('sha256').update(`campaign-target:${campaignId}:${enterpriseId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Data scope of campaigns (domain §2.4 applied to a county programme): government readers see every
 * campaign; an enterprise user sees the campaigns that target an enterprise in their scope.
 */
export function scopeCampaigns<T extends object>(
  query: SelectQueryBuilder<T>,
  principal: Principal | null,
): SelectQueryBuilder<T> {
  if (!principal) return query.andWhere('false');
  if (seesWholeCounty(principal) || principal.roles.some((role) => CAMPAIGN_READER_ROLES.includes(role)))
    return query;
  const condition = enterpriseScopeCondition(principal, 'scope_ref');
  if (!condition) return query;
  return query.andWhere(
    `EXISTS (SELECT 1 FROM campaign_target scope_target JOIN enterprise_ref scope_ref
       ON scope_ref.id = scope_target.enterprise_id
       WHERE scope_target.campaign_id = ${query.alias}.id AND ${condition.sql})`,
    condition.params,
  );
}

/** Targets of campaigns in the caller's scope: the enterprise rule of domain §2.4 on `enterprise_ref`. */
function scopeTargets<T extends object>(query: SelectQueryBuilder<T>, principal: Principal | null) {
  if (!principal) return query.andWhere('false');
  const condition = enterpriseScopeCondition(principal, 'scope_ref');
  if (!condition) return query;
  return query.andWhere(
    `EXISTS (SELECT 1 FROM enterprise_ref scope_ref WHERE scope_ref.id = ${query.alias}.enterprise_id AND ${condition.sql})`,
    condition.params,
  );
}

/**
 * The progress figures of campaigns (domain §5.11) in two grouped statements for any number of
 * campaigns: targets (covered = checked, or with a campaign hazard) and campaign hazards by grade,
 * closed and overdue. `principal` null means county-wide (snapshots); `asAt` reads the past.
 */
export async function campaignMetrics(
  manager: EntityManager,
  campaignIds: readonly string[],
  principal: Principal | null | 'COUNTY',
  asAt?: Date,
): Promise<CampaignMetrics[]> {
  if (!campaignIds.length) return [];
  const at = asAt ?? now();
  const scoped = principal !== 'COUNTY';
  const targetQuery = manager
    .getRepository(CampaignTarget)
    .createQueryBuilder('target')
    .select('target.campaign_id', 'campaignId')
    .addSelect('count(*)::int', 'targeted')
    .addSelect(
      `count(*) FILTER (WHERE target.checked_at <= :at OR EXISTS (SELECT 1 FROM hazard covered
         WHERE covered.source = :campaignSource AND covered.source_ref = target.campaign_id::text
           AND covered.enterprise_id = target.enterprise_id AND covered.found_at <= :at))::int`,
      'covered',
    )
    .where('target.campaign_id IN (:...campaignIds)', { campaignIds })
    .setParameters({ at, campaignSource: HazardSource.SPECIAL_CAMPAIGN })
    .groupBy('target.campaign_id');
  if (scoped) scopeTargets(targetQuery, principal);

  const hazardQuery = manager
    .getRepository(Hazard)
    .createQueryBuilder('hazard')
    .select('hazard.source_ref', 'campaignId')
    .addSelect('count(*)::int', 'found')
    .addSelect(`count(*) FILTER (WHERE hazard.grade = :major)::int`, 'major')
    .addSelect(`count(*) FILTER (WHERE hazard.closed_at <= :at)::int`, 'closed')
    .where('hazard.source = :campaignSource', { campaignSource: HazardSource.SPECIAL_CAMPAIGN })
    .andWhere('hazard.source_ref IN (:...campaignIds)', { campaignIds })
    .andWhere('hazard.found_at <= :at', { at })
    .setParameters({ major: HazardGrade.MAJOR, today: localDate(at), settled: SETTLED_STATUSES })
    .groupBy('hazard.source_ref');
  // Overdue now is the derived flag of domain §5.6; in the past, "not yet accepted by then".
  hazardQuery.addSelect(
    asAt
      ? `count(*) FILTER (WHERE hazard.deadline < :today AND hazard.status <> 'REJECTED'
           AND (hazard.accepted_at IS NULL OR hazard.accepted_at > :at))::int`
      : `count(*) FILTER (WHERE hazard.deadline < :today AND hazard.status NOT IN (:...settled))::int`,
    'overdue',
  );
  if (scoped) scopeHazards(hazardQuery, principal);

  const [targets, hazards] = await Promise.all([targetQuery.getRawMany(), hazardQuery.getRawMany()]);
  const penalties = campaignPorts().penalties;
  return Promise.all(
    campaignIds.map(async (id) => {
      const t = targets.find((row) => row.campaignId === id);
      const h = hazards.find((row) => row.campaignId === id);
      const targeted = t?.targeted ?? 0;
      const covered = t?.covered ?? 0;
      const found = h?.found ?? 0;
      const major = h?.major ?? 0;
      return {
        enterprisesTargeted: targeted,
        enterprisesCovered: covered,
        coverageRate: coverageRate(covered, targeted),
        hazardsFound: found,
        generalHazards: found - major,
        majorHazards: major,
        hazardsClosed: h?.closed ?? 0,
        hazardsOverdue: h?.overdue ?? 0,
        penalties: await penalties(id, null, manager),
      };
    }),
  );
}

/** Freezes the enterprises a campaign targets (domain §5.11 target filter), keeping recorded checks. */
export async function freezeTargets(manager: EntityManager, campaign: SpecialCampaign): Promise<number> {
  const industries = targetIndustries(campaign);
  const towns = campaign.targetTownshipCodes;
  const refs: Array<{ id: string }> = await manager.query(
    `SELECT id FROM enterprise_ref
      WHERE operating_status <> ALL($1) AND (cardinality($2::text[]) = 0 OR industry_code = ANY($2))
        AND (cardinality($3::text[]) = 0 OR township_code = ANY($3)) ORDER BY id`,
    [UNTARGETED_OPERATING_STATUSES, industries, towns],
  );
  const ids = refs.map((r) => r.id);
  // Enterprises no longer matching (and never checked) leave; new ones join.
  await manager.query(
    `DELETE FROM campaign_target WHERE campaign_id = $1 AND checked_at IS NULL AND enterprise_id <> ALL($2::uuid[])`,
    [campaign.id, ids],
  );
  if (ids.length)
    await manager.query(
      `INSERT INTO campaign_target (id, campaign_id, enterprise_id)
       SELECT t.id, $1, t.enterprise_id FROM unnest($2::uuid[], $3::uuid[]) AS t(id, enterprise_id)
       ON CONFLICT (campaign_id, enterprise_id) DO NOTHING`,
      [campaign.id, ids.map((id) => targetId(campaign.id, id)), ids],
    );
  return ids.length;
}

/** The campaign use cases (domain §5.11, H-8). Reads scoped in SQL; writes audited in one transaction. */
export class CampaignService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return scopeCampaigns(
      manager.getRepository(SpecialCampaign).createQueryBuilder('campaign'),
      this.context.principal,
    );
  }

  list(args: CampaignListArgs) {
    const query = this.scoped();
    if (args.status) query.andWhere('campaign.status = :status', { status: args.status });
    if (args.kind) query.andWhere('campaign.kind = :kind', { kind: args.kind });
    if (args.domain) query.andWhere('campaign.domain = :domain', { domain: args.domain });
    if (args.activeOn)
      query.andWhere(':activeOn BETWEEN campaign.period_from AND campaign.period_to', {
        activeOn: args.activeOn,
      });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context.loader<string, SpecialCampaign | null>('campaign', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(SpecialCampaign | null)[]> {
    const rows = await this.scoped().andWhere('campaign.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** Live progress within the caller's scope, batched across the campaigns of the request. */
  progress(campaignId: string): Promise<CampaignMetrics> {
    return this.context
      .loader<string, CampaignMetrics>('campaign-progress', (ids) =>
        campaignMetrics(this.context.db.manager, ids, this.context.principal),
      )
      .load(campaignId);
  }

  /** `campaignProgress(id)`: null when the campaign is absent or outside your scope. */
  async progressOf(campaignId: string): Promise<CampaignMetrics | null> {
    return (await this.byId(campaignId)) ? this.progress(campaignId) : null;
  }

  snapshots(campaignId: string): Promise<CampaignProgressSnapshot[]> {
    return this.context
      .loader<string, CampaignProgressSnapshot[]>('campaign-snapshots', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(CampaignProgressSnapshot)
          .createQueryBuilder('snapshot')
          .where('snapshot.campaign_id IN (:...ids)', { ids })
          .orderBy('snapshot.week_start', 'ASC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.campaignId === id));
      })
      .load(campaignId);
  }

  targets(args: CampaignTargetListArgs) {
    const query = scopeTargets(
      this.context.db.manager.getRepository(CampaignTarget).createQueryBuilder('target'),
      this.context.principal,
    );
    // Enterprise users only reach the targets of campaigns they may read (the same rule, so no leak).
    if (args.campaignId) query.andWhere('target.campaign_id = :campaignId', { campaignId: args.campaignId });
    if (args.enterpriseId)
      query.andWhere('target.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.checked === true) query.andWhere('target.checked_at IS NOT NULL');
    if (args.checked === false) query.andWhere('target.checked_at IS NULL');
    return paginate(query, args, { property: 'createdAt', direction: 'ASC' });
  }

  /** `SpecialCampaign.hazards`: hazards linked by source SPECIAL_CAMPAIGN, first pages batched. */
  hazards(
    campaignId: string,
    args: { first: number; after?: string | null },
  ): Promise<ConnectionShape<Hazard>> {
    const query = () =>
      scopeHazards(
        this.context.db.manager.getRepository(Hazard).createQueryBuilder('hazard'),
        this.context.principal,
      ).andWhere('hazard.source = :campaignSource', { campaignSource: HazardSource.SPECIAL_CAMPAIGN });
    return ownerPage(this.context, {
      key: 'campaign-hazards',
      query,
      owner: 'sourceRef',
      ownerId: campaignId,
      args,
      sort: HAZARD_SORT,
    }) as Promise<ConnectionShape<Hazard>>;
  }

  // ------------------------------------------------------------------------------------------
  // Writes
  // ------------------------------------------------------------------------------------------

  async create(input: CreateCampaignInput): Promise<SpecialCampaign> {
    const principal = requirePrincipal(this.context);
    const draft = {
      domain: input.domain,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      targetIndustryCodes: input.targetFilter.industryCodes ?? [],
      targetTownshipCodes: input.targetFilter.townshipCodes ?? [],
      targetCriterionIds: input.targetFilter.criterionIds ?? [],
      leadOrgId: input.leadOrgId,
      supportOrgIds: input.supportOrgIds ?? [],
    };
    problemsOrThrow(campaignProblems(draft));
    if (!mayManage(principal, { leadOrgId: input.leadOrgId }))
      throw forbidden('Only the SAC office, the leaders or the lead organisation itself plan a campaign');
    return this.context.transaction(async (uow) => {
      const campaign = await this.insert(uow, {
        ...draft,
        title: input.title,
        kind: CampaignKind.REGULAR,
        subFocus: input.subFocus ?? [],
        checklistTemplateId: input.checklistTemplateId ?? null,
        checklist: (input.checklist ?? []).map((c) => ({ item: c.item, basis: c.basis ?? null })),
        goals: input.goals,
        status: CampaignStatus.PLANNED,
      });
      await uow.audit({ entity: 'SpecialCampaign', entityId: campaign.id, after: campaign });
      return campaign;
    });
  }

  private async insert(uow: UnitOfWork, values: Partial<SpecialCampaign>): Promise<SpecialCampaign> {
    const year = Number(values.periodFrom!.slice(0, 4)) || localYear(now());
    const code = campaignCode(year, await nextSequence(uow.manager, 'ZX', year));
    const campaign = await uow.manager.save(
      uow.manager.create(SpecialCampaign, {
        id: randomUUID(),
        code,
        originHazardId: null,
        originAccidentRef: null,
        summary: null,
        activatedAt: values.status === CampaignStatus.ACTIVE ? now() : null,
        closedAt: null,
        ...values,
      }),
    );
    await freezeTargets(uow.manager, campaign);
    return campaign;
  }

  activate(input: CampaignTransitionInput) {
    return this.transition(input, 'activateCampaign', async (uow, campaign) => {
      campaign.activatedAt = now();
      // The targets are frozen as the enterprises stand on the day the campaign starts.
      await freezeTargets(uow.manager, campaign);
    });
  }

  startSummary(input: CampaignTransitionInput) {
    return this.transition(input, 'startCampaignSummary', async () => {});
  }

  close(input: CloseCampaignInput) {
    return this.transition(input, 'closeCampaign', async (_uow, campaign) => {
      campaign.summary = input.summary;
      campaign.closedAt = now();
    });
  }

  private transition(
    input: { campaignId: string; expectedVersion: number },
    operation: CampaignOperation,
    work: (uow: UnitOfWork, campaign: SpecialCampaign) => Promise<void>,
  ): Promise<SpecialCampaign> {
    const principal = requirePrincipal(this.context);
    const { from, to } = CAMPAIGN_TRANSITIONS[operation];
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.campaignId);
      if (!mayManage(principal, before))
        throw forbidden('Only the lead organisation, the SAC office or the leaders run the campaign');
      if (before.version !== input.expectedVersion)
        throw conflict('The campaign was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      if (before.status !== from)
        throw conflict(`A campaign in ${before.status} cannot be moved by ${operation} (to ${to})`, {
          from: before.status,
          operation,
        });
      const after = uow.manager.create(SpecialCampaign, structuredClone({ ...before }));
      after.status = to as CampaignStatus;
      await work(uow, after);
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'SpecialCampaign', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  /** Records that a targeted enterprise was checked under an ACTIVE campaign (it counts as covered). */
  async recordCheck(input: RecordCampaignCheckInput): Promise<CampaignTarget> {
    const principal = requirePrincipal(this.context);
    const checkedAt = input.checkedAt ?? now();
    if (checkedAt.getTime() > now().getTime() + 5 * 60_000)
      throw badUserInput({ checkedAt: 'cannot be in the future' });
    return this.context.transaction(async (uow) => {
      const campaign = await this.lockVisible(uow, input.campaignId);
      if (campaign.status !== CampaignStatus.ACTIVE)
        throw conflict(`Checks are recorded while the campaign is ACTIVE, not ${campaign.status}`, {
          status: campaign.status,
        });
      await uow.requireEnterpriseInScope(input.enterpriseId);
      const target = await uow.manager.findOne(CampaignTarget, {
        where: { campaignId: campaign.id, enterpriseId: input.enterpriseId },
      });
      if (!target) throw badUserInput({ enterpriseId: 'the campaign does not target this enterprise' });
      const before = { ...target };
      Object.assign(target, {
        checkedAt,
        checkedById: principal.id,
        checkNote: input.note ?? null,
      });
      const saved = await uow.manager.save(target);
      await uow.audit({ entity: 'CampaignTarget', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  /**
   * H-8 举一反三: a major hazard or an accident spawns an ACTIVE `LESSONS_LEARNED` campaign targeting
   * the same industry or criterion, from today for thirty days [D] unless told otherwise.
   */
  async launchLessonsLearned(input: LaunchLessonsLearnedCampaignInput): Promise<SpecialCampaign> {
    const principal = requirePrincipal(this.context);
    if (Boolean(input.fromHazardId) === Boolean(input.fromAccidentRef))
      throw badUserInput({ fromHazardId: 'name either the hazard or the accident (fromAccidentRef)' });
    const today = localDate(now());
    const leadOrgId = input.leadOrgId ?? principal.scope.orgUnitId;
    if (!leadOrgId) throw badUserInput({ leadOrgId: 'name the lead organisation' });
    if (!mayManage(principal, { leadOrgId }))
      throw forbidden('Only the SAC office, the leaders or the lead organisation itself launch a campaign');
    if (input.criterionId && !criterionById(input.criterionId))
      throw badUserInput({ criterionId: 'unknown criterion' });

    return this.context.transaction(async (uow) => {
      let industryCode = input.industryCode ?? null;
      let criterionId = input.criterionId ?? null;
      let origin = `事故 ${input.fromAccidentRef}`;
      if (input.fromHazardId) {
        const hazard = await scopeHazards(
          uow.manager.getRepository(Hazard).createQueryBuilder('hazard'),
          principal,
        )
          .andWhere('hazard.id = :id', { id: input.fromHazardId })
          .getOne();
        if (!hazard) throw notFound('Hazard', input.fromHazardId);
        if (hazard.grade !== HazardGrade.MAJOR)
          throw badUserInput({ fromHazardId: 'H-8: a lessons-learned campaign follows a MAJOR hazard' });
        if (hazard.status === HazardStatus.REJECTED || hazard.status === HazardStatus.DRAFT)
          throw badUserInput({ fromHazardId: `the hazard is ${hazard.status}` });
        industryCode = industryCode ?? hazard.industryCode;
        criterionId = criterionId ?? (criterionById(hazard.criterionId ?? '') ? hazard.criterionId : null);
        origin = `重大事故隐患 ${hazard.code}（${hazard.title}）`;
      }
      if (!industryCode && !criterionId)
        throw badUserInput({ industryCode: 'name the industry (or the criterion) the lessons apply to' });
      const periodTo = input.periodTo ?? addDays(today, LESSONS_LEARNED_DAYS);
      if (periodTo < today) throw badUserInput({ periodTo: 'the period ends before it starts' });
      const domain = domainOfIndustry(industryCode);
      const campaign = await this.insert(uow, {
        title: input.title ?? `举一反三专项排查：${origin}`,
        kind: CampaignKind.LESSONS_LEARNED,
        domain,
        subFocus: ['举一反三'],
        leadOrgId,
        supportOrgIds: [],
        periodFrom: today,
        periodTo,
        targetIndustryCodes: industryCode ? [industryCode] : [],
        targetTownshipCodes: [],
        targetCriterionIds: criterionId ? [criterionId] : [],
        checklistTemplateId: null,
        checklist: [],
        goals: `针对${origin}，在同行业（同类判定标准）企业中开展举一反三排查整治`,
        status: CampaignStatus.ACTIVE,
        originHazardId: input.fromHazardId ?? null,
        originAccidentRef: input.fromAccidentRef ?? null,
      });
      await uow.audit({ entity: 'SpecialCampaign', entityId: campaign.id, after: campaign });
      return campaign;
    });
  }

  private async lockVisible(uow: UnitOfWork, id: string): Promise<SpecialCampaign> {
    const row = await this.scoped(uow.manager)
      .andWhere('campaign.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('SpecialCampaign', id);
    return row;
  }
}
