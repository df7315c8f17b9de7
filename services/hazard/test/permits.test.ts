import { randomUUID } from 'node:crypto';
import { DEMO_ENTERPRISES, demoEnterprise, demoId } from '@safety/reference';
import { trainingSubgraph } from '@safety/service-training';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  rootField,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCKED_PERMITS,
  PERMIT_DEMO_PERSON_KEYS,
  SEED_PERMIT_TYPES,
  seedPermits,
} from '../src/permits/permit.seed.js';
import { sweepPermits } from '../src/permits/permit.sweeps.js';
import {
  httpQualificationSource,
  usePermitQualificationSource,
} from '../src/permits/qualification.source.js';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: now() is 2025-06-30 00:00 in Asia/Shanghai (2025-06-29T16:00Z).
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;
const NOW = Date.parse(`${TODAY}T00:00:00+08:00`);
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

let hazard: TestSubgraph;
let training: TestSubgraph;
beforeAll(async () => {
  hazard = await startTestSubgraph(hazardSubgraph);
  // A real training subgraph answers the gate; its outbox delivers CertificateStatusChanged to hazard.
  training = await startTestSubgraph(trainingSubgraph, {
    authority: hazard.authority,
    subscribers: async (type) =>
      type === 'CertificateStatusChanged'
        ? [{ service: 'hazard', eventsUrl: `${hazard.runtime.baseUrl}/events` }]
        : [],
    overrides: { outboxRetryDelaySeconds: 1 },
  });
  process.env.QUALIFICATION_URL = training.url;
  usePermitQualificationSource(
    httpQualificationSource({ serviceToken: () => hazard.runtime.auth.serviceToken() }),
  );
}, 120_000);
afterAll(async () => {
  await training?.stop();
  await hazard?.stop();
});

const chem1 = demoEnterprise('chem1');
const person = (key: keyof typeof PERMIT_DEMO_PERSON_KEYS) => demoId('person', PERMIT_DEMO_PERSON_KEYS[key]);
const own = { enterpriseId: chem1.id, name: chem1.name };
const token = (username: string) => hazard.authority.tokenFor(username);
const DIRECTOR = 'ent.chem1.director.demo';
const MANAGER = 'ent.chem1.manager.demo';

const FIELDS = `id code status version level type validFrom validTo enterpriseId
  workers { personId role certificateIds engagedBy { name } }
  lastGate { ok reasons { code personId detail messageZh } answers { personId ok failures evidence { number } } }
  revocation { reason personId certificateId notifyPersonIds }`;
const CREATE = `mutation($input: CreatePermitInput!) { createPermit(input: $input) { ${FIELDS} } }`;
const op = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const GAS = op('recordGasTest', 'RecordGasTestInput');
const APPROVE = op('approvePermit', 'ApprovePermitInput');
const START = op('startPermitWork', 'StartPermitWorkInput');
const SUSPEND = op('suspendPermitWork', 'SuspendPermitWorkInput');
const RESUME = op('resumePermitWork', 'ResumePermitWorkInput');
const COMPLETE = op('completePermit', 'CompletePermitInput');
const CLOSE = op('closePermit', 'ClosePermitInput');
const REVOKE = op('revokePermit', 'RevokePermitInput');
const GET = `query($id: ID!) { permit(id: $id) { ${FIELDS} } }`;
const GATE = `query($id: ID!) { permitGate(permitId: $id) { ok reasons { code personId detail messageZh } } }`;
const PREVIEW = `query($input: PermitGatePreviewInput!) { previewPermitGate(input: $input) {
  ok at reasons { code personId detail messageZh } answers { personId role credential ruleId ok failures } } }`;
/** The gate's part of a draft: type, level, start and the workers with their roles. */
const previewOf = (input: any) => ({
  enterpriseId: input.enterpriseId,
  type: input.type,
  ...(input.level ? { level: input.level } : {}),
  validFrom: input.validFrom,
  workers: input.workers.map((w: any) => ({
    personId: w.personId,
    role: w.role,
    ...(w.workKinds ? { workKinds: w.workKinds } : {}),
  })),
});
const LIST = `query($first: Int, $type: PermitType, $status: PermitStatus, $enterpriseId: ID, $town: String,
    $from: LocalDate, $to: LocalDate) {
  permits(first: $first, type: $type, status: $status, enterpriseId: $enterpriseId, townshipCode: $town,
      from: $from, to: $to) { totalCount nodes { id code status type enterpriseId } } }`;

