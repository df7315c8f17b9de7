import { createHmac } from 'node:crypto';
import { Role } from '@safety/auth';
import { addYears } from '@safety/subgraph-kit';
import { idNumberProblem } from '../certificates/certificate.rules.js';
import { Gender } from './person.enums.js';

/** Who may register persons and record employments: the enterprise's safety staff and the regulators. */
export const PERSON_REGISTRAR_ROLES: Role[] = [
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
];

/** Age of majority for special operations and special equipment (domain §7.6 UNDER_18) [K]. */
export const ADULT_AGE = 18;

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** What the citizen ID number itself says (GB 11643-1999): birth date (digits 7–14) and gender (digit 17). */
export function idNumberFacts(idNumber: string): { birthDate: string; gender: Gender } | { problem: string } {
  const problem = idNumberProblem(idNumber);
  if (problem) return { problem };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01')
    return { problem: 'the birth date it contains is not a date' };
  return { birthDate, gender: Number(idNumber[16]) % 2 === 1 ? Gender.MALE : Gender.FEMALE };
}

/**
 * The lookup key of a citizen ID number (domain §2.8: stored masked, never whole): an HMAC, so the
 * same number always finds the same person, while the table alone does not reveal the number (a
 * plain hash of an 18-digit number with a known structure could be brute-forced).
 */
export function idNumberHash(idNumber: string, key: string): string {
  return createHmac('sha256', key).update(idNumber.toUpperCase()).digest('hex');
}

/**
 * Adult from the 18th birthday on (29 Feb birthdays: 28 Feb in common years, 民法典 第202条) [K?: the
 * criminal-law convention counts from the day after the birthday; labour law says "年满18周岁"].
 */
export function isAdultOn(birthDate: string, day: string): boolean {
  return day >= addYears(birthDate, ADULT_AGE);
}

export interface EmploymentPeriod {
  hireDate: string;
  /** The last day of the employment, inclusive; null while it lasts. */
  leaveDate: string | null;
}

/** Active on `day`: hired on or before it and not yet left (the leave date is the last day worked). */
export function isActiveOn(employment: EmploymentPeriod, day: string): boolean {
  return employment.hireDate <= day && (employment.leaveDate === null || employment.leaveDate >= day);
}

/** The dates of an employment must be in order; the last day on post lies within the employment. */
export function employmentDatesProblem(
  employment: EmploymentPeriod & { lastWorkedAt?: string | null },
  today: string,
): Record<string, string> | null {
  if (employment.hireDate > today) return { hireDate: 'cannot be in the future' };
  if (employment.leaveDate !== null && employment.leaveDate < employment.hireDate)
    return { leaveDate: 'cannot be before the hire date' };
  const last = employment.lastWorkedAt ?? null;
  if (last !== null) {
    if (last < employment.hireDate) return { lastWorkedAt: 'cannot be before the hire date' };
    if (last > today) return { lastWorkedAt: 'cannot be in the future' };
    if (employment.leaveDate !== null && last > employment.leaveDate)
      return { lastWorkedAt: 'cannot be after the leave date' };
  }
  return null;
}
