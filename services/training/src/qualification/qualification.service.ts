import { enterpriseScopeCondition } from '@safety/auth';
import {
  badUserInput,
  forbidden,
  localDate,
  requirePrincipal,
  type SubgraphContext,
} from '@safety/subgraph-kit';
import { Certificate } from '../certificates/certificate.entity.js';
import { Employment } from '../persons/employment.entity.js';
import { Person } from '../persons/person.entity.js';
import { applyPersonScope } from '../persons/person.service.js';
import { ThreeLevelEducation } from '../three-level/three-level.entity.js';
import { TrainingRecord } from '../training-records/training-record.entity.js';
import { specialWorkTrainingValidTo } from '../training-records/training-record.rules.js';
import type { QualificationCheckInput, QualificationResult } from './qualification.inputs.js';
import { decideQualification } from './qualification.rules.js';

/**
 * The qualification gate (domain §7.6) for a batch of checks: a fixed number of statements whatever
 * the number of checks (scope of the enterprises, persons, employments, education, certificates).
 */
export class QualificationService {
  constructor(private readonly context: SubgraphContext) {}

  async check(checks: readonly QualificationCheckInput[]): Promise<QualificationResult[]> {
    const principal = requirePrincipal(this.context);
    const both = checks.findIndex((c) => c.requirement && c.specialWorkTraining);
    if (both >= 0)
      throw badUserInput({
        [`checks.${both}.specialWorkTraining`]: 'ask either a certificate or a special-work training',
      });
    const db = this.context.db;
    const enterpriseIds = [...new Set(checks.map((c) => c.enterpriseId))];
    const personIds = [...new Set(checks.map((c) => c.personId))];

    // Scope (domain §2.4): a scoped caller checks only for enterprises it can see (an enterprise user: its own).
    const condition = enterpriseScopeCondition(principal, 'ref');
    if (condition) {
      const visible: Array<{ id: string }> = await db
        .createQueryBuilder()
        .select('ref.id', 'id')
        .from('enterprise_ref', 'ref')
        .where('ref.id IN (:...enterpriseIds)', { enterpriseIds })
        .andWhere(condition.sql, condition.params)
        .getRawMany();
      const outside = enterpriseIds.filter((id) => !visible.some((row) => row.id === id));
      if (outside.length > 0)
        throw forbidden(
          `Outside your data scope: you may not check workers of enterprise ${outside.join(', ')}`,
        );
    }

    // Persons the caller may see; the others are answered as unknown (not employed, no evidence).
    const persons = await applyPersonScope(
      db.getRepository(Person).createQueryBuilder('person'),
      principal,
      'person.id',
    )
      .andWhere('person.id IN (:...personIds)', { personIds })
      .getMany();
    const known = persons.map((p) => p.id);
    // The rule needs all of a visible person's records (certificates are valid nationwide; time off
    // post counts across employers), so these are not narrowed to the caller's enterprises.
    // Training records only when a check asks for them: the certificate-only calls keep their statements.
    const needsTraining = checks.some((c) => c.specialWorkTraining);
    const [employments, education, certificates, trainingRecords] =
      known.length === 0
        ? [[], [], [], []]
        : await Promise.all([
            db
              .getRepository(Employment)
              .createQueryBuilder('e')
              .where('e.person_id IN (:...known)', { known })
              .getMany(),
            db
              .getRepository(ThreeLevelEducation)
              .createQueryBuilder('t')
              .where('t.person_id IN (:...known)', { known })
              .getMany(),
            db
              .getRepository(Certificate)
              .createQueryBuilder('c')
              .where('c.person_id IN (:...known)', { known })
              .getMany(),
            needsTraining
              ? db
                  .getRepository(TrainingRecord)
                  .createQueryBuilder('r')
                  .where('r.person_id IN (:...known)', { known })
                  .getMany()
              : Promise.resolve([] as TrainingRecord[]),
          ]);

    return checks.map((check) => {
      const person = persons.find((p) => p.id === check.personId) ?? null;
      const decision = decideQualification({
        at: localDate(check.at),
        enterpriseId: check.enterpriseId,
        requirement: check.requirement ?? null,
        person,
        employments: employments.filter((e) => e.personId === check.personId),
        threeLevel: education.filter((t) => t.personId === check.personId),
        certificates: certificates.filter((c) => c.personId === check.personId),
        specialWorkTraining: check.specialWorkTraining ?? null,
        trainingRecords: trainingRecords.filter((r) => r.personId === check.personId),
      });
      const trained = decision.trainingEvidence ?? null;
      const evidence = decision.evidence;
      return {
        personId: check.personId,
        enterpriseId: check.enterpriseId,
        at: check.at,
        ok: decision.ok,
        reasons: decision.reasons,
        evidence: evidence && {
          certificateId: evidence.id,
          number: evidence.number,
          type: evidence.category,
          category: evidence.operationType,
          subType: evidence.subType,
          status: evidence.status,
          issuedAt: evidence.issuedAt,
          validTo: evidence.validTo,
          nextReviewDue: evidence.nextReviewDue,
        },
        trainingEvidence: trained && {
          trainingRecordId: trained.id,
          topic: trainingRecords.find((r) => r.id === trained.id)?.topic ?? '',
          specialWorkType: trained.specialWorkType!,
          completedOn: trained.completedOn,
          validTo: specialWorkTrainingValidTo(trained.completedOn),
        },
      };
    });
  }
}
