import { DEMO_ENTERPRISES, demoEnterprise, demoId } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed/seed.js';
import { hazardSubgraph } from '../src/subgraph.js';

// Tests pin the clock: the seed and the overdue flag are relative to this day.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const chem1 = demoEnterprise('chem1');
const coal1 = demoEnterprise('coal1');
const fuel1 = demoEnterprise('fuel1');
const hongshagang = coal1.townshipCode;

const LIST = `query($first: Int, $after: String, $enterpriseId: ID, $grade: HazardGrade, $status: HazardStatus,
    $overdue: Boolean, $town: String) {
  hazards(first: $first, after: $after, enterpriseId: $enterpriseId, grade: $grade, status: $status,
      overdue: $overdue, townshipCode: $town) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id code enterpriseId grade status source foundAt deadline closedAt overdue version }
  }
}`;
const REPORT = `mutation($input: ReportHazardInput!) {
  reportHazard(input: $input) { id code enterpriseId status grade version deadline overdue }
}`;
const CONFIRM = `mutation($input: ConfirmHazardInput!) {
  confirmHazard(input: $input) { id status version deadline overdue }
}`;
const REJECT = `mutation($input: RejectHazardInput!) { rejectHazard(input: $input) { id status version } }`;
const PHOTO = { fileId: 'ab'.repeat(32), kind: 'BEFORE' };

const token = (username: string) => subgraph.authority.tokenFor(username);
const list = async (variables: Record<string, unknown>, username = 'saco.demo') =>
  (await gql(subgraph.url, LIST, variables, await token(username))).data.hazards;

function selfCheck(overrides: Record<string, unknown> = {}) {
  return {
    enterpriseId: chem1.id,
    title: '储罐区巡检发现防火堤裂缝（测试）',
    description: '东侧防火堤有一处约30厘米裂缝（测试）',
    grade: 'GENERAL',
    source: 'ENTERPRISE_SELF_CHECK',
    evidence: [PHOTO],
    ...overrides,
  };
}

async function report(username: string, input: Record<string, unknown>) {
  const response = await gql(subgraph.url, REPORT, { input }, await token(username));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.reportHazard;
}

async function move(username: string, query: string, input: Record<string, unknown>) {
  return gql(subgraph.url, query, { input }, await token(username));
}

