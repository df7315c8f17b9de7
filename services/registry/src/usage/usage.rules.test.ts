import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aggregateReport, publicFieldCoordinates, readUsageReport, startOfHour } from './usage.rules.js';

const entry = (overrides: Record<string, unknown> = {}) => ({
  hour: '2026-03-01T10:00:00.000Z',
  operationHash: 'sha256:a',
  operationName: 'A',
  clientName: 'app-hazard',
  clientVersion: '1.0.0',
  count: 2,
  errors: 0,
  lastSeen: '2026-03-01T10:30:00.000Z',
  coordinates: { 'Query.hazards': 2 },
  ...overrides,
});

describe('readUsageReport', () => {
  it.each([
    ['not an object', [], /JSON object/],
    ['entries missing', {}, /entries/],
    ['bad hour', { entries: [entry({ hour: 'yesterday' })] }, /ISO/],
    ['no client', { entries: [entry({ clientName: '' })] }, /clientName/],
    ['fractional count', { entries: [entry({ count: 1.5 })] }, /counts/],
    ['bad coordinate', { entries: [entry({ coordinates: { 'Query.hazards(': 1 } })] }, /schema coordinate/],
    ['long body', { operations: [{ hash: 'h', body: 'x'.repeat(200_001) }], entries: [] }, /body/],
  ])('refuses %s', (_name, body, error) => {
    const read = readUsageReport(body);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });

  it('accepts coordinates of fields, arguments, enum values and types, and truncates to the hour', () => {
    const read = readUsageReport({
      entries: [
        entry({
          hour: '2026-03-01T10:59:59.000Z',
          coordinates: { 'Query.hazards': 1, 'Query.hazards(grade:)': 1, 'HazardGrade.MAJOR': 1, Hazard: 1 },
        }),
      ],
    });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.entries[0].hour.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});

describe('aggregateReport', () => {
  it('sums rows with the same key, keeps the latest lastSeen, and fills missing operations', () => {
    const read = readUsageReport({
      entries: [
        entry(),
        entry({
          count: 3,
          errors: 1,
          lastSeen: '2026-03-01T10:50:00.000Z',
          coordinates: { 'Query.hazards': 3, 'Hazard.title': 1 },
        }),
        entry({ clientVersion: null, tokenId: 'jti-1' }),
      ],
    });
    if (!read.ok) throw new Error(read.error);
    const { operations, operationHours, coordinateHours } = aggregateReport(read.value);
    expect(operations).toEqual([{ hash: 'sha256:a', name: 'A', type: null, body: null }]);
    expect(
      operationHours.map((r) => [r.clientVersion, r.tokenId, r.count, r.errors, r.lastSeen.toISOString()]),
    ).toEqual([
      ['1.0.0', '', 5, 1, '2026-03-01T10:50:00.000Z'],
      ['', 'jti-1', 2, 0, '2026-03-01T10:30:00.000Z'],
    ]);
    expect(coordinateHours.map((r) => [r.coordinate, r.clientVersion, r.count])).toEqual([
      ['Query.hazards', '1.0.0', 5],
      ['Hazard.title', '1.0.0', 1],
      ['Query.hazards', '', 2],
    ]);
  });

  it('startOfHour is UTC', () => {
    expect(startOfHour(new Date('2026-03-01T23:59:59.999+08:00')).toISOString()).toBe(
      '2026-03-01T15:00:00.000Z',
    );
  });
});

describe('publicFieldCoordinates', () => {
  it('lists the public API fields of a supergraph: no join__ types, no @inaccessible fields', () => {
    const { supergraphSdl } = composeServices([
      {
        name: 'a',
        url: 'http://a',
        typeDefs:
          parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])
          type Hazard @key(fields: "id") { id: ID! title: String internal: String @inaccessible }
          type Query { hazards: [Hazard] }`),
      },
    ]);
    expect(publicFieldCoordinates(supergraphSdl!)).toEqual(['Hazard.id', 'Hazard.title', 'Query.hazards']);
  });
});
