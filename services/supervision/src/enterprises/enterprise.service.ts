import { canSeeEnterprise, ENTERPRISE_ROLES, type Principal, REGULATOR_ROLES, Role } from '@safety/auth';
import { industry, orgId } from '@safety/reference';
import {
  applyScope,
  badUserInput,
  conflict,
  type EnterpriseRef,
  forbidden,
  notFound,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  type UnitOfWork,
  upsertEnterpriseRef,
} from '@safety/subgraph-kit';
import { Enterprise } from './enterprise.entity.js';
import { EnterpriseScale, OperatingStatus, SupervisionClass } from './enterprise.enums.js';
import type {
  ChangeOperatingStatusInput,
  EnterpriseListArgs,
  RegisterEnterpriseInput,
  UpdateEnterpriseInput,
} from './enterprise.inputs.js';
import {
  canChangeStatus,
  type StatusActor,
  statusChangeNeedsReason,
  usccProblem,
} from './enterprise.rules.js';

export function toRef(enterprise: Enterprise): EnterpriseRef {
  return {
    id: enterprise.id,
    name: enterprise.name,
    townshipCode: enterprise.townshipCode,
    industryCode: enterprise.industryCode,
    regulatorOrgIds: enterprise.regulatorOrgIds,
    operatingStatus: enterprise.operatingStatus,
  };
}

function scaleOf(employees: number): EnterpriseScale {
  if (employees >= 1000) return EnterpriseScale.LARGE;
  if (employees >= 300) return EnterpriseScale.MEDIUM;
  if (employees >= 20) return EnterpriseScale.SMALL;
  return EnterpriseScale.MICRO;
}

