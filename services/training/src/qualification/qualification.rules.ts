import { Role } from '@safety/auth';
import { CertificateCategory, CertificateStatus } from '../certificates/certificate.enums.js';
import {
  type CertificateFacts,
  certificateStatus,
  countsAsValid,
} from '../certificates/certificate.rules.js';
import { isActiveOn, isAdultOn } from '../persons/person.rules.js';
import { canWork, type ThreeLevelFacts } from '../three-level/three-level.rules.js';
import type { SpecialWorkType } from '../training-records/training-record.enums.js';
import { type GateTrainingRecord, specialWorkTraining } from '../training-records/training-record.rules.js';
import { QualificationFailure as F } from './qualification.enums.js';

/**
 * Who may call the gate: the hazard service with its service token (architecture §6), regulators and
 * integrators within their data scope, and enterprise managers for their own enterprise. Workers
 * (ENT_STAFF) and the public may not look up others' qualifications.
 */
export const QUALIFICATION_CHECK_ROLES: Role[] = [
  Role.SERVICE,
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.EMB_ENFORCER,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
  Role.STATIONED_SUPERVISOR,
  Role.ENT_PRINCIPAL,
  Role.ENT_SAFETY_DIRECTOR,
  Role.ENT_SAFETY_MANAGER,
  Role.INTEGRATOR,
];
/** At most this many checks in one call (a permit has a handful of workers; batches of permits more). */
export const MAX_CHECKS = 500;

/** 令第30号: away from the special-operation post for 6 months or more → practical exam again (domain §7.5). */
export const OFF_POST_MONTHS = 6;
/** Requirements whose holders must be adults (domain §7.6 "special operations require adults" [K]; TSG Z6001 [K?]). */
const ADULTS_ONLY: readonly CertificateCategory[] = [
  CertificateCategory.SPECIAL_OPERATION,
  CertificateCategory.SPECIAL_EQUIPMENT,
];

/** The same-numbered day N months later, or the month's last day if it has none (民法典 第202条). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export interface QualificationRequirement {
  /** The certificate type (domain §7.5 `type`; this service's `CertificateCategory`). */
  certType: CertificateCategory;
  /** The operation category (e.g. 焊接与热切割作业; the certificate's `operationType`). */
  category?: string | null;
  /** The operation item (e.g. 熔化焊接与热切割作业). */
  subType?: string | null;
}

export interface GateCertificate extends CertificateFacts {
  id: string;
  category: CertificateCategory;
  operationType: string | null;
  subType: string | null;
  number: string;
  issuedAt: string;
  /** An issuer's decision not derivable from the dates (review refused, suspension); not stored yet. */
  decision?: CertificateStatus.REVIEW_FAILED | CertificateStatus.SUSPENDED | null;
}

export interface GateEmployment {
  id: string;
  enterpriseId: string;
  isHazardousPost: boolean;
  hireDate: string;
  leaveDate: string | null;
  /** Last day worked on the (special-operation) post, e.g. the last permit as executor; null = on post. */
  lastWorkedAt: string | null;
}

export interface GateThreeLevel extends ThreeLevelFacts {
  employmentId: string;
  enterpriseId: string;
}

export interface QualificationFacts {
  /** The local day the work happens (domain §0.3: evaluated in Asia/Shanghai). */
  at: string;
  enterpriseId: string;
  requirement: QualificationRequirement | null;
  /** Instead of a certificate: training for this special operation (a permit guardian, domain §5.9). */
  specialWorkTraining?: SpecialWorkType | null;
  /** The person's training records (needed with `specialWorkTraining`). */
  trainingRecords?: readonly GateTrainingRecord[];
  /** Null when no such person is on record (or the caller may not see them). */
  person: { birthDate: string | null } | null;
  employments: readonly GateEmployment[];
  threeLevel: readonly GateThreeLevel[];
  certificates: readonly GateCertificate[];
}

export interface QualificationDecision {
  ok: boolean;
  reasons: F[];
  /** The certificate the decision rests on, with its status on `at` (the permit keeps it as a snapshot). */
  evidence: (GateCertificate & { status: CertificateStatus }) | null;
  /** The training record a `specialWorkTraining` check rests on. */
  trainingEvidence?: GateTrainingRecord | null;
}

/** The status of domain §7.5 on `day`, including the issuer decisions (revocation first, then suspension). */
export function gateStatus(certificate: GateCertificate, day: string): CertificateStatus {
  const derived = certificateStatus(certificate, day);
  if (derived === CertificateStatus.REVOKED || !certificate.decision) return derived;
  if (certificate.decision === CertificateStatus.SUSPENDED) return CertificateStatus.SUSPENDED;
  // "any → EXPIRED" still applies to a refused review.
  return derived === CertificateStatus.EXPIRED ? derived : CertificateStatus.REVIEW_FAILED;
}

