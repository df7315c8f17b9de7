import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentCoordinates, variableCoordinates } from './coordinates.js';

const schema = buildSchema(`
  enum Grade { GENERAL MAJOR }
  input HazardFilter { grade: Grade, search: String, nested: HazardFilter }
  interface Node { id: ID! }
  type Hazard implements Node { id: ID! title: String grade: Grade }
  type Query { hazards(filter: HazardFilter, first: Int): [Hazard] node(id: ID!): Node }
`);

describe('documentCoordinates', () => {
  it('collects fields, arguments, input fields and enum values written in the document', () => {
    const document = parse(`query Q($first: Int) {
      hazards(first: $first, filter: { grade: MAJOR, nested: { search: "x" } }) { title __typename ...F }
      node(id: "1") { id ... on Hazard { grade } }
    }
    fragment F on Hazard { id @include(if: true) }`);
    expect([...documentCoordinates(schema, document)].sort()).toEqual([
      'Grade.MAJOR',
      'Hazard.grade',
      'Hazard.id',
      'Hazard.title',
      'HazardFilter.grade',
      'HazardFilter.nested',
      'HazardFilter.search',
      'Node.id',
      'Query.hazards',
      'Query.hazards(filter:)',
      'Query.hazards(first:)',
      'Query.node',
      'Query.node(id:)',
    ]);
  });
});

describe('variableCoordinates', () => {
  it('collects input fields and enum values that arrive in the variables', () => {
    const document = parse('query Q($f: HazardFilter, $g: [Grade!]) { hazards(filter: $f) { id } }');
    const found = new Set<string>();
    variableCoordinates(
      schema,
      document,
      { f: { grade: 'GENERAL', nested: { search: 's' }, unknown: 1 }, g: ['MAJOR', 'NOPE'] },
      found,
    );
    expect([...found].sort()).toEqual([
      'Grade.GENERAL',
      'Grade.MAJOR',
      'HazardFilter.grade',
      'HazardFilter.nested',
      'HazardFilter.search',
    ]);
  });
});
