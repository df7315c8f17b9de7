import type { Logger } from 'pino';

/** One executed operation, as the usage plugin saw it. */
export interface UsageSample {
  operationHash: string;
  operationName: string | null;
  operationType: string | null;
  /** The normalized document, sent once per operation. */
  body: string;
  clientName: string;
  clientVersion: string | null;
  tokenId: string | null;
  coordinates: Iterable<string>;
  error: boolean;
  at: Date;
}

interface Entry {
  hour: string;
  operationHash: string;
  operationName: string | null;
  clientName: string;
  clientVersion: string | null;
  tokenId: string | null;
  count: number;
  errors: number;
  lastSeen: string;
  coordinates: Record<string, number>;
}

export interface UsageReporterOptions {
  registryUrl: string;
  /** The registry's write secret (`REGISTRY_WRITE_TOKEN`), when it has one. */
  writeToken?: string;
  /** Default 5 s. */
  flushIntervalMs?: number;
  /** Distinct hourly entries held between flushes; beyond it samples are dropped (counted, logged). */
  maxEntries?: number;
  log: Logger;
}

/**
 * Aggregates usage per hour in memory and posts it to the registry's `POST /usage` every few
 * seconds. Recording never waits or throws; when the registry is down the batch is dropped with
 * a log line, so memory stays bounded.
 */
export class UsageReporter {
  private entries = new Map<string, Entry>();
  private bodies = new Map<
    string,
    { hash: string; name: string | null; type: string | null; body: string }
  >();
  /** Operations whose text the registry already has. */
  private reported = new Set<string>();
  private dropped = 0;
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly maxEntries: number;

  constructor(private readonly options: UsageReporterOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    this.timer.unref();
  }

  record(sample: UsageSample): void {
    const hour = new Date(sample.at);
    hour.setUTCMinutes(0, 0, 0);
    const key = JSON.stringify([
      hour.getTime(),
      sample.operationHash,
      sample.clientName,
      sample.clientVersion,
      sample.tokenId,
    ]);
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.maxEntries) {
        this.dropped++;
        return;
      }
      entry = {
        hour: hour.toISOString(),
        operationHash: sample.operationHash,
        operationName: sample.operationName,
        clientName: sample.clientName,
        clientVersion: sample.clientVersion,
        tokenId: sample.tokenId,
        count: 0,
        errors: 0,
        lastSeen: sample.at.toISOString(),
        coordinates: {},
      };
      this.entries.set(key, entry);
    }
    entry.count++;
    if (sample.error) entry.errors++;
    entry.lastSeen = sample.at.toISOString();
    for (const coordinate of sample.coordinates)
      entry.coordinates[coordinate] = (entry.coordinates[coordinate] ?? 0) + 1;
    if (!this.reported.has(sample.operationHash) && !this.bodies.has(sample.operationHash))
      this.bodies.set(sample.operationHash, {
        hash: sample.operationHash,
        name: sample.operationName,
        type: sample.operationType,
        body: sample.body,
      });
  }

  /** Sends what was recorded since the last flush; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }

  private async send(): Promise<void> {
    if (this.dropped) {
      this.options.log.warn(
        { dropped: this.dropped },
        'usage: too many distinct operations, samples dropped',
      );
      this.dropped = 0;
    }
    if (this.entries.size === 0) return;
    const entries = [...this.entries.values()];
    const operations = [...this.bodies.values()];
    this.entries = new Map();
    this.bodies = new Map();
    try {
      const response = await fetch(`${this.options.registryUrl}/usage`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.writeToken ? { authorization: `Bearer ${this.options.writeToken}` } : {}),
        },
        body: JSON.stringify({ operations, entries }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`registry answered HTTP ${response.status}`);
      if (this.reported.size > 50_000) this.reported.clear();
      for (const op of operations) this.reported.add(op.hash);
    } catch (error) {
      this.options.log.warn(
        { err: error, entries: entries.length, requests: entries.reduce((sum, e) => sum + e.count, 0) },
        'usage: registry unreachable, report dropped',
      );
    }
  }
}
