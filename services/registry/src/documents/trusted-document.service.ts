import type { DataSource } from 'typeorm';
import type { TrustedDocument } from '../checks/index.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import type { DocumentRegistration } from './trusted-document.rules.js';

export interface DocumentClient {
  clientName: string;
  documents: number;
  lastRegisteredAt: Date;
  appVersion: string | null;
}

/** The apps' trusted documents: registered at build/start, read by the gateway and by the checks. */
export class DocumentStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Adds the documents the client does not have yet; an id already registered is left as it was
   * (same id, same text), so registering the same build twice changes nothing. Documents of older
   * builds stay: a browser may still run them.
   */
  async register(registration: DocumentRegistration): Promise<{ added: number; total: number }> {
    const { clientName, appVersion, documents } = registration;
    const added = documents.length
      ? ((await this.db.query(
          `INSERT INTO trusted_document (client_name, hash, operation_name, body, app_version)
           SELECT $1::text, u.hash, u.name, u.body, $5::text
           FROM unnest($2::text[], $3::text[], $4::text[]) AS u (hash, name, body)
           ON CONFLICT (client_name, hash) DO NOTHING
           RETURNING hash`,
          [
            clientName,
            documents.map((d) => d.hash),
            documents.map((d) => d.operationName),
            documents.map((d) => d.body),
            appVersion,
          ],
        )) as unknown[])
      : [];
    const [{ total }] = (await this.db.query(
      'SELECT count(*)::int AS total FROM trusted_document WHERE client_name = $1',
      [clientName],
    )) as Array<{ total: number }>;
    return { added: added.length, total };
  }

  /** Every registered document of every client (the checks' `documents`). */
  async all(): Promise<TrustedDocument[]> {
    const rows = await this.db
      .getRepository(TrustedDocumentEntity)
      .find({ order: { clientName: 'ASC', hash: 'ASC' } });
    return rows.map(({ clientName, hash, operationName, body }) => ({
      clientName,
      hash,
      operationName,
      body,
    }));
  }

  byClient(clientName: string): Promise<TrustedDocumentEntity[]> {
    return this.db
      .getRepository(TrustedDocumentEntity)
      .find({ where: { clientName }, order: { operationName: 'ASC', hash: 'ASC' } });
  }

  async clients(): Promise<DocumentClient[]> {
    const rows = (await this.db.query(
      `SELECT client_name, count(*)::int AS documents, max(registered_at) AS last_registered_at,
              (array_agg(app_version ORDER BY registered_at DESC))[1] AS app_version
       FROM trusted_document GROUP BY client_name ORDER BY client_name`,
    )) as Array<{
      client_name: string;
      documents: number;
      last_registered_at: Date;
      app_version: string | null;
    }>;
    return rows.map((r) => ({
      clientName: r.client_name,
      documents: r.documents,
      lastRegisteredAt: new Date(r.last_registered_at),
      appVersion: r.app_version,
    }));
  }

  /** A version of the whole set for the gateway's ETag: documents are only ever added. */
  async version(): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS count, coalesce(floor(extract(epoch FROM max(registered_at)) * 1000000), 0)::bigint AS at
       FROM trusted_document`,
    )) as Array<{ count: number; at: string }>;
    return `${row.count}-${row.at}`;
  }
}