async function call(username: string, query: string, variables: Record<string, unknown>) {
  return gql(hazard.url, query, variables, await token(username));
}
async function ok(username: string, query: string, variables: Record<string, unknown>) {
  const response = await call(username, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return rootField(response);
}
const move = (username: string, query: string, permit: { id: string; version: number }, extra = {}) =>
  call(username, query, { input: { permitId: permit.id, expectedVersion: permit.version, ...extra } });
const moved = async (
  username: string,
  query: string,
  permit: { id: string; version: number },
  extra = {},
) => {
  const response = await move(username, query, permit, extra);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return rootField(response);
};

const ELSEWHERE = {
  fireExplosionHazardArea: false,
  onRunningEquipment: false,
  pressurisedWithoutDisplacement: false,
  insideMajorHazardTankFarmDike: false,
  onPipeRack: false,
  inFixedHotWorkArea: false,
  unitShutDownPurgedIsolated: false,
  shutdownDowngradeApproved: false,
};
function hotWork(executor: string, overrides: Record<string, unknown> = {}) {
  return {
    enterpriseId: chem1.id,
    type: 'HOT_WORK',
    purpose: 'MAINTENANCE',
    location: '机修车间（测试）',
    // 23:00–07:00 local: at night, so LEVEL_2 is managed as LEVEL_1 (P-4), 8 h at most.
    validFrom: at(-1),
    validTo: at(7),
    hotWorkSite: ELSEWHERE,
    workers: [
      { personId: executor, role: 'EXECUTOR', engagedBy: own, workKinds: ['WELDING'] },
      { personId: person('welder2'), role: 'GUARDIAN', engagedBy: own },
    ],
    equipmentChecks: [{ equipmentId: 'WM-T1', inspectedAt: '2025-06-25', result: 'OK' }],
    measures: [{ text: '清除动火点周围可燃物', confirmed: true }],
    ...overrides,
  };
}
const PASSING_SAMPLE = {
  at: at(0),
  point: '动火点',
  flammables: [{ reading: '0.1', unit: 'PCT_VOL', lelPctVol: '5', substance: '甲烷' }],
  analystId: person('welder2'),
};

// Training, through its own API.
const checkDigit = (body: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
};
async function inTraining(username: string, query: string, variables: Record<string, unknown>) {
  const response = await gql(training.url, query, variables, await training.authority.tokenFor(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return rootField(response);
}
/** A welder at chem1 with three-level education passed and no certificate yet. */
async function newWelder(body: string, name: string) {
  const registered = await inTraining(
    MANAGER,
    `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id employments { id } } }`,
    {
      input: {
        idNumber: body + checkDigit(body),
        nameZh: name,
        employment: { enterpriseId: chem1.id, post: '焊工', isHazardousPost: true, hireDate: '2025-05-01' },
      },
    },
  );
  for (const level of ['COMPANY', 'WORKSHOP', 'TEAM'])
    await inTraining(
      MANAGER,
      `mutation($input: RecordThreeLevelInput!) { recordThreeLevel(input: $input) { status } }`,
      {
        input: {
          employmentId: registered.employments[0].id,
          level,
          hours: 24,
          content: '三级安全教育（测试）',
          passed: true,
          completedAt: '2025-05-10',
          examScore: 90,
        },
      },
    );
  return {
    personId: registered.id as string,
    employmentId: registered.employments[0].id as string,
    idNumber: body + checkDigit(body),
    name,
  };
}
async function weldingCertificate(
  welder: { idNumber: string; name: string },
  number: string,
  issuedAt: string,
) {
  return inTraining(
    MANAGER,
    `mutation($input: RegisterCertificateInput!) { registerCertificate(input: $input) { id status nextReviewDue } }`,
    {
      input: {
        enterpriseId: chem1.id,
        holderName: welder.name,
        idNumber: welder.idNumber,
        category: 'SPECIAL_OPERATION',
        operationType: '焊接与热切割作业',
        subType: '熔化焊接与热切割作业',
        number,
        issuer: '武威市应急管理局',
        issuedAt,
      },
    },
  );
}

async function eventsOf(type: string, permitId: string) {
  return hazard.runtime.dataSource.query(
    `SELECT payload FROM event_log WHERE type = $1 AND payload->>'permitId' = $2 ORDER BY created_at`,
    [type, permitId],
  );
}

/** Delivers an event to hazard's /events as the kit's outbox does: with the producer's SERVICE token. */
async function deliver(
  type: string,
  source: string,
  payload: Record<string, unknown>,
  id: string = randomUUID(),
) {
  const response = await fetch(`${hazard.runtime.baseUrl}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await hazard.authority.serviceAuth(source).serviceToken()}`,
    },
    body: JSON.stringify({ id, type, source, occurredAt: new Date().toISOString(), payload }),
  });
  return ((await response.json()) as { result: string }).result;
}

describe('work permits (domain §5.9)', () => {
  it('seeds ≈1,500 permits with the mix of §11.4 and three drafts blocked by the gate', async () => {
    const total = async (variables: Record<string, unknown>) =>
      (await ok('saco.demo', LIST, { first: 1, ...variables })).totalCount;
    expect(await total({})).toBe(1500);
    for (const [type, count] of Object.entries(SEED_PERMIT_TYPES)) expect(await total({ type })).toBe(count);
    expect(await total({ status: 'CLOSED' })).toBeGreaterThan(1300);
    // Live permits started in the last hours before the pinned midnight.
    expect(await total({ from: '2025-06-29', to: '2025-06-29' })).toBeGreaterThan(20);
    expect(await total({ status: 'IN_PROGRESS' })).toBeGreaterThan(0);

    const rows = await hazard.runtime.dataSource.query('SELECT id, code FROM work_permit ORDER BY code');
    for (const row of rows) {
      expect(row.code).toMatch(/^ZY-20(23|24|25)-\d{6}$/);
      expect(row.id).toBe(demoId('work-permit', row.code));
    }

    const blocked = await hazard.runtime.dataSource.query(
      `SELECT id, workers, last_gate FROM work_permit WHERE status = 'DRAFT' AND last_gate IS NOT NULL`,
    );
    expect(blocked).toHaveLength(3);
    const stored = new Map(blocked.map((row: any) => [row.workers[0].personId, row]));
    for (const { key, failure } of BLOCKED_PERMITS) {
      const row: any = stored.get(person(key));
      expect(row.last_gate.ok).toBe(false);
      expect(row.last_gate.reasons.map((r: any) => [r.personId, r.detail])).toEqual([[person(key), failure]]);
      // The seed did not call training, but training gives the same answer live.
      const live = await ok(DIRECTOR, GATE, { id: row.id });
      expect(live.reasons.map((r: any) => [r.code, r.personId, r.detail])).toEqual([
        ['QUALIFICATION_FAILED', person(key), failure],
      ]);
    }
  });

  it('refuses a welder past the review date with every reason, then approves after a new certificate', async () => {
    const welder = await newWelder('62062119900315123', '复审焊工（测试）');
    // Issued 2022-05-01: review due 2025-05-01, overdue at validFrom.
    const old = await weldingCertificate(welder, 'T-PERMIT-OLD-1', '2022-05-01');
    expect(old.status).toBe('REVIEW_OVERDUE');

    const draft = await ok(MANAGER, CREATE, { input: hotWork(welder.personId) });
    expect(draft).toMatchObject({ status: 'DRAFT', level: 'LEVEL_1', type: 'HOT_WORK' });
    expect(draft.code).toMatch(/^ZY-2025-\d{6}$/);
    const tested = await moved(MANAGER, GAS, draft, { test: PASSING_SAMPLE });
    expect(tested.status).toBe('GAS_TESTED');

    const refused = await move(DIRECTOR, APPROVE, tested);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const extensions = refused.errors![0]!.extensions!;
    expect(extensions.reasons.map((r: any) => [r.code, r.personId, r.detail])).toEqual([
      ['QUALIFICATION_FAILED', welder.personId, 'REVIEW_OVERDUE'],
    ]);
    // The preview of the same people before saving gives exactly the approval's reasons (P-1).
    const draftInput = hotWork(welder.personId);
    const preview = await ok(MANAGER, PREVIEW, { input: previewOf(draftInput) });
    expect(preview.ok).toBe(false);
    expect(preview.reasons).toEqual(extensions.reasons);
    expect(preview.at).toBe(draftInput.validFrom);
    // Per worker, every requirement the rows ask, passing or not.
    expect(
      preview.answers.map((a: any) => [a.personId, a.role, a.credential, a.ok, a.failures]).sort(),
    ).toEqual(
      [
        [welder.personId, 'EXECUTOR', '在岗及三级安全教育', true, []],
        [welder.personId, 'EXECUTOR', '特种作业操作证（焊接与热切割作业）', false, ['REVIEW_OVERDUE']],
        [person('welder2'), 'GUARDIAN', '在岗及三级安全教育', true, []],
        [person('welder2'), 'GUARDIAN', '动火作业监护培训', true, []],
      ].sort(),
    );
    expect(extensions.workers).toEqual([{ personId: welder.personId, reasons: extensions.reasons }]);
    expect(extensions.reasons[0].messageZh).toContain('证书逾期未复审');

    // The refusal is kept (without a new version) and reported.
    const after = await ok(DIRECTOR, GET, { id: draft.id });
    expect(after).toMatchObject({ status: 'GAS_TESTED', version: tested.version });
    expect(after.lastGate.ok).toBe(false);
    const [failed] = await eventsOf('PermitQualificationFailed', draft.id);
    expect(failed.payload.workers).toEqual([
      { personId: welder.personId, role: 'EXECUTOR', engagedBy: own, failures: ['REVIEW_OVERDUE'] },
    ]);

    // The old record never returns to VALID (§7.5): only a new certificate restores the welder.
    const renewed = await weldingCertificate(welder, 'T-PERMIT-NEW-1', '2025-06-10');
    expect(renewed.status).toBe('VALID');
    expect((await ok(DIRECTOR, GATE, { id: draft.id })).ok).toBe(true);
    expect((await ok(MANAGER, PREVIEW, { input: previewOf(draftInput) })).ok).toBe(true);
    const approved = await moved(DIRECTOR, APPROVE, tested);
    expect(approved.status).toBe('APPROVED');
    expect(approved.lastGate.ok).toBe(true);
    const executor = approved.workers.find((w: any) => w.role === 'EXECUTOR');
    expect(executor.certificateIds).toEqual([renewed.id]);
    expect(
      approved.lastGate.answers.filter((a: any) => a.evidence).map((a: any) => a.evidence.number),
    ).toEqual(['T-PERMIT-NEW-1']);
    expect(await eventsOf('PermitApproved', draft.id)).toHaveLength(1);

    // P-2: training revokes the certificate; its outbox delivers the event to hazard's /events.
    await inTraining(
      'saco.demo',
      `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { status } }`,
      {
        id: renewed.id,
        reason: '违章作业被撤销（测试）',
      },
    );
    let revoked: any;
    for (let i = 0; i < 100 && revoked?.status !== 'REVOKED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      revoked = await ok(DIRECTOR, GET, { id: draft.id });
    }
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.revocation).toMatchObject({
      personId: welder.personId,
      certificateId: renewed.id,
      notifyPersonIds: [person('welder2')],
    });
    expect(revoked.revocation.reason).toContain('作业人员证书已失效');
    const audit = await hazard.runtime.dataSource.query(
      `SELECT operation FROM audit_log WHERE entity = 'WorkPermit' AND entity_id = $1 ORDER BY at`,
      [draft.id],
    );
    expect(audit.map((a: any) => a.operation)).toContain('CertificateStatusChanged');
    // The notice goes out with the next sweep, once.
    expect((await sweepPermits(hazard.runtime)).notified).toContain(draft.id);
    expect((await sweepPermits(hazard.runtime)).notified).not.toContain(draft.id);
    const [notice] = await eventsOf('PermitRevoked', draft.id);
    expect(notice.payload).toMatchObject({ certificateId: renewed.id, personId: welder.personId });
  }, 60_000);

  it('refuses a guardian without training for the permit type (§5.9), then approves once it is recorded', async () => {
    const guardian = await newWelder('62062119920611123', '新监护人（测试）');
    const input = hotWork(person('welder1'));
    input.workers = [input.workers[0]!, { personId: guardian.personId, role: 'GUARDIAN', engagedBy: own }];
    const tested = await moved(MANAGER, GAS, await ok(MANAGER, CREATE, { input }), { test: PASSING_SAMPLE });

    const refused = await move(DIRECTOR, APPROVE, tested);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const extensions = refused.errors![0]!.extensions!;
    // Shown like the workers' reasons (P-1): its own code, the guardian, the permit type's training.
    expect(extensions.reasons.map((r: any) => [r.code, r.personId, r.detail, r.messageZh])).toEqual([
      [
        'QUALIFICATION_FAILED',
        guardian.personId,
        'NO_SPECIAL_WORK_TRAINING',
        '动火作业监护培训：无本类作业监护培训记录',
      ],
    ]);
    expect(extensions.workers).toEqual([{ personId: guardian.personId, reasons: extensions.reasons }]);
    const [failed] = await eventsOf('PermitQualificationFailed', tested.id);
    expect(failed.payload.workers).toEqual([
      {
        personId: guardian.personId,
        role: 'GUARDIAN',
        engagedBy: own,
        failures: ['NO_SPECIAL_WORK_TRAINING'],
      },
    ]);

    // Training for another operation, or a failed assessment, does not count.
    const RECORD = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id specialWorkType } }`;
    const training = (specialWorkType: string, passed: boolean) => ({
      input: {
        employmentId: guardian.employmentId,
        topic: '特殊作业监护人培训（测试）',
        specialWorkType,
        mode: 'PRACTICAL',
        creditedHours: 4,
        attendanceEvidence: 'a'.repeat(64),
        passed,
        completedOn: '2025-06-20',
      },
    });
    await inTraining(MANAGER, RECORD, training('CONFINED_SPACE', true));
    await inTraining(MANAGER, RECORD, training('HOT_WORK', false));
    expect((await ok(DIRECTOR, GATE, { id: tested.id })).reasons.map((r: any) => r.detail)).toEqual([
      'NO_SPECIAL_WORK_TRAINING',
    ]);
    await inTraining(MANAGER, RECORD, training('HOT_WORK', true));
    const approved = await moved(DIRECTOR, APPROVE, tested);
    expect(approved.status).toBe('APPROVED');
    expect(
      approved.lastGate.answers.filter((a: any) => a.personId === guardian.personId).map((a: any) => a.ok),
    ).toEqual([true, true]);
  }, 60_000);

  it('moves a temporary-power permit through its life, refusing wrong actors and stale versions', async () => {
    const input = {
      enterpriseId: chem1.id,
      type: 'TEMP_POWER',
      purpose: 'MAINTENANCE',
      location: '检修现场临时配电箱（测试）',
      validFrom: at(-1),
      validTo: at(3),
      workers: [
        {
          personId: person('electrician'),
          role: 'EXECUTOR',
          engagedBy: own,
          workKinds: ['ELECTRICAL_LOW_VOLTAGE'],
        },
        { personId: person('welder2'), role: 'GUARDIAN', engagedBy: own },
      ],
    };
    expect(errorCodes(await call('ent.coal1.staff.demo', CREATE, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('ent.coal1.principal.demo', CREATE, { input }))).toEqual(['FORBIDDEN']);
    const draft = await ok(MANAGER, CREATE, { input });
    expect(draft.level).toBeNull();

    // The manager is no approver; another enterprise does not see it; a stale version conflicts.
    expect(errorCodes(await move(MANAGER, APPROVE, draft))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await move('ent.coal1.principal.demo', APPROVE, draft))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await move(DIRECTOR, APPROVE, { ...draft, version: draft.version + 1 }))).toEqual([
      'CONFLICT',
    ]);
    // Not yet approved: no work starts.
    expect(errorCodes(await move(MANAGER, START, draft))).toEqual(['CONFLICT']);

    const approved = await moved(DIRECTOR, APPROVE, draft);
    expect(approved.status).toBe('APPROVED');
    expect(approved.workers[0].certificateIds).toHaveLength(1);
    // Only the guardian starts the work: not the director, not a regulator.
    expect(errorCodes(await move(DIRECTOR, START, approved))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await move('emb.staff.demo', START, approved))).toEqual(['FORBIDDEN']);
    const started = await moved(MANAGER, START, approved);
    const suspended = await moved(MANAGER, SUSPEND, started, { reason: '午休（测试）' });
    const resumed = await moved(MANAGER, RESUME, suspended);
    expect(resumed.status).toBe('IN_PROGRESS');

    // Executor and guardian confirm together, both named on the permit.
    expect(
      errorCodes(
        await move(MANAGER, COMPLETE, resumed, {
          executorPersonId: person('welder1'),
          guardianPersonId: person('welder1'),
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await move(DIRECTOR, COMPLETE, resumed, {
          executorPersonId: person('electrician'),
          guardianPersonId: person('welder2'),
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const completed = await moved(MANAGER, COMPLETE, resumed, {
      executorPersonId: person('electrician'),
      guardianPersonId: person('welder2'),
    });
    expect(completed.status).toBe('COMPLETED');
    const unchecked = await move(MANAGER, CLOSE, completed, { siteChecked: false });
    expect(errorCodes(unchecked)).toEqual(['BAD_USER_INPUT']);
    expect(unchecked.errors![0]!.extensions!.reasons[0].code).toBe('SITE_NOT_CHECKED');
    const closed = await moved(MANAGER, CLOSE, completed, { siteChecked: true });
    expect(closed.status).toBe('CLOSED');
    expect(errorCodes(await move(DIRECTOR, REVOKE, closed, { reason: '测试' }))).toEqual(['CONFLICT']);

    const audit = await hazard.runtime.dataSource.query(
      `SELECT operation FROM audit_log WHERE entity = 'WorkPermit' AND entity_id = $1 ORDER BY at`,
      [draft.id],
    );
    expect(audit.map((a: any) => a.operation)).toEqual([
      'createPermit',
      'approvePermit',
      'startPermitWork',
      'suspendPermitWork',
      'resumePermitWork',
      'completePermit',
      'closePermit',
    ]);
  }, 30_000);

  it('checks the input: hot-work level and validity (P-4), site, levels', async () => {
    const fields = async (input: Record<string, unknown>) => {
      const response = await call(MANAGER, CREATE, { input });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    // At night LEVEL_2 becomes LEVEL_1: 8 h at most; LEVEL_2 chosen is too low.
    expect(await fields(hotWork(person('welder1'), { validTo: at(8) }))).toEqual(['validTo']);
    expect(await fields(hotWork(person('welder1'), { level: 'LEVEL_2' }))).toEqual(['level']);
    expect(await fields(hotWork(person('welder1'), { hotWorkSite: null }))).toEqual(['hotWorkSite']);
    expect(
      await fields(hotWork(person('welder1'), { hotWorkSite: { ...ELSEWHERE, inFixedHotWorkArea: true } })),
    ).toEqual(['hotWorkSite']);
    expect(await fields(hotWork(person('welder1'), { type: 'WORK_AT_HEIGHT', hotWorkSite: null }))).toEqual([
      'level',
    ]);
    expect(await fields(hotWork(person('welder1'), { purpose: 'RECTIFICATION' }))).toEqual(['hazardId']);
    // By day on a working day, elsewhere is LEVEL_2 and 72 h are allowed.
    const day = await ok(MANAGER, CREATE, {
      input: hotWork(person('welder1'), {
        validFrom: '2025-07-01T01:00:00Z',
        validTo: '2025-07-01T09:00:00Z',
      }),
    });
    expect(day.level).toBe('LEVEL_2');
    const assessed = await ok(
      MANAGER,
      `query($id: ID!) { permit(id: $id) { hotWorkAssessment { baseLevel managedLevel reasons { code } } } }`,
      { id: day.id },
    );
    expect(assessed.hotWorkAssessment).toEqual({
      baseLevel: 'LEVEL_2',
      managedLevel: 'LEVEL_2',
      reasons: [{ code: 'ELSEWHERE' }],
    });
  });

  it('keeps a failing gas test on the draft and needs a passing one', async () => {
    const draft = await ok(MANAGER, CREATE, { input: hotWork(person('welder1')) });
    const failing = await moved(MANAGER, GAS, draft, {
      test: {
        ...PASSING_SAMPLE,
        at: at(-0.25),
        flammables: [{ reading: '0.6', unit: 'PCT_VOL', lelPctVol: '5' }],
      },
    });
    expect(failing.status).toBe('DRAFT');
    const problems = await ok(
      MANAGER,
      `query($id: ID!) { permit(id: $id) { gasTests { problems { code } } } }`,
      {
        id: draft.id,
      },
    );
    expect(problems.gasTests[0].problems).toEqual([{ code: 'FLAMMABLE_OVER_LIMIT' }]);
    // Approval without a passing gas test is refused with the reason.
    const refused = await move(DIRECTOR, APPROVE, failing);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.reasons.map((r: any) => r.code)).toContain('GAS_TEST_MISSING');
    expect(
      errorCodes(await move('ent.coal1.principal.demo', GAS, failing, { test: PASSING_SAMPLE })),
    ).toEqual(['FORBIDDEN']);
    const passing = await moved(MANAGER, GAS, failing, { test: PASSING_SAMPLE });
    expect(passing.status).toBe('GAS_TESTED');
  });

  it('revokes by hand with a reason and PermitRevoked; P-3 turns an unlicensed worker into a hazard', async () => {
    const draft = await ok(MANAGER, CREATE, { input: hotWork(person('welder1')) });
    const tested = await moved(MANAGER, GAS, draft, { test: PASSING_SAMPLE });
    const approved = await moved(DIRECTOR, APPROVE, tested);

    const REPORT = `mutation($input: ReportUnlicensedWorkerInput!) {
      reportUnlicensedWorker(input: $input) { id code status grade determination criterionId source sourceRef } }`;
    const finding = {
      permitId: approved.id,
      personId: person('welder1'),
      operation: '焊接',
      deadline: '2025-07-15',
      noPhotoReason: '现场检查记录已附执法记录仪（测试）',
    };
    expect(errorCodes(await call(DIRECTOR, REPORT, { input: finding }))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await call('emb.staff.demo', REPORT, { input: { ...finding, personId: chem1.id } })),
    ).toEqual(['BAD_USER_INPUT']);
    const hazardRow = await ok('emb.staff.demo', REPORT, { input: finding });
    // chem1 is 危化生产: major under 安监总管三〔2017〕121号 item 2.
    expect(hazardRow).toMatchObject({
      status: 'CONFIRMED',
      grade: 'MAJOR',
      determination: 'STANDARD_CLAUSE',
      criterionId: 'SAWS-121-2017-CHEM:2',
      source: 'GOV_INSPECTION',
      sourceRef: approved.code,
    });
    const [found] = await eventsOf('UnlicensedWorkerFound', approved.id);
    expect(found.payload).toMatchObject({
      personId: person('welder1'),
      engagedBy: own,
      hazardId: hazardRow.id,
      accountabilityCase: { trigger: 'UNLICENSED_WORKER_HIRED', subject: own },
    });

    expect(errorCodes(await move(DIRECTOR, REVOKE, approved, { reason: ' ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await move('ent.coal1.staff.demo', REVOKE, approved, { reason: '测试撤销' }))).toEqual([
      'NOT_FOUND',
    ]);
    const revoked = await moved('emb.staff.demo', REVOKE, approved, { reason: '现场发现无证人员（测试）' });
    expect(revoked.status).toBe('REVOKED');
    const [notice] = await eventsOf('PermitRevoked', approved.id);
    expect(notice.payload).toMatchObject({
      reason: '现场发现无证人员（测试）',
      notifyPersonIds: [person('welder2')],
    });
  });

  it('applies CertificateStatusChanged delivered to /events once, only to permits relying on that certificate', async () => {
    const approved = await moved(
      DIRECTOR,
      APPROVE,
      await ok(MANAGER, CREATE, {
        input: {
          enterpriseId: chem1.id,
          type: 'TEMP_POWER',
          purpose: 'MAINTENANCE',
          location: '配电室（测试）',
          validFrom: at(1),
          validTo: at(5),
          workers: [
            {
              personId: person('electrician'),
              role: 'EXECUTOR',
              engagedBy: own,
              workKinds: ['ELECTRICAL_LOW_VOLTAGE'],
            },
            { personId: person('welder2'), role: 'GUARDIAN', engagedBy: own },
          ],
        },
      }),
    );
    const certificateId = approved.workers[0].certificateIds[0];
    const certificateChanged = (payload: Record<string, unknown>, id: string = randomUUID()) =>
      deliver('CertificateStatusChanged', 'training', payload, id);
    const base = {
      personId: person('electrician'),
      enterpriseId: chem1.id,
      number: 'T-EVENT',
      from: 'VALID',
    };
    // Another certificate of the same person, or a status that still counts as valid: no effect.
    expect(await certificateChanged({ ...base, certificateId: randomUUID(), to: 'SUSPENDED' })).toBe(
      'applied',
    );
    expect(await certificateChanged({ ...base, certificateId, to: 'REVIEW_WINDOW' })).toBe('applied');
    expect((await ok(DIRECTOR, GET, { id: approved.id })).status).toBe('APPROVED');

    const id = randomUUID();
    expect(await certificateChanged({ ...base, certificateId, to: 'SUSPENDED' }, id)).toBe('applied');
    expect(await certificateChanged({ ...base, certificateId, to: 'SUSPENDED' }, id)).toBe('duplicate');
    const revoked = await ok(DIRECTOR, GET, { id: approved.id });
    expect(revoked).toMatchObject({ status: 'REVOKED', version: approved.version + 1 });
    expect(revoked.revocation).toMatchObject({ certificateId, personId: person('electrician') });
    const audit = await hazard.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'WorkPermit' AND entity_id = $1 AND operation = 'CertificateStatusChanged'`,
      [approved.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('approves only rectification or maintenance while the enterprise is ordered to rectify, with a copy', async () => {
    const ref = (status: string) => ({
      id: chem1.id,
      name: chem1.name,
      townshipCode: chem1.townshipCode,
      industryCode: chem1.industryCode,
      regulatorOrgIds: chem1.regulatorOrgIds,
      operatingStatus: status,
    });
    const permit = (purpose: string) =>
      ok(MANAGER, CREATE, {
        input: {
          enterpriseId: chem1.id,
          type: 'TEMP_POWER',
          purpose,
          location: '配电室（测试）',
          validFrom: at(2),
          validTo: at(6),
          workers: [
            {
              personId: person('electrician'),
              role: 'EXECUTOR',
              engagedBy: own,
              workKinds: ['ELECTRICAL_LOW_VOLTAGE'],
            },
            { personId: person('welder2'), role: 'GUARDIAN', engagedBy: own },
          ],
        },
      });
    // supervision's EnterpriseChanged feeds enterprise_ref (architecture §6).
    expect(await deliver('EnterpriseChanged', 'supervision', ref('ORDERED_RECTIFICATION'))).toBe('applied');
    try {
      const refused = await move(DIRECTOR, APPROVE, await permit('PRODUCTION'));
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.extensions!.reasons).toEqual([
        expect.objectContaining({ code: 'ENTERPRISE_STOPPED_PURPOSE', detail: 'ORDERED_RECTIFICATION' }),
      ]);
      const approved = await moved(DIRECTOR, APPROVE, await permit('MAINTENANCE'));
      expect(approved.status).toBe('APPROVED');
      const [copy] = await eventsOf('PermitCopiedToRegulator', approved.id);
      expect(copy.payload).toMatchObject({
        enterpriseId: chem1.id,
        enterpriseStatus: 'ORDERED_RECTIFICATION',
      });
    } finally {
      await deliver('EnterpriseChanged', 'supervision', ref(chem1.operatingStatus));
    }
  });

  it('seeds the same rows every time', async () => {
    const captured = async () => {
      const values: any[] = [];
      const builder: any = {
        insert: () => builder,
        into: () => builder,
        values: (batch: any[]) => {
          values.push(...batch);
          return builder;
        },
        updateEntity: () => builder,
        execute: async () => {},
      };
      const manager: any = { createQueryBuilder: () => builder, query: async () => [] };
      await seedPermits(manager, { today: new Date(NOW) });
      return values;
    };
    const [first, second] = [await captured(), await captured()];
    expect(first).toHaveLength(1500);
    expect(second).toEqual(first);
  });

  it('expires open permits whose validity passed (system)', async () => {
    const draft = await ok(MANAGER, CREATE, {
      input: hotWork(person('welder1'), { validFrom: at(-10), validTo: at(-4) }),
    });
    const result = await sweepPermits(hazard.runtime);
    expect(result.expired).toContain(draft.id);
    expect((await ok(MANAGER, GET, { id: draft.id })).status).toBe('EXPIRED');
    expect((await sweepPermits(hazard.runtime)).expired).not.toContain(draft.id);
  });

  it('previews the gate only for authors, for enterprises in their scope', async () => {
    const input = previewOf(hotWork(person('welder2')));
    // Regulators read permits but do not draft them.
    expect(errorCodes(await call('saco.demo', PREVIEW, { input }))).toEqual(['FORBIDDEN']);
    const other = DEMO_ENTERPRISES.find((e) => e.id !== chem1.id)!;
    expect(errorCodes(await call(MANAGER, PREVIEW, { input: { ...input, enterpriseId: other.id } }))).toEqual(
      ['FORBIDDEN'],
    );
    const unknown = await call(MANAGER, PREVIEW, { input: { ...input, enterpriseId: randomUUID() } });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.extensions!.fields).toHaveProperty('enterpriseId');
    const twice = { ...input, workers: [input.workers[0], input.workers[0]] };
    const duplicate = await call(MANAGER, PREVIEW, { input: twice });
    expect(errorCodes(duplicate)).toEqual(['BAD_USER_INPUT']);
    expect(duplicate.errors![0]!.extensions!.fields).toHaveProperty('workers.1');
    // Nothing is written by a preview.
    const before = await hazard.runtime.dataSource.query('SELECT count(*)::int AS n FROM audit_log');
    expect((await ok(MANAGER, PREVIEW, { input })).answers.length).toBeGreaterThan(0);
    const after = await hazard.runtime.dataSource.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps SQL statements flat for 5 or 50 permits and enterprises', async () => {
    const saco = await token('saco.demo');
    const LISTED = `query($first: Int) { permits(first: $first) { totalCount nodes { id code enterprise { id }
      hotWorkAssessment { managedLevel } workers { personId } lastGate { ok } } } }`;
    const list = async (first: number) =>
      sqlStatements(hazard.runtime.dataSource, async () => {
        const response = await gql(hazard.url, LISTED, { first }, saco);
        expect(response.errors).toBeUndefined();
        expect(response.data.permits.nodes).toHaveLength(first);
      });
    expect((await list(50)).length).toBe((await list(5)).length);

    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { id permits(first: 5) { totalCount nodes { id code } } } } }`;
    const measure = async (count: number) =>
      sqlStatements(hazard.runtime.dataSource, async () => {
        const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
        const response = await gql(hazard.url, ENTITIES, { r }, saco);
        expect(response.errors).toBeUndefined();
        expect(response.data._entities).toHaveLength(count);
      });
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(`Enterprise.permits: ${five.length} statements for 5 enterprises, ${fifty.length} for 50`);
    expect(fifty.length).toBe(five.length);
  });

  describeScopeHarness({
    subgraph: () => hazard,
    connections: [{ field: 'permits', typename: 'WorkPermit', byIdField: 'permit' }],
    enterpriseFields: ['permits'],
  });
});
