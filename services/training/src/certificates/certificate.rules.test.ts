import { Role } from '@safety/auth';
import { describe, expect, it } from 'vitest';
import { CertificateCategory as C, CertificateStatus as S } from './certificate.enums.js';
import {
  CERTIFICATE_REVOKER_ROLES,
  certificateDates,
  certificateStatus,
  countsAsValid,
  idCheckCharacter,
  idNumberProblem,
  isExpiring,
  maskIdNumber,
  operationTypeProblem,
} from './certificate.rules.js';

const TODAY = '2025-06-30';
const cert = (validTo: string, nextReviewDue: string | null, revokedAt: Date | null = null) => ({
  validTo,
  nextReviewDue,
  revokedAt,
});

describe('certificate dates (domain §7.5)', () => {
  it.each([
    [C.SPECIAL_OPERATION, '2025-03-01', '2031-03-01', '2028-03-01'],
    [C.SPECIAL_OPERATION, '2024-02-29', '2030-02-28', '2027-02-28'],
    [C.PRINCIPAL, '2025-03-01', '2028-03-01', null],
    [C.SAFETY_MANAGER, '2023-08-31', '2026-08-31', null],
    [C.SPECIAL_EQUIPMENT, '2025-03-01', '2029-03-01', null],
  ] as const)('%s issued %s: valid to %s, review due %s', (category, issuedAt, validTo, nextReviewDue) => {
    expect(certificateDates(category, issuedAt)).toEqual({ validTo, nextReviewDue });
  });
});

describe('certificate status (domain §7.5)', () => {
  it.each([
    ['well before the review', cert('2030-01-01', '2027-01-01'), S.VALID],
    ['61 days before the review', cert('2030-01-01', '2025-08-30'), S.VALID],
    ['60 days before the review (window opens, 令第30号)', cert('2030-01-01', '2025-08-29'), S.REVIEW_WINDOW],
    ['on the review day', cert('2030-01-01', TODAY), S.REVIEW_WINDOW],
    ['the day after the review', cert('2030-01-01', '2025-06-29'), S.REVIEW_OVERDUE],
    ['on the last valid day', cert(TODAY, null), S.VALID],
    ['after the last valid day', cert('2025-06-29', null), S.EXPIRED],
    ['expired beats review overdue', cert('2025-06-29', '2025-01-01'), S.EXPIRED],
    ['revoked beats everything', cert('2030-01-01', '2027-01-01', new Date('2025-05-01')), S.REVOKED],
    ['revoked after expiry', cert('2025-01-01', null, new Date('2025-05-01')), S.REVOKED],
  ] as const)('%s: %s', (_case, certificate, status) => {
    expect(certificateStatus(certificate, TODAY)).toBe(status);
  });

  it.each([
    [S.VALID, true],
    [S.REVIEW_WINDOW, true],
    [S.REVIEW_OVERDUE, false],
    [S.EXPIRED, false],
    [S.REVOKED, false],
  ] as const)('%s counts as valid for gating: %s', (status, valid) => {
    expect(countsAsValid(status)).toBe(valid);
  });

  it.each([
    [cert('2030-01-01', '2025-07-15'), true],
    [cert('2025-08-29', null), true],
    [cert('2025-08-30', null), false],
    [cert('2030-01-01', '2025-06-01'), false],
    [cert('2025-06-01', null), false],
    [cert('2025-07-15', null, new Date('2025-05-01')), false],
  ] as const)('%o expiring: %s', (certificate, expiring) => {
    expect(isExpiring(certificate, TODAY)).toBe(expiring);
  });
});

describe('holder identity (domain §2.8)', () => {
  const valid = `11010519491231002${idCheckCharacter('11010519491231002')}`;

  it('checks the GB 11643 check character', () => {
    expect(valid).toBe('11010519491231002X');
    expect(idNumberProblem(valid)).toBeNull();
    expect(idNumberProblem('110105194912310021')).not.toBeNull();
    expect(idNumberProblem('1101051949123100')).not.toBeNull();
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber(valid)).toBe('1101**********002X');
  });
});

describe('operation types and roles', () => {
  it.each([
    [C.SPECIAL_OPERATION, '焊接与热切割作业', false],
    [C.SPECIAL_OPERATION, undefined, true],
    [C.SPECIAL_OPERATION, '开车作业', true],
    [C.SPECIAL_EQUIPMENT, 'N1 叉车司机', false],
    [C.SPECIAL_EQUIPMENT, undefined, true],
    [C.PRINCIPAL, undefined, false],
  ] as const)('%s with %s refused: %s', (category, operationType, refused) => {
    expect(operationTypeProblem(category, operationType) !== null).toBe(refused);
  });

  it('leaves revocation to the issuing regulators', () => {
    expect(CERTIFICATE_REVOKER_ROLES).not.toContain(Role.ENT_PRINCIPAL);
    expect(CERTIFICATE_REVOKER_ROLES).toContain(Role.EMB_STAFF);
  });
});
