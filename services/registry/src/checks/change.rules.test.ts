import { describe, expect, it } from 'vitest';
import {
  type ChangeEvidence,
  classify,
  coordinateFromPath,
  usageCoordinate,
  weighUsage,
} from './change.rules.js';
import type { AffectedOperation, SchemaChange } from './check.types.js';

describe('classify', () => {
  it.each([
    ['BREAKING', 'FIELD_REMOVED', 'BREAKING'],
    ['DANGEROUS', 'ENUM_VALUE_ADDED', 'DANGEROUS'],
    ['NON_BREAKING', 'FIELD_ADDED', 'SAFE'],
    // Optional arguments and input fields: the inspector says dangerous, no operation can fail.
    ['DANGEROUS', 'FIELD_ARGUMENT_ADDED', 'SAFE'],
    ['DANGEROUS', 'INPUT_FIELD_ADDED', 'SAFE'],
    // Required ones stay breaking.
    ['BREAKING', 'FIELD_ARGUMENT_ADDED', 'BREAKING'],
    ['BREAKING', 'INPUT_FIELD_ADDED', 'BREAKING'],
    // A level this code does not know is treated as the worst.
    ['SOMETHING_NEW', 'FIELD_REMOVED', 'BREAKING'],
  ])('%s %s → %s', (level, type, expected) => {
    expect(classify(level, type).criticality).toBe(expected);
  });

  it("keeps the inspector's reason unless it overrides the level", () => {
    expect(classify('BREAKING', 'FIELD_REMOVED', 'why')).toEqual({ criticality: 'BREAKING', reason: 'why' });
    expect(classify('DANGEROUS', 'FIELD_ARGUMENT_ADDED', 'why').reason).toMatch(/optional argument/);
  });
});

describe('coordinateFromPath', () => {
  it.each([
    [undefined, undefined],
    ['Hazard', 'Hazard'],
    ['Hazard.title', 'Hazard.title'],
    ['HazardStatus.OPEN', 'HazardStatus.OPEN'],
    ['Query.hazards.status', 'Query.hazards(status:)'],
    ['@cost', '@cost'],
    ['@cost.weight', '@cost(weight:)'],
    ['Hazard.title.@deprecated', 'Hazard.title'],
    ['Query.hazards.status.@deprecated', 'Query.hazards(status:)'],
  ])('%s → %s', (path, coordinate) => {
    expect(coordinateFromPath(path)).toBe(coordinate);
  });
});

describe('usageCoordinate', () => {
  it.each([
    ['FIELD_REMOVED', 'Hazard.title', 'Hazard.title'],
    ['FIELD_TYPE_CHANGED', 'Hazard.title', 'Hazard.title'],
    ['FIELD_ARGUMENT_REMOVED', 'Query.hazards(status:)', 'Query.hazards(status:)'],
    ['FIELD_ARGUMENT_TYPE_CHANGED', 'Query.hazards(status:)', 'Query.hazards(status:)'],
    // Every operation selecting the field must now pass the new required argument.
    ['FIELD_ARGUMENT_ADDED', 'Query.hazards(keyword:)', 'Query.hazards'],
    ['ENUM_VALUE_REMOVED', 'HazardStatus.OPEN', 'HazardStatus.OPEN'],
    ['INPUT_FIELD_REMOVED', 'HazardInput.title', 'HazardInput.title'],
    ['INPUT_FIELD_TYPE_CHANGED', 'HazardInput.title', 'HazardInput.title'],
    // Types, unions, interfaces, directives: usage cannot clear them.
    ['TYPE_REMOVED', 'Hazard', undefined],
    ['UNION_MEMBER_REMOVED', 'SearchResult', undefined],
    ['OBJECT_TYPE_INTERFACE_REMOVED', 'Hazard', undefined],
    ['DIRECTIVE_REMOVED', '@cost', undefined],
    ['FIELD_REMOVED', undefined, undefined],
  ])('%s %s → %s', (type, coordinate, expected) => {
    expect(usageCoordinate(type, coordinate)).toBe(expected);
  });
});

describe('weighUsage', () => {
  const removed: SchemaChange = {
    criticality: 'BREAKING',
    type: 'FIELD_REMOVED',
    message: "Field 'title' was removed from object type 'Hazard'",
    path: 'Hazard.title',
  };
  const op = (clientName: string, kind: AffectedOperation['kind'] = 'USAGE'): AffectedOperation => ({
    kind,
    operationName: 'HazardList',
    operationHash: 'h',
    clientName,
  });
  const none: ChangeEvidence = { usageAsked: true, usage: [], documents: [], windowDays: 30 };

  it.each<[string, Partial<ChangeEvidence>, object]>([
    [
      'unused in the window: safe',
      {},
      {
        criticality: 'SAFE',
        downgradedByUsage: true,
        reason: 'No client used Hazard.title in the last 30 days.',
      },
    ],
    ['no oracle asked: stays breaking', { usageAsked: false }, { criticality: 'BREAKING' }],
    [
      'used: breaking, naming clients',
      { usage: [op('app-hazard'), op('integrator-x')], windowDays: 1 },
      {
        criticality: 'BREAKING',
        reason: 'Used by 2 operations in the last 1 day (clients: app-hazard, integrator-x).',
      },
    ],
    [
      'needed by a registered document: breaking even without usage',
      { documents: [op('app-hazard', 'TRUSTED_DOCUMENT')] },
      { criticality: 'BREAKING', reason: 'Breaks 1 registered document (clients: app-hazard).' },
    ],
  ])('%s', (_name, evidence, expected) => {
    const weighed = weighUsage(removed, { ...none, ...evidence });
    expect(weighed).toMatchObject(expected);
    if (expected && (expected as SchemaChange).criticality === 'BREAKING')
      expect(weighed.downgradedByUsage).toBeUndefined();
  });

  it('never downgrades a breaking change usage cannot clear', () => {
    const typeRemoved: SchemaChange = { ...removed, type: 'TYPE_REMOVED', path: 'Hazard' };
    expect(weighUsage(typeRemoved, none)).toEqual(typeRemoved);
  });

  it('leaves a non-breaking change as it is', () => {
    const added: SchemaChange = { ...removed, criticality: 'SAFE', type: 'FIELD_ADDED' };
    expect(weighUsage(added, none)).toEqual(added);
  });
});
