import { describe, expect, it } from 'vitest';
import { documentCoordinates, isBrokenBy, parseDocument } from './documents.rules.js';
import { graphql } from './graphql.js';

// Built with the same graphql-js copy the rules use (see graphql.ts).
const build = (sdl: string) => graphql.buildSchema(sdl);
const BEFORE = `
  enum HazardStatus { OPEN CLOSED }
  input HazardFilter { status: HazardStatus township: String }
  type Hazard { id: ID! title: String status: HazardStatus }
  type Query { hazards(status: HazardStatus, filter: HazardFilter): [Hazard] }`;
const before = build(BEFORE);

describe('documentCoordinates', () => {
  it('lists the types, fields, arguments, input fields and enum values a document uses', () => {
    const document = parseDocument(
      'query Q($f: HazardFilter) { hazards(status: OPEN, filter: { township: "x" }) { id ...T } other: hazards(filter: $f) { id } } fragment T on Hazard { title }',
    )!;
    expect([...documentCoordinates(before, document)].sort()).toEqual(
      [
        'Query',
        'Query.hazards',
        'Query.hazards(status:)',
        'Query.hazards(filter:)',
        'HazardStatus.OPEN',
        'HazardFilter',
        'HazardFilter.township',
        'Hazard',
        'Hazard.id',
        'Hazard.title',
        'String',
        'ID',
      ].sort(),
    );
  });
});

describe('isBrokenBy', () => {
  const withoutTitle = build(BEFORE.replace('title: String ', ''));
  it.each([
    ['uses a removed field', '{ hazards { title } }', before, true],
    ['does not use it', '{ hazards { id } }', before, false],
    ['never validated (not this change)', '{ hazards { title nope } }', before, false],
    ['nothing live before: judged on the new schema alone', '{ hazards { title } }', null, true],
  ])('%s', (_name, body, old, broken) => {
    expect(isBrokenBy(old, withoutTitle, parseDocument(body)!)).toBe(broken);
  });

  it('does not parse what is not GraphQL', () => {
    expect(parseDocument('query {')).toBeUndefined();
  });
});
