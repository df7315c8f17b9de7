import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../certificates/certificate.rules.js';
import { Gender } from './person.enums.js';
import {
  employmentDatesProblem,
  idNumberFacts,
  idNumberHash,
  isActiveOn,
  isAdultOn,
} from './person.rules.js';

const withCheck = (body: string) => body + idCheckCharacter(body);

describe('citizen ID number facts (GB 11643-1999)', () => {
  it.each([
    [withCheck('62062119900101123'), { birthDate: '1990-01-01', gender: Gender.MALE }],
    [withCheck('62062120070915002'), { birthDate: '2007-09-15', gender: Gender.FEMALE }],
    [withCheck('62062120000229101'), { birthDate: '2000-02-29', gender: Gender.MALE }],
  ])('%s → %o', (idNumber, expected) => {
    expect(idNumberFacts(idNumber)).toEqual(expected);
  });

  it.each([
    [withCheck('62062119900230123'), 'the birth date it contains is not a date'],
    [withCheck('62062119011301123'), 'the birth date it contains is not a date'],
    ['6206211990010112', 'must be 18 characters: 17 digits and a digit or X'],
  ])('%s is refused: %s', (idNumber, problem) => {
    expect(idNumberFacts(idNumber)).toEqual({ problem });
  });
});

describe('keyed lookup hash (domain §2.8)', () => {
  const id = withCheck('62062119900101123');
  it('is stable for a key, differs between keys and never contains the number', () => {
    expect(idNumberHash(id, 'k1')).toBe(idNumberHash(id, 'k1'));
    expect(idNumberHash(id, 'k1')).not.toBe(idNumberHash(id, 'k2'));
    expect(idNumberHash(id, 'k1')).toMatch(/^[0-9a-f]{64}$/);
    expect(idNumberHash(id, 'k1')).not.toContain(id.slice(0, 14));
  });
  it('treats a lower-case x check character like X', () => {
    const x = '62062119900101001X';
    expect(idNumberHash(x.toLowerCase(), 'k')).toBe(idNumberHash(x, 'k'));
  });
});

describe('age of majority', () => {
  it.each([
    ['2007-09-15', '2025-09-15', true],
    ['2007-09-15', '2025-09-14', false],
    ['2008-02-29', '2026-02-28', true],
    ['2008-02-29', '2026-02-27', false],
  ])('born %s, on %s adult: %s', (birth, day, adult) => {
    expect(isAdultOn(birth, day)).toBe(adult);
  });
});

describe('employment periods (domain §3.5)', () => {
  it.each([
    [{ hireDate: '2025-01-01', leaveDate: null }, '2025-01-01', true],
    [{ hireDate: '2025-01-01', leaveDate: null }, '2024-12-31', false],
    [{ hireDate: '2025-01-01', leaveDate: '2025-06-30' }, '2025-06-30', true],
    [{ hireDate: '2025-01-01', leaveDate: '2025-06-30' }, '2025-07-01', false],
  ])('%o active on %s: %s', (employment, day, active) => {
    expect(isActiveOn(employment, day)).toBe(active);
  });

  it.each([
    [{ hireDate: '2025-07-01', leaveDate: null }, { hireDate: 'cannot be in the future' }],
    [{ hireDate: '2025-01-01', leaveDate: '2024-12-31' }, { leaveDate: 'cannot be before the hire date' }],
    [
      { hireDate: '2025-01-01', leaveDate: null, lastWorkedAt: '2024-12-31' },
      { lastWorkedAt: 'cannot be before the hire date' },
    ],
    [
      { hireDate: '2025-01-01', leaveDate: null, lastWorkedAt: '2025-07-01' },
      { lastWorkedAt: 'cannot be in the future' },
    ],
    [
      { hireDate: '2025-01-01', leaveDate: '2025-03-01', lastWorkedAt: '2025-03-02' },
      { lastWorkedAt: 'cannot be after the leave date' },
    ],
    [{ hireDate: '2025-01-01', leaveDate: '2025-03-01', lastWorkedAt: '2025-03-01' }, null],
    [{ hireDate: '2025-06-30', leaveDate: null }, null],
  ])('%o → %o', (employment, problem) => {
    expect(employmentDatesProblem(employment, '2025-06-30')).toEqual(problem);
  });
});
