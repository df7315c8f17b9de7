import {
  applyScope,
  badUserInput,
  localDate,
  notFound,
  now,
  requirePrincipal,
  type SubgraphContext,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Employment } from '../persons/employment.entity.js';
import { TrainingRecord } from './training-record.entity.js';
import type { RecordTrainingInput } from './training-record.inputs.js';
import { trainingRecordProblems } from './training-record.rules.js';

/** Training records (domain §7.4): scoped by the recording enterprise, audited by the kit. */
export class TrainingRecordService {
  constructor(private readonly context: SubgraphContext) {}

  private scoped(manager: EntityManager = this.context.db.manager) {
    const query = manager.getRepository(TrainingRecord).createQueryBuilder('record');
    return applyScope(query, this.context.principal, 'record.enterprise_id');
  }

  /** `Person.trainingRecords`, newest first, batched across the persons of the request. */
  ofPerson(personId: string): Promise<TrainingRecord[]> {
    return this.context
      .loader<string, TrainingRecord[]>('person-training-records', async (ids) => {
        const rows = await this.scoped()
          .andWhere('record.person_id IN (:...ids)', { ids })
          .orderBy('record.completed_on', 'DESC')
          .addOrderBy('record.id')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.personId === id));
      })
      .load(personId);
  }

  async record(input: RecordTrainingInput): Promise<TrainingRecord> {
    requirePrincipal(this.context);
    const problems = trainingRecordProblems(input, localDate(now()));
    if (Object.keys(problems).length) throw badUserInput(problems);
    return this.context.transaction(async (uow) => {
      const employment = await applyScope(
        uow.manager.getRepository(Employment).createQueryBuilder('employment'),
        this.context.principal,
        'employment.enterprise_id',
      )
        .andWhere('employment.id = :id', { id: input.employmentId })
        .getOne();
      if (!employment) throw notFound('Employment', input.employmentId);
      await uow.requireEnterpriseInScope(employment.enterpriseId);
      if (input.completedOn < employment.hireDate)
        throw badUserInput({ completedOn: 'before the employment began' });
      const saved = await uow.manager.save(
        uow.manager.create(TrainingRecord, {
          personId: employment.personId,
          enterpriseId: employment.enterpriseId,
          employmentId: employment.id,
          topic: input.topic,
          specialWorkType: input.specialWorkType ?? null,
          mode: input.mode,
          creditedHours: input.creditedHours,
          attendanceEvidence: input.attendanceEvidence,
          examScore: input.examScore ?? null,
          passed: input.passed,
          completedOn: input.completedOn,
          provider: input.provider ?? null,
        }),
      );
      await uow.audit({ entity: 'TrainingRecord', entityId: saved.id, after: saved });
      return saved;
    });
  }
}