/** The registry's use cases. Reads are scoped in SQL; writes audit and emit in one transaction. */
export class EnterpriseService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped() {
    const query = this.context.db.getRepository(Enterprise).createQueryBuilder('enterprise');
    return applyScope(query, this.context.principal, 'enterprise.id');
  }

  list(args: EnterpriseListArgs) {
    const query = this.scoped();
    if (args.search) {
      query.andWhere(
        '(enterprise.name ILIKE :q OR enterprise.short_name ILIKE :q OR enterprise.uscc = :exact)',
        {
          q: `%${args.search.replace(/[%_\\]/g, '\\$&')}%`,
          exact: args.search.toUpperCase(),
        },
      );
    }
    if (args.townshipCode) query.andWhere('enterprise.township_code = :town', { town: args.townshipCode });
    if (args.industryCode)
      query.andWhere('enterprise.industry_code = :industry', { industry: args.industryCode });
    if (args.supervisionClass)
      query.andWhere('enterprise.supervision_class = :cls', { cls: args.supervisionClass });
    if (args.operatingStatus)
      query.andWhere('enterprise.operating_status = :status', { status: args.operatingStatus });
    return paginate(query, args, { property: 'name', direction: 'ASC' });
  }

  byId(id: string) {
    return this.context.loader<string, Enterprise | null>('enterprise', (ids) => this.byIds(ids)).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(Enterprise | null)[]> {
    const rows = await this.scoped().andWhere('enterprise.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  async countsByClass(): Promise<Array<{ supervisionClass: SupervisionClass; count: number }>> {
    const rows = await this.scoped()
      .select('enterprise.supervision_class', 'cls')
      .addSelect('count(*)::int', 'count')
      .groupBy('enterprise.supervision_class')
      .getRawMany();
    return Object.values(SupervisionClass).map((cls) => ({
      supervisionClass: cls,
      count: rows.find((r) => r.cls === cls)?.count ?? 0,
    }));
  }

  async register(input: RegisterEnterpriseInput): Promise<Enterprise> {
    const principal = requirePrincipal(this.context);
    const problem = usccProblem(input.uscc);
    if (problem) throw badUserInput({ uscc: problem });
    const regulatorOrgIds =
      input.regulatorOrgIds ?? industry(input.industryCode).defaultRegulators.map(orgId);
    if (regulatorOrgIds.length === 0) {
      throw badUserInput({
        regulatorOrgIds: 'this industry has no default regulator: name at least one',
      });
    }
    const candidate = {
      id: '',
      townshipCode: input.townshipCode,
      industryCode: input.industryCode,
      regulatorOrgIds,
    };
    if (!canSeeEnterprise(principal, candidate))
      throw forbidden('Outside your data scope: you could not see this enterprise');

    return this.context.transaction(async (uow) => {
      const existing = await uow.manager.findOneBy(Enterprise, { uscc: input.uscc });
      if (existing) throw conflict('An enterprise with this USCC is already registered', { field: 'uscc' });
      const enterprise = await uow.manager.save(
        uow.manager.create(Enterprise, {
          ...input,
          shortName: input.shortName ?? input.name,
          regulatorOrgIds,
          scale: scaleOf(input.employeeCount),
          operatingStatus: input.isConstructionProject
            ? OperatingStatus.UNDER_CONSTRUCTION
            : OperatingStatus.OPERATING,
          supervisionClass: SupervisionClass.B,
        }),
      );
      await this.publish(uow, 'EnterpriseRegistered', enterprise, null);
      return enterprise;
    });
  }

  async update(id: string, input: UpdateEnterpriseInput): Promise<Enterprise> {
    this.requireRegulator();
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, id);
      if (before.version !== input.expectedVersion) {
        throw conflict('The enterprise was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      }
      const { expectedVersion: _v, ...changes } = input;
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, v]) => v !== undefined && v !== null),
      );
      const after = uow.manager.merge(Enterprise, uow.manager.create(Enterprise, before), defined);
      if (changes.employeeCount !== undefined && changes.employeeCount !== null)
        after.scale = scaleOf(changes.employeeCount);
      const saved = await uow.manager.save(after);
      await this.publish(uow, 'EnterpriseChanged', saved, before);
      return saved;
    });
  }

  async changeStatus(input: ChangeOperatingStatusInput): Promise<Enterprise> {
    const principal = requirePrincipal(this.context);
    const actor = actorOf(principal);
    if (!actor) throw forbidden();
    if (statusChangeNeedsReason(input.status) && !input.reason) {
      throw badUserInput({ reason: 'a reason is required for this decision' });
    }
    return this.context.transaction(async (uow) => {
      const before = await this.lockVisible(uow, input.enterpriseId);
      if (!canChangeStatus(before.operatingStatus, input.status, actor)) {
        throw conflict(
          `Operating status cannot change from ${before.operatingStatus} to ${input.status} by ${actor}`,
          {
            from: before.operatingStatus,
            to: input.status,
          },
        );
      }
      const after = uow.manager.create(Enterprise, { ...before, operatingStatus: input.status });
      const saved = await uow.manager.save(after);
      await this.publish(uow, 'EnterpriseChanged', saved, before, input.reason);
      await uow.emit('EnterpriseStatusChanged', {
        enterpriseId: saved.id,
        from: before.operatingStatus,
        to: saved.operatingStatus,
        reason: input.reason ?? null,
      });
      return saved;
    });
  }

  /** Loads a row the caller may see, locked for update; invisible rows are simply not found. */
  private async lockVisible(uow: UnitOfWork, id: string): Promise<Enterprise> {
    const query = applyScope(
      uow.manager.getRepository(Enterprise).createQueryBuilder('enterprise'),
      this.context.principal,
      'enterprise.id',
    );
    const row = await query.andWhere('enterprise.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!row) throw notFound('Enterprise', id);
    return row;
  }

  private requireRegulator() {
    const principal = requirePrincipal(this.context);
    if (actorOf(principal) !== 'REGULATOR') throw forbidden('Only regulators may change registry data');
  }

  /** Writes the replicated facts here too, audits, and tells every other service. */
  private async publish(
    uow: UnitOfWork,
    type: string,
    enterprise: Enterprise,
    before: Enterprise | null,
    reason?: string,
  ) {
    await upsertEnterpriseRef(uow.manager, toRef(enterprise));
    await uow.audit({
      entity: 'Enterprise',
      entityId: enterprise.id,
      before: before ?? undefined,
      after: enterprise,
      reason,
    });
    await uow.emit(type, { ...toRef(enterprise) });
  }
}

function actorOf(principal: Principal): StatusActor | null {
  if (principal.roles.some((r) => REGULATOR_ROLES.includes(r) || r === Role.PLATFORM_ADMIN))
    return 'REGULATOR';
  if (principal.roles.some((r) => ENTERPRISE_ROLES.includes(r))) return 'ENTERPRISE';
  return null;
}
