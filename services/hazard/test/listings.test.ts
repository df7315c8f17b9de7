import { createHash, randomUUID } from 'node:crypto';
import { Permission, Role } from '@safety/auth';
import { DEMO_ENTERPRISES, demoEnterprise, demoId, orgId } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionRequestInTime } from '../src/listings/listing.rules.js';
import { sweepListingOverdue } from '../src/listings/listing.sweeps.js';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: "now" is the start of this day in Asia/Shanghai; some tests move it and restore it.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

async function on<T>(day: string, work: () => Promise<T>): Promise<T> {
  process.env.DEMO_TODAY = day;
  try {
    return await work();
  } finally {
    process.env.DEMO_TODAY = TODAY;
  }
}

const chem1 = demoEnterprise('chem1');
const it2 = demoEnterprise('it2');
const fuel1 = demoEnterprise('fuel1');
const coal1 = demoEnterprise('coal1');
const SAC = orgId('SAC');

type Account = { username: string; token: () => Promise<string> };
const demo = (username: string): Account => ({
  username,
  token: () => subgraph.authority.tokenFor(username),
});
function mint(
  username: string,
  roles: Role[],
  scope: Partial<{ orgUnitId: string; enterpriseIds: string[] }>,
  permissions: Permission[] = [],
): Account {
  const hex = createHash('sha256').update(username).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return {
    username,
    token: () =>
      subgraph.authority.token({
        id,
        username,
        kind: 'USER',
        roles,
        permissions,
        scope: {
          orgUnitId: scope.orgUnitId ?? null,
          townshipCodes: [],
          industryCodes: [],
          enterpriseIds: scope.enterpriseIds ?? [],
        },
      }),
  };
}

const leader = demo('county.leader.demo');
const saco = demo('saco.demo'); // SAC_OFFICE with LISTING_APPROVER
const embStaff = demo('emb.staff.demo');
const chemManager = demo('ent.chem1.manager.demo');
const chemPrincipal = mint('chem1.principal.listing.test', [Role.ENT_PRINCIPAL], {
  enterpriseIds: [chem1.id],
});

let fileCounter = 0;
const file = (kind: string) => ({
  fileId: createHash('sha256').update(`listing-test-${fileCounter++}`).digest('hex'),
  kind,
});

