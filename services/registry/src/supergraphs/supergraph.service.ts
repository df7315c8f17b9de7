import type { DataSource } from 'typeorm';
import { SupergraphVersion } from './supergraph-version.entity.js';

/** Reads of composed supergraphs; they are written only by a publish (SubgraphService). */
export class SupergraphService {
  constructor(private readonly db: DataSource) {}

  /** The live supergraph: the highest version. */
  live(): Promise<SupergraphVersion | null> {
    return this.db
      .getRepository(SupergraphVersion)
      .createQueryBuilder('s')
      .orderBy('s.version', 'DESC')
      .limit(1)
      .getOne();
  }

  list(first: number): Promise<SupergraphVersion[]> {
    return this.db.getRepository(SupergraphVersion).find({ order: { version: 'DESC' }, take: first });
  }
}
