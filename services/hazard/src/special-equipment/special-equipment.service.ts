import { randomUUID } from 'node:crypto';
import {
  applyScope,
  badUserInput,
  type ConnectionShape,
  conflict,
  type JobRuntime,
  localDate,
  notFound,
  now,
  ownerPage,
  paginate,
  type SubgraphContext,
  type UnitOfWork,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { HazardCategory, HazardGrade, HazardSource } from '../hazards/hazard.enums.js';
import { HazardService } from '../hazards/hazard.service.js';
import { platformContext } from './platform-context.js';
import { SpecialEquipment } from './special-equipment.entity.js';
import type {
  EnterpriseSpecialEquipmentArgs,
  RecordEquipmentInspectionInput,
  RegisterSpecialEquipmentInput,
  SetSpecialEquipmentSealedInput,
  SpecialEquipmentListArgs,
} from './special-equipment.inputs.js';
import { CATEGORY_LABELS } from './special-equipment.labels.js';
import {
  effectiveDue,
  inspectionProblems,
  overdueHazardDue,
  SPECIAL_EQUIPMENT_REGULATOR,
  supervisesSpecialEquipment,
} from './special-equipment.rules.js';

const SORT = { property: 'createdAt', direction: 'DESC' } as const;

/** 特种设备 (domain §5.5): register, inspections, sealing; scoped in SQL over `enterprise_ref`. */
export class SpecialEquipmentService {
  constructor(private readonly context: SubgraphContext) {}

  /** §2.4 over `enterprise_ref`, except for 市场监管, which supervises every unit (§5.5). */
  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(SpecialEquipment).createQueryBuilder('equipment');
    if (supervisesSpecialEquipment(this.context.principal)) return query;
    return applyScope(query, this.context.principal, 'equipment.enterprise_id');
  }

  /** The user unit must be in scope, or the caller is the equipment's regulator (then it must only exist). */
  private async requireUserUnit(uow: UnitOfWork, enterpriseId: string): Promise<void> {
    if (!supervisesSpecialEquipment(this.context.principal)) {
      await uow.requireEnterpriseInScope(enterpriseId);
      return;
    }
    const known = await uow.manager.query('SELECT 1 FROM enterprise_ref WHERE id = $1', [enterpriseId]);
    if (!known.length) throw badUserInput({ enterpriseId: 'unknown enterprise' });
  }

  private filtered(args: {
    enterpriseId?: string;
    category?: string;
    overdue?: boolean | null;
    sealed?: boolean | null;
  }) {
    const query = this.scoped();
    if (args.enterpriseId)
      query.andWhere('equipment.enterprise_id = :enterpriseId', { enterpriseId: args.enterpriseId });
    if (args.category) query.andWhere('equipment.category = :category', { category: args.category });
    if (args.sealed !== undefined && args.sealed !== null)
      query.andWhere('equipment.sealed = :sealed', { sealed: args.sealed });
    if (args.overdue !== undefined && args.overdue !== null) {
      // Never NULL, so NOT is exactly the complement.
      const overdue =
        '(NOT equipment.sealed AND equipment.next_inspection_due IS NOT NULL AND equipment.next_inspection_due < :today)';
      query.andWhere(args.overdue ? overdue : `NOT ${overdue}`, { today: localDate(now()) });
    }
    return query;
  }

  list(args: SpecialEquipmentListArgs) {
    return paginate(this.filtered(args), args, SORT);
  }

  byId(id: string) {
    return this.context
      .loader<string, SpecialEquipment | null>('special-equipment', (ids) => this.byIds(ids))
      .load(id);
  }

  async byIds(ids: readonly string[]): Promise<(SpecialEquipment | null)[]> {
    const rows = await this.scoped().andWhere('equipment.id IN (:...ids)', { ids }).getMany();
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  }

  /** `Enterprise.specialEquipment`: first pages batched across the enterprises of the request. */
  forEnterprise(enterpriseId: string, args: EnterpriseSpecialEquipmentArgs) {
    return ownerPage(this.context, {
      key: `enterprise-special-equipment:${args.category ?? ''}:${args.overdue ?? ''}:${args.sealed ?? ''}`,
      query: () => this.filtered({ category: args.category, overdue: args.overdue, sealed: args.sealed }),
      owner: 'enterpriseId',
      ownerId: enterpriseId,
      args,
      sort: SORT,
    }) as Promise<ConnectionShape<SpecialEquipment>>;
  }

  register(input: RegisterSpecialEquipmentInput): Promise<SpecialEquipment> {
    const today = localDate(now());
    if (input.lastInspectionAt) {
      const problems = inspectionProblems(
        { inspectedOn: input.lastInspectionAt, nextInspectionDue: input.nextInspectionDue },
        today,
      );
      if (problems.inspectedOn) throw badUserInput({ lastInspectionAt: problems.inspectedOn });
      if (problems.nextInspectionDue) throw badUserInput({ nextInspectionDue: problems.nextInspectionDue });
    }
    return this.context.transaction(async (uow) => {
      await this.requireUserUnit(uow, input.enterpriseId);
      const taken = await uow.manager.query('SELECT 1 FROM special_equipment WHERE registration_no = $1', [
        input.registrationNo,
      ]);
      if (taken.length) throw badUserInput({ registrationNo: 'already registered' });
      const due = effectiveDue({
        category: input.category,
        lastInspectionAt: input.lastInspectionAt ?? null,
        nextInspectionDue: input.nextInspectionDue ?? null,
      });
      const saved = await uow.manager.save(
        uow.manager.create(SpecialEquipment, {
          id: randomUUID(),
          enterpriseId: input.enterpriseId,
          category: input.category,
          registrationNo: input.registrationNo,
          name: input.name,
          location: input.location ?? null,
          lastInspectionAt: input.lastInspectionAt ?? null,
          nextInspectionDue: due,
          dueDefaulted: !input.nextInspectionDue && due !== null,
          inspectionResult: input.inspectionResult ?? null,
          sealed: false,
          hazardRaisedFor: null,
          overdueHazardId: null,
        }),
      );
      await uow.audit({ entity: 'SpecialEquipment', entityId: saved.id, after: saved });
      return saved;
    });
  }

  recordInspection(input: RecordEquipmentInspectionInput): Promise<SpecialEquipment> {
    const problems = inspectionProblems(input, localDate(now()));
    if (Object.keys(problems).length) throw badUserInput(problems);
    return this.change(input, (before) => {
      if (before.lastInspectionAt && input.inspectedOn < before.lastInspectionAt)
        throw badUserInput({ inspectedOn: 'must not be before the last inspection' });
      const due = effectiveDue({
        category: before.category,
        lastInspectionAt: input.inspectedOn,
        nextInspectionDue: input.nextInspectionDue ?? null,
      });
      return {
        lastInspectionAt: input.inspectedOn,
        inspectionResult: input.result,
        nextInspectionDue: due,
        dueDefaulted: !input.nextInspectionDue && due !== null,
      };
    });
  }

  setSealed(input: SetSpecialEquipmentSealedInput): Promise<SpecialEquipment> {
    return this.change(
      input,
      (before) => {
        if (before.sealed === input.sealed)
          throw conflict(input.sealed ? 'Already sealed' : 'Not sealed', { sealed: before.sealed });
        return { sealed: input.sealed };
      },
      input.reason,
    );
  }

  private change(
    input: { equipmentId: string; expectedVersion: number },
    apply: (before: SpecialEquipment) => Partial<SpecialEquipment>,
    reason?: string,
  ): Promise<SpecialEquipment> {
    return this.context.transaction(async (uow) => {
      const before = await this.scoped(uow.manager)
        .andWhere('equipment.id = :id', { id: input.equipmentId })
        .setLock('pessimistic_write')
        .getOne();
      if (!before) throw notFound('SpecialEquipment', input.equipmentId);
      if (before.version !== input.expectedVersion)
        throw conflict('The equipment was changed by someone else: reload and try again', {
          currentVersion: before.version,
        });
      const saved = await uow.manager.save(
        uow.manager.create(SpecialEquipment, { ...before, ...apply(before) }),
      );
      await uow.audit({ entity: 'SpecialEquipment', entityId: saved.id, before, after: saved, reason });
      return saved;
    });
  }
}

