import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operationNameOf, readRegistration } from './trusted-document.rules.js';

const id = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;
const LIST = 'query HazardList { hazards { id } }';

describe('readRegistration', () => {
  it('reads the bare persisted-documents.json map and the wrapped form with an app version', () => {
    expect(readRegistration('app-hazard', { [id(LIST)]: LIST })).toEqual({
      ok: true,
      value: {
        clientName: 'app-hazard',
        appVersion: null,
        documents: [{ clientName: 'app-hazard', hash: id(LIST), operationName: 'HazardList', body: LIST }],
      },
    });
    const wrapped = readRegistration('app-hazard', { appVersion: '2.0.0', documents: { [id(LIST)]: LIST } });
    expect(wrapped.ok && wrapped.value.appVersion).toBe('2.0.0');
  });

  it.each([
    ['a bad client name', 'app hazard', { [id(LIST)]: LIST }, /client name/],
    ['an id that is not sha256:<hex>', 'app-hazard', { abc: LIST }, /sha256/],
    ['an id of another document', 'app-hazard', { [id('{ a }')]: LIST }, /not the SHA-256/],
    ['an empty document', 'app-hazard', { [id('')]: '' }, /non-empty/],
  ])('refuses %s', (_name, client, body, error) => {
    const read = readRegistration(client, body);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });
});

describe('operationNameOf', () => {
  it.each([
    [LIST, 'HazardList'],
    ['{ hazards { id } }', null],
    ['fragment F on Hazard { id } query Q { hazards { ...F } }', 'Q'],
    ['query A { a } query B { b }', undefined],
    ['type Query { a: Int }', undefined],
    ['query {', undefined],
  ])('%s → %s', (text, name) => {
    expect(operationNameOf(text)).toBe(name);
  });
});