const STATUS_FAILURE: Record<CertificateStatus, F | null> = {
  [CertificateStatus.VALID]: null,
  [CertificateStatus.REVIEW_WINDOW]: null,
  [CertificateStatus.EXPIRED]: F.EXPIRED,
  [CertificateStatus.REVIEW_OVERDUE]: F.REVIEW_OVERDUE,
  [CertificateStatus.REVIEW_FAILED]: F.REVIEW_FAILED,
  [CertificateStatus.SUSPENDED]: F.SUSPENDED_OR_REVOKED,
  [CertificateStatus.REVOKED]: F.SUSPENDED_OR_REVOKED,
};

function matches(certificate: GateCertificate, requirement: QualificationRequirement): boolean {
  return (
    (!requirement.category || certificate.operationType === requirement.category) &&
    (!requirement.subType || certificate.subType === requirement.subType)
  );
}

/**
 * The certificate to rest on: a valid one (VALID or REVIEW_WINDOW) lasting longest; if none is valid,
 * the most recently issued one, whose status gives the reason.
 */
function best(certificates: readonly (GateCertificate & { status: CertificateStatus })[]) {
  const byRecency = [...certificates].sort(
    (a, b) =>
      b.issuedAt.localeCompare(a.issuedAt) || b.validTo.localeCompare(a.validTo) || a.id.localeCompare(b.id),
  );
  const valid = byRecency
    .filter((c) => countsAsValid(c.status))
    .sort((a, b) => b.validTo.localeCompare(a.validTo));
  return valid[0] ?? byRecency[0] ?? null;
}

/**
 * The last day the person is known to have worked a special-operation (hazardous) post by `day`:
 * per employment, `lastWorkedAt` when recorded, else its leave date, else `day` itself (still on post).
 */
export function lastDayOnPost(employments: readonly GateEmployment[], day: string): string | null {
  let last: string | null = null;
  for (const employment of employments) {
    if (!employment.isHazardousPost || employment.hireDate > day) continue;
    const end = employment.leaveDate !== null && employment.leaveDate < day ? employment.leaveDate : day;
    const worked =
      employment.lastWorkedAt !== null && employment.lastWorkedAt < end ? employment.lastWorkedAt : end;
    if (last === null || worked > last) last = worked;
  }
  return last;
}

/**
 * Off post for 6 months or more on `day` (domain §7.5, "以上" includes exactly 6 months): last on post
 * 15 Mar → 15 Sep triggers, 14 Sep does not. A person never recorded on such a post is a new holder, not off post.
 */
export function isOffPostOver6Months(employments: readonly GateEmployment[], day: string): boolean {
  const last = lastDayOnPost(employments, day);
  return last !== null && day >= addMonths(last, OFF_POST_MONTHS);
}

/** The qualification gate of domain §7.6, as a pure function of the facts on record. */
export function decideQualification(facts: QualificationFacts): QualificationDecision {
  const { at, enterpriseId, requirement, person } = facts;
  if (!person) return { ok: false, reasons: [F.NOT_EMPLOYED_OR_CONTRACTED], evidence: null };
  const reasons = new Set<F>();

  // Every role: active employment at the enterprise (a contractor's worker is recorded there with
  // `engagedBy`), and three-level education passed for that employment (domain §5.9, §7.3).
  const employment = facts.employments.find((e) => e.enterpriseId === enterpriseId && isActiveOn(e, at));
  if (!employment) reasons.add(F.NOT_EMPLOYED_OR_CONTRACTED);
  const education = employment
    ? (facts.threeLevel.find((t) => t.employmentId === employment.id) ?? null)
    : null;
  if (!canWork(education, at)) reasons.add(F.THREE_LEVEL_NOT_PASSED);

  let evidence: QualificationDecision['evidence'] = null;
  if (requirement) {
    // An unknown birth date cannot prove adulthood: the gate fails closed.
    if (
      ADULTS_ONLY.includes(requirement.certType) &&
      (person.birthDate === null || !isAdultOn(person.birthDate, at))
    )
      reasons.add(F.UNDER_18);
    const held = facts.certificates
      .filter((c) => c.category === requirement.certType && c.issuedAt <= at)
      .map((c) => ({ ...c, status: gateStatus(c, at) }));
    const matching = held.filter((c) => matches(c, requirement));
    if (held.length === 0) reasons.add(F.NO_CERTIFICATE);
    else if (matching.length === 0) {
      reasons.add(F.WRONG_CATEGORY);
      evidence = best(held);
    } else {
      evidence = best(matching);
      const failure = evidence ? STATUS_FAILURE[evidence.status] : null;
      if (failure) reasons.add(failure);
    }
    if (
      requirement.certType === CertificateCategory.SPECIAL_OPERATION &&
      isOffPostOver6Months(facts.employments, at)
    )
      reasons.add(F.OFF_POST_OVER_6_MONTHS);
  }

  let trainingEvidence: GateTrainingRecord | null = null;
  if (facts.specialWorkTraining) {
    const outcome = specialWorkTraining(facts.trainingRecords ?? [], facts.specialWorkTraining, at);
    trainingEvidence = outcome.record;
    if (!outcome.ok) reasons.add(F[outcome.failure]);
  }

  const order = Object.values(F);
  const sorted = [...reasons].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    ok: sorted.length === 0,
    reasons: sorted,
    evidence,
    ...(facts.specialWorkTraining ? { trainingEvidence } : {}),
  };
}
