import { createHash } from 'node:crypto';
import { Role } from '@safety/auth';
import { demoAccount, demoEnterprise, orgId, townByPinyin } from '@safety/reference';
import {
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HazardSource, HazardStatus } from '../src/hazards/hazard.enums.js';
import {
  acceptanceTier,
  HAZARD_TRANSITIONS,
  type HazardTransition,
  hazardStatisticsForm,
  partiesOf,
  statisticsPeriod,
} from '../src/hazards/hazard.rules.js';
import { hazardSubgraph, sweepOverdue, sweepPlanReminders } from '../src/subgraph.js';

// Tests pin the clock: "now" is the start of this day in Asia/Shanghai.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const hongshagang = coal1.townshipCode;
const sanlei = townByPinyin('sanlei');

let fileCounter = 0;
const fileId = () => createHash('sha256').update(`test-file-${fileCounter++}`).digest('hex');
const photo = (kind = 'BEFORE') => ({ fileId: fileId(), kind });

const FIELDS = `id code status grade version deadline overdue acceptanceTier treatAsAccident repeatOf { id }
  closedAt acceptedAt planApproved suspended resumptionReviewDue
  history { from to actorUsername reason }`;

/** Accounts of the table-driven test: demo accounts plus minted ones where the demo lacks a role. */
type Account = { username: string; id: string; roles: Role[]; token: () => Promise<string> };
const minted = new Map<string, Account>();
function mint(
  username: string,
  roles: Role[],
  scope: { townshipCodes?: string[]; enterpriseIds?: string[] },
) {
  const id = createHash('sha256').update(username).digest('hex').slice(0, 32);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`;
  const account: Account = {
    username,
    id: uuid,
    roles,
    token: () =>
      subgraph.authority.token({
        id: uuid,
        username,
        kind: 'USER',
        roles,
        permissions: [],
        scope: {
          orgUnitId: null,
          townshipCodes: scope.townshipCodes ?? [],
          industryCodes: [],
          enterpriseIds: scope.enterpriseIds ?? [],
        },
      }),
  };
  minted.set(username, account);
  return account;
}
function demo(username: string): Account {
  const a = demoAccount(username);
  return { username, id: a.id, roles: a.roles, token: () => subgraph.authority.tokenFor(username) };
}

const ACCOUNTS = {
  regulator: demo('town.hongshagang.demo'),
  county: demo('saco.demo'),
  manager: mint('coal1.manager.test', [Role.ENT_SAFETY_MANAGER], { enterpriseIds: [coal1.id] }),
  principal: demo('ent.coal1.principal.demo'),
  staff: demo('ent.coal1.staff.demo'),
  grid: mint('hongshagang.grid.test', [Role.VILLAGE_GRID], { townshipCodes: [hongshagang] }),
  public: demo('public.demo'),
};
type Who = keyof typeof ACCOUNTS;
const chemPrincipal = mint('chem1.principal.test', [Role.ENT_PRINCIPAL], { enterpriseIds: [chem1.id] });
const chemManager = demo('ent.chem1.manager.demo');
const chemDirector = demo('ent.chem1.director.demo');
const embStaff = demo('emb.staff.demo');

async function call(account: Account, mutation: string, input: Record<string, unknown>) {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return gql(
    subgraph.url,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${FIELDS} } }`,
    { input },
    await account.token(),
  );
}
async function ok(account: Account, mutation: string, input: Record<string, unknown>) {
  const response = await call(account, mutation, input);
  expect(
    response.errors,
    `${mutation} by ${account.username}: ${JSON.stringify(response.errors)}`,
  ).toBeUndefined();
  return response.data[mutation];
}
const change = (hazard: { id: string; version: number }, extra: Record<string, unknown> = {}) => ({
  hazardId: hazard.id,
  expectedVersion: hazard.version,
  ...extra,
});
async function events(hazardId: string) {
  const rows = await subgraph.runtime.dataSource.query(
    // Events of one transaction share created_at: within it, order by type and target status.
    `SELECT type, payload FROM event_log WHERE payload->>'hazardId' = $1
     ORDER BY created_at, type, payload->>'to'`,
    [hazardId],
  );
  return rows as Array<{ type: string; payload: any }>;
}

