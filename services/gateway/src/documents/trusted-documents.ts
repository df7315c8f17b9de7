import { type DocumentNode, parse } from 'graphql';
import type { Logger } from 'pino';
import { documentHash, withoutTypename } from './normalize.js';

export interface RegisteredDocument {
  hash: string;
  operationName: string | null;
  body: string;
}

/** The registry's `GET /documents`: every app client's registered documents. */
export interface DocumentSetPayload {
  clients: Record<string, RegisteredDocument[]>;
}

interface ClientDocuments {
  /** Persisted document id (sha256:<hex>) → body. */
  byId: Map<string, string>;
  /** Every hash a sent document may have and still be one of these (see `identities`). */
  hashes: Set<string>;
}

/** Hashes a document is known by: as sent, and without Apollo Client's added `__typename`s. */
export function identities(document: DocumentNode): string[] {
  const asSent = documentHash(document);
  const bare = documentHash(withoutTypename(document));
  return asSent === bare ? [asSent] : [bare, asSent];
}

/**
 * The apps' trusted documents, polled from the registry like the supergraph (ETag, every few
 * seconds); the last good set stays when the registry is unreachable.
 */
export class TrustedDocumentSet {
  private clients = new Map<string, ClientDocuments>();
  private etag: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private warnedEmpty = false;
  /** Settles after the first load, successful or not. */
  readonly ready: Promise<void>;

  constructor(
    private readonly options: { registryUrl?: string; pollIntervalMs?: number; log: Logger },
    initial?: DocumentSetPayload,
  ) {
    if (initial) this.replace(initial);
    this.ready = options.registryUrl ? this.refresh() : Promise.resolve();
    if (options.registryUrl) {
      this.timer = setInterval(() => void this.refresh(), options.pollIntervalMs ?? 5000);
      this.timer.unref();
    }
  }

  /** Whether requests naming this client are held to its documents. */
  restricts(clientName: string | null | undefined): boolean {
    return clientName != null && this.clients.has(clientName);
  }

  /** The body of a persisted document id (sha256:<hex>, or the bare hex of Apollo's persisted queries). */
  byId(clientName: string | null, id: string): string | undefined {
    const key = id.startsWith('sha256:') ? id : `sha256:${id}`;
    const own = clientName ? this.clients.get(clientName) : undefined;
    if (own) return own.byId.get(key);
    for (const client of this.clients.values()) {
      const body = client.byId.get(key);
      if (body) return body;
    }
    return undefined;
  }

  /** Whether the document is one the client registered (whatever its whitespace, order or `__typename`s). */
  isRegistered(clientName: string, document: DocumentNode): boolean {
    const client = this.clients.get(clientName);
    return client !== undefined && identities(document).some((hash) => client.hashes.has(hash));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  replace(payload: DocumentSetPayload): void {
    const clients = new Map<string, ClientDocuments>();
    for (const [clientName, documents] of Object.entries(payload.clients)) {
      const client: ClientDocuments = { byId: new Map(), hashes: new Set() };
      for (const { hash, body } of documents) {
        client.byId.set(hash, body);
        client.hashes.add(hash);
        try {
          for (const identity of identities(parse(body))) client.hashes.add(identity);
        } catch {
          // The registry checked it parses; a body that does not is only reachable by its id.
        }
      }
      clients.set(clientName, client);
    }
    this.clients = clients;
    if (clients.size === 0 && !this.warnedEmpty) {
      this.warnedEmpty = true;
      this.options.log.warn('no trusted documents registered: app clients may run any operation');
    }
    if (clients.size > 0) this.warnedEmpty = false;
  }

  private async refresh(): Promise<void> {
    const { registryUrl, log } = this.options;
    try {
      const response = await fetch(`${registryUrl}/documents`, {
        headers: this.etag ? { 'if-none-match': this.etag } : {},
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 304) return;
      if (!response.ok) throw new Error(`registry answered HTTP ${response.status}`);
      const payload = (await response.json()) as DocumentSetPayload;
      this.replace(payload);
      this.etag = response.headers.get('etag');
      log.info(
        { clients: Object.fromEntries(Object.entries(payload.clients).map(([c, d]) => [c, d.length])) },
        'trusted documents loaded',
      );
    } catch (error) {
      log.warn({ err: error }, 'trusted documents: registry unreachable, keeping the last set');
    }
  }
}
