import type { Principal } from '@safety/auth';
import {
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
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Hazard } from '../hazards/hazard.entity.js';
import { HazardGrade } from '../hazards/hazard.enums.js';
import { HazardService, scopeHazards } from '../hazards/hazard.service.js';
import { type ListingStatusChange, SupervisedListing } from './listing.entity.js';
import { ListingStatus } from './listing.enums.js';
import type {
  ApplyForDelistingInput,
  DecideListingExtensionInput,
  DecideNotToListHazardInput,
  DelistInput,
  EnterpriseListingsArgs,
  ListHazardsInput,
  ListingChangeInput,
  ListingListArgs,
  ProposeListingInput,
  RefuseDelistingInput,
  RequestListingExtensionInput,
  StartListingRectificationInput,
  UnlistedMajorHazardsArgs,
} from './listing.inputs.js';
import {
  DEFAULT_PROGRESS_CADENCE_DAYS,
  delistingApplicationProblems,
  delistProblems,
  EVALUATION_WORKING_DAYS,
  evaluationDue,
  extensionDecisionDue,
  extensionRequestInTime,
  extensionRequestProblems,
  LISTABLE_STATUSES,
  type ListedHazardFacts,
  type ListingOperation,
  lastExtensionRequestDay,
  listingNoticeNo,
  listingTransition,
  mayAct,
  notListedDecisionProblems,
  type Problems,
  proposalProblems,
  RUNNING_STATUSES,
  startRectificationProblems,
} from './listing.rules.js';
import { HazardListingDecision } from './listing-decision.entity.js';

const SORT = { property: 'proposedAt', direction: 'DESC' } as const;
/** Listings that still hold their hazards (a hazard belongs to one open listing at a time). */
const OPEN_STATUSES = Object.values(ListingStatus).filter((s) => s !== ListingStatus.DELISTED);

function problemsOrThrow(problems: Problems): void {
  if (Object.keys(problems).length) throw badUserInput(problems);
}

/** An SAC-office queue entry: a confirmed MAJOR hazard no listing holds, and its evaluation day. */
export interface UnlistedMajorHazardView {
  id: string;
  enterpriseId: string;
  hazard: Hazard;
  confirmedOn: string;
  evaluationDue: string;
  evaluationOverdue: boolean;
}

/** What one change produced: the status step, events, and the audit reason. */
interface Outcome {
  to?: ListingStatus;
  reason?: string | null;
  events?: Array<[string, Record<string, unknown>]>;
}

