import { randomUUID } from 'node:crypto';
import { demoEnterprise, orgId } from '@safety/reference';
import type { DomainEvent } from '@safety/subgraph-kit';
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
import { responsibilitySubgraph } from '../src/subgraph.js';
import { sweepAcknowledgementReminders, sweepTaskOverdue } from '../src/tasks/task.sweeps.js';

// Tests pin the clock: the seed, the due dates and the overdue flag are relative to this day.
const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(responsibilitySubgraph);
}, 120_000);
afterAll(() => subgraph?.stop());

const coal1 = demoEnterprise('coal1');
const chem1 = demoEnterprise('chem1');
const hongshagangOffice = orgId('TOWN_SAFETY_hongshagang');
const TASK_FIELDS = `id code source leg status dueAt version overdue daysOverdue escalation issuerOrgId
  assigneeEnterpriseId assigneeOrgIds assigneeOrgId enterpriseId linkedTaskId closeReason returnReason
  evidence { fileId } relatedRefs { type id code }`;
const FILE = 'b'.repeat(64);

const call = async (username: string, query: string, variables: Record<string, unknown> = {}) =>
  gql(subgraph.url, query, variables, await subgraph.authority.tokenFor(username));

function event<P>(type: string, payload: P): DomainEvent<P> {
  return { id: randomUUID(), type, source: 'hazard', occurredAt: new Date().toISOString(), payload };
}

/** A payload shaped as hazard's `onConfirmed` emits it (hazard.service.ts). */
function assigned(hazardId: string, deadline: string, enterprise = coal1) {
  return {
    hazardId,
    code: `HZ-2025-${hazardId.slice(0, 6)}`,
    enterpriseId: enterprise.id,
    townshipCode: enterprise.townshipCode,
    industryCode: enterprise.industryCode,
    deadline,
    assignments: [
      { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: enterprise.id, orgUnitIds: [], townshipCode: null },
      {
        leg: 'SUPERVISOR_OVERSIGHT',
        enterpriseId: null,
        orgUnitIds: enterprise.regulatorOrgIds,
        townshipCode: enterprise.townshipCode,
      },
    ],
  };
}

async function hazardTasks(hazardId: string, username = 'saco.demo') {
  const response = await call(
    username,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Hazard { id tasks { ${TASK_FIELDS} } } } }`,
    { r: [{ __typename: 'Hazard', id: hazardId }] },
  );
  expect(response.errors).toBeUndefined();
  return (response.data as any)._entities[0].tasks as any[];
}

const TRANSITION = (name: string, input = 'TaskTransitionInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${TASK_FIELDS} } }`;

