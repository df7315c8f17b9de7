import type { EntityManager } from 'typeorm';

/** An event as it travels between services (domain §2.5: ids and the fields a rule needs, never documents). */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  source: string;
  occurredAt: string;
  payload: P;
}

/** A consumer's handler: applied in the consumer's transaction, at most once per event id. */
export type EventHandler = (event: DomainEvent<any>, manager: EntityManager) => Promise<void>;

export interface Subscriber {
  service: string;
  eventsUrl: string;
}

/** Who subscribes to an event type (the registry knows; tests may give a fixed list). */
export type SubscriberDirectory = (eventType: string) => Promise<Subscriber[]>;