const PLAN = {
  objectives: '消除泵房可燃有毒气体报警缺失隐患（测试）',
  measures: '增设可燃有毒气体检测报警装置并与通风联锁（测试）',
  funds: '128000.5',
  materials: '报警器12台、线缆（测试）',
  responsibleOrganisation: '安全环保部（测试）',
  responsiblePerson: '张三（测试）',
  deadline: '2025-09-30',
  requirements: '9月30日前完成并申请验收（测试）',
  safetyMeasures: '停用泵房、警戒隔离（测试）',
  contingencyPlan: '泄漏现场处置方案（测试）',
};

function selfCheck(enterpriseId: string, overrides: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    title: '配电箱未上锁（测试）',
    description: '二号配电箱未上锁、无警示标识（测试）',
    grade: 'GENERAL',
    source: 'ENTERPRISE_SELF_CHECK',
    category: 'UNSAFE_CONDITION',
    evidence: [photo()],
    ...overrides,
  };
}

describe('the closed loop of a GENERAL hazard (self-check, fixed on the spot, self-accepted)', () => {
  it('goes REPORTED → FIXED_ON_SPOT → PENDING_ACCEPTANCE → ACCEPTED → CLOSED with history, audit and events', async () => {
    const reported = await ok(chemManager, 'reportHazard', selfCheck(chem1.id));
    expect(reported).toMatchObject({ status: 'REPORTED', acceptanceTier: 'SELF', version: 1 });

    const noAfterPhoto = await call(
      chemManager,
      'fixOnSpot',
      change(reported, { evidence: [photo('BEFORE')] }),
    );
    expect(errorCodes(noAfterPhoto)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(noAfterPhoto.errors![0]!.extensions!.fields)).toEqual(['evidence']);

    const fixed = await ok(chemManager, 'fixOnSpot', change(reported, { evidence: [photo('AFTER')] }));
    expect(fixed).toMatchObject({ status: 'PENDING_ACCEPTANCE', version: 2 });

    const byRectifier = await call(chemManager, 'acceptHazard', change(fixed));
    expect(errorCodes(byRectifier)).toEqual(['BAD_USER_INPUT']);
    expect(byRectifier.errors![0]!.message).toMatch(/different person/);
    const byRegulator = await call(embStaff, 'acceptHazard', change(fixed));
    expect(errorCodes(byRegulator)).toEqual(['FORBIDDEN']);

    const closed = await ok(chemDirector, 'acceptHazard', change(fixed, { note: '复核合格（测试）' }));
    expect(closed).toMatchObject({ status: 'CLOSED', overdue: false });
    expect(closed.acceptedAt).toBe(new Date(`${TODAY}T00:00:00+08:00`).toISOString());
    expect(closed.closedAt).toBe(closed.acceptedAt);
    expect(closed.history).toEqual([
      { from: null, to: 'REPORTED', actorUsername: chemManager.username, reason: null },
      { from: 'REPORTED', to: 'FIXED_ON_SPOT', actorUsername: chemManager.username, reason: null },
      { from: 'FIXED_ON_SPOT', to: 'PENDING_ACCEPTANCE', actorUsername: null, reason: null },
      {
        from: 'PENDING_ACCEPTANCE',
        to: 'ACCEPTED',
        actorUsername: chemDirector.username,
        reason: '复核合格（测试）',
      },
      { from: 'ACCEPTED', to: 'CLOSED', actorUsername: null, reason: 'not listed: closed at once' },
    ]);

    expect((await events(reported.id)).map((e) => [e.type, e.payload.to ?? null])).toEqual([
      ['HazardReported', null],
      ['HazardStatusChanged', 'FIXED_ON_SPOT'],
      ['HazardStatusChanged', 'PENDING_ACCEPTANCE'],
      ['HazardStatusChanged', 'ACCEPTED'],
      ['HazardStatusChanged', 'CLOSED'],
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT operation, actor_username FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [reported.id],
    );
    expect(audit.map((a: any) => a.operation).sort()).toEqual(['acceptHazard', 'fixOnSpot', 'reportHazard']);
  });

  it('keeps a report without a photo or a reason as a DRAFT until row 1 is met', async () => {
    const draft = await ok(chemManager, 'reportHazard', selfCheck(chem1.id, { evidence: [] }));
    expect(draft.status).toBe('DRAFT');
    expect(await events(draft.id)).toEqual([]);
    const stillMissing = await call(chemManager, 'submitHazard', change(draft));
    expect(errorCodes(stillMissing)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(stillMissing.errors![0]!.extensions!.fields)).toEqual(['evidence']);
    const reported = await ok(
      chemManager,
      'submitHazard',
      change(draft, { noPhotoReason: '罐区禁止拍照（测试）' }),
    );
    expect(reported.status).toBe('REPORTED');
    expect((await events(draft.id)).map((e) => e.type)).toEqual(['HazardReported', 'HazardStatusChanged']);
  });
});

describe('the closed loop of a MAJOR hazard found by a regulator (not listed)', () => {
  it('goes ∅ → CONFIRMED → RECTIFYING → PENDING_ACCEPTANCE → ACCEPTED → CLOSED with every guard', async () => {
    const finding = {
      enterpriseId: chem1.id,
      title: '泵房未设置可燃有毒气体检测报警装置（测试）',
      description: '二号泵房未设置可燃有毒气体检测报警装置（测试）',
      grade: 'MAJOR',
      source: 'GOV_INSPECTION',
      category: 'UNSAFE_CONDITION',
      determination: 'STANDARD_CLAUSE',
      criterionId: 'SAWS-121-2017-CHEM:12',
      deadline: '2025-09-30',
      evidence: [photo()],
    };
    const missingCriterion = await call(embStaff, 'recordGovernmentFinding', {
      ...finding,
      criterionId: undefined,
    });
    expect(errorCodes(missingCriterion)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(missingCriterion.errors![0]!.extensions!.fields)).toEqual(['criterionId']);
    const byEnterprise = await call(chemManager, 'recordGovernmentFinding', finding);
    expect(errorCodes(byEnterprise)).toEqual(['FORBIDDEN']);

    const confirmed = await ok(embStaff, 'recordGovernmentFinding', finding);
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      acceptanceTier: 'REGULATOR',
      treatAsAccident: true,
      planApproved: false,
    });
    const emitted = await events(confirmed.id);
    expect(emitted.map((e) => e.type)).toEqual([
      'HazardStatusChanged',
      'HazardTreatedAsAccident',
      'MajorHazardConfirmed',
    ]);
    expect(emitted[2]!.payload).toMatchObject({
      enterpriseId: chem1.id,
      townshipCode: chem1.townshipCode,
      regulatorOrgIds: chem1.regulatorOrgIds,
      criterionId: 'SAWS-121-2017-CHEM:12',
      deadline: '2025-09-30',
      assignments: [
        { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: chem1.id },
        { leg: 'SUPERVISOR_OVERSIGHT', orgUnitIds: chem1.regulatorOrgIds, townshipCode: chem1.townshipCode },
      ],
    });

    const tooEarly = await call(chemManager, 'startRectification', change(confirmed));
    expect(errorCodes(tooEarly)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(tooEarly.errors![0]!.extensions!.fields).sort()).toEqual(['interimMeasures', 'plan']);

    const first = await ok(chemManager, 'submitRectificationPlan', change(confirmed, { plan: PLAN }));
    const planned = await ok(chemManager, 'submitRectificationPlan', change(first, { plan: PLAN }));
    const notPrincipal = await call(chemManager, 'approveRectificationPlan', change(planned));
    expect(errorCodes(notPrincipal)).toEqual(['FORBIDDEN']);
    const approved = await ok(chemPrincipal, 'approveRectificationPlan', change(planned));
    expect(approved.planApproved).toBe(true);
    // §5.6 row 5: the plan and its approval are entries of the status history (same status, a reason) ...
    expect(approved.history.slice(-3)).toEqual([
      { from: 'CONFIRMED', to: 'CONFIRMED', actorUsername: chemManager.username, reason: '提交治理方案' },
      {
        from: 'CONFIRMED',
        to: 'CONFIRMED',
        actorUsername: chemManager.username,
        reason: '修订治理方案（需重新批准）',
      },
      {
        from: 'CONFIRMED',
        to: 'CONFIRMED',
        actorUsername: chemPrincipal.username,
        reason: '主要负责人批准治理方案',
      },
    ]);
    // ... and no status change: no HazardStatusChanged for them.
    expect((await events(confirmed.id)).map((e) => e.type)).toEqual([
      ...emitted.map((e) => e.type),
      'RectificationPlanApproved',
    ]);
    const plan = await gql(
      subgraph.url,
      'query($id: ID!) { hazard(id: $id) { plan { funds deadline approvedById submittedById } } }',
      { id: confirmed.id },
      await embStaff.token(),
    );
    expect(plan.data.hazard.plan).toEqual({
      funds: '128000.50',
      deadline: '2025-09-30',
      approvedById: chemPrincipal.id,
      submittedById: chemManager.id,
    });

    const rectifying = await ok(
      chemManager,
      'startRectification',
      change(approved, { interimMeasures: [{ kind: 'PARTIAL_SUSPENSION', text: '二号泵房停用（测试）' }] }),
    );
    expect(rectifying).toMatchObject({ status: 'RECTIFYING', suspended: true });

    const afterOnly = [photo('AFTER'), photo('COMPLETION_REPORT')];
    const noResumption = await call(
      chemManager,
      'requestAcceptance',
      change(rectifying, { evidence: afterOnly }),
    );
    expect(errorCodes(noResumption)).toEqual(['BAD_USER_INPUT']);
    expect(noResumption.errors![0]!.extensions!.fields.evidence).toMatch(/resumption application/);
    const pending = await ok(
      chemManager,
      'requestAcceptance',
      change(rectifying, { evidence: [...afterOnly, photo('RESUMPTION_APPLICATION')] }),
    );
    expect(pending).toMatchObject({ status: 'PENDING_ACCEPTANCE', resumptionReviewDue: '2025-07-10' });

    const selfAccept = await call(chemDirector, 'acceptHazard', change(pending, { onSite: true }));
    expect(errorCodes(selfAccept)).toEqual(['FORBIDDEN']);
    const offSite = await call(embStaff, 'acceptHazard', change(pending));
    expect(errorCodes(offSite)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(offSite.errors![0]!.extensions!.fields)).toEqual(['onSite']);
    const closed = await ok(embStaff, 'acceptHazard', change(pending, { onSite: true }));
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.map((h: any) => `${h.from ?? '∅'}→${h.to}`)).toEqual([
      '∅→CONFIRMED',
      // The plan submitted twice and approved (same-status entries, §5.6 row 5).
      'CONFIRMED→CONFIRMED',
      'CONFIRMED→CONFIRMED',
      'CONFIRMED→CONFIRMED',
      'CONFIRMED→RECTIFYING',
      'RECTIFYING→PENDING_ACCEPTANCE',
      'PENDING_ACCEPTANCE→ACCEPTED',
      'ACCEPTED→CLOSED',
    ]);
  });
});