describe('tasks (domain §4.7)', () => {
  // First, while only the seed and event-made rows exist (all of them concern an enterprise).
  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'tasks', typename: 'Task', byIdField: 'task' }],
  });

  it('seeds demo tasks to enterprises and town offices, some of them late', async () => {
    const all = rootField(
      await call('saco.demo', `{ tasks(first: 200) { totalCount nodes { status overdue assigneeOrgIds } } }`),
    );
    expect(all.totalCount).toBeGreaterThan(30);
    expect(all.nodes.some((t: any) => t.overdue)).toBe(true);
    expect(all.nodes.some((t: any) => t.assigneeOrgIds.length > 0)).toBe(true);
    const late = rootField(await call('saco.demo', `{ tasks(first: 200, overdue: true) { totalCount } }`));
    expect(late.totalCount).toBe(all.nodes.filter((t: any) => t.overdue).length);
  });

  describe('H-2 consumer', () => {
    it('creates the two linked legs from HazardAssigned, once, due on the hazard deadline', async () => {
      const hazardId = randomUUID();
      const first = event('HazardAssigned', assigned(hazardId, '2025-07-20'));
      expect(await subgraph.runtime.inbox.apply(first)).toBe('applied');
      expect(await subgraph.runtime.inbox.apply(first)).toBe('duplicate');
      const tasks = await hazardTasks(hazardId);
      expect(tasks).toHaveLength(2);
      const [rectification, oversight] = tasks;
      expect(rectification).toMatchObject({
        source: 'HAZARD_DUAL_ASSIGNMENT',
        leg: 'ENTERPRISE_RECTIFICATION',
        status: 'ISSUED',
        dueAt: '2025-07-20',
        assigneeEnterpriseId: coal1.id,
        assigneeOrgIds: [],
        issuerOrgId: coal1.regulatorOrgIds[0],
        enterpriseId: coal1.id,
        linkedTaskId: oversight.id,
        relatedRefs: [{ type: 'Hazard', id: hazardId, code: first.payload.code }],
      });
      expect(oversight).toMatchObject({
        leg: 'SUPERVISOR_OVERSIGHT',
        assigneeEnterpriseId: null,
        assigneeOrgIds: [hongshagangOffice, ...coal1.regulatorOrgIds],
        assigneeOrgId: hongshagangOffice,
        issuerOrgId: orgId('SAC_OFFICE'),
        linkedTaskId: rectification.id,
      });
      // A second delivery under another id (or a re-grade to MAJOR) never duplicates; the due date follows.
      await subgraph.runtime.inbox.apply(event('MajorHazardConfirmed', assigned(hazardId, '2025-07-10')));
      const again = await hazardTasks(hazardId);
      expect(again.map((t) => [t.id, t.dueAt])).toEqual([
        [rectification.id, '2025-07-10'],
        [oversight.id, '2025-07-10'],
      ]);
      // Scope: the enterprise sees its leg and the town's too (its own enterprise); another enterprise sees none.
      expect(await hazardTasks(hazardId, 'ent.coal1.principal.demo')).toHaveLength(2);
      expect(await hazardTasks(hazardId, 'ent.chem1.manager.demo')).toEqual([]);
      expect(await hazardTasks(hazardId, 'town.hongshagang.demo')).toHaveLength(2);
    });

    it('moves open tasks with HazardDeadlineChanged and closes both legs with HazardStatusChanged → CLOSED', async () => {
      const hazardId = randomUUID();
      await subgraph.runtime.inbox.apply(
        event('MajorHazardConfirmed', assigned(hazardId, '2025-07-20', chem1)),
      );
      await subgraph.runtime.inbox.apply(
        event('HazardDeadlineChanged', { hazardId, code: 'HZ', deadline: '2025-08-30', reason: 'extension' }),
      );
      expect((await hazardTasks(hazardId)).map((t) => t.dueAt)).toEqual(['2025-08-30', '2025-08-30']);
      await subgraph.runtime.inbox.apply(
        event('HazardStatusChanged', { hazardId, code: 'HZ-X', from: 'ACCEPTED', to: 'ACCEPTED' }),
      );
      expect((await hazardTasks(hazardId)).map((t) => t.status)).toEqual(['ISSUED', 'ISSUED']);
      await subgraph.runtime.inbox.apply(
        event('HazardStatusChanged', { hazardId, code: 'HZ-X', from: 'ACCEPTED', to: 'CLOSED' }),
      );
      const closed = await hazardTasks(hazardId);
      expect(closed.map((t) => t.status)).toEqual(['CLOSED', 'CLOSED']);
      expect(closed[0].closeReason).toContain('HZ-X');
      const audit = await subgraph.runtime.dataSource.query(
        `SELECT operation FROM audit_log WHERE entity = 'Task' AND entity_id = $1 ORDER BY at`,
        [closed[0].id],
      );
      expect(audit.map((a: any) => a.operation)).toEqual([
        'MajorHazardConfirmed',
        'HazardDeadlineChanged',
        'HazardStatusChanged',
      ]);
    });

    it('issues both legs again when the hazard is reopened (row 12), due on the new deadline', async () => {
      const hazardId = randomUUID();
      await subgraph.runtime.inbox.apply(event('HazardAssigned', assigned(hazardId, '2025-07-20')));
      await subgraph.runtime.inbox.apply(
        event('HazardStatusChanged', { hazardId, code: 'HZ-R', from: 'ACCEPTED', to: 'CLOSED' }),
      );
      const closed = await hazardTasks(hazardId);
      expect(closed.map((t) => t.status)).toEqual(['CLOSED', 'CLOSED']);
      await subgraph.runtime.inbox.apply(
        event('HazardReopened', { ...assigned(hazardId, '2025-09-15'), reason: '复查发现隐患复现' }),
      );
      const reopened = await hazardTasks(hazardId);
      // The same two linked rows, issued again with a fresh acknowledgement clock.
      expect(reopened.map((t) => [t.id, t.status, t.dueAt, t.closeReason])).toEqual([
        [closed[0].id, 'ISSUED', '2025-09-15', null],
        [closed[1].id, 'ISSUED', '2025-09-15', null],
      ]);
      expect(reopened[0].linkedTaskId).toBe(reopened[1].id);
      const audit = await subgraph.runtime.dataSource.query(
        `SELECT operation, reason FROM audit_log WHERE entity = 'Task' AND entity_id = $1 ORDER BY at`,
        [closed[0].id],
      );
      expect(audit.map((a: any) => a.operation)).toEqual([
        'HazardAssigned',
        'HazardStatusChanged',
        'HazardReopened',
      ]);
      expect(audit[2].reason).toContain('复查发现隐患复现');
    });
  });

  describe('transitions', () => {
    it('walks both legs through their lives, each actor on its own part', async () => {
      const hazardId = randomUUID();
      await subgraph.runtime.inbox.apply(event('HazardAssigned', assigned(hazardId, '2025-07-20')));
      let [leg, oversight] = await hazardTasks(hazardId);

      // The town is not the enterprise leg's assignee; a stale version conflicts; unknown ids are not found.
      const refused = await call('town.hongshagang.demo', TRANSITION('acknowledgeTask'), {
        input: { id: leg.id, version: leg.version },
      });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      const stale = await call('ent.coal1.principal.demo', TRANSITION('acknowledgeTask'), {
        input: { id: leg.id, version: leg.version + 1 },
      });
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
      const unknown = await call('ent.coal1.principal.demo', TRANSITION('acknowledgeTask'), {
        input: { id: randomUUID(), version: 1 },
      });
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      const outside = await call('ent.chem1.manager.demo', TRANSITION('acknowledgeTask'), {
        input: { id: leg.id, version: leg.version },
      });
      expect(errorCodes(outside)).toEqual(['NOT_FOUND']);
      // Plain staff may not act for the enterprise at all.
      const staff = await call('ent.coal1.staff.demo', TRANSITION('acknowledgeTask'), {
        input: { id: leg.id, version: leg.version },
      });
      expect(errorCodes(staff)).toEqual(['FORBIDDEN']);

      leg = rootField(
        await call('ent.coal1.principal.demo', TRANSITION('acknowledgeTask'), {
          input: { id: leg.id, version: leg.version },
        }),
      );
      expect(leg.status).toBe('ACKNOWLEDGED');
      const twice = await call('ent.coal1.principal.demo', TRANSITION('acknowledgeTask'), {
        input: { id: leg.id, version: leg.version },
      });
      expect(errorCodes(twice)).toEqual(['CONFLICT']);
      leg = rootField(
        await call('ent.coal1.principal.demo', TRANSITION('startTask'), {
          input: { id: leg.id, version: leg.version },
        }),
      );
      const empty = await call('ent.coal1.principal.demo', TRANSITION('submitTask', 'SubmitTaskInput'), {
        input: { id: leg.id, version: leg.version, evidenceFileIds: [] },
      });
      expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(empty.errors)).toContain('evidenceFileIds');
      const badFile = await call('ent.coal1.principal.demo', TRANSITION('submitTask', 'SubmitTaskInput'), {
        input: { id: leg.id, version: leg.version, evidenceFileIds: ['not-a-file'] },
      });
      expect(errorCodes(badFile)).toEqual(['BAD_USER_INPUT']);
      leg = rootField(
        await call('ent.coal1.principal.demo', TRANSITION('submitTask', 'SubmitTaskInput'), {
          input: { id: leg.id, version: leg.version, evidenceFileIds: [FILE], note: '整改完成照片' },
        }),
      );
      expect(leg).toMatchObject({ status: 'SUBMITTED', evidence: [{ fileId: FILE }] });

      // The enterprise cannot verify its own work; the issuer returns it with a reason, then verifies.
      const selfVerify = await call('ent.coal1.principal.demo', TRANSITION('verifyTask'), {
        input: { id: leg.id, version: leg.version },
      });
      expect(errorCodes(selfVerify)).toEqual(['FORBIDDEN']);
      const noReason = await call('saco.demo', TRANSITION('returnTask', 'ReturnTaskInput'), {
        input: { id: leg.id, version: leg.version, reason: '  ' },
      });
      expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
      leg = rootField(
        await call('saco.demo', TRANSITION('returnTask', 'ReturnTaskInput'), {
          input: { id: leg.id, version: leg.version, reason: '照片不清晰' },
        }),
      );
      expect(leg).toMatchObject({ status: 'RETURNED', returnReason: '照片不清晰' });
      leg = rootField(
        await call('ent.coal1.principal.demo', TRANSITION('startTask'), {
          input: { id: leg.id, version: leg.version },
        }),
      );
      leg = rootField(
        await call('ent.coal1.principal.demo', TRANSITION('submitTask', 'SubmitTaskInput'), {
          input: { id: leg.id, version: leg.version, evidenceFileIds: ['c'.repeat(64)] },
        }),
      );
      leg = rootField(
        await call('saco.demo', TRANSITION('verifyTask'), { input: { id: leg.id, version: leg.version } }),
      );
      leg = rootField(
        await call('saco.demo', TRANSITION('closeTask'), { input: { id: leg.id, version: leg.version } }),
      );
      expect(leg.status).toBe('CLOSED');
      expect(leg.evidence).toHaveLength(2);

      // The oversight leg: the town office is an assignee; the enterprise is not.
      const notMine = await call('ent.coal1.principal.demo', TRANSITION('acknowledgeTask'), {
        input: { id: oversight.id, version: oversight.version },
      });
      expect(errorCodes(notMine)).toEqual(['FORBIDDEN']);
      oversight = rootField(
        await call('town.hongshagang.demo', TRANSITION('acknowledgeTask'), {
          input: { id: oversight.id, version: oversight.version },
        }),
      );
      expect(oversight.status).toBe('ACKNOWLEDGED');

      const audit = await subgraph.runtime.dataSource.query(
        `SELECT operation, reason FROM audit_log WHERE entity = 'Task' AND entity_id = $1 ORDER BY at`,
        [leg.id],
      );
      expect(audit.map((a: any) => a.operation)).toEqual([
        'HazardAssigned',
        'acknowledgeTask',
        'startTask',
        'submitTask',
        'returnTask',
        'startTask',
        'submitTask',
        'verifyTask',
        'closeTask',
      ]);
      expect(audit[4].reason).toBe('照片不清晰');
    });

    it('issues a task from an org unit to another, refusing missing assignees and enterprise users', async () => {
      const input = {
        source: 'MEETING',
        title: '落实县安委会第三次全体会议部署（测试）',
        requirement: '开展汛期安全检查并报送情况',
        dueAt: '2025-07-15',
        assigneeOrgIds: [hongshagangOffice],
      };
      const ISSUE = `mutation($input: IssueTaskInput!) { issueTask(input: $input) { ${TASK_FIELDS} } }`;
      const refused = await call('ent.coal1.principal.demo', ISSUE, { input });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      const noAssignee = await call('saco.demo', ISSUE, { input: { ...input, assigneeOrgIds: [] } });
      expect(errorCodes(noAssignee)).toEqual(['BAD_USER_INPUT']);
      const past = await call('saco.demo', ISSUE, { input: { ...input, dueAt: '2025-06-01' } });
      expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
      const hazardSource = await call('saco.demo', ISSUE, {
        input: { ...input, source: 'HAZARD_DUAL_ASSIGNMENT' },
      });
      expect(errorCodes(hazardSource)).toEqual(['BAD_USER_INPUT']);
      const task = rootField(await call('saco.demo', ISSUE, { input }));
      expect(task).toMatchObject({ status: 'ISSUED', issuerOrgId: orgId('SAC_OFFICE'), enterpriseId: null });
      expect(task.code).toMatch(/^TASK-2025-\d{6}$/);
      // The assignee town sees it through §2.4's assignee rule; another town does not.
      const town = await call('town.hongshagang.demo', `query($id: ID!) { task(id: $id) { id } }`, {
        id: task.id,
      });
      expect((town.data as any).task?.id).toBe(task.id);
      const other = await call('village.grid.demo', `query($id: ID!) { task(id: $id) { id } }`, {
        id: task.id,
      });
      expect((other.data as any).task).toBeNull();
      const filtered = rootField(
        await call(
          'town.hongshagang.demo',
          `query($org: ID) { tasks(first: 200, assigneeOrgId: $org, source: MEETING) { nodes { id } } }`,
          {
            org: hongshagangOffice,
          },
        ),
      );
      expect(filtered.nodes.map((n: any) => n.id)).toContain(task.id);
    });
  });

  describe('overdue, escalation and reminders', () => {
    it('emits TaskOverdue once per crossing, per leg, and climbs the ladder', async () => {
      const hazardId = randomUUID();
      const enterprise = demoEnterprise('coal2');
      await subgraph.runtime.inbox.apply(
        event('HazardAssigned', assigned(hazardId, '2025-07-01', enterprise)),
      );
      const [leg] = await hazardTasks(hazardId);
      expect(leg.overdue).toBe(false);
      const at = new Date('2025-07-02T10:00:00+08:00');
      const crossed = await sweepTaskOverdue(subgraph.runtime, at);
      expect(crossed).toEqual(expect.arrayContaining((await hazardTasks(hazardId)).map((t) => t.id)));
      expect(await sweepTaskOverdue(subgraph.runtime, at)).toEqual([]);
      const events = await subgraph.runtime.dataSource.query(
        `SELECT payload FROM event_log WHERE type = 'TaskOverdue' AND payload->>'taskId' = $1`,
        [leg.id],
      );
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        leg: 'ENTERPRISE_RECTIFICATION',
        daysOverdue: 1,
        dueAt: '2025-07-01',
      });

      // 35 days late → INTERVIEW, seen through the API with the clock moved.
      process.env.DEMO_TODAY = '2025-08-05';
      try {
        const [late] = await hazardTasks(hazardId);
        expect(late).toMatchObject({ overdue: true, daysOverdue: 35, escalation: 'INTERVIEW' });
      } finally {
        process.env.DEMO_TODAY = TODAY;
      }

      // A second task of the same enterprise late in the same year starts at GUIDANCE ("2nd in the year").
      const second = randomUUID();
      await subgraph.runtime.inbox.apply(event('HazardAssigned', assigned(second, '2025-07-03', enterprise)));
      await sweepTaskOverdue(subgraph.runtime, new Date('2025-07-04T10:00:00+08:00'));
      const [secondLeg] = await hazardTasks(second);
      const [row] = await subgraph.runtime.dataSource.query(
        `SELECT payload FROM event_log WHERE type = 'TaskOverdue' AND payload->>'taskId' = $1`,
        [secondLeg.id],
      );
      expect(row.payload).toMatchObject({ ordinalInYear: 2, escalation: 'GUIDANCE', daysOverdue: 1 });
    });

    it('reminds an assignee who has not acknowledged within 2 working days, once', async () => {
      const hazardId = randomUUID();
      await subgraph.runtime.inbox.apply(event('HazardAssigned', assigned(hazardId, '2025-07-30')));
      const ids = (await hazardTasks(hazardId)).map((t) => t.id);
      // Issued Monday 30 June: acknowledge by Wednesday 2 July; Thursday is too late.
      expect(
        await sweepAcknowledgementReminders(subgraph.runtime, new Date('2025-07-02T12:00:00+08:00')),
      ).not.toEqual(expect.arrayContaining(ids));
      const reminded = await sweepAcknowledgementReminders(
        subgraph.runtime,
        new Date('2025-07-03T09:00:00+08:00'),
      );
      expect(reminded).toEqual(expect.arrayContaining(ids));
      expect(
        await sweepAcknowledgementReminders(subgraph.runtime, new Date('2025-07-04T09:00:00+08:00')),
      ).toEqual([]);
      const events = await subgraph.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM event_log WHERE type = 'TaskAcknowledgementReminder' AND payload->>'taskId' = ANY($1)`,
        [ids],
      );
      expect(events[0].n).toBe(2);
    });
  });

  describe('batching', () => {
    it('keeps the statements of a task page constant from 5 to 50 rows', async () => {
      const measure = async (first: number) => {
        const token = await subgraph.authority.tokenFor('saco.demo');
        let response: any;
        const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
          response = await gql(
            subgraph.url,
            `query($first: Int) { tasks(first: $first) { nodes { id issuerOrg { code } assigneeOrgs { code }
               linkedTask { id } escalation } } }`,
            { first },
            token,
          );
        });
        expect(response.errors).toBeUndefined();
        expect(response.data.tasks.nodes).toHaveLength(first);
        return statements;
      };
      const five = await measure(5);
      const fifty = await measure(50);
      expect(fifty.length).toBe(five.length);
    });

    it('keeps the statements of Hazard.tasks constant from 5 to 50 hazards', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const hazardId = randomUUID();
        ids.push(hazardId);
        await subgraph.runtime.inbox.apply(event('HazardAssigned', assigned(hazardId, '2025-09-30', chem1)));
      }
      const measure = async (count: number) => {
        const token = await subgraph.authority.tokenFor('town.hongshagang.demo');
        let response: any;
        const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
          response = await gql(
            subgraph.url,
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Hazard { id tasks { id issuerOrg { code } linkedTask { id } } } } }`,
            { r: ids.slice(0, count).map((id) => ({ __typename: 'Hazard', id })) },
            token,
          );
        });
        expect(response.errors).toBeUndefined();
        expect(response.data._entities.every((h: any) => h.tasks.length === 2)).toBe(true);
        return statements;
      };
      const five = await measure(5);
      const fifty = await measure(50);
      expect(fifty.length).toBe(five.length);
    }, 60_000);
  });
});
