import type { Subscriber, SubscriberDirectory } from './events/types.js';
import type { Logger } from './logger.js';

export interface Publication {
  name: string;
  url: string;
  sdl: string;
  eventsUrl: string;
  subscribes: string[];
}

/**
 * Publishes the subgraph's SDL to the registry on start (idempotent there), retrying in the
 * background until the registry answers, so start order does not matter.
 */
export function publishToRegistry(
  registryUrl: string,
  publication: Publication,
  log: Logger,
  writeToken?: string,
): () => void {
  let stopped = false;
  let delay = 500;
  const attempt = async () => {
    if (stopped) return;
    try {
      const response = await fetch(`${registryUrl}/subgraphs/${publication.name}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(writeToken ? { authorization: `Bearer ${writeToken}` } : {}),
        },
        body: JSON.stringify(publication),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json().catch(() => ({}))) as {
        errors?: unknown;
        version?: number;
        status?: string;
        held?: boolean;
      };
      if (response.status === 422) {
        if (body.status === 'DECLINED') log.error('an admin declined this schema at the registry');
        else log.error({ errors: body.errors }, 'registry rejected this schema: it does not compose');
        return;
      }
      if (response.status === 401) {
        log.error('registry refused the publish: REGISTRY_WRITE_TOKEN is missing or wrong');
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (body.held)
        log.warn({ version: body.version }, 'schema held at the registry until an admin approves it');
      else log.info({ version: body.version }, 'schema published to the registry');
    } catch (error) {
      log.warn({ err: error, retryInMs: delay }, 'registry not reachable; retrying');
      setTimeout(attempt, delay).unref();
      delay = Math.min(delay * 2, 10_000);
    }
  };
  void attempt();
  return () => {
    stopped = true;
  };
}

/** Asks the registry which services subscribe to an event type (cached for a few seconds). */
export function registrySubscribers(registryUrl: string): SubscriberDirectory {
  const cache = new Map<string, { at: number; subscribers: Subscriber[] }>();
  return async (eventType) => {
    const hit = cache.get(eventType);
    if (hit && Date.now() - hit.at < 5000) return hit.subscribers;
    const response = await fetch(`${registryUrl}/subscribers/${encodeURIComponent(eventType)}`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`registry subscribers: HTTP ${response.status}`);
    const subscribers = ((await response.json()) as { subscribers: Subscriber[] }).subscribers;
    cache.set(eventType, { at: Date.now(), subscribers });
    return subscribers;
  };
}
