import { type DataSource, type EntityManager, In } from 'typeorm';
import { type CompositionErrorShape, composeSupergraph } from '../supergraphs/composition.js';
import { Subgraph } from './subgraph.entity.js';
import { type Publication, sha256 } from './subgraph.rules.js';
import { SubgraphVersion, SubgraphVersionStatus } from './subgraph-version.entity.js';

export type PublishOutcome =
  | { ok: true; version: number; supergraphVersion: number; changed: boolean }
  | { ok: false; errors: CompositionErrorShape[] };

interface AcceptedRow {
  id: string;
  name: string;
  sdl: string;
  hash: string;
  version: number;
  url: string;
}

/** Publishing (the one write) and the reads of subgraphs and their versions. */
export class SubgraphService {
  // Publishes queue here first so waiting ones do not each hold a pooled connection on the lock row.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: DataSource) {}

  /**
   * Stores the SDL as a new version and makes a new live supergraph if it composes with the
   * latest accepted version of every other subgraph; otherwise records it REJECTED and leaves
   * the live supergraph alone. One publish at a time: a process queue, then a row lock for
   * other replicas. Everything inside runs on the transaction's connection (PGlite, arch. §4).
   */
  publish(publication: Publication): Promise<PublishOutcome> {
    const run = this.tail.then(() =>
      this.db.transaction((manager) => this.publishLocked(manager, publication)),
    );
    this.tail = run.catch(() => {});
    return run;
  }

  private async publishLocked(m: EntityManager, p: Publication): Promise<PublishOutcome> {
    await m.query('SELECT id FROM registry_lock WHERE id = 1 FOR UPDATE');
    const hash = sha256(p.sdl);
    const [live] = (await m.query(
      'SELECT version, routing_urls FROM supergraph_version ORDER BY version DESC LIMIT 1',
    )) as Array<{ version: number; routing_urls: Record<string, string> }>;
    const accepted = (await m.query(
      `SELECT DISTINCT ON (v.subgraph_name) v.id, v.subgraph_name AS name, v.sdl, v.hash, v.version, s.url
         FROM subgraph_version v JOIN subgraph s ON s.name = v.subgraph_name
        WHERE v.status = 'ACCEPTED'
        ORDER BY v.subgraph_name, v.version DESC`,
    )) as AcceptedRow[];
    await m.query(
      `INSERT INTO subgraph (name, url, events_url, subscribes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE
         SET url = excluded.url, events_url = excluded.events_url, subscribes = excluded.subscribes,
             updated_at = now()`,
      [p.name, p.url, p.eventsUrl, p.subscribes],
    );

    const own = accepted.find((row) => row.name === p.name);
    const sameSdl = own?.hash === hash;
    // Same SDL at the same URL: only the registration changed. A moved service needs a new
    // supergraph though, because the gateway routes by the URL inside it.
    if (own && sameSdl && live?.routing_urls[p.name] === p.url)
      return { ok: true, version: own.version, supergraphVersion: live.version, changed: false };

    const others = accepted.filter((row) => row.name !== p.name);
    const outcome = composeSupergraph([
      ...others.map(({ name, sdl, url }) => ({ name, sdl, url })),
      { name: p.name, sdl: p.sdl, url: p.url },
    ]);
    if (!outcome.ok) {
      if (!sameSdl) await this.recordRejection(m, p, hash, outcome.errors);
      return { ok: false, errors: outcome.errors };
    }

    const version =
      own && sameSdl ? own : await this.insertVersion(m, p, hash, SubgraphVersionStatus.ACCEPTED, []);
    const supergraphVersion = (live?.version ?? 0) + 1;
    const subgraphs = [...others, { id: version.id, name: p.name, url: p.url }];
    await m.query(
      `INSERT INTO supergraph_version (version, hash, sdl, subgraph_version_ids, routing_urls)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        supergraphVersion,
        sha256(outcome.supergraphSdl),
        outcome.supergraphSdl,
        subgraphs.map((s) => s.id),
        JSON.stringify(Object.fromEntries(subgraphs.map((s) => [s.name, s.url]))),
      ],
    );
    return { ok: true, version: version.version, supergraphVersion, changed: true };
  }

  /** A service restarting with the same broken SDL refreshes its last rejected attempt instead of piling up rows. */
  private async recordRejection(
    m: EntityManager,
    p: Publication,
    hash: string,
    errors: CompositionErrorShape[],
  ): Promise<void> {
    const [latest] = (await m.query(
      'SELECT id, hash, status FROM subgraph_version WHERE subgraph_name = $1 ORDER BY version DESC LIMIT 1',
      [p.name],
    )) as Array<{ id: string; hash: string; status: string }>;
    if (latest?.status === SubgraphVersionStatus.REJECTED && latest.hash === hash) {
      await m.query(
        `UPDATE subgraph_version SET errors = $2, published_by = $3, commit = $4, published_at = now()
          WHERE id = $1`,
        [latest.id, JSON.stringify(errors), p.publishedBy, p.commit],
      );
      return;
    }
    await this.insertVersion(m, p, hash, SubgraphVersionStatus.REJECTED, errors);
  }

  private async insertVersion(
    m: EntityManager,
    p: Publication,
    hash: string,
    status: SubgraphVersionStatus,
    errors: CompositionErrorShape[],
  ): Promise<{ id: string; version: number }> {
    const [row] = (await m.query(
      `INSERT INTO subgraph_version (subgraph_name, version, hash, sdl, status, errors, published_by, commit)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7
         FROM subgraph_version WHERE subgraph_name = $1
       RETURNING id, version`,
      [p.name, hash, p.sdl, status, JSON.stringify(errors), p.publishedBy, p.commit],
    )) as Array<{ id: string; version: number }>;
    return row;
  }

  list(): Promise<Subgraph[]> {
    return this.db.getRepository(Subgraph).find({ order: { name: 'ASC' } });
  }

  get(name: string): Promise<Subgraph | null> {
    return this.db.getRepository(Subgraph).findOneBy({ name });
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
    return this.db.getRepository(SubgraphVersion).find({
      where: { status: SubgraphVersionStatus.REJECTED, ...(subgraph ? { subgraphName: subgraph } : {}) },
      order: { publishedAt: 'DESC', version: 'DESC' },
      take: first,
    });
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
