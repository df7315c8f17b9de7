import { enterpriseScopeCondition, type Principal } from '@safety/auth';
import {
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
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Certificate } from '../certificates/certificate.entity.js';
import { maskIdNumber } from '../certificates/certificate.rules.js';
import { ThreeLevelEducation } from '../three-level/three-level.entity.js';
import { RedoReason, ThreeLevelStatus } from '../three-level/three-level.enums.js';
import { levelsAfterRedo, requiredNewHireHours } from '../three-level/three-level.rules.js';
import { Employment } from './employment.entity.js';
import { Person } from './person.entity.js';
import type {
  EmploymentInput,
  EmploymentListArgs,
  EnterpriseEmploymentsArgs,
  PersonListArgs,
  RecordEmploymentInput,
  RegisterPersonInput,
  UpdateEmploymentInput,
} from './person.inputs.js';
import { employmentDatesProblem, idNumberFacts, idNumberHash } from './person.rules.js';

/** Development default only: deployments set TRAINING_ID_HASH_KEY (domain §2.8). */
const DEV_ID_HASH_KEY = 'training-dev-only-id-number-key';
export function idHashKey(): string {
  return process.env.TRAINING_ID_HASH_KEY ?? DEV_ID_HASH_KEY;
}

/**
 * Domain §2.4 for persons, in SQL: a person has no enterprise of their own, so they are visible
 * when an employment or a certificate of theirs belongs to an enterprise in the caller's scope.
 * (The kit's `applyScope` takes one enterprise column; this joins through the person's rows.)
 */
export function applyPersonScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal | null,
  personIdExpression: string,
): SelectQueryBuilder<T> {
  if (!principal) return query.andWhere('false');
  const condition = enterpriseScopeCondition(principal, 'scope_ref');
  if (!condition) return query;
  const through = (table: string, alias: string) =>
    `EXISTS (SELECT 1 FROM ${table} ${alias} JOIN enterprise_ref scope_ref ON scope_ref.id = ${alias}.enterprise_id ` +
    `WHERE ${alias}.person_id = ${personIdExpression} AND ${condition.sql})`;
  return query.andWhere(
    `(${through('employment', 'scope_employment')} OR ${through('certificate', 'scope_certificate')})`,
    condition.params,
  );
}

const ACTIVE_SQL = '(employment.leave_date IS NULL OR employment.leave_date >= :activeOn)';

/**
 * Finds the person with this citizen ID number (by its keyed hash) or registers them, keeping the
 * number only masked. Used when registering a person and when a certificate names its holder.
 */
export async function findOrCreatePerson(
  uow: UnitOfWork,
  input: { idNumber: string; nameZh: string; education?: Person['education'] },
  field = 'idNumber',
): Promise<{ person: Person; created: boolean }> {
  const facts = idNumberFacts(input.idNumber);
  if ('problem' in facts) throw badUserInput({ [field]: facts.problem });
  const hash = idNumberHash(input.idNumber, idHashKey());
  const existing = await uow.manager.findOneBy(Person, { idNumberHash: hash });
  if (existing) return { person: existing, created: false };
  const person = await uow.manager.save(
    uow.manager.create(Person, {
      nameZh: input.nameZh,
      idNumberMasked: maskIdNumber(input.idNumber.toUpperCase()),
      idNumberHash: hash,
      gender: facts.gender,
      birthDate: facts.birthDate,
      education: input.education ?? null,
    }),
  );
  await uow.audit({ entity: 'Person', entityId: person.id, after: { ...person, idNumberHash: undefined } });
  return { person, created: true };
}

