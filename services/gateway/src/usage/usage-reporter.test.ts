import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageReporter, type UsageSample } from './usage-reporter.js';

const log = pino({ level: 'silent' });
const sample = (overrides: Partial<UsageSample> = {}): UsageSample => ({
  operationHash: 'sha256:a',
  operationName: 'A',
  operationType: 'query',
  body: 'query A { a }',
  clientName: 'app-hazard',
  clientVersion: '1',
  tokenId: null,
  coordinates: ['Query.a'],
  error: false,
  at: new Date('2026-03-01T10:15:00Z'),
  ...overrides,
});

const servers: Array<{ close(): void }> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A stand-in registry that records what it receives, answering with `status`. */
async function registry(status = 200) {
  const received: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('UsageReporter', () => {
  it('aggregates per hour, operation and client, and sends each operation text once', async () => {
    const target = await registry();
    const reporter = new UsageReporter({ registryUrl: target.url, flushIntervalMs: 60_000, log });
    reporter.record(sample());
    reporter.record(
      sample({ error: true, coordinates: ['Query.a', 'Query.b'], at: new Date('2026-03-01T10:45:00Z') }),
    );
    reporter.record(sample({ at: new Date('2026-03-01T11:01:00Z') }));
    await reporter.flush();
    reporter.record(sample());
    await reporter.stop();
    expect(target.received).toHaveLength(2);
    const [first, second] = target.received;
    expect(first.operations).toEqual([{ hash: 'sha256:a', name: 'A', type: 'query', body: 'query A { a }' }]);
    expect(first.entries).toEqual([
      expect.objectContaining({
        hour: '2026-03-01T10:00:00.000Z',
        count: 2,
        errors: 1,
        lastSeen: '2026-03-01T10:45:00.000Z',
        coordinates: { 'Query.a': 2, 'Query.b': 1 },
      }),
      expect.objectContaining({ hour: '2026-03-01T11:00:00.000Z', count: 1, errors: 0 }),
    ]);
    expect(second.operations).toEqual([]);
    expect(second.entries).toHaveLength(1);
  });

  it('drops a batch the registry refuses, and samples beyond its bound, without throwing', async () => {
    const target = await registry(503);
    const reporter = new UsageReporter({
      registryUrl: target.url,
      flushIntervalMs: 60_000,
      maxEntries: 2,
      log,
    });
    for (const hash of ['a', 'b', 'c', 'd']) reporter.record(sample({ operationHash: hash }));
    await reporter.flush();
    expect(target.received[0].entries.map((e: { operationHash: string }) => e.operationHash)).toEqual([
      'a',
      'b',
    ]);
    await reporter.flush(); // nothing kept from the refused batch
    expect(target.received).toHaveLength(1);
    await reporter.stop();
  });
});
