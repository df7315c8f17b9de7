import { badUserInput, conflict, notFound } from '@safety/subgraph-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { writeRegistryAudit } from '../audit/audit.service.js';
import { diffSupergraphs, type SchemaChange } from '../checks/index.js';
import type { WriteQueue } from '../write-queue.js';
import { LiveChange, LiveChangeCause } from './live-change.entity.js';
import { SupergraphVersion } from './supergraph-version.entity.js';

type Queryable = Pick<EntityManager, 'query'>;

/** The live pointer: which supergraph the gateway serves, and whether an admin pinned it. */
export interface LivePointer {
  version: number;
  pinned: boolean;
  pinnedBy: string | null;
  pinnedAt: Date | null;
  pinReason: string | null;
}

/** A subgraph version composed into the live supergraph, with its current registration URL. */
export interface LiveSubgraph {
  id: string;
  name: string;
  sdl: string;
  hash: string;
  version: number;
  url: string;
}

export interface LiveState extends LivePointer {
  sdl: string;
  hash: string;
  routingUrls: Record<string, string>;
  subgraphs: LiveSubgraph[];
}

/** Reads of composed supergraphs, and the moves of the live pointer (rollback, pin). */
export class SupergraphService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  async pointer(q: Queryable = this.db): Promise<LivePointer | null> {
    const [row] = (await q.query(
      'SELECT version, pinned, pinned_by, pinned_at, pin_reason FROM supergraph_live WHERE id = 1',
    )) as Array<{
      version: number;
      pinned: boolean;
      pinned_by: string | null;
      pinned_at: Date | null;
      pin_reason: string | null;
    }>;
    if (!row) return null;
    return {
      version: row.version,
      pinned: row.pinned,
      pinnedBy: row.pinned_by,
      pinnedAt: row.pinned_at,
      pinReason: row.pin_reason,
    };
  }

  /** The live supergraph with its subgraph versions; null before the first publish. */
  async liveState(q: Queryable = this.db): Promise<LiveState | null> {
    const pointer = await this.pointer(q);
    if (!pointer) return null;
    const [row] = (await q.query(
      'SELECT sdl, hash, routing_urls, subgraph_version_ids FROM supergraph_version WHERE version = $1',
      [pointer.version],
    )) as Array<{
      sdl: string;
      hash: string;
      routing_urls: Record<string, string>;
      subgraph_version_ids: string[];
    }>;
    const subgraphs = (await q.query(
      `SELECT v.id, v.subgraph_name AS name, v.sdl, v.hash, v.version, s.url
         FROM subgraph_version v JOIN subgraph s ON s.name = v.subgraph_name
        WHERE v.id = ANY($1::uuid[]) ORDER BY v.subgraph_name`,
      [row.subgraph_version_ids],
    )) as LiveSubgraph[];
    return { ...pointer, sdl: row.sdl, hash: row.hash, routingUrls: row.routing_urls, subgraphs };
  }

  /** Points the gateway at `version` and records why (one row each: the move and its history). */
  async setLive(
    m: EntityManager,
    change: {
      from: number | null;
      to: number;
      cause: LiveChangeCause;
      actor: string | null;
      reason?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO supergraph_live (id, version) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = now()`,
      [change.to],
    );
    await m.query(
      'INSERT INTO live_change (from_version, to_version, cause, actor, reason) VALUES ($1, $2, $3, $4, $5)',
      [change.from, change.to, change.cause, change.actor, change.reason ?? null],
    );
  }

  /**
   * Makes any composed supergraph live again, earlier or later, in one step, and pins it: later
   * publishes are checked and held until an admin unpins.
   */
  rollback(version: number, reason: string, actor: string): Promise<SupergraphVersion> {
    return this.writes.serial(() =>
      this.writes.locked(async (m) => {
        const target = await m.getRepository(SupergraphVersion).findOneBy({ version });
        if (!target) throw notFound('SupergraphVersion', String(version));
        const pointer = await this.pointer(m);
        if (pointer?.version !== version)
          await this.setLive(m, {
            from: pointer?.version ?? null,
            to: version,
            cause: LiveChangeCause.ROLLBACK,
            actor,
            reason,
          });
        await m.query(
          'UPDATE supergraph_live SET pinned = true, pinned_by = $1, pinned_at = now(), pin_reason = $2 WHERE id = 1',
          [actor, reason],
        );
        await writeRegistryAudit(m, {
          actor,
          action: 'rollbackSupergraph',
          target: `supergraph@${version}`,
          reason,
          details: { fromVersion: pointer?.version ?? null, toVersion: version },
        });
        return target;
      }),
    );
  }

  /** Pins (or unpins) the live supergraph; an audited decision either way. */
  setPinned(pinned: boolean, reason: string, actor: string): Promise<SupergraphVersion> {
    return this.writes.serial(() =>
      this.writes.locked(async (m) => {
        const pointer = await this.pointer(m);
        if (!pointer) throw conflict('there is no live supergraph yet');
        if (pointer.pinned === pinned)
          throw conflict(
            pinned ? 'the live supergraph is already pinned' : 'the live supergraph is not pinned',
          );
        if (pinned)
          await m.query(
            'UPDATE supergraph_live SET pinned = true, pinned_by = $1, pinned_at = now(), pin_reason = $2 WHERE id = 1',
            [actor, reason],
          );
        else
          await m.query(
            'UPDATE supergraph_live SET pinned = false, pinned_by = NULL, pinned_at = NULL, pin_reason = NULL WHERE id = 1',
          );
        await writeRegistryAudit(m, {
          actor,
          action: pinned ? 'pinSupergraph' : 'unpinSupergraph',
          target: `supergraph@${pointer.version}`,
          reason,
          details: pinned ? {} : { pinnedBy: pointer.pinnedBy, pinReason: pointer.pinReason },
        });
        return m.getRepository(SupergraphVersion).findOneByOrFail({ version: pointer.version });
      }),
    );
  }

  /** The live supergraph, null before the first publish. */
  live(): Promise<SupergraphVersion | null> {
    return this.db
      .getRepository(SupergraphVersion)
      .createQueryBuilder('s')
      .innerJoin('supergraph_live', 'l', 'l.version = s.version AND l.id = 1')
      .getOne();
  }

  byVersion(version: number): Promise<SupergraphVersion | null> {
    return this.db.getRepository(SupergraphVersion).findOneBy({ version });
  }

  list(first: number): Promise<SupergraphVersion[]> {
    return this.db.getRepository(SupergraphVersion).find({ order: { version: 'DESC' }, take: first });
  }

  liveHistory(first: number): Promise<LiveChange[]> {
    return this.db.getRepository(LiveChange).find({ order: { at: 'DESC', toVersion: 'DESC' }, take: first });
  }

  /** The public API changes from one supergraph to another, classified (issue 5 item 4). */
  async changelog(from: number, to: number): Promise<SchemaChange[]> {
    const rows = await this.db
      .getRepository(SupergraphVersion)
      .find({ where: { version: In([from, to]) }, select: { version: true, sdl: true } });
    const sdl = (version: number, field: string) => {
      const row = rows.find((r) => r.version === version);
      if (!row) throw badUserInput({ [field]: `there is no supergraph version ${version}` });
      return row.sdl;
    };
    return diffSupergraphs(sdl(from, 'fromSupergraphVersion'), sdl(to, 'toSupergraphVersion'));
  }
}