/**
 * Domain §5.5 [D]: every unit in use past its inspection due date gets one GENERAL `SYSTEM_RULE` hazard
 * per due date for its user unit (regulator 市场监管), entering at REPORTED (§5.6) and linked to the unit.
 * Emits `SpecialEquipmentInspectionOverdue` for the regulator. Returns the ids of the units handled.
 */
export function sweepOverdueEquipment(runtime: Pick<JobRuntime, 'dataSource' | 'outbox'>, at: Date = now()) {
  const today = localDate(at);
  const context = platformContext(runtime, 'special-equipment-overdue');
  return context.transaction(async (uow: UnitOfWork) => {
    const candidates = (
      await uow.manager
        .getRepository(SpecialEquipment)
        .createQueryBuilder('equipment')
        .where('equipment.next_inspection_due < :today', { today })
        .andWhere('NOT equipment.sealed')
        .andWhere('equipment.hazard_raised_for IS DISTINCT FROM equipment.next_inspection_due')
        .orderBy('equipment.next_inspection_due')
        .addOrderBy('equipment.id')
        .setLock('pessimistic_write')
        .getMany()
    ).filter((equipment) => overdueHazardDue(equipment, today));
    const hazards = new HazardService(context);
    for (const equipment of candidates) {
      const label = CATEGORY_LABELS[equipment.category];
      const hazard = await hazards.recordSystemHazard(uow, {
        enterpriseId: equipment.enterpriseId,
        title: `${label}超期未检验：${equipment.registrationNo}`.slice(0, 100),
        description:
          `特种设备「${equipment.name}」（${label}，使用登记证编号 ${equipment.registrationNo}）` +
          `下次检验日期为 ${equipment.nextInspectionDue}，已超期且未封存，违反特种设备安全法第四十条。`,
        grade: HazardGrade.GENERAL,
        source: HazardSource.SYSTEM_RULE,
        sourceRef: equipment.id,
        category: HazardCategory.UNSAFE_CONDITION,
        location: equipment.location,
        foundAt: at,
        supervisingOrgId: SPECIAL_EQUIPMENT_REGULATOR,
      });
      // Bookkeeping only: the version stays, so nobody's edit conflicts with the sweep.
      await uow.manager.query(
        'UPDATE special_equipment SET hazard_raised_for = next_inspection_due, overdue_hazard_id = $2 WHERE id = $1',
        [equipment.id, hazard.id],
      );
      await uow.emit('SpecialEquipmentInspectionOverdue', {
        equipmentId: equipment.id,
        enterpriseId: equipment.enterpriseId,
        category: equipment.category,
        registrationNo: equipment.registrationNo,
        nextInspectionDue: equipment.nextInspectionDue,
        hazardId: hazard.id,
        hazardCode: hazard.code,
        regulatorOrgIds: [SPECIAL_EQUIPMENT_REGULATOR],
      });
    }
    return candidates.map((equipment) => equipment.id);
  });
}