describe('hazards', () => {
  it('seeds ≈600 hazards with the mix of domain §11.4, deterministically, ids derived from codes', async () => {
    expect((await list({ first: 1 })).totalCount).toBe(600);
    const totals = async (variables: Record<string, unknown>) =>
      (await list({ first: 1, ...variables })).totalCount;
    expect(await totals({ grade: 'MAJOR' })).toBe(24);
    expect(await totals({ status: 'CLOSED' })).toBe(420);
    expect(await totals({ status: 'RECTIFYING' })).toBe(120);
    expect(await totals({ status: 'PENDING_ACCEPTANCE' })).toBe(48);
    expect(await totals({ status: 'REJECTED' })).toBe(12);
    expect(await totals({ overdue: true })).toBe(30);
    expect(await totals({ overdue: false })).toBe(570);

    const rows = await subgraph.runtime.dataSource.query('SELECT id, code FROM hazard ORDER BY code');
    for (const row of rows) {
      expect(row.code).toMatch(/^HZ-20(23|24|25)-\d{6}$/);
      expect(row.id).toBe(demoId('hazard', row.code));
    }
    const counters = await subgraph.runtime.dataSource.query(
      `SELECT year, last_value FROM code_counter WHERE prefix = 'HZ' ORDER BY year`,
    );
    const perYear = (year: number) => rows.filter((r: any) => r.code.startsWith(`HZ-${year}-`)).length;
    expect(counters).toEqual([2023, 2024, 2025].map((year) => ({ year, last_value: perYear(year) })));

    // The same seed twice gives the same rows as the database holds.
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
      await seed(manager, { today: new Date(`${TODAY}T00:00:00+08:00`) });
      return values;
    };
    const [first, second] = [await captured(), await captured()];
    expect(second).toEqual(first);
    expect(
      first
        .filter((h) => h.code)
        .map((h) => h.code)
        .sort(),
    ).toEqual(rows.map((r: any) => r.code));
  });

  it('lists newest found first with cursors, and filters by enterprise, town, grade, status and overdue', async () => {
    const first = await list({ first: 50 });
    const second = await list({ first: 50, after: first.pageInfo.endCursor });
    const nodes = [...first.nodes, ...second.nodes];
    expect(new Set(nodes.map((n: any) => n.id)).size).toBe(100);
    const found = nodes.map((n: any) => n.foundAt);
    expect(found).toEqual([...found].sort().reverse());

    const atChem1 = await list({ first: 200, enterpriseId: chem1.id });
    expect(atChem1.totalCount).toBeGreaterThan(0);
    expect(atChem1.nodes.every((n: any) => n.enterpriseId === chem1.id)).toBe(true);

    const inTown = await list({ first: 200, town: hongshagang });
    const townIds = new Set(DEMO_ENTERPRISES.filter((e) => e.townshipCode === hongshagang).map((e) => e.id));
    expect(inTown.totalCount).toBeGreaterThan(0);
    expect(inTown.nodes.every((n: any) => townIds.has(n.enterpriseId))).toBe(true);

    const overdue = await list({ first: 200, overdue: true });
    for (const node of overdue.nodes) {
      expect(node).toMatchObject({ overdue: true, status: 'RECTIFYING' });
      expect(node.deadline < TODAY).toBe(true);
    }
    const majorsRectifying = await list({ first: 200, grade: 'MAJOR', status: 'RECTIFYING' });
    expect(majorsRectifying.nodes.map((n: any) => n.enterpriseId)).toEqual(
      expect.arrayContaining([chem1.id, demoEnterprise('it2').id]),
    );
    const closed = await list({ first: 5, status: 'CLOSED' });
    expect(closed.nodes.every((n: any) => n.closedAt && !n.overdue)).toBe(true);
  });

  it('gets one hazard by id and counts by grade', async () => {
    const [sample] = (await list({ first: 1 })).nodes;
    const one = await gql(
      subgraph.url,
      'query($id: ID!) { hazard(id: $id) { id code enterprise { id } } }',
      { id: sample.id },
      await token('saco.demo'),
    );
    expect(one.data.hazard).toEqual({
      id: sample.id,
      code: sample.code,
      enterprise: { id: sample.enterpriseId },
    });
    const counts = await gql(
      subgraph.url,
      '{ hazardCountsByGrade { grade count } }',
      {},
      await token('saco.demo'),
    );
    expect(counts.data.hazardCountsByGrade).toEqual([
      { grade: 'GENERAL', count: 576 },
      { grade: 'MAJOR', count: 24 },
    ]);
  });

  it('filters by industry, source, criterion and the day found (local days, both ends included)', async () => {
    const all = async (variables: Record<string, unknown>) => {
      const nodes: any[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await list({ first: 200, after, ...variables });
        nodes.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount };
        after = page.pageInfo.endCursor;
      }
    };
    const LIST_MORE = `query($industry: String, $source: HazardSource, $criterion: ID, $from: LocalDate, $to: LocalDate) {
      hazards(first: 200, industryCode: $industry, source: $source, criterionId: $criterion, foundFrom: $from, foundTo: $to) {
        totalCount nodes { id enterpriseId source foundAt criterionId industryCode } } }`;
    const more = async (variables: Record<string, unknown>) => {
      const response = await gql(subgraph.url, LIST_MORE, variables, await token('saco.demo'));
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data.hazards;
    };
    const coalIds = new Set(DEMO_ENTERPRISES.filter((e) => e.industryCode === 'COAL_MINE').map((e) => e.id));
    const coal = await more({ industry: 'COAL_MINE' });
    expect(coal.totalCount).toBeGreaterThan(0);
    expect(coal.nodes.every((n: any) => coalIds.has(n.enterpriseId) && n.industryCode === 'COAL_MINE')).toBe(
      true,
    );
    const whistle = await more({ source: 'WHISTLEBLOWER' });
    expect(whistle.totalCount).toBeGreaterThan(0);
    expect(whistle.nodes.every((n: any) => n.source === 'WHISTLEBLOWER')).toBe(true);

    // Local days: 2025-06-01 00:00 in Shanghai is 2025-05-31T16:00Z.
    const { nodes } = await all({});
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const june = nodes.filter(
      (n: any) => local(n.foundAt) >= '2025-06-01' && local(n.foundAt) <= '2025-06-15',
    );
    const inRange = await more({ from: '2025-06-01', to: '2025-06-15' });
    expect(inRange.totalCount).toBe(june.length);
    expect(inRange.totalCount).toBeGreaterThan(0);

    const hazard = await report('emb.staff.demo', selfCheck({ source: 'GOV_INSPECTION' }));
    await move('emb.staff.demo', CONFIRM, {
      hazardId: hazard.id,
      expectedVersion: 1,
      deadline: '2025-07-31',
      determination: 'STANDARD_CLAUSE',
      criterionId: 'SAWS-121-2017-CHEM:12',
    });
    const byCriterion = await more({ criterion: 'SAWS-121-2017-CHEM:12' });
    expect(byCriterion.nodes.map((n: any) => n.id)).toEqual([hazard.id]);
  });

  it('keeps the seeded hazards valid under the full lifecycle: tier, history, acceptance, plans', async () => {
    const problems = await subgraph.runtime.dataSource.query(`
      SELECT h.code FROM hazard h
      WHERE h.code LIKE 'HZ-202_-%' AND h.found_by_id IS NULL AND (
        (h.status = 'CLOSED' AND (h.accepted_at IS NULL OR h.closed_at IS NULL))
        OR (h.grade = 'MAJOR' AND h.status IN ('RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED')
            AND (h.plan->>'approvedAt' IS NULL OR h.determination IS NULL OR jsonb_array_length(h.interim_measures) = 0))
        OR h.category IS NULL OR h.township_code IS NULL OR h.industry_code IS NULL
        OR (h.no_photo_reason IS NULL AND jsonb_array_length(h.evidence) = 0)
        OR NOT EXISTS (SELECT 1 FROM hazard_status_change c WHERE c.hazard_id = h.id AND c.to_status = h.status)
        OR NOT EXISTS (SELECT 1 FROM hazard_status_change c WHERE c.hazard_id = h.id AND c.from_status IS NULL))`);
    expect(problems).toEqual([]);
    const closed = await gql(
      subgraph.url,
      '{ hazards(first: 1, status: CLOSED) { nodes { acceptanceTier history { from to } } } }',
      {},
      await token('saco.demo'),
    );
    expect(closed.data.hazards.nodes[0].history.map((h: any) => `${h.from ?? '∅'}→${h.to}`)).toEqual([
      '∅→REPORTED',
      'REPORTED→CONFIRMED',
      'CONFIRMED→RECTIFYING',
      'RECTIFYING→PENDING_ACCEPTANCE',
      'PENDING_ACCEPTANCE→ACCEPTED',
      'ACCEPTED→CLOSED',
    ]);
  });

  it('reports a hazard for the own enterprise, numbered in the same transaction, emitted and audited', async () => {
    const [{ last_value: before }] = await subgraph.runtime.dataSource.query(
      `SELECT last_value FROM code_counter WHERE prefix = 'HZ' AND year = 2025`,
    );
    const hazard = await report('ent.chem1.manager.demo', selfCheck({ deadline: '2025-07-10' }));
    expect(hazard).toMatchObject({
      enterpriseId: chem1.id,
      status: 'REPORTED',
      version: 1,
      deadline: '2025-07-10',
      overdue: false,
      code: `HZ-2025-${String(before + 1).padStart(6, '0')}`,
    });
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'hazardId' = $1`,
      [hazard.id],
    );
    expect(events).toEqual([
      {
        type: 'HazardReported',
        payload: expect.objectContaining({ code: hazard.code, enterpriseId: chem1.id, grade: 'GENERAL' }),
      },
    ]);
    const audit = await subgraph.runtime.dataSource.query(
      'SELECT operation, actor_username, after FROM audit_log WHERE entity_id = $1',
      [hazard.id],
    );
    expect(audit).toEqual([
      {
        operation: 'reportHazard',
        actor_username: 'ent.chem1.manager.demo',
        after: expect.objectContaining({ code: hazard.code }),
      },
    ]);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const manager = await token('ent.chem1.manager.demo');
    const fieldsOf = async (query: string, variables: Record<string, unknown>, as = manager) => {
      const response = await gql(subgraph.url, query, variables, as);
      expect(errorCodes(response), JSON.stringify(response.errors)).toEqual(['BAD_USER_INPUT']);
      return Object.keys(response.errors![0]!.extensions!.fields);
    };
    expect(await fieldsOf(REPORT, { input: selfCheck({ title: 'x' }) })).toEqual(['title']);
    expect(
      await fieldsOf(REPORT, {
        input: selfCheck({ foundAt: '2025-06-20T08:00:00+08:00', deadline: '2025-06-19' }),
      }),
    ).toEqual(['deadline']);
    expect(
      await fieldsOf(
        REPORT,
        { input: selfCheck({ enterpriseId: '00000000-0000-4000-8000-000000000000' }) },
        await token('saco.demo'),
      ),
    ).toEqual(['enterpriseId']);
    expect(await fieldsOf(REPORT, { input: selfCheck({ source: 'GOV_INSPECTION' }) })).toEqual(['source']);
    expect(
      await fieldsOf(REPORT, { input: selfCheck({ evidence: [{ fileId: 'not-a-hash', kind: 'BEFORE' }] }) }),
    ).toEqual(['evidence.0.fileId']);
    expect(
      await fieldsOf(REPORT, { input: selfCheck({ enterpriseId: undefined }) }, await token('saco.demo')),
    ).toEqual(['orgUnitId', 'townshipCode']);
    expect(await fieldsOf(LIST, { town: '000' }, await token('saco.demo'))).toEqual(['townshipCode']);

    const hazard = await report('ent.chem1.manager.demo', selfCheck());
    expect(await fieldsOf(CONFIRM, { input: { hazardId: hazard.id, expectedVersion: 1 } })).toEqual([
      'deadline',
    ]);
    expect(
      await fieldsOf(CONFIRM, { input: { hazardId: hazard.id, expectedVersion: 1, deadline: '2025-06-01' } }),
    ).toEqual(['deadline']);
    expect(
      await fieldsOf(CONFIRM, {
        input: {
          hazardId: hazard.id,
          expectedVersion: 1,
          deadline: '2025-07-31',
          determination: 'STANDARD_CLAUSE',
        },
      }),
    ).toEqual(['criterionId']);
    expect(
      await fieldsOf(REJECT, {
        input: { hazardId: hazard.id, expectedVersion: 1, kind: 'DUPLICATE', reason: '重复' },
      }),
    ).toEqual(['duplicateOfId']);
    expect(
      await fieldsOf(REJECT, {
        input: { hazardId: hazard.id, expectedVersion: 1, kind: 'NOT_A_HAZARD', reason: 'x' },
      }),
    ).toEqual(['reason']);
  });

  it('authorizes by role and by scope', async () => {
    const asPublic = await gql(subgraph.url, REPORT, { input: selfCheck() }, await token('public.demo'));
    expect(errorCodes(asPublic)).toEqual(['FORBIDDEN']);
    const otherEnterprise = await gql(
      subgraph.url,
      REPORT,
      { input: selfCheck() },
      await token('ent.coal1.principal.demo'),
    );
    expect(errorCodes(otherEnterprise)).toEqual(['FORBIDDEN']);
    const town = await token('town.hongshagang.demo');
    const govFind = { source: 'GOV_INSPECTION' };
    const otherTown = await gql(
      subgraph.url,
      REPORT,
      { input: selfCheck({ ...govFind, enterpriseId: fuel1.id }) },
      town,
    );
    expect(errorCodes(otherTown)).toEqual(['FORBIDDEN']);
    const ownTown = await gql(
      subgraph.url,
      REPORT,
      { input: selfCheck({ ...govFind, enterpriseId: coal1.id }) },
      town,
    );
    expect(ownTown.errors).toBeUndefined();

    const staffReport = await report(
      'ent.coal1.staff.demo',
      selfCheck({ enterpriseId: coal1.id, source: 'STAFF_REPORT' }),
    );
    const staffMoves = await move('ent.coal1.staff.demo', REJECT, {
      hazardId: staffReport.id,
      kind: 'DUPLICATE',
      duplicateOfId: ownTown.data.reportHazard.id,
      reason: '重复',
      expectedVersion: 1,
    });
    expect(errorCodes(staffMoves)).toEqual(['FORBIDDEN']);
    // Row 3: a government find is confirmed by the regulator, not the enterprise; a town regulator by scope.
    const townConfirms = await move('town.hongshagang.demo', CONFIRM, {
      hazardId: ownTown.data.reportHazard.id,
      expectedVersion: 1,
      deadline: '2025-07-31',
    });
    expect(townConfirms.errors).toBeUndefined();

    const major = await report('ent.chem1.manager.demo', selfCheck({ grade: 'MAJOR' }));
    const majorInput = {
      hazardId: major.id,
      expectedVersion: 1,
      deadline: '2025-09-30',
      determination: 'EXTERNAL_FACTOR',
    };
    const enterpriseConfirmsMajor = await move('ent.chem1.manager.demo', CONFIRM, majorInput);
    expect(errorCodes(enterpriseConfirmsMajor)).toEqual(['FORBIDDEN']);
    const enterpriseConfirmsAsGeneral = await move('ent.chem1.manager.demo', CONFIRM, {
      ...majorInput,
      grade: 'GENERAL',
    });
    expect(enterpriseConfirmsAsGeneral.data.confirmHazard.status).toBe('CONFIRMED');
    const outOfScope = await move('ent.coal1.principal.demo', CONFIRM, { ...majorInput, expectedVersion: 2 });
    expect(errorCodes(outOfScope)).toEqual(['NOT_FOUND']);
    const otherTownConfirms = await move('town.hongshagang.demo', CONFIRM, {
      hazardId: (await report('emb.staff.demo', selfCheck({ ...govFind, enterpriseId: fuel1.id }))).id,
      expectedVersion: 1,
      deadline: '2025-07-31',
    });
    expect(errorCodes(otherTownConfirms)).toEqual(['NOT_FOUND']);
  });

  it('emits MajorHazardConfirmed when a regulator confirms a major hazard', async () => {
    const major = await report('emb.staff.demo', selfCheck({ grade: 'MAJOR', source: 'GOV_INSPECTION' }));
    const confirmed = await move('emb.staff.demo', CONFIRM, {
      hazardId: major.id,
      expectedVersion: 1,
      deadline: '2025-10-31',
      determination: 'EXPERT_JUDGEMENT',
      expertOpinionFileId: 'cd'.repeat(32),
    });
    expect(confirmed.errors).toBeUndefined();
    const types = await subgraph.runtime.dataSource.query(
      `SELECT type FROM event_log WHERE payload->>'hazardId' = $1 ORDER BY type`,
      [major.id],
    );
    expect(types.map((t: any) => t.type)).toEqual([
      'HazardReported',
      'HazardStatusChanged',
      'HazardTreatedAsAccident',
      'MajorHazardConfirmed',
    ]);
  });

  it('adds hazards and openHazardCount to Enterprise, continuing pages with the list cursors', async () => {
    const saco = await token('saco.demo');
    const ENTITIES = `query($r: [_Any!]!, $after: String, $status: HazardStatus) { _entities(representations: $r) {
      ... on Enterprise { id openHazardCount hazards(first: 3, after: $after, status: $status) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`;
    const r = [coal1, chem1].map((e) => ({ __typename: 'Enterprise', id: e.id }));
    const response = await gql(subgraph.url, ENTITIES, { r }, saco);
    expect(response.errors).toBeUndefined();
    for (const [index, enterprise] of [coal1, chem1].entries()) {
      const entity = response.data._entities[index];
      const all = await list({ first: 6, enterpriseId: enterprise.id });
      expect(entity.hazards.totalCount).toBe(all.totalCount);
      expect(entity.hazards.nodes.map((n: any) => n.id)).toEqual(all.nodes.slice(0, 3).map((n: any) => n.id));
      expect(entity.hazards.pageInfo.hasNextPage).toBe(all.totalCount > 3);
      const open = (await list({ first: 200, enterpriseId: enterprise.id })).nodes.filter(
        (n: any) => !['ACCEPTED', 'CLOSED', 'REJECTED', 'DRAFT'].includes(n.status),
      ).length;
      expect(entity.openHazardCount).toBe(open);

      const next = await gql(
        subgraph.url,
        ENTITIES,
        { r: [r[index]], after: entity.hazards.pageInfo.endCursor },
        saco,
      );
      expect(next.data._entities[0].hazards.nodes.map((n: any) => n.id)).toEqual(
        all.nodes.slice(3, 6).map((n: any) => n.id),
      );
    }
    const closed = await gql(subgraph.url, ENTITIES, { r, status: 'CLOSED' }, saco);
    expect(closed.data._entities[1].hazards.totalCount).toBe(
      (await list({ first: 1, enterpriseId: chem1.id, status: 'CLOSED' })).totalCount,
    );
  });

  it('loads Enterprise.hazards for many enterprises in a constant number of SQL statements', async () => {
    const saco = await token('saco.demo');
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { id hazards(first: 5) { totalCount nodes { id code } } openHazardCount } } }`;
    const measure = async (count: number) => {
      const r = DEMO_ENTERPRISES.slice(0, count).map((e) => ({ __typename: 'Enterprise', id: e.id }));
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(subgraph.url, QUERY, { r }, saco);
      });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toHaveLength(count);
      expect(
        response.data._entities.every(
          (e: any) => e.hazards.nodes.length === Math.min(5, e.hazards.totalCount),
        ),
      ).toBe(true);
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(
      `Enterprise.hazards + openHazardCount: ${five.length} statements for 5 enterprises, ${fifty.length} for 50`,
    );
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(2);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'hazards', typename: 'Hazard', byIdField: 'hazard' }],
    enterpriseFields: ['hazards'],
    aggregates: [
      {
        name: 'hazardCountsByGrade',
        connection: 'hazards',
        query: '{ hazardCountsByGrade { count } }',
        count: (data) =>
          data.hazardCountsByGrade.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      },
      {
        // The Excel ledger holds exactly the rows the caller may list.
        name: 'hazardLedgerExport',
        connection: 'hazards',
        query: '{ hazardLedgerExport { rowCount } }',
        count: (data) => data.hazardLedgerExport.rowCount,
      },
    ],
  });
});