/**
 * Reaches the `from` status of a row for a hazard at coal1 with the given origin, using the actors
 * the rules allow. Returns the hazard as last read.
 */
async function prepare(from: HazardStatus, origin: 'SELF' | 'GOV' | 'STAFF_FIX'): Promise<any> {
  const { manager, regulator, principal, staff } = ACCOUNTS;
  if (from === HazardStatus.DRAFT)
    return ok(manager, 'reportHazard', selfCheck(coal1.id, { evidence: [], draft: true }));
  let hazard =
    origin === 'GOV'
      ? await ok(regulator, 'reportHazard', selfCheck(coal1.id, { source: 'GOV_INSPECTION' }))
      : origin === 'STAFF_FIX'
        ? await ok(staff, 'reportHazard', selfCheck(coal1.id, { source: 'STAFF_REPORT' }))
        : await ok(manager, 'reportHazard', selfCheck(coal1.id));
  if (from === HazardStatus.REPORTED) return hazard;
  if (origin === 'STAFF_FIX') {
    hazard = await ok(staff, 'fixOnSpot', change(hazard, { evidence: [photo('AFTER')] }));
  } else {
    const confirmer = origin === 'GOV' ? regulator : manager;
    hazard = await ok(confirmer, 'confirmHazard', change(hazard, { deadline: '2025-07-31' }));
    if (from === HazardStatus.CONFIRMED) return hazard;
    hazard = await ok(manager, 'startRectification', change(hazard));
    if (from === HazardStatus.RECTIFYING) return hazard;
    hazard = await ok(principal, 'requestAcceptance', change(hazard, { evidence: [photo('AFTER')] }));
  }
  if (from === HazardStatus.PENDING_ACCEPTANCE) return hazard;
  const acceptor = origin === 'GOV' ? regulator : manager;
  return ok(acceptor, 'acceptHazard', change(hazard));
}

