import { randomUUID } from 'node:crypto';
import { type Principal, seesWholeCounty } from '@safety/auth';
import {
  badUserInput,
  conflict,
  forbidden,
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
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { RiskBriefing, type RiskDigest } from './briefing.entity.js';
import { BriefingLevel, BriefingStatus, RiskItemFollowUp } from './briefing.enums.js';
import type {
  BriefingListArgs,
  CreateRiskBriefingInput,
  HoldRiskBriefingInput,
  IssueRiskBriefingInput,
  MissedBriefingsArgs,
  UpdateRiskBriefingInput,
} from './briefing.inputs.js';
import { type DigestArea, digestPorts } from './briefing.ports.js';
import {
  BRIEFING_READER_ROLES,
  BRIEFING_TRANSITIONS,
  type BriefingOperation,
  buildDigest,
  COUNTY_LEVELS,
  type DigestHazardFacts,
  mayHold,
  missedPeriods,
  type Problems,
  periodProblems,
} from './briefing.rules.js';

const SORT = { property: 'periodFrom', direction: 'DESC' } as const;

function problemsOrThrow(problems: Problems): void {
  if (Object.keys(problems).length) throw badUserInput(problems);
}

/**
 * Data scope of briefings [D]: the SAC office and the leaders see all; other government readers the
 * county-level briefings and those of their own organisation; enterprises and the public none.
 */
export function scopeBriefings<T extends object>(query: SelectQueryBuilder<T>, principal: Principal | null) {
  if (!principal) return query.andWhere('false');
  if (seesWholeCounty(principal)) return query;
  if (!principal.roles.some((role) => BRIEFING_READER_ROLES.includes(role))) return query.andWhere('false');
  return query.andWhere(
    `(${query.alias}.level IN (:...countyLevels) OR ${query.alias}.org_id = CAST(:scopeOrg AS uuid))`,
    { countyLevels: COUNTY_LEVELS, scopeOrg: principal.scope.orgUnitId },
  );
}

/**
 * The hazards of a briefing's area that the digest weighs: found in the period, or found before its
 * end and not accepted by then. County-wide for SACO/CROSS_DEPT, the town for a town, and for a
 * department the enterprises it regulates plus the public-area hazards it is responsible for.
 */
export async function digestHazards(manager: EntityManager, area: DigestArea, asOf: string) {
  const params: unknown[] = [area.periodFrom, asOf];
  let where = 'true';
  if (area.level === BriefingLevel.TOWN_MONTHLY) {
    params.push(area.townshipCode);
    where = `h.township_code = $${params.length}`;
  } else if (area.level === BriefingLevel.DEPT_WEEKLY) {
    params.push(area.orgId);
    where = `($${params.length}::uuid = ANY(r.regulator_org_ids) OR h.org_unit_id = $${params.length}::uuid)`;
  }
  const rows = await manager.query(
    `SELECT h.id, h.code, h.title, h.grade, h.status, h.enterprise_id AS "enterpriseId",
            to_char(h.found_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "foundOn",
            to_char(h.deadline, 'YYYY-MM-DD') AS deadline, h.listing_id AS "listingId",
            to_char(COALESCE(h.accepted_at, h.closed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "settledOn"
       FROM hazard h LEFT JOIN enterprise_ref r ON r.id = h.enterprise_id
      WHERE ${where} AND h.status NOT IN ('DRAFT', 'REJECTED')
        AND h.found_at < (CAST($2 AS date) + interval '16 hours')
        AND (h.found_at >= (CAST($1 AS date) - interval '8 hours')
             OR h.accepted_at IS NULL AND h.closed_at IS NULL
             OR COALESCE(h.accepted_at, h.closed_at) >= (CAST($2 AS date) - interval '8 hours'))`,
    params,
  );
  return rows as DigestHazardFacts[];
}

/** The auto digest of a briefing (domain §5.12), as of `asOf` (a local day). */
export async function generateDigest(
  manager: EntityManager,
  area: DigestArea,
  asOf: string,
): Promise<RiskDigest> {
  const hazards = await digestHazards(manager, area, asOf);
  const ports = digestPorts();
  const [monitoringAlerts, accidents, warnings, classDEnterpriseIds] = await Promise.all([
    ports.monitoringAlerts(area, manager),
    ports.accidents(area, manager),
    ports.warnings(area, manager),
    ports.classDEnterpriseIds(area, manager),
  ]);
  const digest = buildDigest(
    hazards,
    { level: area.level as BriefingLevel, from: area.periodFrom, to: area.periodTo },
    asOf,
    { monitoringAlerts, accidents, warnings, classDEnterpriseIds },
  );
  return { generatedAt: now().toISOString(), ...digest } as RiskDigest;
}

export class BriefingService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return scopeBriefings(
      manager.getRepository(RiskBriefing).createQueryBuilder('briefing'),
      this.context.principal,
    );
  }

  list(args: BriefingListArgs) {
    const query = this.scoped();
    if (args.level) query.andWhere('briefing.level = :level', { level: args.level });
    if (args.status) query.andWhere('briefing.status = :status', { status: args.status });
    if (args.orgId) query.andWhere('briefing.org_id = :orgId', { orgId: args.orgId });
    if (args.periodFrom) query.andWhere('briefing.period_to >= :from', { from: args.periodFrom });
    if (args.periodTo) query.andWhere('briefing.period_from <= :to', { to: args.periodTo });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, RiskBriefing | null>('briefing', async (ids) => {
        const rows = await this.scoped().andWhere('briefing.id IN (:...ids)', { ids }).getMany();
        return ids.map((key) => rows.find((row) => row.id === key) ?? null);
      })
      .load(id);
  }

  /** Missed briefings of a cadence (domain §5.12 with §4.5): periods ended with none held or issued. */
  async missed(args: MissedBriefingsArgs) {
    const principal = requirePrincipal(this.context);
    if (args.to < args.from) throw badUserInput({ to: 'the range ends before it starts' });
    if (!seesWholeCounty(principal)) {
      if (!principal.roles.some((role) => BRIEFING_READER_ROLES.includes(role)))
        throw forbidden('Briefing cadences are for government readers');
      if (args.orgId && args.orgId !== principal.scope.orgUnitId && args.level !== BriefingLevel.SACO_WEEKLY)
        throw forbidden('Outside your data scope: another organisation’s cadence');
    }
    const query = this.context.db.manager
      .getRepository(RiskBriefing)
      .createQueryBuilder('briefing')
      .select(['briefing.orgId', 'briefing.periodFrom', 'briefing.periodTo', 'briefing.status'])
      .where('briefing.level = :level', { level: args.level });
    // Other organisations' own cadences are visible to the county-wide roles only.
    const ownOnly = !seesWholeCounty(principal) && args.level !== BriefingLevel.SACO_WEEKLY;
    const orgId = args.orgId ?? (ownOnly ? principal.scope.orgUnitId : null);
    if (orgId) query.andWhere('briefing.org_id = :orgId', { orgId });
    const rows = await query.getMany();
    const orgs = orgId ? [orgId] : [...new Set(rows.map((r) => r.orgId))].sort();
    const today = localDate(now());
    return orgs.flatMap((org) =>
      missedPeriods(
        args.level,
        args.from,
        args.to,
        today,
        rows.filter((r) => r.orgId === org && r.status !== BriefingStatus.DRAFT),
      ).map((period) => ({ level: args.level, orgId: org, ...period })),
    );
  }

  async create(input: CreateRiskBriefingInput): Promise<RiskBriefing> {
    const principal = requirePrincipal(this.context);
    const orgId = input.orgId ?? principal.scope.orgUnitId;
    if (!orgId) throw badUserInput({ orgId: 'name the organisation holding the briefing' });
    problemsOrThrow(periodProblems(input.level, input.periodFrom, input.periodTo));
    let townshipCode: string | null = null;
    if (input.level === BriefingLevel.TOWN_MONTHLY) {
      townshipCode =
        input.townshipCode ??
        (principal.scope.townshipCodes.length === 1 ? principal.scope.townshipCodes[0]! : null);
      if (!townshipCode) throw badUserInput({ townshipCode: 'name the town of the briefing' });
      if (!seesWholeCounty(principal) && !principal.scope.townshipCodes.includes(townshipCode))
        throw forbidden('Outside your data scope: another town');
    } else if (input.townshipCode) {
      throw badUserInput({ townshipCode: 'only a TOWN_MONTHLY briefing names a town' });
    }
    if (!mayHold(principal, input.level, orgId))
      throw forbidden(
        `Your role or organisation does not hold ${input.level} briefings for this organisation`,
      );
    return this.context.transaction(async (uow) => {
      const existing = await uow.manager.findOne(RiskBriefing, {
        where: { level: input.level, orgId, periodFrom: input.periodFrom },
      });
      if (existing)
        throw conflict('A briefing of this level, organisation and period exists already', {
          briefingId: existing.id,
        });
      const area: DigestArea = {
        level: input.level,
        orgId,
        townshipCode,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
      };
      const briefing = await uow.manager.save(
        uow.manager.create(RiskBriefing, {
          id: randomUUID(),
          level: input.level,
          orgId,
          townshipCode,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          status: BriefingStatus.DRAFT,
          participants: [],
          autoDigest: await generateDigest(uow.manager, area, localDate(now())),
          riskItems: [],
          outputs: [],
          heldAt: null,
          issuedAt: null,
          createdById: principal.id,
        }),
      );
      await uow.audit({ entity: 'RiskBriefing', entityId: briefing.id, after: briefing });
      return briefing;
    });
  }

  update(input: UpdateRiskBriefingInput): Promise<RiskBriefing> {
    return this.run(input, [BriefingStatus.DRAFT, BriefingStatus.HELD], null, async (_uow, after) => {
      if (input.participants)
        after.participants = input.participants.map((p) => ({
          name: p.name,
          orgId: p.orgId ?? null,
          position: p.position ?? null,
        }));
      if (input.riskItems) {
        const problems: Problems = {};
        input.riskItems.forEach((item, index) => {
          if (item.due < after.periodFrom)
            problems[`riskItems.${index}.due`] = 'due before the period it was judged in';
          if (item.followUp === RiskItemFollowUp.WARNING_NOTICE && !item.enterpriseIds?.length)
            problems[`riskItems.${index}.enterpriseIds`] =
              'a warning notice names the enterprises it goes to';
        });
        problemsOrThrow(problems);
        after.riskItems = input.riskItems.map((item) => ({
          id: randomUUID(),
          domain: item.domain,
          description: item.description,
          level: item.level,
          measures: item.measures,
          responsibleOrgId: item.responsibleOrgId,
          due: item.due,
          followUp: item.followUp ?? RiskItemFollowUp.NONE,
          enterpriseIds: item.enterpriseIds ?? [],
          noticeNo: null,
        }));
      }
      if (input.outputs)
        after.outputs = input.outputs.map((o) => ({ title: o.title, fileId: o.fileId ?? null }));
    });
  }

  hold(input: HoldRiskBriefingInput): Promise<RiskBriefing> {
    return this.run(input, null, 'holdRiskBriefing', async (_uow, after) => {
      const heldAt = input.heldAt ?? now();
      if (heldAt.getTime() > now().getTime() + 5 * 60_000)
        throw badUserInput({ heldAt: 'cannot be in the future' });
      if (!after.participants.length)
        throw badUserInput({ participants: 'record who took part before holding' });
      after.heldAt = heldAt;
    });
  }

  /** HELD → ISSUED: warning notices get their numbers; `RiskBriefingIssued` carries the items to follow up. */
  issue(input: IssueRiskBriefingInput): Promise<RiskBriefing> {
    return this.run(input, null, 'issueRiskBriefing', async (uow, after) => {
      if (!after.riskItems.length)
        throw badUserInput({ riskItems: 'an issued briefing states its risk items' });
      const issuedAt = now();
      const year = localYear(issuedAt);
      for (const item of after.riskItems)
        if (item.followUp === RiskItemFollowUp.WARNING_NOTICE && !item.noticeNo)
          item.noticeNo = `TSH-${year}-${String(await nextSequence(uow.manager, 'TSH', year)).padStart(4, '0')}`;
      after.issuedAt = issuedAt;
      return [
        'RiskBriefingIssued',
        {
          briefingId: after.id,
          level: after.level,
          orgId: after.orgId,
          townshipCode: after.townshipCode,
          periodFrom: after.periodFrom,
          periodTo: after.periodTo,
          heldAt: after.heldAt?.toISOString() ?? null,
          issuedAt: issuedAt.toISOString(),
          riskItems: after.riskItems
            .filter((item) => item.followUp !== RiskItemFollowUp.NONE)
            .map((item) => ({
              itemId: item.id,
              followUp: item.followUp,
              level: item.level,
              domain: item.domain,
              responsibleOrgId: item.responsibleOrgId,
              due: item.due,
              enterpriseIds: item.enterpriseIds,
              noticeNo: item.noticeNo,
            })),
        },
      ];
    });
  }

  private run(
    input: { briefingId: string; expectedVersion: number },
    statuses: BriefingStatus[] | null,
    operation: BriefingOperation | null,
    work: (uow: UnitOfWork, after: RiskBriefing) => Promise<unknown>,
  ): Promise<RiskBriefing> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.scoped(uow.manager)
        .andWhere('briefing.id = :id', { id: input.briefingId })
        .setLock('pessimistic_write')
        .getOne();
      if (!before) throw notFound('RiskBriefing', input.briefingId);
      if (!mayHold(principal, before.level, before.orgId))
        throw forbidden('Only the organisation holding the briefing (or the SAC office) changes it');
      if (before.version !== input.expectedVersion)
        throw conflict('The briefing was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      const after = uow.manager.create(RiskBriefing, structuredClone({ ...before }));
      if (operation) {
        const { from, to } = BRIEFING_TRANSITIONS[operation];
        if (before.status !== from)
          throw conflict(`A briefing in ${before.status} cannot be moved by ${operation} (to ${to})`, {
            from: before.status,
            operation,
          });
        after.status = to as BriefingStatus;
      } else if (statuses && !statuses.includes(before.status)) {
        throw conflict(`Not possible while the briefing is ${before.status}`, { status: before.status });
      }
      const event = (await work(uow, after)) as [string, Record<string, unknown>] | undefined;
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'RiskBriefing', entityId: saved.id, before, after: saved });
      if (event) await uow.emit(event[0], event[1]);
      return saved;
    });
  }
}