/** Supervised listings (domain §5.7.2): reads scoped in SQL; writes audited, with events, in one transaction. */
export class ListingService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    return applyScope(
      manager.getRepository(SupervisedListing).createQueryBuilder('listing'),
      this.context.principal,
      'listing.enterprise_id',
    );
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  list(args: ListingListArgs): Promise<ConnectionShape<SupervisedListing>> {
    const query = this.scoped();
    if (args.level) query.andWhere('listing.level = :level', { level: args.level });
    if (args.status) query.andWhere('listing.status = :status', { status: args.status });
    if (args.enterpriseId)
      query.andWhere('listing.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.townshipCode) query.andWhere('listing.township_code = :town', { town: args.townshipCode });
    if (args.overdue !== undefined && args.overdue !== null) {
      // Never NULL, so NOT gives the complement of the derived flag.
      const overdue = '(listing.status IN (:...running) AND listing.deadline < :today)';
      query.andWhere(args.overdue ? overdue : `NOT ${overdue}`, {
        running: RUNNING_STATUSES,
        today: localDate(now()),
      });
    }
    return paginate(query, args, SORT);
  }

  byId(id: string): Promise<SupervisedListing | null> {
    return this.context
      .loader<string, SupervisedListing | null>('supervised-listing', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(SupervisedListing | null)[]> {
    const rows = await this.scoped().andWhere('listing.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** `Enterprise.listings`: first pages of every enterprise of the request in one statement. */
  forEnterprise(
    enterpriseId: string,
    args: EnterpriseListingsArgs,
  ): Promise<ConnectionShape<SupervisedListing>> {
    const filtered = () => {
      const query = this.scoped();
      if (args.status) query.andWhere('listing.status = :status', { status: args.status });
      return query;
    };
    return ownerPage(this.context, {
      key: `enterprise-listings:${args.status ?? ''}`,
      query: filtered,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<SupervisedListing>>;
  }

  /** The hazards of a listing, through the hazards' own batched (and scoped) loader. */
  async hazardsOf(listing: SupervisedListing): Promise<Hazard[]> {
    const service = new HazardService(this.context);
    const hazards = await Promise.all(listing.hazardIds.map((id) => service.byId(id)));
    return hazards.filter((h): h is Hazard => h !== null);
  }

  /**
   * The SAC office's queue (domain §5.7.2 [D]): confirmed MAJOR hazards of enterprises that no listing
   * holds, oldest confirmation first, each with its evaluation day (confirmation + 5 working days).
   */
  async unlistedMajorHazards(
    args: UnlistedMajorHazardsArgs,
  ): Promise<ConnectionShape<UnlistedMajorHazardView>> {
    const query = scopeHazards(
      this.context.db.manager.getRepository(Hazard).createQueryBuilder('hazard'),
      this.context.principal,
    )
      .andWhere('hazard.grade = :major', { major: HazardGrade.MAJOR })
      .andWhere('hazard.enterprise_id IS NOT NULL')
      .andWhere('hazard.listing_id IS NULL')
      .andWhere('hazard.confirmed_at IS NOT NULL')
      .andWhere('hazard.status IN (:...listable)', { listable: LISTABLE_STATUSES })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM supervised_listing held WHERE hazard.id = ANY(held.hazard_ids)
           AND held.status IN (:...openListings))`,
        { openListings: OPEN_STATUSES },
      )
      // A hazard the SAC office decided not to list leaves the queue.
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM hazard_listing_decision decided WHERE decided.hazard_id = hazard.id)',
      );
    if (args.evaluationOverdue !== undefined && args.evaluationOverdue !== null) {
      // Overdue when due (confirmation day + 5 working days) is before today: confirmed before the cutoff day.
      const cutoff = lastConfirmationDayInTime(localDate(now()));
      const late = `(hazard.confirmed_at < (CAST(:cutoff AS date) - interval '8 hours'))`;
      query.andWhere(args.evaluationOverdue ? late : `NOT ${late}`, { cutoff });
    }
    if (args.enterpriseId)
      query.andWhere('hazard.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    const search = args.search?.trim();
    if (search) {
      // Literal words: LIKE wildcards in the input are escaped.
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        `(hazard.code ILIKE :like OR hazard.title ILIKE :like OR hazard.location ILIKE :like
          OR EXISTS (SELECT 1 FROM enterprise_ref search_ref WHERE search_ref.id = hazard.enterprise_id
            AND search_ref.name ILIKE :like))`,
        { like },
      );
    }
    const page = await paginate(query, args, { property: 'confirmedAt', direction: 'ASC' });
    const today = localDate(now());
    const view = (hazard: Hazard): UnlistedMajorHazardView => {
      const confirmedOn = localDate(hazard.confirmedAt!);
      const due = evaluationDue(confirmedOn);
      return {
        id: hazard.id,
        enterpriseId: hazard.enterpriseId!,
        hazard,
        confirmedOn,
        evaluationDue: due,
        evaluationOverdue: today > due,
      };
    };
    return {
      ...page,
      nodes: page.nodes.map(view),
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: view(edge.node) })),
    };
  }

  /**
   * The SAC office records that a queued major hazard is not listed (§5.7.2 [D]): reason required,
   * audited; the hazard leaves the queue and carries the decision (`Hazard.listingDecision`).
   */
  async decideNotToList(input: DecideNotToListHazardInput): Promise<HazardListingDecision> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const hazard = await scopeHazards(
        uow.manager.getRepository(Hazard).createQueryBuilder('hazard'),
        principal,
      )
        .andWhere('hazard.id = :id', { id: input.hazardId })
        .setLock('pessimistic_write')
        .getOne();
      if (!hazard) throw notFound('Hazard', input.hazardId);
      const existing = await uow.manager.findOneBy(HazardListingDecision, { hazardId: hazard.id });
      if (existing)
        throw conflict('A decision not to list this hazard is already recorded', { hazardId: hazard.id });
      const [held] = await uow.manager.query(
        `SELECT 1 FROM supervised_listing WHERE $1 = ANY(hazard_ids) AND status = ANY($2::text[]) LIMIT 1`,
        [hazard.id, OPEN_STATUSES],
      );
      problemsOrThrow(notListedDecisionProblems({ reason: input.reason, hazard, heldByOpenListing: !!held }));
      const decision = uow.manager.create(HazardListingDecision, {
        hazardId: hazard.id,
        reason: input.reason.trim(),
        decidedAt: now(),
        decidedById: principal.id,
        decidedByUsername: principal.username,
      });
      await uow.manager.insert(HazardListingDecision, decision);
      await uow.audit({
        entity: 'Hazard',
        entityId: hazard.id,
        after: { listingDecision: decision },
        reason: decision.reason,
      });
      return decision;
    });
  }

  /** `Hazard.listingDecision`, batched per request; the hazard itself was already scope-checked. */
  decisionOf(hazardId: string): Promise<HazardListingDecision | null> {
    return this.context
      .loader<string, HazardListingDecision | null>('hazard-listing-decisions', async (ids) => {
        const rows = await this.context.db
          .getRepository(HazardListingDecision)
          .createQueryBuilder('decision')
          .where('decision.hazard_id IN (:...ids)', { ids: [...ids] })
          .getMany();
        return ids.map((id) => rows.find((row) => row.hazardId === id) ?? null);
      })
      .load(hazardId);
  }

  // ------------------------------------------------------------------------------------------
  // PROPOSED: a regulator proposes; nothing changes on the hazards until the notice is issued.
  // ------------------------------------------------------------------------------------------

  async propose(input: ProposeListingInput): Promise<SupervisedListing> {
    const principal = requirePrincipal(this.context);
    const hazardIds = [...new Set(input.hazardIds)];
    return this.context.transaction(async (uow) => {
      const facts = await this.hazardFacts(uow, hazardIds);
      problemsOrThrow(
        proposalProblems(hazardIds, facts, {
          level: input.level,
          deadline: input.deadline,
          today: localDate(now()),
        }),
      );
      const enterpriseId = facts[0]!.enterpriseId!;
      const ref = await uow.requireEnterpriseInScope(enterpriseId, 'hazardIds');
      const [regulators] = await uow.manager.query(
        'SELECT regulator_org_ids FROM enterprise_ref WHERE id = $1',
        [enterpriseId],
      );
      const regulatorOrgIds: string[] = regulators?.regulator_org_ids ?? [];
      if (input.level === 'COUNTY_DEPT' && !regulatorOrgIds.includes(input.issuingOrgId))
        throw badUserInput({
          issuingOrgId: 'a department listing is issued by a department that regulates the enterprise',
        });
      const at = now();
      const listing = uow.manager.create(SupervisedListing, {
        noticeNo: null,
        level: input.level,
        status: ListingStatus.PROPOSED,
        hazardIds,
        enterpriseId,
        townshipCode: ref.townshipCode,
        issuingOrgId: input.issuingOrgId,
        territorialOrgId: input.territorialOrgId ?? null,
        industryOrgId: input.industryOrgId ?? regulatorOrgIds[0] ?? null,
        requirements: input.requirements,
        deadline: input.deadline,
        originalDeadline: input.deadline,
        progressCadenceDays: input.progressCadenceDays ?? DEFAULT_PROGRESS_CADENCE_DAYS,
        publicNoticeUrl: null,
        extensions: [],
        history: [step(principal, null, ListingStatus.PROPOSED, at, input.reason ?? null)],
        proposedAt: at,
        proposedById: principal.id,
        listedAt: null,
        delistingAppliedAt: null,
        delistedAt: null,
        overdueNotifiedFor: null,
      });
      const saved = await uow.manager.save(listing);
      await uow.audit({
        entity: 'SupervisedListing',
        entityId: saved.id,
        after: saved,
        reason: input.reason,
      });
      return saved;
    });
  }

  // ------------------------------------------------------------------------------------------
  // The rows of domain §5.7.2, one use case each.
  // ------------------------------------------------------------------------------------------

  /** PROPOSED → LISTED: the notice (DB-YYYY-nnn) is issued, hazards attached, HazardListed emitted. */
  issue(input: ListHazardsInput): Promise<SupervisedListing> {
    return this.transition(input, 'listHazards', async ({ uow, after, facts }) => {
      // The proposal's guards again: hazards move on while a proposal waits.
      problemsOrThrow(
        proposalProblems(after.hazardIds, facts, {
          level: after.level,
          deadline: after.deadline,
          today: localDate(now()),
        }),
      );
      const at = now();
      const year = localYear(at);
      after.noticeNo = listingNoticeNo(year, await nextSequence(uow.manager, 'DB', year));
      after.listedAt = at;
      if (input.publicNoticeUrl) after.publicNoticeUrl = input.publicNoticeUrl;
      const hazards = new HazardService(this.context);
      for (const hazardId of after.hazardIds)
        await hazards.attachListing(uow, hazardId, after.id, after.level);
      return {
        to: ListingStatus.LISTED,
        events: [['HazardListed', this.listedPayload(after)]],
      };
    });
  }

  /** LISTED → RECTIFYING: the enterprise starts, every hazard's plan approved by the principal. */
  startRectification(input: StartListingRectificationInput): Promise<SupervisedListing> {
    return this.transition(input, 'startListingRectification', async ({ facts }) => {
      problemsOrThrow(startRectificationProblems(facts));
      return { to: ListingStatus.RECTIFYING };
    });
  }

  /** RECTIFYING → EXTENSION_REQUESTED: at least 20 working days before the deadline [D]. */
  requestExtension(input: RequestListingExtensionInput): Promise<SupervisedListing> {
    return this.transition(input, 'requestListingExtension', async ({ after, principal }) => {
      const today = localDate(now());
      if (!extensionRequestInTime(today, after.deadline)) {
        const last = lastExtensionRequestDay(after.deadline);
        throw deadlinePassed(
          `An extension is requested at least 20 working days before the deadline ${after.deadline} (last day ${last})`,
          new Date(`${last}T23:59:59.999+08:00`),
        );
      }
      problemsOrThrow(extensionRequestProblems({ deadline: after.deadline, newDeadline: input.newDeadline }));
      after.extensions = [
        ...after.extensions,
        {
          requestedOn: today,
          requestedById: principal.id,
          previousDeadline: after.deadline,
          requestedDeadline: input.newDeadline,
          reason: input.reason,
          decisionDue: extensionDecisionDue(today),
          granted: null,
          decidedAt: null,
          decidedById: null,
          decisionNote: null,
          decidedLate: null,
        },
      ];
      return { to: ListingStatus.EXTENSION_REQUESTED, reason: input.reason };
    });
  }

  /**
   * EXTENSION_REQUESTED → RECTIFYING: the issuer grants (the deadline moves) or refuses. Due within 10
   * working days; a late decision is still taken (the enterprise must not be stuck) and marked late.
   */
  decideExtension(input: DecideListingExtensionInput): Promise<SupervisedListing> {
    return this.transition(input, 'decideListingExtension', async ({ uow, after, principal }) => {
      const pending = after.extensions.at(-1);
      if (!pending || pending.granted !== null)
        throw conflict('There is no extension request to decide', { status: after.status });
      const today = localDate(now());
      after.extensions = [
        ...after.extensions.slice(0, -1),
        {
          ...pending,
          granted: input.grant,
          decidedAt: now().toISOString(),
          decidedById: principal.id,
          decisionNote: input.note ?? null,
          decidedLate: today > pending.decisionDue,
        },
      ];
      if (input.grant) {
        after.deadline = pending.requestedDeadline;
        // The listed hazards' deadlines move with the listing's (§5.7.2), through the hazards' own use case.
        const hazards = new HazardService(this.context);
        for (const hazardId of after.hazardIds)
          await hazards.moveDeadline(
            uow,
            hazardId,
            after.deadline,
            `挂牌督办延期 ${after.noticeNo ?? ''}`.trim(),
          );
      }
      return {
        to: ListingStatus.RECTIFYING,
        reason: `${input.grant ? 'extension granted' : 'extension refused'}${input.note ? `: ${input.note}` : ''}`,
      };
    });
  }

  /** RECTIFYING → DELISTING_APPLIED: every hazard pending acceptance or accepted. */
  applyForDelisting(input: ApplyForDelistingInput): Promise<SupervisedListing> {
    return this.transition(input, 'applyForDelisting', async ({ after, facts }) => {
      problemsOrThrow(delistingApplicationProblems(facts));
      after.delistingAppliedAt = now();
      return { to: ListingStatus.DELISTING_APPLIED, reason: input.note ?? null };
    });
  }

  /** DELISTING_APPLIED → DELISTED: verified; every hazard closes (销号, row 10); HazardDelisted. */
  delist(input: DelistInput): Promise<SupervisedListing> {
    return this.transition(input, 'delist', async ({ uow, after, facts }) => {
      problemsOrThrow(delistProblems(facts));
      const hazards = new HazardService(this.context);
      for (const hazardId of after.hazardIds) await hazards.closeOnDelisting(uow, hazardId);
      after.delistedAt = now();
      return {
        to: ListingStatus.DELISTED,
        reason: input.note ?? null,
        events: [
          [
            'HazardDelisted',
            {
              listingId: after.id,
              noticeNo: after.noticeNo,
              level: after.level,
              hazardIds: after.hazardIds,
              enterpriseId: after.enterpriseId,
              townshipCode: after.townshipCode,
              issuingOrgId: after.issuingOrgId,
              deadline: after.deadline,
              delistedAt: after.delistedAt.toISOString(),
              // Delisting is published where the listing was (domain §5.7.2).
              publish: after.publicNoticeUrl !== null,
            },
          ],
        ],
      };
    });
  }

  /** DELISTING_APPLIED → RECTIFYING: verification failed, with the reason. */
  refuseDelisting(input: RefuseDelistingInput): Promise<SupervisedListing> {
    return this.transition(input, 'refuseDelisting', async ({ after }) => {
      after.delistingAppliedAt = null;
      return { to: ListingStatus.RECTIFYING, reason: input.reason };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Machinery
  // ------------------------------------------------------------------------------------------

  /**
   * A row of the state machine: lock, optimistic version, ILLEGAL → CONFLICT, not the caller's row →
   * FORBIDDEN; then `work` checks the guards and changes `after`; history, audit, events follow.
   */
  private transition(
    input: ListingChangeInput,
    operation: ListingOperation,
    work: (change: {
      uow: UnitOfWork;
      before: SupervisedListing;
      after: SupervisedListing;
      facts: ListedHazardFacts[];
      principal: Principal;
    }) => Promise<Outcome>,
  ): Promise<SupervisedListing> {
    const principal = requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.listingId);
      if (before.version !== input.expectedVersion)
        throw conflict('The listing was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      const transition = listingTransition(operation, before.status);
      if (!transition)
        throw conflict(`A listing in ${before.status} cannot be moved by ${operation}`, {
          from: before.status,
          operation,
        });
      if (!mayAct(transition.actor, principal, before))
        throw forbidden(`${operation} on a ${before.level} listing is not yours to do`);
      const facts = await this.hazardFacts(uow, before.hazardIds, before.id);
      const after = uow.manager.create(SupervisedListing, structuredClone({ ...before }));
      const outcome = await work({ uow, before, after, facts, principal });
      const to = outcome.to ?? (transition.to as ListingStatus);
      after.status = to;
      after.history = [...after.history, step(principal, before.status, to, now(), outcome.reason ?? null)];
      const saved = await uow.manager.save(after);
      await uow.audit({
        entity: 'SupervisedListing',
        entityId: saved.id,
        before,
        after: saved,
        reason: outcome.reason ?? undefined,
      });
      for (const [type, payload] of outcome.events ?? []) await uow.emit(type, payload);
      return saved;
    });
  }

  /** The listing, locked; invisible rows are simply not found (domain §2.4). */
  private async lockVisible(uow: UnitOfWork, id: string): Promise<SupervisedListing> {
    const row = await this.scoped(uow.manager)
      .andWhere('listing.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('SupervisedListing', id);
    return row;
  }

  /** What the guards need of the hazards, read in the caller's scope (invisible = unknown). */
  private async hazardFacts(
    uow: UnitOfWork,
    hazardIds: readonly string[],
    exceptListingId?: string,
  ): Promise<ListedHazardFacts[]> {
    if (!hazardIds.length) return [];
    const rows = await scopeHazards(
      uow.manager.getRepository(Hazard).createQueryBuilder('hazard'),
      this.context.principal,
    )
      .andWhere('hazard.id IN (:...hazardIds)', { hazardIds })
      .getMany();
    const held: Array<{ hazard_id: string }> = await uow.manager.query(
      `SELECT DISTINCT unnest(hazard_ids)::text AS hazard_id FROM supervised_listing
       WHERE hazard_ids && $1::uuid[] AND status <> 'DELISTED' AND id IS DISTINCT FROM $2::uuid`,
      [hazardIds, exceptListingId ?? null],
    );
    const heldIds = new Set(held.map((h) => h.hazard_id));
    return rows.map((hazard) => ({
      id: hazard.id,
      grade: hazard.grade,
      status: hazard.status,
      enterpriseId: hazard.enterpriseId,
      inOpenListing:
        heldIds.has(hazard.id) || (hazard.listingId !== null && hazard.listingId !== exceptListingId),
      planApproved: Boolean(hazard.plan?.approvedAt),
    }));
  }

  private listedPayload(listing: SupervisedListing) {
    return {
      listingId: listing.id,
      noticeNo: listing.noticeNo,
      level: listing.level,
      hazardIds: listing.hazardIds,
      enterpriseId: listing.enterpriseId,
      townshipCode: listing.townshipCode,
      issuingOrgId: listing.issuingOrgId,
      deadline: listing.deadline,
      requirements: listing.requirements,
      progressCadenceDays: listing.progressCadenceDays,
      // Both legs of 双重交办 for responsibility's tasks (domain §5.7.2 "both double-assignment tasks").
      assignments: [
        { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: listing.enterpriseId, orgUnitIds: [] },
        {
          leg: 'SUPERVISOR_OVERSIGHT',
          enterpriseId: null,
          townshipCode: listing.townshipCode,
          orgUnitIds: [listing.territorialOrgId, listing.industryOrgId].filter(
            (id): id is string => id !== null,
          ),
        },
      ],
    };
  }
}

function step(
  principal: Principal | null,
  from: ListingStatus | null,
  to: ListingStatus,
  at: Date,
  reason: string | null,
): ListingStatusChange {
  return {
    from,
    to,
    at: at.toISOString(),
    actorId: principal?.id ?? null,
    actorUsername: principal?.username ?? null,
    reason,
  };
}

/**
 * The latest confirmation day whose 5-working-day evaluation is not yet overdue today: a hazard
 * confirmed before it is overdue. Scans back at most a few weeks (holidays included).
 */
export function lastConfirmationDayInTime(today: string): string {
  let day = today;
  for (let i = 0; i < 60; i++) {
    if (evaluationDue(day) < today) return nextDay(day);
    day = nextDay(day, -1);
  }
  throw new RangeError(`no confirmation day found within ${EVALUATION_WORKING_DAYS} working days`);
}

function nextDay(day: string, days = 1): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
