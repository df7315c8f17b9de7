import {
  addDays,
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  localDate,
  notFound,
  now,
  ownerCount,
  ownerPage,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { findOrCreatePerson } from '../persons/person.service.js';
import { Certificate } from './certificate.entity.js';
import { CertificateCategory, CertificateStatus, DERIVED_CERTIFICATE_STATUSES } from './certificate.enums.js';
import type {
  CertificateListArgs,
  EnterpriseCertificatesArgs,
  RegisterCertificateInput,
  RevokeCertificateArgs,
} from './certificate.inputs.js';
import {
  certificateDates,
  certificateStatus,
  EXPIRY_NOTICE_DAYS,
  idNumberProblem,
  maskIdNumber,
  operationTypeProblem,
  REVIEW_WINDOW_DAYS,
} from './certificate.rules.js';

const SORT = { property: 'validTo', direction: 'ASC' } as const;

/** The dates the status rule compares with, as of the service clock. */
function statusDates() {
  const today = localDate(now());
  return {
    today,
    reviewWindowEnd: addDays(today, REVIEW_WINDOW_DAYS),
    expiryNoticeEnd: addDays(today, EXPIRY_NOTICE_DAYS),
  };
}

/**
 * `certificateStatus` of the rules as SQL, one index-friendly condition per status (the rules'
 * order: revoked, expired, review overdue, review window, valid).
 */
const STATUS_SQL: Record<CertificateStatus, string> = {
  REVOKED: 'certificate.revoked_at IS NOT NULL',
  EXPIRED: 'certificate.revoked_at IS NULL AND certificate.valid_to < :today',
  REVIEW_OVERDUE:
    'certificate.revoked_at IS NULL AND certificate.valid_to >= :today AND certificate.next_review_due < :today',
  REVIEW_WINDOW:
    'certificate.revoked_at IS NULL AND certificate.valid_to >= :today AND certificate.next_review_due >= :today ' +
    'AND certificate.next_review_due <= :reviewWindowEnd',
  VALID:
    'certificate.revoked_at IS NULL AND certificate.valid_to >= :today ' +
    'AND (certificate.next_review_due IS NULL OR certificate.next_review_due > :reviewWindowEnd)',
  // Not stored yet (review records and suspensions come later): no row has these statuses.
  REVIEW_FAILED: 'false',
  SUSPENDED: 'false',
};
const STATUS_CASE = `CASE ${(['REVOKED', 'EXPIRED', 'REVIEW_OVERDUE', 'REVIEW_WINDOW'] as const)
  .map((status) => `WHEN ${STATUS_SQL[status]} THEN '${status}'`)
  .join(' ')} ELSE 'VALID' END`;
/** `isExpiring` of the rules: in the review window, or valid and within the expiry notice. */
const EXPIRING_SQL =
  'certificate.revoked_at IS NULL AND certificate.valid_to >= :today ' +
  'AND (certificate.next_review_due IS NULL OR certificate.next_review_due >= :today) ' +
  'AND (certificate.next_review_due <= :reviewWindowEnd OR certificate.valid_to <= :expiryNoticeEnd)';

function whereStatus<T extends object>(query: SelectQueryBuilder<T>, status: CertificateStatus | undefined) {
  return status ? query.andWhere(`(${STATUS_SQL[status]})`, statusDates()) : query;
}

/** The certificate use cases. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class CertificateService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(Certificate).createQueryBuilder('certificate');
    return applyScope(query, this.context.principal, 'certificate.enterprise_id');
  }

  list(args: CertificateListArgs) {
    const query = whereStatus(this.scoped(), args.status);
    if (args.enterpriseId)
      query.andWhere('certificate.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.category) query.andWhere('certificate.category = :category', { category: args.category });
    return paginate(query, args, SORT);
  }

  byId(id: string) {
    return this.context.loader<string, Certificate | null>('certificate', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Certificate | null)[]> {
    const rows = await this.scoped().andWhere('certificate.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  async countsByStatus(): Promise<Array<{ status: CertificateStatus; count: number }>> {
    const rows = await this.scoped()
      .select(STATUS_CASE, 'status')
      .addSelect('count(*)::int', 'count')
      .setParameters(statusDates())
      .groupBy('1')
      .getRawMany();
    return DERIVED_CERTIFICATE_STATUSES.map((status) => ({
      status,
      count: rows.find((r) => r.status === status)?.count ?? 0,
    }));
  }

  /** `Enterprise.certificates`: first pages for every enterprise of the request in one statement. */
  forEnterprise(
    enterpriseId: string,
    args: EnterpriseCertificatesArgs,
  ): Promise<ConnectionShape<Certificate>> {
    return ownerPage(this.context, {
      key: `enterprise-certificates:${args.status ?? ''}`,
      query: () => whereStatus(this.scoped(), args.status),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    });
  }

  /** `Enterprise.expiringCertificateCount`, batched across the enterprises of the request. */
  expiringCount(enterpriseId: string): Promise<number> {
    const expiring = () => this.scoped().andWhere(`(${EXPIRING_SQL})`, statusDates());
    return ownerCount(this.context, {
      key: 'enterprise-expiring-certificates',
      query: expiring,
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  private statusOf(certificate: Certificate): CertificateStatus {
    return certificateStatus(certificate, localDate(now()));
  }

  async register(input: RegisterCertificateInput): Promise<Certificate> {
    requirePrincipal(this.context);
    const idProblem = idNumberProblem(input.idNumber);
    if (idProblem) throw badUserInput({ idNumber: idProblem });
    const operationProblem = operationTypeProblem(input.category, input.operationType);
    if (operationProblem) throw badUserInput({ operationType: operationProblem });
    if (input.issuedAt > localDate(now())) throw badUserInput({ issuedAt: 'cannot be in the future' });
    const dates = certificateDates(input.category, input.issuedAt);
    if (input.nextReviewDue) {
      if (input.category !== CertificateCategory.SPECIAL_OPERATION)
        throw badUserInput({ nextReviewDue: 'only special-operation certificates are reviewed' });
      if (input.nextReviewDue <= input.issuedAt || input.nextReviewDue > dates.validTo)
        throw badUserInput({
          nextReviewDue: `must fall after issue and on or before ${dates.validTo}`,
        });
    }

    return this.context.transaction(async (uow) => {
      await uow.requireEnterpriseInScope(input.enterpriseId);
      if (await uow.manager.findOneBy(Certificate, { number: input.number }))
        throw conflict('A certificate with this number is already registered', { field: 'number' });
      // The holder is found by the keyed hash of the ID number, or registered (domain §7.5 `personId`).
      const { person } = await findOrCreatePerson(uow, {
        idNumber: input.idNumber,
        nameZh: input.holderName,
      });
      const certificate = await uow.manager.save(
        uow.manager.create(Certificate, {
          personId: person.id,
          enterpriseId: input.enterpriseId,
          holderName: input.holderName,
          idNumberMasked: maskIdNumber(input.idNumber),
          category: input.category,
          operationType: input.operationType ?? null,
          subType: input.subType ?? null,
          number: input.number,
          issuer: input.issuer,
          issuedAt: input.issuedAt,
          validTo: dates.validTo,
          nextReviewDue: input.nextReviewDue ?? dates.nextReviewDue,
          revokedAt: null,
          revocationReason: null,
        }),
      );
      await uow.audit({ entity: 'Certificate', entityId: certificate.id, after: certificate });
      await this.emitStatusChanged(uow, certificate, null, this.statusOf(certificate));
      return certificate;
    });
  }

  async revoke(args: RevokeCertificateArgs): Promise<Certificate> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, args.id);
      if (
        args.expectedVersion !== undefined &&
        args.expectedVersion !== null &&
        before.version !== args.expectedVersion
      )
        throw conflict('The certificate was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      if (before.revokedAt)
        throw conflict('The certificate is already revoked', { from: CertificateStatus.REVOKED });
      const after = uow.manager.create(Certificate, {
        ...before,
        revokedAt: now(),
        revocationReason: args.reason,
      });
      const saved = await uow.manager.save(after);
      await uow.audit({
        entity: 'Certificate',
        entityId: saved.id,
        before,
        after: saved,
        reason: args.reason,
      });
      await this.emitStatusChanged(uow, saved, this.statusOf(before), CertificateStatus.REVOKED, args.reason);
      return saved;
    });
  }

  /** Domain §7.5: every status change emits CertificateStatusChanged (hazard revokes affected permits, P-2). */
  private emitStatusChanged(
    uow: UnitOfWork,
    certificate: Certificate,
    from: CertificateStatus | null,
    to: CertificateStatus,
    reason?: string,
  ) {
    return uow.emit('CertificateStatusChanged', {
      certificateId: certificate.id,
      personId: certificate.personId,
      enterpriseId: certificate.enterpriseId,
      category: certificate.category,
      operationType: certificate.operationType,
      subType: certificate.subType,
      number: certificate.number,
      from,
      to,
      reason: reason ?? null,
    });
  }

  /** Loads a certificate the caller may see, locked for update; invisible rows are simply not found. */
  private async lockVisible(uow: UnitOfWork, id: string): Promise<Certificate> {
    const row = await this.scoped(uow.manager)
      .andWhere('certificate.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound('Certificate', id);
    return row;
  }
}