/** One scenario per row with a mutation: the origin of the hazard and the input of the mutation. */
const SCENARIOS: Array<{
  row: string;
  origin: 'SELF' | 'GOV' | 'STAFF_FIX';
  input: () => Record<string, unknown>;
}> = [
  { row: '1', origin: 'SELF', input: () => ({ evidence: [photo()] }) },
  { row: '2', origin: 'GOV', input: () => ({ evidence: [photo('AFTER')] }) },
  { row: '3', origin: 'SELF', input: () => ({ deadline: '2025-07-31' }) },
  { row: '3', origin: 'GOV', input: () => ({ deadline: '2025-07-31' }) },
  { row: '4', origin: 'GOV', input: () => ({ kind: 'NOT_A_HAZARD', reason: '不构成隐患（测试）' }) },
  { row: '5', origin: 'SELF', input: () => ({}) },
  { row: '6', origin: 'SELF', input: () => ({ evidence: [photo('AFTER')] }) },
  { row: '8', origin: 'GOV', input: () => ({}) },
  { row: '8', origin: 'STAFF_FIX', input: () => ({}) },
  { row: '9', origin: 'GOV', input: () => ({ reason: '验收不合格（测试）' }) },
  {
    row: '11',
    origin: 'GOV',
    input: () => ({ grade: 'MAJOR', reason: '升级（测试）', determination: 'EXTERNAL_FACTOR' }),
  },
  { row: '12', origin: 'GOV', input: () => ({ reason: '复发（测试）', deadline: '2025-07-31' }) },
];