async function call(
  account: Account,
  mutation: string,
  input: Record<string, unknown>,
  fields = 'id version status',
) {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return gql(
    subgraph.url,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`,
    { input },
    await account.token(),
  );
}
async function ok(account: Account, mutation: string, input: Record<string, unknown>, fields?: string) {
  const response = await call(account, mutation, input, fields);
  expect(
    response.errors,
    `${mutation} by ${account.username}: ${JSON.stringify(response.errors)}`,
  ).toBeUndefined();
  return response.data[mutation];
}
async function read(text: string, variables: Record<string, unknown> = {}, account: Account = saco) {
  const response = await gql(subgraph.url, text, variables, await account.token());
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

/** A MAJOR hazard found by a regulator (∅ → CONFIRMED), judged by expert opinion. */
async function majorHazard(enterpriseId: string, deadline = '2025-09-30', grade = 'MAJOR') {
  return ok(
    embStaff,
    'recordGovernmentFinding',
    {
      enterpriseId,
      title: '储罐区紧急切断装置失效（测试）',
      description: '重大危险源储罐区紧急切断装置无法动作（测试）',
      grade,
      source: 'GOV_INSPECTION',
      determination: grade === 'MAJOR' ? 'EXPERT_JUDGEMENT' : undefined,
      expertOpinionFileId: grade === 'MAJOR' ? file('EXPERT_OPINION').fileId : undefined,
      deadline,
      noPhotoReason: '测试',
    },
    'id version status grade',
  );
}
const hazardOf = async (id: string) =>
  (
    await read(
      'query($id: ID!) { hazard(id: $id) { id version status listingId acceptanceTier history { to reason } } }',
      { id },
    )
  ).hazard;

const LISTING_FIELDS = `id version status level noticeNo deadline originalDeadline overdue escalatesTo enterpriseId hazardIds
  extensions { requestedOn previousDeadline requestedDeadline decisionDue granted decidedLate }
  history { from to actorUsername reason } hazards { id status } enterprise { id }`;
const change = (listing: { id: string; version: number }, extra: Record<string, unknown> = {}) => ({
  listingId: listing.id,
  expectedVersion: listing.version,
  ...extra,
});
async function events(listingId: string) {
  return (await subgraph.runtime.dataSource.query(
    `SELECT type, payload FROM event_log WHERE payload->>'listingId' = $1 ORDER BY created_at, type`,
    [listingId],
  )) as Array<{ type: string; payload: any }>;
}
const proposal = (hazardIds: string[], extra: Record<string, unknown> = {}) => ({
  hazardIds,
  level: 'COUNTY_SAC',
  issuingOrgId: SAC,
  requirements: '立即整改，整改期间落实临时管控措施，每15日报告进展（测试）',
  deadline: '2025-09-30',
  ...extra,
});

const PLAN = {
  objectives: '消除紧急切断装置失效隐患（测试）',
  measures: '更换紧急切断阀并联锁（测试）',
  funds: '80000',
  materials: '切断阀4台（测试）',
  responsibleOrganisation: '设备部（测试）',
  responsiblePerson: '李四（测试）',
  deadline: '2025-09-30',
  requirements: '按期完成（测试）',
  safetyMeasures: '停用储罐、警戒隔离（测试）',
  contingencyPlan: '泄漏处置方案（测试）',
};

describe('the demo listings (domain §11.4)', () => {
  it('seeds two active county-level listings (methanol plant, cold store) and one delisted, one extension granted', async () => {
    const { listings } = await read(`{ listings(first: 50) { totalCount nodes { ${LISTING_FIELDS} } } }`);
    expect(listings.totalCount).toBe(3);
    const byEnterprise = (e: { id: string }) => listings.nodes.find((n: any) => n.enterpriseId === e.id);
    const methanol = byEnterprise(chem1);
    const coldStore = byEnterprise(it2);
    const delisted = byEnterprise(demoEnterprise('chem2'));
    expect(methanol).toMatchObject({ level: 'COUNTY_SAC', status: 'RECTIFYING', overdue: false });
    expect(coldStore).toMatchObject({ level: 'COUNTY_SAC', status: 'RECTIFYING', overdue: false });
    expect(delisted).toMatchObject({ level: 'COUNTY_SAC', status: 'DELISTED' });
    for (const listing of listings.nodes) {
      expect(listing.noticeNo).toMatch(/^DB-20\d\d-\d{3}$/);
      expect(listing.hazards).toHaveLength(1);
      expect(listing.id).toBe(
        demoId('listing', DEMO_ENTERPRISES.find((e) => e.id === listing.enterpriseId)!.key),
      );
    }
    expect(methanol.hazards[0].status).toBe('RECTIFYING');
    expect(delisted.hazards[0].status).toBe('CLOSED');
    expect(new Set(listings.nodes.map((n: any) => n.noticeNo)).size).toBe(3);
    // The granted extension: requested in time, decided in time, the deadline moved 30 days.
    const [extension] = coldStore.extensions;
    expect(extension).toMatchObject({
      granted: true,
      decidedLate: false,
      previousDeadline: coldStore.originalDeadline,
    });
    expect(coldStore.deadline).toBe(extension.requestedDeadline);
    expect(extensionRequestInTime(extension.requestedOn, extension.previousDeadline)).toBe(true);
    expect(coldStore.deadline > TODAY && methanol.deadline > TODAY).toBe(true);
    const hazard = await hazardOf(methanol.hazards[0].id);
    expect(hazard).toMatchObject({ listingId: methanol.id, acceptanceTier: 'COUNTY' });
    expect((await hazardOf(delisted.hazards[0].id)).history.at(-1)).toEqual({
      to: 'CLOSED',
      reason: 'delisted',
    });
  });
});

describe('the listing flow through GraphQL (domain §5.7.2)', () => {
  it('proposes, lists, rectifies, extends, applies, is verified and delisted: the hazards close', async () => {
    const h1 = await majorHazard(chem1.id);
    const h2 = await majorHazard(chem1.id);

    // The SAC office's queue: confirmed MAJOR hazards without a listing, due 5 working days after confirmation.
    const QUEUE = `{ unlistedMajorHazards(first: 200) { totalCount nodes { id enterpriseId evaluationDue evaluationOverdue confirmedOn hazard { id grade } } } }`;
    const queue = (await read(QUEUE)).unlistedMajorHazards;
    expect(queue.nodes.find((n: any) => n.id === h1.id)).toMatchObject({
      enterpriseId: chem1.id,
      confirmedOn: TODAY,
      evaluationDue: '2025-07-07',
      evaluationOverdue: false,
      hazard: { grade: 'MAJOR' },
    });

    // Wrong role: the enterprise cannot propose.
    expect(errorCodes(await call(chemManager, 'proposeListing', proposal([h1.id])))).toEqual(['FORBIDDEN']);
    let listing = await ok(embStaff, 'proposeListing', proposal([h1.id, h2.id]), LISTING_FIELDS);
    expect(listing).toMatchObject({ status: 'PROPOSED', noticeNo: null, version: 1, overdue: false });
    expect(listing.history).toEqual([
      { from: null, to: 'PROPOSED', actorUsername: 'emb.staff.demo', reason: null },
    ]);
    const after = (await read(QUEUE)).unlistedMajorHazards;
    expect(after.totalCount).toBe(queue.totalCount - 2);
    expect(errorCodes(await call(embStaff, 'proposeListing', proposal([h1.id])))).toEqual(['BAD_USER_INPUT']);

    // 挂牌: a county-level listing is issued by a county leader, not by the SAC office nor the enterprise.
    expect(errorCodes(await call(saco, 'listHazards', change(listing)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(chemManager, 'listHazards', change(listing)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(leader, 'listHazards', { ...change(listing), expectedVersion: 9 }))).toEqual(
      ['CONFLICT'],
    );
    listing = await ok(leader, 'listHazards', change(listing), LISTING_FIELDS);
    expect(listing).toMatchObject({ status: 'LISTED', version: 2 });
    expect(listing.noticeNo).toMatch(/^DB-2025-\d{3}$/);
    for (const id of [h1.id, h2.id])
      expect(await hazardOf(id)).toMatchObject({ listingId: listing.id, acceptanceTier: 'COUNTY' });
    const [listed] = await events(listing.id);
    expect(listed).toMatchObject({
      type: 'HazardListed',
      payload: {
        noticeNo: listing.noticeNo,
        level: 'COUNTY_SAC',
        hazardIds: [h1.id, h2.id],
        enterpriseId: chem1.id,
        deadline: '2025-09-30',
        assignments: [{ leg: 'ENTERPRISE_RECTIFICATION' }, { leg: 'SUPERVISOR_OVERSIGHT' }],
      },
    });
    expect(errorCodes(await call(leader, 'listHazards', change(listing)))).toEqual(['CONFLICT']);

    // LISTED → RECTIFYING needs every hazard's plan approved by the principal.
    const refused = await call(chemManager, 'startListingRectification', change(listing));
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(refused.errors![0]!.extensions!.fields as object)).toEqual(['hazardIds']);
    for (const id of [h1.id, h2.id]) {
      let hazard = await hazardOf(id);
      hazard = await ok(chemManager, 'submitRectificationPlan', {
        hazardId: id,
        expectedVersion: hazard.version,
        plan: PLAN,
      });
      hazard = await ok(chemPrincipal, 'approveRectificationPlan', {
        hazardId: id,
        expectedVersion: hazard.version,
      });
      await ok(chemManager, 'startRectification', {
        hazardId: id,
        expectedVersion: hazard.version,
        interimMeasures: [{ kind: 'ISOLATION', text: '警戒隔离（测试）' }],
      });
    }
    expect(errorCodes(await call(leader, 'startListingRectification', change(listing)))).toEqual([
      'FORBIDDEN',
    ]);
    listing = await ok(chemManager, 'startListingRectification', change(listing), LISTING_FIELDS);
    expect(listing.status).toBe('RECTIFYING');

    // Extension: requested ≥ 20 working days before the deadline, decided by the issuer within 10.
    listing = await ok(
      chemManager,
      'requestListingExtension',
      change(listing, { newDeadline: '2025-10-31', reason: '切断阀到货延迟（测试）' }),
      LISTING_FIELDS,
    );
    expect(listing.status).toBe('EXTENSION_REQUESTED');
    expect(listing.extensions).toEqual([
      {
        requestedOn: TODAY,
        previousDeadline: '2025-09-30',
        requestedDeadline: '2025-10-31',
        decisionDue: '2025-07-14',
        granted: null,
        decidedLate: null,
      },
    ]);
    expect(
      errorCodes(await call(chemManager, 'decideListingExtension', change(listing, { grant: true }))),
    ).toEqual(['FORBIDDEN']);
    listing = await ok(
      saco,
      'decideListingExtension',
      change(listing, { grant: true, note: '同意（测试）' }),
      LISTING_FIELDS,
    );
    expect(listing).toMatchObject({
      status: 'RECTIFYING',
      deadline: '2025-10-31',
      originalDeadline: '2025-09-30',
    });
    expect(listing.extensions[0]).toMatchObject({ granted: true, decidedLate: false });
    // The listed hazards' deadlines move with the listing's: audited, in the history, announced to responsibility.
    for (const id of [h1.id, h2.id]) {
      const moved = (
        await read(
          'query($id: ID!) { hazard(id: $id) { deadline overdue status history { from to reason } } }',
          {
            id,
          },
        )
      ).hazard;
      expect(moved).toMatchObject({ deadline: '2025-10-31', overdue: false, status: 'RECTIFYING' });
      expect(moved.history.at(-1)).toEqual({
        from: 'RECTIFYING',
        to: 'RECTIFYING',
        reason: `挂牌督办延期 ${listing.noticeNo} (2025-09-30 → 2025-10-31)`,
      });
      const audit = await subgraph.runtime.dataSource.query(
        `SELECT operation, before->>'deadline' AS before, after->>'deadline' AS after FROM audit_log
          WHERE entity = 'Hazard' AND entity_id = $1 AND operation = 'decideListingExtension'`,
        [id],
      );
      expect(audit).toEqual([
        { operation: 'decideListingExtension', before: '2025-09-30', after: '2025-10-31' },
      ]);
    }
    const moves = (await events(listing.id)).filter((e) => e.type === 'HazardDeadlineChanged');
    expect(
      moves.map((e) => [e.payload.hazardId, e.payload.previousDeadline, e.payload.deadline]).sort(),
    ).toEqual(
      [
        [h1.id, '2025-09-30', '2025-10-31'],
        [h2.id, '2025-09-30', '2025-10-31'],
      ].sort(),
    );

    // Too late for another extension: fewer than 20 working days remain (National Day holiday included).
    const late = await on('2025-10-09', () =>
      call(
        chemManager,
        'requestListingExtension',
        change(listing, { newDeadline: '2025-11-30', reason: '再延（测试）' }),
      ),
    );
    expect(errorCodes(late)).toEqual(['DEADLINE_PASSED']);

    // Delisting before acceptance is refused: the hazards are still being rectified.
    const early = await call(chemManager, 'applyForDelisting', change(listing));
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    for (const id of [h1.id, h2.id]) {
      const hazard = await hazardOf(id);
      await ok(chemManager, 'requestAcceptance', {
        hazardId: id,
        expectedVersion: hazard.version,
        evidence: [file('AFTER'), file('COMPLETION_REPORT')],
      });
    }
    listing = await ok(chemManager, 'applyForDelisting', change(listing), LISTING_FIELDS);
    expect(listing.status).toBe('DELISTING_APPLIED');

    // The issuer verifies: not yet accepted on site → refused, back to rectification; then applied again.
    expect(errorCodes(await call(saco, 'delist', change(listing)))).toEqual(['BAD_USER_INPUT']);
    listing = await ok(
      saco,
      'refuseDelisting',
      change(listing, { reason: '现场核查未通过（测试）' }),
      LISTING_FIELDS,
    );
    expect(listing).toMatchObject({ status: 'RECTIFYING' });
    listing = await ok(chemManager, 'applyForDelisting', change(listing), LISTING_FIELDS);
    for (const id of [h1.id, h2.id]) {
      const hazard = await hazardOf(id);
      const accepted = await ok(
        saco,
        'acceptHazard',
        { hazardId: id, expectedVersion: hazard.version, onSite: true },
        'id status',
      );
      expect(accepted.status).toBe('ACCEPTED'); // closing waits for delisting (row 10)
    }
    listing = await ok(
      saco,
      'delist',
      change(listing, { note: '县级验收合格，摘牌（测试）' }),
      LISTING_FIELDS,
    );
    expect(listing).toMatchObject({ status: 'DELISTED', overdue: false });
    expect(listing.hazards.map((h: any) => h.status)).toEqual(['CLOSED', 'CLOSED']);
    expect((await hazardOf(h1.id)).history.at(-1)).toEqual({ to: 'CLOSED', reason: 'delisted' });
    expect(listing.history.map((s: any) => s.to)).toEqual([
      'PROPOSED',
      'LISTED',
      'RECTIFYING',
      'EXTENSION_REQUESTED',
      'RECTIFYING',
      'DELISTING_APPLIED',
      'RECTIFYING',
      'DELISTING_APPLIED',
      'DELISTED',
    ]);
    const types = (await events(listing.id)).map((e) => e.type);
    expect(types).toEqual([
      'HazardListed',
      'HazardDeadlineChanged',
      'HazardDeadlineChanged',
      'HazardDelisted',
    ]);
    const audited = await subgraph.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'SupervisedListing' AND entity_id = $1`,
      [listing.id],
    );
    expect(audited[0].n).toBe(9);
  });

  it('lets the SAC office decide not to list a queued major hazard: reason required, audited, out of the queue', async () => {
    const hazard = await majorHazard(chem1.id);
    const general = await majorHazard(chem1.id, '2025-09-30', 'GENERAL');
    const QUEUE = `{ unlistedMajorHazards(first: 200) { nodes { id } } }`;
    expect((await read(QUEUE)).unlistedMajorHazards.nodes.map((n: any) => n.id)).toContain(hazard.id);
    const FIELDS = 'hazardId reason decidedByUsername';
    const decide = (account: Account, input: Record<string, unknown>) =>
      call(account, 'decideNotToListHazard', input, FIELDS);
    const reason = '企业已全面停产，由行业主管部门直接督办（测试）';

    expect(errorCodes(await decide(embStaff, { hazardId: hazard.id, reason }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await decide(chemManager, { hazardId: hazard.id, reason }))).toEqual(['FORBIDDEN']);
    const blank = await decide(saco, { hazardId: hazard.id, reason: '  ' });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(blank.errors![0]!.extensions!.fields as object)).toEqual(['reason']);
    const notMajor = await decide(saco, { hazardId: general.id, reason });
    expect(Object.keys(notMajor.errors![0]!.extensions!.fields as object)).toEqual(['hazardId']);
    expect(errorCodes(await decide(saco, { hazardId: randomUUID(), reason }))).toEqual(['NOT_FOUND']);

    const decision = await ok(saco, 'decideNotToListHazard', { hazardId: hazard.id, reason }, FIELDS);
    expect(decision).toEqual({ hazardId: hazard.id, reason, decidedByUsername: 'saco.demo' });
    expect(errorCodes(await decide(saco, { hazardId: hazard.id, reason }))).toEqual(['CONFLICT']);
    expect((await read(QUEUE)).unlistedMajorHazards.nodes.map((n: any) => n.id)).not.toContain(hazard.id);
    const seen = await read(
      'query($id: ID!) { hazard(id: $id) { listingDecision { reason decidedByUsername } } }',
      { id: hazard.id },
      chemManager,
    );
    expect(seen.hazard.listingDecision).toEqual({ reason, decidedByUsername: 'saco.demo' });
    const audit = await subgraph.runtime.dataSource.query(
      `SELECT reason FROM audit_log WHERE entity = 'Hazard' AND entity_id = $1 AND operation = 'decideNotToListHazard'`,
      [hazard.id],
    );
    expect(audit).toEqual([{ reason }]);
  });

  it('filters the unlisted queue by enterprise and by words of the hazard or the enterprise name, in SQL', async () => {
    const coal = await majorHazard(coal1.id);
    const chem = await majorHazard(chem1.id);
    const code = (await read('query($id: ID!) { hazard(id: $id) { code } }', { id: coal.id })).hazard.code;
    const QUEUE = `query($enterpriseId: ID, $search: String, $first: Int) {
      unlistedMajorHazards(first: $first, enterpriseId: $enterpriseId, search: $search) {
        totalCount nodes { id enterpriseId } } }`;
    const queue = async (variables: Record<string, unknown>) =>
      (await read(QUEUE, { first: 200, ...variables })).unlistedMajorHazards;
    const ofCoal = await queue({ enterpriseId: coal1.id });
    expect(ofCoal.nodes.map((n: any) => n.id)).toContain(coal.id);
    expect(ofCoal.nodes.every((n: any) => n.enterpriseId === coal1.id)).toBe(true);
    expect(ofCoal.totalCount).toBe(ofCoal.nodes.length);
    expect((await queue({ search: code })).nodes.map((n: any) => n.id)).toEqual([coal.id]);
    const byName = await queue({ search: chem1.name });
    expect(byName.nodes.map((n: any) => n.id)).toContain(chem.id);
    expect(byName.nodes.every((n: any) => n.enterpriseId === chem1.id)).toBe(true);
    expect(
      (await queue({ search: '紧急切断装置失效', enterpriseId: chem1.id })).nodes.map((n: any) => n.id),
    ).toContain(chem.id);
    // LIKE wildcards are literal.
    expect((await queue({ search: '%' })).totalCount).toBe(0);
    const token = await saco.token();
    const count = async (variables: Record<string, unknown>) =>
      (await sqlStatements(subgraph.runtime.dataSource, () => gql(subgraph.url, QUEUE, variables, token)))
        .length;
    expect(await count({ first: 50, search: '测试' })).toBe(await count({ first: 5 }));
  });

  it('refuses a GENERAL hazard, hazards of two enterprises, an unknown level issuer and bad input', async () => {
    const general = await majorHazard(chem1.id, '2025-09-30', 'GENERAL');
    const mine = await majorHazard(chem1.id);
    const other = await majorHazard(fuel1.id);
    const fields = async (input: Record<string, unknown>) => {
      const response = await call(embStaff, 'proposeListing', input);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields as object);
    };
    expect(await fields(proposal([general.id]))).toEqual(['hazardIds']);
    expect(await fields(proposal([mine.id, other.id]))).toEqual(['hazardIds']);
    expect(await fields(proposal([mine.id], { deadline: TODAY }))).toEqual(['deadline']);
    expect(await fields(proposal([mine.id], { level: 'PROVINCE' }))).toEqual(['level']);
    expect(
      await fields(proposal([mine.id], { level: 'COUNTY_DEPT', issuingOrgId: orgId('HOUSING') })),
    ).toEqual(['issuingOrgId']);
    // A department listing is issued by that department's LISTING_APPROVER, not by its staff.
    const emb = orgId('EMB');
    const deptListing = await ok(
      embStaff,
      'proposeListing',
      proposal([mine.id], { level: 'COUNTY_DEPT', issuingOrgId: emb }),
    );
    expect(errorCodes(await call(embStaff, 'listHazards', change(deptListing)))).toEqual(['FORBIDDEN']);
    const approver = mint('emb.head.test', [Role.EMB_STAFF], { orgUnitId: emb, enterpriseIds: [chem1.id] }, [
      Permission.LISTING_APPROVER,
    ]);
    expect((await ok(approver, 'listHazards', change(deptListing))).status).toBe('LISTED');
    // Out of scope: the listing is not even found.
    const stranger = demo('ent.coal1.principal.demo');
    expect(errorCodes(await call(stranger, 'startListingRectification', change(deptListing)))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('emits ListingOverdue once per crossing, with the level it escalates to', async () => {
    const hazard = await majorHazard(fuel1.id, '2025-07-31');
    let listing = await ok(embStaff, 'proposeListing', proposal([hazard.id], { deadline: '2025-07-31' }));
    listing = await ok(leader, 'listHazards', change(listing), LISTING_FIELDS);
    const at = (day: string, time = '00:00:00') => new Date(`${day}T${time}+08:00`);
    expect(await sweepListingOverdue(subgraph.runtime, at('2025-07-31', '23:59:59'))).not.toContain(
      listing.id,
    );
    expect(await sweepListingOverdue(subgraph.runtime, at('2025-08-01'))).toContain(listing.id);
    expect(await sweepListingOverdue(subgraph.runtime, at('2025-08-02'))).not.toContain(listing.id);
    const overdue = (await events(listing.id)).filter((e) => e.type === 'ListingOverdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.payload).toMatchObject({
      level: 'COUNTY_SAC',
      escalateTo: 'CITY',
      deadline: '2025-07-31',
      accountabilityProposal: 'TASK_OVERDUE',
    });
    // The flag is derived from the clock; the sweep's bookkeeping leaves the version alone.
    const seen = await on('2025-08-01', () =>
      read('query($id: ID!) { listing(id: $id) { overdue escalatesTo version } }', { id: listing.id }),
    );
    expect(seen.listing).toEqual({ overdue: true, escalatesTo: 'CITY', version: listing.version });
    const filtered = await on('2025-08-01', () =>
      read('{ listings(first: 50, overdue: true) { nodes { id } } }'),
    );
    expect(filtered.listings.nodes.map((n: any) => n.id)).toContain(listing.id);
  });

  it('puts a major hazard confirmed before the National Day holiday in the queue for 5 working days', async () => {
    // Confirmed Tue 30 Sep 2025; 1–8 Oct are off and Sat 11 Oct is worked: due Tue 14 Oct.
    const hazard = await on('2025-09-30', () => majorHazard(coal1.id, '2025-12-31'));
    const QUEUE = `query($late: Boolean) { unlistedMajorHazards(first: 200, evaluationOverdue: $late) {
      nodes { id evaluationDue evaluationOverdue } } }`;
    const entry = async (day: string, late?: boolean) =>
      on(
        day,
        async () =>
          (await read(QUEUE, { late })).unlistedMajorHazards.nodes.find((n: any) => n.id === hazard.id) ??
          null,
      );
    expect(await entry('2025-10-08')).toEqual({
      id: hazard.id,
      evaluationDue: '2025-10-14',
      evaluationOverdue: false,
    });
    expect(await entry('2025-10-14')).toMatchObject({ evaluationOverdue: false });
    expect(await entry('2025-10-14', false)).not.toBeNull();
    expect(await entry('2025-10-14', true)).toBeNull();
    expect(await entry('2025-10-15')).toMatchObject({ evaluationOverdue: true });
    expect(await entry('2025-10-15', true)).not.toBeNull();
    expect(await entry('2025-10-15', false)).toBeNull();
  });
});

