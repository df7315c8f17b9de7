import { calendarEntries } from '@safety/reference';
import { addLocalDays, type GasTest, shanghaiDate } from './gas-test.rules.js';
import type { PermitGateResult, PermitQualificationAnswer, WorkPermit } from './permit.entity.js';
import {
  type CalendarDayFacts,
  credentialKey,
  credentialLabel,
  type PermitFacts,
  type PermitWorker,
  type QualificationResult,
  qualificationGate,
  requiredCredentials,
} from './permit.rules.js';
import type { CredentialRequirement } from './permit.tables.js';
import { GATED_QUALIFICATION_RULES } from './permit-actors.rules.js';
import {
  permitQualificationSource,
  type QualificationSource,
  type TrainingRequirement,
} from './qualification.source.js';

/** The stored permit as the pure rules read it. */
export function permitFacts(permit: WorkPermit): PermitFacts {
  return {
    type: permit.type,
    status: permit.status,
    level: permit.level,
    purpose: permit.purpose,
    hazardId: permit.hazardId,
    validFrom: permit.validFrom,
    validTo: permit.validTo,
    hotWorkSite: permit.hotWorkSite,
    workers: permit.workers.map(permitWorker),
    equipmentChecks: permit.equipmentChecks,
    gasTests: permit.gasTests.map(
      (test): GasTest => ({
        at: new Date(test.at),
        point: test.point,
        oxygenPctVol: test.oxygenPctVol,
        flammables: test.flammables.map((f) => ({
          reading: f.reading,
          unit: f.unit,
          lelPctVol: f.lelPctVol,
          ...(f.substance ? { substance: f.substance } : {}),
        })),
        toxics: test.toxics,
        analystId: test.analystId,
      }),
    ),
    oxygenEnriched: permit.oxygenEnriched,
    suspendedAt: permit.suspendedAt,
  };
}

export function permitWorker(worker: WorkPermit['workers'][number]): PermitWorker {
  return {
    personId: worker.personId,
    role: worker.role,
    engagedBy: worker.engagedBy,
    workKinds: worker.workKinds,
    ...(worker.certificateIds ? { certificateIds: worker.certificateIds } : {}),
  };
}

/** Work-calendar days (domain §2.7, `@safety/reference`) around the validity, for P-4. */
export function calendarFor(validFrom: Date, validTo: Date): CalendarDayFacts[] {
  return calendarEntries(
    addLocalDays(shanghaiDate(validFrom), -1),
    addLocalDays(shanghaiDate(validTo), 1),
  ).map((day) => ({ date: day.date, isWorkingDay: day.isWorkingDay, holidayName: day.holidayName }));
}

/**
 * What training is asked for a requirement: a certificate, or none (employment and education, plus the
 * permit type's training for a guardian, asked as `specialWorkTraining`).
 */
export function trainingRequirement(requirement: CredentialRequirement): TrainingRequirement | null {
  if (requirement.kind !== 'CERTIFICATE') return null;
  return {
    certType: requirement.certType,
    category: requirement.category,
    ...(requirement.subType ? { subType: requirement.subType } : {}),
  };
}

export interface GateOutcome {
  result: PermitGateResult;
  /** The answers as the rules read them (for `decidePermitTransition`). */
  qualificationResults: QualificationResult[];
}

/**
 * The qualification gate (domain §5.9, §7.6, P-1): asks training, in one call, about every worker and
 * every credential the rows in force at `validFrom` require, and returns every failing reason per worker.
 */
export async function evaluateGate(
  permit: Pick<WorkPermit, 'type' | 'validFrom' | 'enterpriseId' | 'workers'>,
  checkedAt: Date,
  source: QualificationSource = permitQualificationSource(),
): Promise<GateOutcome> {
  const asks: Array<{
    personId: string;
    role: PermitWorker['role'];
    ruleId: string;
    requirement: CredentialRequirement;
  }> = [];
  const seen = new Set<string>();
  for (const worker of permit.workers) {
    for (const credential of requiredCredentials(permit, worker, GATED_QUALIFICATION_RULES)) {
      const key = `${worker.personId}#${credentialKey(credential.requirement)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      asks.push({
        personId: worker.personId,
        role: worker.role,
        ruleId: `${credential.ruleId}@${credential.ruleVersion}`,
        requirement: credential.requirement,
      });
    }
  }
  const answers = asks.length
    ? await source.check(
        asks.map((ask) => ({
          personId: ask.personId,
          enterpriseId: permit.enterpriseId,
          requirement: trainingRequirement(ask.requirement),
          specialWorkTraining:
            ask.requirement.kind === 'PERMIT_TYPE_TRAINING' ? ask.requirement.permitType : null,
          at: permit.validFrom,
        })),
      )
    : [];
  const qualificationResults = asks.map(
    (ask, i): QualificationResult => ({
      personId: ask.personId,
      requirement: ask.requirement,
      at: permit.validFrom,
      ok: answers[i]!.ok,
      reasons: answers[i]!.reasons,
    }),
  );
  const facts = { type: permit.type, validFrom: permit.validFrom, workers: permit.workers.map(permitWorker) };
  const reasons = qualificationGate(facts, qualificationResults, GATED_QUALIFICATION_RULES);
  return {
    qualificationResults,
    result: {
      checkedAt: checkedAt.toISOString(),
      at: permit.validFrom.toISOString(),
      ok: reasons.length === 0,
      reasons,
      answers: asks.map(
        (ask, i): PermitQualificationAnswer => ({
          personId: ask.personId,
          role: ask.role,
          credential: credentialLabel(ask.requirement),
          ruleId: ask.ruleId,
          ok: answers[i]!.ok,
          failures: answers[i]!.reasons,
          evidence: answers[i]!.evidence
            ? {
                certificateId: answers[i]!.evidence!.certificateId,
                number: answers[i]!.evidence!.number,
                certType: answers[i]!.evidence!.type,
                category: answers[i]!.evidence!.category,
                subType: answers[i]!.evidence!.subType,
                status: answers[i]!.evidence!.status,
                issuedAt: answers[i]!.evidence!.issuedAt,
                validTo: answers[i]!.evidence!.validTo,
                nextReviewDue: answers[i]!.evidence!.nextReviewDue,
              }
            : null,
        }),
      ),
    },
  };
}

/** P-2 needs to know which certificates each worker's approval relied on (the evidence snapshot). */
export function workersWithEvidence(
  workers: WorkPermit['workers'],
  answers: readonly PermitQualificationAnswer[],
): WorkPermit['workers'] {
  return workers.map((worker) => ({
    ...worker,
    certificateIds: [
      ...new Set(
        answers
          .filter((answer) => answer.personId === worker.personId && answer.evidence)
          .map((answer) => answer.evidence!.certificateId),
      ),
    ],
  }));
}