describe('every transition is allowed for its actors and refused for the others (from the rules table)', () => {
  for (const scenario of SCENARIOS) {
    const transition = HAZARD_TRANSITIONS.find(
      (t) => t.row === scenario.row && t.from !== null,
    ) as HazardTransition;
    it(`row ${scenario.row} (${transition.from} → ${transition.to}, ${scenario.origin}): ${transition.operation}`, async () => {
      const probe = await prepare(transition.from!, scenario.origin);
      const stored = (
        await subgraph.runtime.dataSource.query(
          'SELECT grade, source, found_by_id FROM hazard WHERE id = $1',
          [probe.id],
        )
      )[0];
      const facts = { grade: stored.grade, source: stored.source as HazardSource };
      const actors = transition.actors({ ...facts, acceptanceTier: acceptanceTier(facts) });
      const allowed = (who: Who) =>
        partiesOf(ACCOUNTS[who], { foundById: stored.found_by_id }).some((p) => actors.includes(p));
      const everyone = Object.keys(ACCOUNTS) as Who[];
      expect(everyone.some(allowed), 'some demo account must be allowed').toBe(true);
      expect(
        everyone.some((w) => !allowed(w)),
        'some demo account must be refused',
      ).toBe(true);
      for (const who of everyone.filter((w) => !allowed(w))) {
        const refused = await call(ACCOUNTS[who], transition.operation, change(probe, scenario.input()));
        expect(errorCodes(refused), `${who} must be refused`).toEqual(['FORBIDDEN']);
      }
      for (const who of everyone.filter(allowed)) {
        const hazard = await prepare(transition.from!, scenario.origin);
        const done = await call(ACCOUNTS[who], transition.operation, change(hazard, scenario.input()));
        expect(done.errors, `${who}: ${JSON.stringify(done.errors)}`).toBeUndefined();
        const expected = transition.row === '12' ? HazardStatus.RECTIFYING : transition.to;
        expect([expected, HazardStatus.PENDING_ACCEPTANCE, HazardStatus.CLOSED]).toContain(
          done.data[transition.operation].status,
        );
        if (!['2', '8'].includes(transition.row))
          expect(done.data[transition.operation].status).toBe(expected);
      }
    });
  }
});