describe('Enterprise.listings', () => {
  it('adds the listings of an enterprise in your scope', async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id listings(first: 10) { totalCount nodes { id enterpriseId } } } } }`;
    const r = [chem1, it2, coal1].map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const all = (await read(ENTITIES, { r }))._entities;
    expect(all[0].listings.totalCount).toBeGreaterThan(0);
    expect(all[0].listings.nodes.every((n: any) => n.enterpriseId === chem1.id)).toBe(true);
    expect(all[1].listings.totalCount).toBe(1);
    const mine = (await read(ENTITIES, { r }, chemManager))._entities;
    expect(mine[0].listings.totalCount).toBe(all[0].listings.totalCount);
    expect(mine[1].listings.totalCount).toBe(0);
  });
});

describeScopeHarness({
  subgraph: () => subgraph,
  connections: [
    { field: 'listings', typename: 'SupervisedListing', byIdField: 'listing' },
    { field: 'unlistedMajorHazards' },
  ],
  enterpriseFields: ['listings'],
});

describe('statement counts', () => {
  beforeAll(async () => {
    // Sixty past listings (delisted, on closed major hazards) so a page of 50 is full.
    const hazards: Array<{ id: string; enterprise_id: string; township_code: string }> =
      await subgraph.runtime.dataSource.query(
        `SELECT id, enterprise_id, township_code FROM hazard WHERE status = 'CLOSED' AND listing_id IS NULL
         AND enterprise_id IS NOT NULL ORDER BY code LIMIT 60`,
      );
    let n = 100;
    for (const h of hazards)
      await subgraph.runtime.dataSource.query(
        `INSERT INTO supervised_listing (notice_no, level, status, hazard_ids, enterprise_id, township_code,
           issuing_org_id, requirements, deadline, original_deadline, proposed_at, version)
         VALUES ($1, 'COUNTY_SAC', 'DELISTED', ARRAY[$2::uuid], $3, $4, $5, '历史督办（测试）', '2024-06-30', '2024-06-30',
           '2024-03-01T00:00:00Z', 1)`,
        [`DB-2024-${n++}`, h.id, h.enterprise_id, h.township_code, SAC],
      );
  });

  it('lists a page of 50 listings with hazards and enterprise in as many statements as a page of 5', async () => {
    const measure = async (first: number) => {
      let data: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        data = await read(
          `query($first: Int) { listings(first: $first) { totalCount nodes { ${LISTING_FIELDS} } } }`,
          {
            first,
          },
        );
      });
      expect(data.listings.nodes).toHaveLength(first);
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(3);
  });

  it('loads Enterprise.listings for 5 or 50 enterprises in the same number of statements', async () => {
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      return sqlStatements(subgraph.runtime.dataSource, () =>
        read(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id listings(first: 5) {
            totalCount nodes { id noticeNo hazards { id } } } } } }`,
          { r },
        ),
      );
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(2);
  });
});
