import { badUserInput, conflict, notFound } from '@safety/subgraph-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { writeRegistryAudit } from '../audit/audit.service.js';
import {
  type CheckResult,
  checkSubgraph,
  diffSupergraphs,
  type SchemaChange,
  type TrustedDocument,
  type UsageOracle,
} from '../checks/index.js';
import { composeSupergraph } from '../supergraphs/composition.js';
import { LiveChangeCause } from '../supergraphs/live-change.entity.js';
import type { LiveState, SupergraphService } from '../supergraphs/supergraph.service.js';
import { SupergraphCause } from '../supergraphs/supergraph-version.entity.js';
import type { WriteQueue } from '../write-queue.js';
import {
  AUTO_APPROVAL_REASON,
  decidePublication,
  decisionBlocker,
  SYSTEM_ACTOR,
} from './publication.rules.js';
import type { BrokenDocument } from './schema-change.types.js';
import { Subgraph } from './subgraph.entity.js';
import { type Publication, sha256 } from './subgraph.rules.js';
import { HoldReason, SubgraphVersion, SubgraphVersionStatus } from './subgraph-version.entity.js';

export type PublishOutcome =
  | {
      status: SubgraphVersionStatus.ACCEPTED;
      version: number;
      supergraphVersion: number;
      changed: boolean;
      changes: SchemaChange[];
    }
  | {
      status: SubgraphVersionStatus.HELD;
      version: number;
      /** The live supergraph, unchanged. */
      supergraphVersion: number | null;
      holdReason: HoldReason;
      changes: SchemaChange[];
      brokenDocuments: BrokenDocument[];
    }
  | { status: SubgraphVersionStatus.REJECTED; errors: CheckResult['errors'] }
  | {
      status: SubgraphVersionStatus.DECLINED;
      version: number;
      decidedBy: string | null;
      reason: string | null;
    };

/** What a check sees besides the schemas: usage, the apps' registered documents, the mode. */
export interface CheckSources {
  usage?: UsageOracle;
  documents?: { all(): Promise<TrustedDocument[]> };
  usageWindowDays?: number;
  /** REGISTRY_AUTO_APPROVE: breaking changes go live, approved by `system` (a pin still holds). */
  autoApprove?: boolean;
}

export interface SubgraphCheckOutcome extends CheckResult {
  pinned: boolean;
  liveSupergraphVersion: number | null;
}

interface VersionRow {
  id: string;
  version: number;
  status: SubgraphVersionStatus;
  decided_by: string | null;
  decision_reason: string | null;
}

const MAX_ATTEMPTS = 5;