describe('illegal transitions and stale versions', () => {
  it.each([
    ['acceptHazard', HazardStatus.REPORTED, {}],
    ['startRectification', HazardStatus.REPORTED, {}],
    ['fixOnSpot', HazardStatus.CONFIRMED, { evidence: [{ fileId: 'a'.repeat(64), kind: 'AFTER' }] }],
    ['submitHazard', HazardStatus.REPORTED, {}],
    ['reopenHazard', HazardStatus.RECTIFYING, { reason: '复发（测试）', deadline: '2025-07-31' }],
    [
      'regradeHazard',
      HazardStatus.PENDING_ACCEPTANCE,
      { grade: 'MAJOR', reason: '升级（测试）', determination: 'EXTERNAL_FACTOR' },
    ],
    ['failAcceptance', HazardStatus.CLOSED, { reason: '不合格（测试）' }],
  ] as const)('%s on a %s hazard is a CONFLICT', async (operation, from, input) => {
    const hazard = await prepare(from, 'GOV');
    const response = await call(ACCOUNTS.county, operation, change(hazard, input));
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors![0]!.extensions!.from).toBe(from);
  });

  it('refuses a stale version with CONFLICT and the current version', async () => {
    const hazard = await prepare(HazardStatus.CONFIRMED, 'GOV');
    const stale = await call(ACCOUNTS.manager, 'startRectification', change(hazard, { expectedVersion: 1 }));
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(hazard.version);
  });

  it('refuses to reopen after 30 days with DEADLINE_PASSED', async () => {
    const hazard = await prepare(HazardStatus.CLOSED, 'GOV');
    await subgraph.runtime.dataSource.query(
      `UPDATE hazard SET closed_at = '2025-05-29T23:59:59+08:00' WHERE id = $1`,
      [hazard.id],
    );
    const late = await call(
      ACCOUNTS.regulator,
      'reopenHazard',
      change(hazard, { reason: '复发（测试）', deadline: '2025-07-31' }),
    );
    expect(errorCodes(late)).toEqual(['DEADLINE_PASSED']);
  });

  it('reopens within 30 days: CLOSED → REOPENED → RECTIFYING with a new deadline', async () => {
    const hazard = await prepare(HazardStatus.CLOSED, 'GOV');
    const reopened = await ok(
      ACCOUNTS.regulator,
      'reopenHazard',
      change(hazard, { reason: '复发（测试）', deadline: '2025-08-15' }),
    );
    expect(reopened).toMatchObject({
      status: 'RECTIFYING',
      deadline: '2025-08-15',
      closedAt: null,
      acceptedAt: null,
    });
    expect(reopened.history.slice(-2).map((h: any) => `${h.from}→${h.to}`)).toEqual([
      'CLOSED→REOPENED',
      'REOPENED→RECTIFYING',
    ]);
  });
});

