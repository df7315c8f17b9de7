import { describe, expect, it } from 'vitest';
import { locateCoordinate, locateError, namedCoordinates } from './location.rules.js';

const SDL = `type Query {
  hazards(status: String): [Hazard]
}

type Hazard {
  id: ID!
  title: String
}

enum HazardStatus {
  OPEN
}

directive @cost(weight: Int) on FIELD_DEFINITION
`;

describe('locateCoordinate', () => {
  it.each([
    ['Hazard', { line: 5, column: 6 }],
    ['Hazard.title', { line: 7, column: 3 }],
    ['Query.hazards(status:)', { line: 2, column: 11 }],
    ['HazardStatus.OPEN', { line: 11, column: 3 }],
    ['@cost', { line: 14, column: 12 }],
    ['@cost(weight:)', { line: 14, column: 17 }],
    ['Hazard.missing', undefined],
    ['Nope', undefined],
    ['cost', undefined],
    ['not a coordinate', undefined],
  ])('%s → %o', (coordinate, location) => {
    expect(locateCoordinate(SDL, coordinate)).toEqual(location);
  });

  it('gives up on an SDL that does not parse', () => {
    expect(locateCoordinate('type {', 'Hazard')).toBeUndefined();
  });
});

describe('namedCoordinates', () => {
  it.each([
    ['Type of field "Hazard.id" is incompatible across subgraphs', ['Hazard.id']],
    ['Field "Query.hazards(status:)" and type "Hazard"', ['Query.hazards(status:)', 'Hazard']],
    ['in subgraphs \'a\', "b"', ['a', 'b']],
    ['The field Hazard.title is not resolvable', ['Hazard.title']],
    ['nothing here', []],
  ])('%s', (message, coordinates) => {
    expect(namedCoordinates(message)).toEqual(coordinates);
  });
});

describe('locateError', () => {
  const proposed = { name: 'hazard', sdl: SDL };
  it.each([
    [
      "the library's location in the proposed subgraph",
      { message: '[hazard] Unknown type X', locations: [{ line: 3, column: 1 }] },
      { message: '[hazard] Unknown type X', locations: [{ line: 3, column: 1 }], subgraph: 'hazard' },
    ],
    [
      "another subgraph's location is dropped",
      { message: '[training] Unknown type X', locations: [{ line: 3, column: 1 }] },
      { message: '[training] Unknown type X', subgraph: 'training' },
    ],
    [
      'no location: the named field in the proposed SDL',
      { message: 'Type of field "Hazard.title" is incompatible', code: 'FIELD_TYPE_MISMATCH' },
      {
        message: 'Type of field "Hazard.title" is incompatible',
        code: 'FIELD_TYPE_MISMATCH',
        subgraph: 'hazard',
        locations: [{ line: 7, column: 3 }],
      },
    ],
    [
      'no location and nothing named in the proposed SDL',
      { message: 'Field "Enterprise.name" is not shareable' },
      { message: 'Field "Enterprise.name" is not shareable' },
    ],
  ])('%s', (_name, error, expected) => {
    expect(locateError(error, proposed)).toEqual(expected);
  });
});
