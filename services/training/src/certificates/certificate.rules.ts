import { Role } from '@safety/auth';
import { addDays, addYears } from '@safety/subgraph-kit';
import { CertificateCategory, CertificateStatus } from './certificate.enums.js';

/** Special-operation categories (domain §7.5) [K]; 有限空间作业 is designated in some provinces [K?]. */
export const SPECIAL_OPERATION_TYPES = [
  '电工作业',
  '焊接与热切割作业',
  '高处作业',
  '制冷与空调作业',
  '煤矿安全作业',
  '金属非金属矿山安全作业',
  '石油天然气安全作业',
  '冶金（有色）生产安全作业',
  '危险化学品安全作业',
  '烟花爆竹安全作业',
  '有限空间作业',
] as const;

/** Validity in years by category (domain §7.5). */
const VALIDITY_YEARS: Record<CertificateCategory, number> = {
  // 令第30号: valid 6 years, nationwide.
  [CertificateCategory.SPECIAL_OPERATION]: 6,
  // 《安全生产培训管理办法》: 安全资格证 valid 3 years.
  [CertificateCategory.PRINCIPAL]: 3,
  [CertificateCategory.SAFETY_MANAGER]: 3,
  // TSG Z6001-2019 [K]: valid 4 years.
  [CertificateCategory.SPECIAL_EQUIPMENT]: 4,
};
/** 令第30号: a special-operation certificate is reviewed every 3 years. */
export const REVIEW_INTERVAL_YEARS = 3;
/** 令第30号: the review is applied for within 60 days before it is due. */
export const REVIEW_WINDOW_DAYS = 60;
/** Certificates without a review count as expiring this many days before `validTo` [D]. */
export const EXPIRY_NOTICE_DAYS = 60;

/** Who may record certificates: the assessing regulators and the holder's enterprise (provenance MANUAL). */
export const CERTIFICATE_REGISTRAR_ROLES: Role[] = [
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
];
/** Revocation is an issuer decision (domain §7.5): the assessing regulators only. */
export const CERTIFICATE_REVOKER_ROLES: Role[] = [Role.SAC_OFFICE, Role.EMB_STAFF, Role.INDUSTRY_REGULATOR];

/** The dates a certificate gets when issued: validity by category, and the first review for special operations. */
export function certificateDates(
  category: CertificateCategory,
  issuedAt: string,
): { validTo: string; nextReviewDue: string | null } {
  return {
    validTo: addYears(issuedAt, VALIDITY_YEARS[category]),
    nextReviewDue:
      category === CertificateCategory.SPECIAL_OPERATION ? addYears(issuedAt, REVIEW_INTERVAL_YEARS) : null,
  };
}

export interface CertificateFacts {
  validTo: string;
  nextReviewDue: string | null;
  revokedAt: Date | null;
}

/** The status of domain §7.5 on `today` (a local date): revocation, then expiry, then the review dates. */
export function certificateStatus(certificate: CertificateFacts, today: string): CertificateStatus {
  if (certificate.revokedAt) return CertificateStatus.REVOKED;
  if (today > certificate.validTo) return CertificateStatus.EXPIRED;
  const due = certificate.nextReviewDue;
  if (due !== null && today > due) return CertificateStatus.REVIEW_OVERDUE;
  if (due !== null && today >= addDays(due, -REVIEW_WINDOW_DAYS)) return CertificateStatus.REVIEW_WINDOW;
  return CertificateStatus.VALID;
}

/** Only VALID and REVIEW_WINDOW count as valid for gating (domain §7.5). */
export function countsAsValid(status: CertificateStatus): boolean {
  return status === CertificateStatus.VALID || status === CertificateStatus.REVIEW_WINDOW;
}

/** Needs action soon: in the review window, or still valid but expiring within the notice period. */
export function isExpiring(certificate: CertificateFacts, today: string): boolean {
  const status = certificateStatus(certificate, today);
  return (
    status === CertificateStatus.REVIEW_WINDOW ||
    (status === CertificateStatus.VALID && certificate.validTo <= addDays(today, EXPIRY_NOTICE_DAYS))
  );
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an 18-character citizen ID number (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

export function idNumberProblem(idNumber: string): string | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'must be 18 characters: 17 digits and a digit or X';
  return idCheckCharacter(idNumber.slice(0, 17)) === idNumber[17] ? null : 'check character does not match';
}

/** Shown masked, never whole (domain §2.8): `6206**********1234`. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}`;
}

/** Special operations name their operation category from the catalogue; equipment certificates name their item. */
export function operationTypeProblem(
  category: CertificateCategory,
  operationType: string | undefined,
): string | null {
  if (category === CertificateCategory.SPECIAL_OPERATION) {
    if (!operationType) return 'required for special-operation certificates';
    if (!(SPECIAL_OPERATION_TYPES as readonly string[]).includes(operationType))
      return `must be one of ${SPECIAL_OPERATION_TYPES.join('、')}`;
  }
  if (category === CertificateCategory.SPECIAL_EQUIPMENT && !operationType)
    return 'required for special-equipment certificates (e.g. N1 叉车司机)';
  return null;
}