/** Publishing, checks, approvals, and the reads of subgraphs and their versions. */
export class SubgraphService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly supergraphs: SupergraphService,
    private readonly sources: CheckSources = {},
  ) {}

  /**
   * Checks the SDL against the live supergraph, then: safe → a new live supergraph; breaking or
   * pinned → HELD for an admin; not composing → REJECTED (never live). The check runs outside
   * the lock (it may ask the usage store); the lock then confirms the live supergraph it was
   * checked against is still live, else it checks again.
   */
  publish(publication: Publication): Promise<PublishOutcome> {
    return this.writes.serial(async () => {
      for (let attempt = 1; ; attempt++) {
        const live = await this.supergraphs.liveState();
        const check = await this.runCheck(live, publication);
        const outcome = await this.writes.locked(async (m) => {
          const now = await this.supergraphs.pointer(m);
          if (now?.version !== live?.version || now?.pinned !== live?.pinned) return undefined;
          return this.record(m, publication, live, check);
        });
        if (outcome) return outcome;
        if (attempt >= MAX_ATTEMPTS) throw new Error('the live supergraph kept changing during the publish');
      }
    });
  }

  /** The check alone (issue 5 item 1): nothing is stored. */
  async check(name: string, sdl: string, url?: string | null): Promise<SubgraphCheckOutcome> {
    const live = await this.supergraphs.liveState();
    const registered = url ? null : await this.get(name);
    const proposedUrl = url ?? registered?.url ?? `http://${name}.invalid/graphql`;
    const result = await this.runCheck(live, { name, sdl, url: proposedUrl });
    return { ...result, pinned: live?.pinned ?? false, liveSupergraphVersion: live?.version ?? null };
  }

  private async runCheck(
    live: LiveState | null,
    proposed: { name: string; sdl: string; url: string },
  ): Promise<CheckResult> {
    return checkSubgraph({
      live: (live?.subgraphs ?? []).map(({ name, sdl, url }) => ({ name, sdl, url })),
      proposed: { name: proposed.name, sdl: proposed.sdl, url: proposed.url },
      liveSupergraphSdl: live?.sdl,
      usage: this.sources.usage,
      usageWindowDays: this.sources.usageWindowDays,
      documents: this.sources.documents ? await this.sources.documents.all() : undefined,
    });
  }

  private async record(
    m: EntityManager,
    p: Publication,
    live: LiveState | null,
    check: CheckResult,
  ): Promise<PublishOutcome> {
    await m.query(
      `INSERT INTO subgraph (name, url, events_url, subscribes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE
         SET url = excluded.url, events_url = excluded.events_url, subscribes = excluded.subscribes,
             updated_at = now()`,
      [p.name, p.url, p.eventsUrl, p.subscribes],
    );
    const hash = sha256(p.sdl);
    const own = live?.subgraphs.find((row) => row.name === p.name);
    // Same SDL at the same URL (a service restarting): only the registration changed. A moved
    // service needs a new supergraph though, because the gateway routes by the URL inside it.
    if (live && own?.hash === hash && live.routingUrls[p.name] === p.url)
      return {
        status: SubgraphVersionStatus.ACCEPTED,
        version: own.version,
        supergraphVersion: live.version,
        changed: false,
        changes: [],
      };

    const sameSdl = (await m.query(
      `SELECT id, version, status, decided_by, decision_reason FROM subgraph_version
        WHERE subgraph_name = $1 AND hash = $2 ORDER BY version DESC`,
      [p.name, hash],
    )) as VersionRow[];
    const brokenDocuments = check.brokenDocuments.map(({ clientName, hash, operationName }) => ({
      clientName,
      hash,
      operationName,
    }));
    const decision = decidePublication({
      composes: check.composes,
      breaking: check.breaking || brokenDocuments.length > 0,
      pinned: live?.pinned ?? false,
      autoApprove: this.sources.autoApprove ?? false,
    });

    if (decision.status === SubgraphVersionStatus.REJECTED) {
      // A service restarting with the same broken SDL adds no row (history is never rewritten).
      const [latest] = (await m.query(
        'SELECT hash, status FROM subgraph_version WHERE subgraph_name = $1 ORDER BY version DESC LIMIT 1',
        [p.name],
      )) as Array<{ hash: string; status: string }>;
      if (!(latest?.status === SubgraphVersionStatus.REJECTED && latest.hash === hash))
        await this.insertVersion(m, p, {
          status: SubgraphVersionStatus.REJECTED,
          hash,
          errors: check.errors,
        });
      return { status: SubgraphVersionStatus.REJECTED, errors: check.errors };
    }

    const pending = sameSdl.find((row) => row.status === SubgraphVersionStatus.HELD);
    const declined = sameSdl[0]?.status === SubgraphVersionStatus.DECLINED ? sameSdl[0] : undefined;
    if (decision.status === SubgraphVersionStatus.HELD) {
      if (declined)
        return {
          status: SubgraphVersionStatus.DECLINED,
          version: declined.version,
          decidedBy: declined.decided_by,
          reason: declined.decision_reason,
        };
      const held =
        pending ??
        (await this.insertVersion(m, p, {
          status: SubgraphVersionStatus.HELD,
          hash,
          holdReason: decision.holdReason,
          changes: check.changes,
          brokenDocuments,
        }));
      return {
        status: SubgraphVersionStatus.HELD,
        version: held.version,
        supergraphVersion: live?.version ?? null,
        holdReason: decision.holdReason,
        changes: check.changes,
        brokenDocuments,
      };
    }

    // Accepted: a held row of the same SDL is decided now (the check passes, or auto-approval);
    // an earlier accepted row of the same SDL is reused; else a new version.
    const decidedBy = decision.autoApproved ? SYSTEM_ACTOR : null;
    const decisionReason = decision.autoApproved ? AUTO_APPROVAL_REASON : null;
    let version: { id: string; version: number };
    if (pending) {
      await m.query(
        `UPDATE subgraph_version SET status = 'ACCEPTED', decided_by = $2, decided_at = now(), decision_reason = $3
          WHERE id = $1`,
        [pending.id, SYSTEM_ACTOR, decisionReason ?? 'the check passed when it was published again'],
      );
      version = pending;
    } else {
      version =
        sameSdl.find((row) => row.status === SubgraphVersionStatus.ACCEPTED) ??
        (await this.insertVersion(m, p, {
          status: SubgraphVersionStatus.ACCEPTED,
          hash,
          changes: check.changes,
          brokenDocuments,
          decidedBy,
          decisionReason,
        }));
    }
    const supergraphVersion = await this.goLive(m, {
      live,
      subgraph: { id: version.id, name: p.name, url: p.url },
      supergraphSdl: check.supergraphSdl!,
      cause: SupergraphCause.PUBLISH,
      actor: p.publishedBy,
    });
    return {
      status: SubgraphVersionStatus.ACCEPTED,
      version: version.version,
      supergraphVersion,
      changed: true,
      changes: check.changes,
    };
  }

  /** Stores a composed supergraph as the next version and points the gateway at it. */
  private async goLive(
    m: EntityManager,
    input: {
      live: LiveState | null;
      subgraph: { id: string; name: string; url: string };
      supergraphSdl: string;
      cause: SupergraphCause;
      actor: string | null;
      reason?: string | null;
    },
  ): Promise<number> {
    const others = (input.live?.subgraphs ?? []).filter((row) => row.name !== input.subgraph.name);
    const subgraphs = [...others, input.subgraph];
    // After a rollback the live version is not the highest: new versions count on from the highest.
    const [{ next }] = (await m.query(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM supergraph_version',
    )) as Array<{ next: number }>;
    await m.query(
      `INSERT INTO supergraph_version
         (version, hash, sdl, subgraph_version_ids, routing_urls, subgraph_version_id, cause, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        next,
        sha256(input.supergraphSdl),
        input.supergraphSdl,
        subgraphs.map((s) => s.id),
        JSON.stringify(Object.fromEntries(subgraphs.map((s) => [s.name, s.url]))),
        input.subgraph.id,
        input.cause,
        input.actor,
      ],
    );
    await this.supergraphs.setLive(m, {
      from: input.live?.version ?? null,
      to: next,
      cause: input.cause === SupergraphCause.APPROVAL ? LiveChangeCause.APPROVAL : LiveChangeCause.PUBLISH,
      actor: input.actor,
      reason: input.reason,
    });
    return next;
  }

  /**
   * An admin approves a held version: it is composed again with the subgraphs live now (they may
   * have changed since it was held) and goes live. A pin stays: approving is itself a decision.
   */
  approve(id: string, reason: string, actor: string): Promise<SubgraphVersion> {
    return this.writes.serial(async () => {
      for (let attempt = 1; ; attempt++) {
        const held = await this.heldVersion(id);
        const live = await this.supergraphs.liveState();
        const registration = await this.get(held.subgraphName);
        const url = registration?.url ?? held.url ?? `http://${held.subgraphName}.invalid/graphql`;
        const composed = composeSupergraph([
          ...(live?.subgraphs ?? [])
            .filter((row) => row.name !== held.subgraphName)
            .map(({ name, sdl, url }) => ({ name, sdl, url })),
          { name: held.subgraphName, sdl: held.sdl, url },
        ]);
        if (!composed.ok)
          throw conflict('this version no longer composes with the live subgraphs', {
            errors: composed.errors,
          });
        const done = await this.writes.locked(async (m) => {
          const now = await this.supergraphs.pointer(m);
          if (now?.version !== live?.version) return false;
          const updated = (await m.query(
            `UPDATE subgraph_version SET status = 'ACCEPTED', decided_by = $2, decided_at = now(), decision_reason = $3
              WHERE id = $1 AND status = 'HELD' RETURNING id`,
            [id, actor, reason],
          )) as unknown[];
          if (!updated.length) throw conflict('this version was decided meanwhile');
          const supergraphVersion = await this.goLive(m, {
            live,
            subgraph: { id, name: held.subgraphName, url },
            supergraphSdl: composed.supergraphSdl,
            cause: SupergraphCause.APPROVAL,
            actor,
            reason,
          });
          await writeRegistryAudit(m, {
            actor,
            action: 'approveSubgraphVersion',
            target: `subgraph:${held.subgraphName}@${held.version}`,
            reason,
            details: { subgraphVersionId: id, supergraphVersion, holdReason: held.holdReason },
          });
          return true;
        });
        if (done) return this.db.getRepository(SubgraphVersion).findOneByOrFail({ id });
        if (attempt >= MAX_ATTEMPTS) throw new Error('the live supergraph kept changing during the approval');
      }
    });
  }

  /** An admin declines a held version: it never goes live, and publishing it again is refused. */
  decline(id: string, reason: string, actor: string): Promise<SubgraphVersion> {
    return this.writes.serial(async () => {
      const held = await this.heldVersion(id);
      await this.writes.locked(async (m) => {
        const updated = (await m.query(
          `UPDATE subgraph_version SET status = 'DECLINED', decided_by = $2, decided_at = now(), decision_reason = $3
            WHERE id = $1 AND status = 'HELD' RETURNING id`,
          [id, actor, reason],
        )) as unknown[];
        if (!updated.length) throw conflict('this version was decided meanwhile');
        await writeRegistryAudit(m, {
          actor,
          action: 'declineSubgraphVersion',
          target: `subgraph:${held.subgraphName}@${held.version}`,
          reason,
          details: { subgraphVersionId: id, holdReason: held.holdReason },
        });
      });
      return this.db.getRepository(SubgraphVersion).findOneByOrFail({ id });
    });
  }

  private async heldVersion(id: string): Promise<SubgraphVersion> {
    const version = await this.db.getRepository(SubgraphVersion).findOneBy({ id });
    if (!version) throw notFound('SubgraphVersion', id);
    const [{ superseded }] = (await this.db.query(
      `SELECT exists(SELECT 1 FROM subgraph_version
                      WHERE subgraph_name = $1 AND version > $2 AND status = 'ACCEPTED') AS superseded`,
      [version.subgraphName, version.version],
    )) as Array<{ superseded: boolean }>;
    const blocker = decisionBlocker({ status: version.status, superseded });
    if (blocker) throw conflict(blocker, { status: version.status });
    return version;
  }

  private async insertVersion(
    m: EntityManager,
    p: Publication,
    row: {
      status: SubgraphVersionStatus;
      hash: string;
      errors?: CheckResult['errors'];
      holdReason?: HoldReason;
      changes?: SchemaChange[];
      brokenDocuments?: BrokenDocument[];
      decidedBy?: string | null;
      decisionReason?: string | null;
    },
  ): Promise<{ id: string; version: number }> {
    const [inserted] = (await m.query(
      `INSERT INTO subgraph_version
         (subgraph_name, version, hash, sdl, status, errors, published_by, commit, url, hold_reason, changes,
          broken_documents, decided_by, decided_at, decision_reason)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
              CASE WHEN $12::text IS NULL THEN NULL ELSE now() END, $13
         FROM subgraph_version WHERE subgraph_name = $1
       RETURNING id, version`,
      [
        p.name,
        row.hash,
        p.sdl,
        row.status,
        JSON.stringify(row.errors ?? []),
        p.publishedBy,
        p.commit,
        p.url,
        row.holdReason ?? null,
        JSON.stringify(row.changes ?? []),
        JSON.stringify(row.brokenDocuments ?? []),
        row.decidedBy ?? null,
        row.decisionReason ?? null,
      ],
    )) as Array<{ id: string; version: number }>;
    return inserted;
  }

  /** The public API changes between two versions of one subgraph, each composed on its own. */
  async changelog(subgraph: string, fromVersion: number, toVersion: number): Promise<SchemaChange[]> {
    const rows = await this.db.getRepository(SubgraphVersion).find({
      where: { subgraphName: subgraph, version: In([fromVersion, toVersion]) },
      select: { version: true, sdl: true },
    });
    const alone = (version: number, field: string) => {
      const row = rows.find((r) => r.version === version);
      if (!row) throw badUserInput({ [field]: `${subgraph} has no version ${version}` });
      const composed = composeSupergraph([
        { name: subgraph, sdl: row.sdl, url: `http://${subgraph}.invalid` },
      ]);
      if (!composed.ok)
        throw badUserInput({
          [field]: `version ${version} does not compose on its own, so it has no API to diff`,
        });
      return composed.supergraphSdl;
    };
    return diffSupergraphs(alone(fromVersion, 'fromVersion'), alone(toVersion, 'toVersion'));
  }

  list(): Promise<Subgraph[]> {
    return this.db.getRepository(Subgraph).find({ order: { name: 'ASC' } });
  }

  get(name: string): Promise<Subgraph | null> {
    return this.db.getRepository(Subgraph).findOneBy({ name });
  }

  byId(id: string): Promise<SubgraphVersion | null> {
    return this.db.getRepository(SubgraphVersion).findOneBy({ id });
  }

  /** Versions of one subgraph or of all, newest first, optionally of one status. */
  versions(filter: {
    subgraph?: string | null;
    status?: SubgraphVersionStatus | null;
    first: number;
  }): Promise<SubgraphVersion[]> {
    return this.db.getRepository(SubgraphVersion).find({
      where: {
        ...(filter.subgraph ? { subgraphName: filter.subgraph } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { publishedAt: 'DESC', version: 'DESC' },
      take: filter.first,
    });
  }

  /** Held versions an admin can still decide (no later version of the subgraph was accepted). */
  pending(): Promise<SubgraphVersion[]> {
    return this.db
      .getRepository(SubgraphVersion)
      .createQueryBuilder('v')
      .where(`v.status = 'HELD'`)
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM subgraph_version later
                      WHERE later.subgraph_name = v.subgraph_name AND later.version > v.version
                        AND later.status = 'ACCEPTED')`,
      )
      .orderBy('v.published_at', 'DESC')
      .getMany();
  }

  /** The newest ACCEPTED version of each named subgraph, in one query. */
  async latestAccepted(names: string[]): Promise<Map<string, SubgraphVersion>> {
    const rows = await this.db
      .getRepository(SubgraphVersion)
      .createQueryBuilder('v')
      .distinctOn(['v.subgraph_name'])
      .where('v.subgraph_name IN (:...names)', { names })
      .andWhere('v.status = :status', { status: SubgraphVersionStatus.ACCEPTED })
      .orderBy('v.subgraph_name')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.subgraphName, row]));
  }

  /** The version of each named subgraph that the live supergraph was composed from, in one query. */
  async liveVersions(names: string[]): Promise<Map<string, SubgraphVersion>> {
    const rows = await this.db
      .getRepository(SubgraphVersion)
      .createQueryBuilder('v')
      .where('v.subgraph_name IN (:...names)', { names })
      .andWhere(
        `v.id = ANY((SELECT s.subgraph_version_ids FROM supergraph_version s
                      JOIN supergraph_live l ON l.version = s.version WHERE l.id = 1)::uuid[])`,
      )
      .getMany();
    return new Map(rows.map((row) => [row.subgraphName, row]));
  }

  /** The newest `first` versions (any status) of each named subgraph, newest first, in one query. */
  async recentVersions(names: string[], first: number): Promise<Map<string, SubgraphVersion[]>> {
    const rows = await this.db
      .getRepository(SubgraphVersion)
      .createQueryBuilder('v')
      .where(
        `v.id IN (SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY subgraph_name ORDER BY version DESC) AS n
             FROM subgraph_version WHERE subgraph_name IN (:...names)) ranked
          WHERE n <= :first)`,
        { names, first },
      )
      .orderBy('v.subgraph_name')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    const byName = new Map<string, SubgraphVersion[]>(names.map((name) => [name, []]));
    for (const row of rows) byName.get(row.subgraphName)?.push(row);
    return byName;
  }

  async byIds(ids: string[]): Promise<Map<string, SubgraphVersion>> {
    const rows = await this.db.getRepository(SubgraphVersion).findBy({ id: In(ids) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Rejected publish attempts, newest first, of one subgraph or of all. */
  compositionErrors(subgraph: string | null | undefined, first: number): Promise<SubgraphVersion[]> {
    return this.versions({ subgraph, status: SubgraphVersionStatus.REJECTED, first });
  }

  /** Who consumes an event type, from the latest registrations (the outbox delivers to these). */
  async subscribers(eventType: string): Promise<Array<{ service: string; eventsUrl: string }>> {
    const rows = (await this.db.query(
      `SELECT name, events_url FROM subgraph
        WHERE subscribes @> ARRAY[$1]::text[] AND events_url IS NOT NULL
        ORDER BY name`,
      [eventType],
    )) as Array<{ name: string; events_url: string }>;
    return rows.map((row) => ({ service: row.name, eventsUrl: row.events_url }));
  }
}