describe('hazard ledger export (台账, .xlsx)', () => {
  const EXPORT = `query($grade: HazardGrade, $enterpriseId: ID) {
    hazardLedgerExport(grade: $grade, enterpriseId: $enterpriseId) { filename contentType base64 rowCount }
  }`;
  const workbookOf = async (base64: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    return workbook.getWorksheet('隐患台账')!;
  };

  it('writes the filtered hazards of the caller, newest first, with enterprise names and Chinese labels', async () => {
    const major = await list({ grade: 'MAJOR', first: 200 });
    const { data, errors } = await gql(subgraph.url, EXPORT, { grade: 'MAJOR' }, await token('saco.demo'));
    expect(errors).toBeUndefined();
    const file = data.hazardLedgerExport;
    expect(file.filename).toBe(`隐患台账-${TODAY}.xlsx`);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.rowCount).toBe(major.totalCount);
    const sheet = await workbookOf(file.base64);
    expect(sheet.getRow(1).values).toContain('隐患编号');
    expect(sheet.rowCount).toBe(major.totalCount + 1);
    const codes = Array.from({ length: major.totalCount }, (_, i) => sheet.getRow(i + 2).getCell(1).value);
    expect(codes).toEqual(major.nodes.map((n: { code: string }) => n.code));
    expect(new Set(codes.map((_, i) => sheet.getRow(i + 2).getCell(6).value))).toEqual(new Set(['重大隐患']));
  });

  it("gives an enterprise user only its own enterprise's hazards", async () => {
    const own = await list({ first: 200 }, 'ent.chem1.manager.demo');
    const { data } = await gql(subgraph.url, EXPORT, {}, await token('ent.chem1.manager.demo'));
    expect(data.hazardLedgerExport.rowCount).toBe(own.totalCount);
    const sheet = await workbookOf(data.hazardLedgerExport.base64);
    const names = new Set(
      Array.from({ length: own.totalCount }, (_, i) => String(sheet.getRow(i + 2).getCell(3).value)),
    );
    expect([...names]).toEqual([chem1.name]);
    // Another enterprise's id as a filter is not a way around the scope.
    const other = await gql(
      subgraph.url,
      EXPORT,
      { enterpriseId: coal1.id },
      await token('ent.chem1.manager.demo'),
    );
    expect(other.data.hazardLedgerExport.rowCount).toBe(0);
  });
});
