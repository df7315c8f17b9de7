import { remoteServiceAuth, type ServiceAuth } from '@safety/subgraph-kit';

/** The credential asked about: a certificate, or nothing (employment and three-level education only). */
export interface TrainingRequirement {
  certType: string;
  category?: string | null;
  subType?: string | null;
}

/** One check of `training.qualificationCheck` (domain §7.6). */
export interface QualificationCheck {
  personId: string;
  enterpriseId: string;
  requirement: TrainingRequirement | null;
  /** Instead of a certificate: a guardian's training for this permit type (domain §5.9). */
  specialWorkTraining?: string | null;
  /** When the work happens: the permit's `validFrom`. */
  at: Date;
}

/** The certificate training relied on, kept by the permit as its snapshot (§7.6). */
export interface QualificationEvidence {
  certificateId: string;
  number: string;
  type: string;
  category: string | null;
  subType: string | null;
  status: string;
  issuedAt: string;
  validTo: string;
  nextReviewDue: string | null;
}

export interface QualificationAnswer {
  ok: boolean;
  /** `QualificationFailure` codes. */
  reasons: string[];
  evidence: QualificationEvidence | null;
}

/**
 * The port to training's qualification gate (architecture §6: a synchronous check). Answers in the order
 * asked, one per check. Never called inside a transaction: a network wait must not hold row locks.
 */
export interface QualificationSource {
  check(checks: readonly QualificationCheck[]): Promise<QualificationAnswer[]>;
}

const QUERY = `query PermitQualificationCheck($checks: [QualificationCheckInput!]!) {
  qualificationCheck(checks: $checks) {
    personId ok reasons
    evidence { certificateId number type category subType status issuedAt validTo nextReviewDue }
  }
}`;

/** Training answers at most this many checks per call (its MAX_CHECKS). */
const BATCH = 500;

/** The gate could not be asked: the approval cannot be decided (and is not granted). */
export class QualificationUnavailable extends Error {}

/**
 * Asks training through the gateway (`QUALIFICATION_URL`, default the local gateway) with this
 * service's SERVICE token. Both are read when called, so a test can point the env at its own subgraph.
 */
export function httpQualificationSource(options: {
  url?: string;
  serviceToken: () => Promise<string>;
}): QualificationSource {
  return {
    async check(checks) {
      const answers: QualificationAnswer[] = [];
      for (let start = 0; start < checks.length; start += BATCH) {
        answers.push(...(await post(options, checks.slice(start, start + BATCH))));
      }
      return answers;
    },
  };
}

async function post(
  options: { url?: string; serviceToken: () => Promise<string> },
  checks: readonly QualificationCheck[],
): Promise<QualificationAnswer[]> {
  const url = options.url ?? process.env.QUALIFICATION_URL ?? 'http://127.0.0.1:4000/graphql';
  const variables = {
    checks: checks.map((check) => ({
      personId: check.personId,
      enterpriseId: check.enterpriseId,
      at: check.at.toISOString(),
      ...(check.requirement
        ? {
            requirement: {
              certType: check.requirement.certType,
              ...(check.requirement.category ? { category: check.requirement.category } : {}),
              ...(check.requirement.subType ? { subType: check.requirement.subType } : {}),
            },
          }
        : {}),
      ...(check.specialWorkTraining ? { specialWorkTraining: check.specialWorkTraining } : {}),
    })),
  };
  let body: { data?: { qualificationCheck?: QualificationAnswer[] }; errors?: { message: string }[] };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await options.serviceToken()}`,
      },
      body: JSON.stringify({ query: QUERY, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new QualificationUnavailable(`qualification check failed: ${String(error)}`);
  }
  const answers = body.data?.qualificationCheck;
  if (!answers || answers.length !== checks.length)
    throw new QualificationUnavailable(
      `qualification check failed: ${body.errors?.map((e) => e.message).join('; ') ?? 'no answer'}`,
    );
  return answers.map((answer) => ({
    ok: answer.ok,
    reasons: answer.reasons ?? [],
    evidence: answer.evidence ?? null,
  }));
}

let auth: ServiceAuth | undefined;
/** The service's own token from the account service (AUTH_URL, SERVICE_SECRET), as the kit obtains it. */
function defaultServiceToken(): Promise<string> {
  const authUrl = process.env.AUTH_URL;
  if (!authUrl) return Promise.reject(new QualificationUnavailable('AUTH_URL is not set'));
  auth ??= remoteServiceAuth({ service: 'hazard', authUrl, serviceSecret: process.env.SERVICE_SECRET });
  return auth.serviceToken();
}

let source: QualificationSource = httpQualificationSource({ serviceToken: defaultServiceToken });

/** Replaces the qualification source (e.g. with the running subgraph's own `auth.serviceToken`). */
export function usePermitQualificationSource(next: QualificationSource): void {
  source = next;
}

export function permitQualificationSource(): QualificationSource {
  return source;
}