/** Persons and their employments. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class PersonService {
  constructor(private readonly context: SubgraphContext) {}

  private persons() {
    const query = this.context.db.getRepository(Person).createQueryBuilder('person');
    return applyPersonScope(query, this.context.principal, 'person.id');
  }

  private employments(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(Employment).createQueryBuilder('employment');
    return applyScope(query, this.context.principal, 'employment.enterprise_id');
  }

  list(args: PersonListArgs) {
    const query = this.persons();
    if (args.enterpriseId)
      query.andWhere(
        `EXISTS (SELECT 1 FROM employment WHERE employment.person_id = person.id
           AND employment.enterprise_id = :enterpriseId AND ${ACTIVE_SQL})`,
        { enterpriseId: args.enterpriseId, activeOn: localDate(now()) },
      );
    if (args.name)
      query.andWhere('person.name_zh ILIKE :name', { name: `%${args.name.replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(query, args, { property: 'nameZh', direction: 'ASC' });
  }

  byId(id: string) {
    return this.context.loader<string, Person | null>('person', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Person | null)[]> {
    const rows = await this.persons().andWhere('person.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** `Person.certificates`: every person of the request in one statement (scoped by the certificate's enterprise). */
  certificatesOf(personId: string): Promise<Certificate[]> {
    return this.context
      .loader<string, Certificate[]>('person-certificates', async (ids) => {
        const query = this.context.db.getRepository(Certificate).createQueryBuilder('certificate');
        const rows = await applyScope(query, this.context.principal, 'certificate.enterprise_id')
          .andWhere('certificate.person_id IN (:...ids)', { ids })
          .orderBy('certificate.valid_to', 'DESC')
          .addOrderBy('certificate.id')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.personId === id));
      })
      .load(personId);
  }

  /** `Person.employments`, newest first, batched. */
  employmentsOf(personId: string): Promise<Employment[]> {
    return this.context
      .loader<string, Employment[]>('person-employments', async (ids) => {
        const rows = await this.employments()
          .andWhere('employment.person_id IN (:...ids)', { ids })
          .orderBy('employment.hire_date', 'DESC')
          .addOrderBy('employment.id')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.personId === id));
      })
      .load(personId);
  }

  employmentList(args: EmploymentListArgs) {
    const query = this.employments();
    if (args.enterpriseId)
      query.andWhere('employment.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.activeOnly) query.andWhere(ACTIVE_SQL, { activeOn: localDate(now()) });
    return paginate(query, args, { property: 'hireDate', direction: 'DESC' });
  }

  /** `Enterprise.employments`: first pages for every enterprise of the request in one statement. */
  forEnterprise(enterpriseId: string, args: EnterpriseEmploymentsArgs): Promise<ConnectionShape<Employment>> {
    return ownerPage(this.context, {
      key: `enterprise-employments:${args.activeOnly}`,
      query: () =>
        args.activeOnly
          ? this.employments().andWhere(ACTIVE_SQL, { activeOn: localDate(now()) })
          : this.employments(),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: { property: 'hireDate', direction: 'DESC' },
    });
  }

  /** `Enterprise.personCount`: persons employed there today (one active employment each), batched. */
  personCount(enterpriseId: string): Promise<number> {
    return ownerCount(this.context, {
      key: 'enterprise-person-count',
      query: () => this.employments().andWhere(ACTIVE_SQL, { activeOn: localDate(now()) }),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
    });
  }

  /** Registers a person (or finds them by ID number) and records where they work. */
  async register(input: RegisterPersonInput): Promise<Person> {
    requirePrincipal(this.context);
    this.checkEmploymentDates(input.employment, 'employment.');
    return this.context.transaction(async (uow) => {
      const enterprise = await uow.requireEnterpriseInScope(
        input.employment.enterpriseId,
        'employment.enterpriseId',
      );
      const { person } = await findOrCreatePerson(uow, input);
      await this.addEmployment(uow, person.id, input.employment, enterprise.industryCode, 'employment.');
      return person;
    });
  }

  async recordEmployment(input: RecordEmploymentInput): Promise<Employment> {
    requirePrincipal(this.context);
    this.checkEmploymentDates(input, '');
    return this.context.transaction(async (uow) => {
      const enterprise = await uow.requireEnterpriseInScope(input.enterpriseId);
      const visible = await applyPersonScope(
        uow.manager.getRepository(Person).createQueryBuilder('person'),
        this.context.principal,
        'person.id',
      )
        .andWhere('person.id = :id', { id: input.personId })
        .getOne();
      // A person you cannot see yet is registered with their ID number (registerPerson), not by id.
      if (!visible) throw notFound('Person', input.personId);
      return this.addEmployment(uow, input.personId, input, enterprise.industryCode, '');
    });
  }

  private checkEmploymentDates(input: EmploymentInput, prefix: string) {
    const problem = employmentDatesProblem({ hireDate: input.hireDate, leaveDate: null }, localDate(now()));
    if (problem)
      throw badUserInput(Object.fromEntries(Object.entries(problem).map(([k, v]) => [`${prefix}${k}`, v])));
  }

  /** A new employment and its three-level education record (NOT_STARTED, hours by sector, domain §7.3). */
  private async addEmployment(
    uow: UnitOfWork,
    personId: string,
    input: EmploymentInput,
    industryCode: string,
    prefix: string,
  ): Promise<Employment> {
    const active = await uow.manager
      .getRepository(Employment)
      .createQueryBuilder('employment')
      .where('employment.person_id = :personId AND employment.enterprise_id = :enterpriseId', {
        personId,
        enterpriseId: input.enterpriseId,
      })
      .andWhere('employment.leave_date IS NULL')
      .getOne();
    if (active)
      throw conflict('The person already has an active employment at this enterprise (domain §3.5)', {
        field: `${prefix}enterpriseId`,
        employmentId: active.id,
      });
    let engagedBy = input.engagedBy;
    if (!engagedBy) {
      const [ref] = await uow.manager.query('SELECT name FROM enterprise_ref WHERE id = $1', [
        input.enterpriseId,
      ]);
      engagedBy = ref?.name ?? input.enterpriseId;
    }
    const employment = await uow.manager.save(
      uow.manager.create(Employment, {
        personId,
        enterpriseId: input.enterpriseId,
        post: input.post,
        isHazardousPost: input.isHazardousPost,
        hireDate: input.hireDate,
        leaveDate: null,
        engagedBy,
        engagedByEnterpriseId: input.engagedByEnterpriseId ?? null,
        isNewHire: input.isNewHire,
        lastWorkedAt: null,
      }),
    );
    const education = await uow.manager.save(
      uow.manager.create(ThreeLevelEducation, {
        personId,
        enterpriseId: input.enterpriseId,
        employmentId: employment.id,
        status: ThreeLevelStatus.NOT_STARTED,
        requiredHours: requiredNewHireHours(industryCode),
        levels: [],
        passedAt: null,
        lastRefresherAt: null,
      }),
    );
    await uow.audit({ entity: 'Employment', entityId: employment.id, after: employment });
    await uow.audit({ entity: 'ThreeLevelEducation', entityId: education.id, after: education });
    await uow.emit('EmploymentRecorded', {
      employmentId: employment.id,
      personId,
      enterpriseId: employment.enterpriseId,
      isHazardousPost: employment.isHazardousPost,
      hireDate: employment.hireDate,
    });
    return employment;
  }

  /** Ends an employment, records the last day on the hazardous post, or changes the post (→ redo, §7.3). */
  async updateEmployment(input: UpdateEmploymentInput): Promise<Employment> {
    requirePrincipal(this.context);
    return this.context.transaction(async (uow) => {
      const before = await this.employments(uow.manager)
        .andWhere('employment.id = :id', { id: input.id })
        .setLock('pessimistic_write')
        .getOne();
      if (!before) throw notFound('Employment', input.id);
      await uow.requireEnterpriseInScope(before.enterpriseId);
      if (input.expectedVersion != null && input.expectedVersion !== before.version)
        throw conflict('The employment was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      if (before.leaveDate !== null && input.leaveDate)
        throw conflict('The employment has already ended', { field: 'leaveDate' });
      const after = uow.manager.create(Employment, {
        ...before,
        leaveDate: input.leaveDate ?? before.leaveDate,
        lastWorkedAt: input.lastWorkedAt ?? before.lastWorkedAt,
        post: input.post ?? before.post,
      });
      const problem = employmentDatesProblem(after, localDate(now()));
      if (problem) throw badUserInput(problem);
      const saved = await uow.manager.save(after);
      await uow.audit({ entity: 'Employment', entityId: saved.id, before, after: saved });
      if (input.post && input.post !== before.post) await this.redoOnTransfer(uow, saved);
      return saved;
    });
  }

  /** Domain §7.3: a post transfer turns PASSED into REDO_REQUIRED (workshop and team levels again). */
  private async redoOnTransfer(uow: UnitOfWork, employment: Employment) {
    const record = await uow.manager.findOneBy(ThreeLevelEducation, { employmentId: employment.id });
    if (!record || record.status !== ThreeLevelStatus.PASSED) return;
    const after = uow.manager.create(ThreeLevelEducation, {
      ...record,
      status: ThreeLevelStatus.REDO_REQUIRED,
      levels: levelsAfterRedo(record.levels),
    });
    const saved = await uow.manager.save(after);
    await uow.audit({
      entity: 'ThreeLevelEducation',
      entityId: saved.id,
      before: record,
      after: saved,
      reason: RedoReason.POST_TRANSFER,
    });
    await uow.emit('ThreeLevelEducationStatusChanged', {
      threeLevelEducationId: saved.id,
      personId: saved.personId,
      enterpriseId: saved.enterpriseId,
      employmentId: saved.employmentId,
      from: record.status,
      to: saved.status,
      reason: RedoReason.POST_TRANSFER,
    });
  }
}