describe('overdue crossings and the H-4 reminder', () => {
  const day = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`);
  const overdueEvents = async (hazardId: string) =>
    (await events(hazardId)).filter((e) => e.type === 'HazardOverdue').map((e) => e.payload.deadline);

  it('emits HazardOverdue once per crossing, and again after a new deadline crosses', async () => {
    let hazard = await ok(
      ACCOUNTS.regulator,
      'reportHazard',
      selfCheck(coal1.id, { source: 'GOV_INSPECTION' }),
    );
    hazard = await ok(ACCOUNTS.regulator, 'confirmHazard', change(hazard, { deadline: TODAY }));
    hazard = await ok(ACCOUNTS.manager, 'startRectification', change(hazard));
    expect(await sweepOverdue(subgraph.runtime, day(TODAY, '23:59:59'))).not.toContain(hazard.id);
    expect(await sweepOverdue(subgraph.runtime, day('2025-07-01', '00:00:00'))).toContain(hazard.id);
    expect(await sweepOverdue(subgraph.runtime, day('2025-07-02'))).not.toContain(hazard.id);
    expect(await overdueEvents(hazard.id)).toEqual([TODAY]);

    hazard = await ok(ACCOUNTS.manager, 'requestAcceptance', change(hazard, { evidence: [photo('AFTER')] }));
    hazard = await ok(
      ACCOUNTS.regulator,
      'failAcceptance',
      change(hazard, { reason: '未整改到位（测试）', deadline: '2025-07-05' }),
    );
    expect(await sweepOverdue(subgraph.runtime, day('2025-07-05'))).not.toContain(hazard.id);
    expect(await sweepOverdue(subgraph.runtime, day('2025-07-06'))).toContain(hazard.id);
    expect(await sweepOverdue(subgraph.runtime, day('2025-07-07'))).not.toContain(hazard.id);
    expect(await overdueEvents(hazard.id)).toEqual([TODAY, '2025-07-05']);

    // The sweep is bookkeeping: the version the user holds stays valid.
    const read = await gql(
      subgraph.url,
      'query($id: ID!) { hazard(id: $id) { version overdue } }',
      { id: hazard.id },
      await ACCOUNTS.county.token(),
    );
    expect(read.data.hazard).toEqual({ version: hazard.version, overdue: false });
  });

  it('reminds of a missing plan 7 days after a major hazard is confirmed, once', async () => {
    const hazard = await ok(embStaff, 'recordGovernmentFinding', {
      enterpriseId: chem1.id,
      title: '储罐区紧急切断装置失效（测试）',
      description: '一级重大危险源储罐区紧急切断装置失效（测试）',
      grade: 'MAJOR',
      source: 'WHISTLEBLOWER',
      determination: 'EXTERNAL_FACTOR',
      deadline: '2025-08-31',
      noPhotoReason: '举报核查时未拍照（测试）',
    });
    expect(await sweepPlanReminders(subgraph.runtime, day('2025-07-06', '23:59:59'))).not.toContain(
      hazard.id,
    );
    expect(await sweepPlanReminders(subgraph.runtime, day('2025-07-07', '00:00:00'))).toContain(hazard.id);
    expect(await sweepPlanReminders(subgraph.runtime, day('2025-07-08'))).not.toContain(hazard.id);
    const reminders = (await events(hazard.id)).filter((e) => e.type === 'HazardPlanMissing');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.payload).toMatchObject({
      enterpriseId: chem1.id,
      regulatorOrgIds: chem1.regulatorOrgIds,
      planSubmitted: false,
    });
  });
});

describe('H-5 and H-6', () => {
  it('links a repeat within 12 months of a closure, and does not treat a self-reported finding as an accident', async () => {
    const criterionId = 'MEM-4-2020:2.2';
    let first = await ok(ACCOUNTS.manager, 'reportHazard', selfCheck(coal1.id));
    first = await ok(
      ACCOUNTS.manager,
      'confirmHazard',
      change(first, { deadline: '2025-07-10', determination: 'STANDARD_CLAUSE', criterionId }),
    );
    first = await ok(ACCOUNTS.manager, 'startRectification', change(first));
    first = await ok(ACCOUNTS.manager, 'requestAcceptance', change(first, { evidence: [photo('AFTER')] }));
    first = await ok(ACCOUNTS.principal, 'acceptHazard', change(first));
    expect(first.status).toBe('CLOSED');

    const again = await ok(ACCOUNTS.regulator, 'recordGovernmentFinding', {
      ...selfCheck(coal1.id, { grade: 'MAJOR', source: 'GOV_INSPECTION' }),
      determination: 'STANDARD_CLAUSE',
      criterionId,
      deadline: '2025-08-31',
    });
    expect(again).toMatchObject({ repeatOf: { id: first.id }, treatAsAccident: false });
    const repeated = (await events(again.id)).find((e) => e.type === 'HazardRepeated');
    expect(repeated?.payload).toMatchObject({ repeatOfId: first.id, enterpriseId: coal1.id, criterionId });
    expect((await events(again.id)).map((e) => e.type)).not.toContain('HazardTreatedAsAccident');

    const unrelated = await ok(ACCOUNTS.regulator, 'recordGovernmentFinding', {
      ...selfCheck(coal1.id, { grade: 'MAJOR', source: 'GOV_INSPECTION' }),
      determination: 'STANDARD_CLAUSE',
      criterionId: 'MEM-4-2020:2.15',
      deadline: '2025-08-31',
    });
    expect(unrelated).toMatchObject({ repeatOf: null, treatAsAccident: true });
  });

  it('treats a regraded-up government hazard as an accident and emits MajorHazardConfirmed', async () => {
    const hazard = await prepare(HazardStatus.RECTIFYING, 'GOV');
    const regraded = await ok(
      ACCOUNTS.regulator,
      'regradeHazard',
      change(hazard, { grade: 'MAJOR', reason: '综合判定为重大（测试）', determination: 'EXTERNAL_FACTOR' }),
    );
    expect(regraded).toMatchObject({ status: 'CONFIRMED', grade: 'MAJOR', acceptanceTier: 'REGULATOR' });
    const types = (await events(hazard.id)).map((e) => e.type);
    expect(types.slice(-4)).toEqual([
      'HazardRegraded',
      'HazardStatusChanged',
      'HazardTreatedAsAccident',
      'MajorHazardConfirmed',
    ]);
  });
});

describe('H-7 statistics form', () => {
  const QUERY = `query($e: ID!, $y: Int!, $q: Int) { hazardStatistics(enterpriseId: $e, year: $y, quarter: $q) {
    periodStart periodEnd dueDate found fixed open overdue majorListed
    lines { grade found fixed open overdue listed rectificationRate } } }`;

  it('generates the quarterly form from the records, with its filing date', async () => {
    const form = async () =>
      (await gql(subgraph.url, QUERY, { e: coal1.id, y: 2025, q: 2 }, await ACCOUNTS.principal.token())).data
        .hazardStatistics;
    const before = await form();
    expect(before).toMatchObject({
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      dueDate: '2025-07-15',
    });

    // Independently: the same form from the rows the list returns.
    const rows = await subgraph.runtime.dataSource.query(
      `SELECT grade, status, found_at AS "foundAt", accepted_at AS "acceptedAt", deadline::text AS deadline, listing_id AS "listingId"
       FROM hazard WHERE enterprise_id = $1`,
      [coal1.id],
    );
    const expected = hazardStatisticsForm(rows, statisticsPeriod(2025, 2));
    expect(before.lines).toEqual(expected);
    expect(before.found).toBe(expected[0]!.found + expected[1]!.found);

    await prepare(HazardStatus.CLOSED, 'SELF');
    const after = await form();
    expect(after.found).toBe(before.found + 1);
    expect(after.fixed).toBe(before.fixed + 1);
    expect(after.open).toBe(before.open);

    const annual = await gql(subgraph.url, QUERY, { e: coal1.id, y: 2024 }, await ACCOUNTS.principal.token());
    expect(annual.data.hazardStatistics).toMatchObject({ periodStart: '2024-01-01', dueDate: '2025-01-31' });
    const foreign = await gql(
      subgraph.url,
      QUERY,
      { e: chem1.id, y: 2025, q: 2 },
      await ACCOUNTS.principal.token(),
    );
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
  });
});

describe('public-area hazards', () => {
  it('are reported for a town with a responsible body and seen only within that scope', async () => {
    const grid = demo('village.grid.demo');
    const responsible = orgId(`TOWN_SAFETY_${sanlei.pinyin}`);
    const hazard = await ok(grid, 'reportHazard', {
      orgUnitId: responsible,
      townshipCode: sanlei.code,
      industryCode: 'ROAD_TRANSPORT',
      title: '村道急弯缺少警示标志（测试）',
      description: '村道急弯处缺少警示标志和护栏（测试）',
      grade: 'GENERAL',
      source: 'GOV_INSPECTION',
      location: '三雷镇某村道（测试）',
      geo: { longitude: 103.08, latitude: 38.62 },
      evidence: [photo()],
    });
    const read = async (username: string) =>
      (
        await gql(
          subgraph.url,
          'query($id: ID!) { hazard(id: $id) { id enterprise { id } } }',
          { id: hazard.id },
          await subgraph.authority.tokenFor(username),
        )
      ).data?.hazard ?? null;
    expect(await read('village.grid.demo')).toEqual({ id: hazard.id, enterprise: null });
    expect(await read('saco.demo')).toMatchObject({ id: hazard.id });
    expect(await read('town.hongshagang.demo')).toBeNull();
    expect(await read('ent.coal1.principal.demo')).toBeNull();

    const otherTown = await call(ACCOUNTS.grid, 'reportHazard', {
      orgUnitId: responsible,
      townshipCode: sanlei.code,
      title: '村道急弯缺少警示标志（测试）',
      description: '村道急弯处缺少警示标志和护栏（测试）',
      grade: 'GENERAL',
      source: 'GOV_INSPECTION',
      evidence: [photo()],
    });
    expect(errorCodes(otherTown)).toEqual(['FORBIDDEN']);
  });
});

describe('batching', () => {
  it('lists a page of 50 hazards with every nested field in as many statements as a page of 5', async () => {
    const token = await ACCOUNTS.county.token();
    const QUERY = `query($first: Int!) { hazards(first: $first) { totalCount nodes {
      id code title grade status deadline overdue foundAt source category acceptanceTier treatAsAccident
      enterprise { id } geo { longitude latitude } evidence { fileId kind } interimMeasures { kind text }
      plan { objectives approvedAt } assignments { leg orgUnitIds } planApproved suspended resumptionReviewDue
      repeatOf { id code } history { from to at actorUsername reason } } } }`;
    const measure = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { first }, token);
      });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data.hazards.nodes).toHaveLength(first);
      expect(response.data.hazards.nodes.every((n: any) => n.history.length > 0)).toBe(true);
      return statements;
    };
    // Every nested loader must fire in both pages: the first hazard of the short page repeats a closed one.
    const [top] = (await gql(subgraph.url, '{ hazards(first: 1) { nodes { id } } }', {}, token)).data.hazards
      .nodes;
    await subgraph.runtime.dataSource.query(
      `UPDATE hazard SET repeat_of_id = (SELECT id FROM hazard WHERE status = 'CLOSED' LIMIT 1) WHERE id = $1`,
      [top.id],
    );
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(`hazards with nested fields: ${five.length} statements for 5, ${fifty.length} for 50`);
    expect(fifty.length).toBe(five.length);
  });
});
