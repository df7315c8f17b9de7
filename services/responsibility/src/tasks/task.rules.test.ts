import { describe, expect, it } from 'vitest';
import { TaskEscalation, TaskLeg, TaskStatus } from './task.enums.js';
import {
  acknowledgementDue,
  acknowledgementReminderDue,
  daysOverdue,
  decideTaskTransition,
  escalationFor,
  isTaskOverdue,
  TASK_TRANSITIONS,
  type TaskAction,
  type TaskActor,
  tasksForAssignment,
} from './task.rules.js';

const ALL_STATUSES = Object.values(TaskStatus);
const ALL_ACTORS: TaskActor[] = ['ASSIGNEE', 'ISSUER', 'SYSTEM'];

// Domain §4.7, row by row: [action, from, actor, to].
const ALLOWED: Array<[TaskAction, TaskStatus, TaskActor, TaskStatus]> = [
  ['acknowledge', TaskStatus.ISSUED, 'ASSIGNEE', TaskStatus.ACKNOWLEDGED],
  ['start', TaskStatus.ACKNOWLEDGED, 'ASSIGNEE', TaskStatus.IN_PROGRESS],
  ['start', TaskStatus.RETURNED, 'ASSIGNEE', TaskStatus.IN_PROGRESS],
  ['submit', TaskStatus.IN_PROGRESS, 'ASSIGNEE', TaskStatus.SUBMITTED],
  ['return', TaskStatus.SUBMITTED, 'ISSUER', TaskStatus.RETURNED],
  ['verify', TaskStatus.SUBMITTED, 'ISSUER', TaskStatus.VERIFIED],
  ['close', TaskStatus.VERIFIED, 'ISSUER', TaskStatus.CLOSED],
  ['close', TaskStatus.VERIFIED, 'SYSTEM', TaskStatus.CLOSED],
  ...[
    TaskStatus.ISSUED,
    TaskStatus.ACKNOWLEDGED,
    TaskStatus.IN_PROGRESS,
    TaskStatus.SUBMITTED,
    TaskStatus.RETURNED,
    TaskStatus.VERIFIED,
  ].map((from): [TaskAction, TaskStatus, TaskActor, TaskStatus] => [
    'closeWithSource',
    from,
    'SYSTEM',
    TaskStatus.CLOSED,
  ]),
  ['reopenWithSource', TaskStatus.CLOSED, 'SYSTEM', TaskStatus.ISSUED],
];

const GOOD_INPUT = { evidenceCount: 1, reason: 'ok' };

describe('task state machine (domain §4.7)', () => {
  it.each(ALLOWED)('%s from %s by %s → %s', (action, from, actor, to) => {
    expect(decideTaskTransition(action, from, [actor], GOOD_INPUT)).toEqual({ allowed: true, to });
  });

  // Every other (action, status, actor) combination is refused: CONFLICT for the status, FORBIDDEN for the actor.
  const refused = TASK_TRANSITIONS.flatMap((t) =>
    ALL_STATUSES.flatMap((status) =>
      ALL_ACTORS.filter(
        (actor) => !ALLOWED.some(([a, s, r]) => a === t.action && s === status && r === actor),
      ).map((actor): [TaskAction, TaskStatus, TaskActor, 'CONFLICT' | 'FORBIDDEN'] => [
        t.action,
        status,
        actor,
        t.from.includes(status) ? 'FORBIDDEN' : 'CONFLICT',
      ]),
    ),
  );
  it('refuses every transition not in the table', () => expect(refused.length).toBeGreaterThan(100));
  it.each(refused)('%s from %s by %s is refused with %s', (action, from, actor, code) => {
    expect(decideTaskTransition(action, from, [actor], GOOD_INPUT)).toMatchObject({ allowed: false, code });
  });

  it('needs evidence to submit and a reason to return or close with the source', () => {
    expect(decideTaskTransition('submit', TaskStatus.IN_PROGRESS, ['ASSIGNEE'], {})).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidenceFileIds',
    });
    expect(decideTaskTransition('return', TaskStatus.SUBMITTED, ['ISSUER'], { reason: ' ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(decideTaskTransition('closeWithSource', TaskStatus.ISSUED, ['SYSTEM'], {})).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(decideTaskTransition('reopenWithSource', TaskStatus.CLOSED, ['SYSTEM'], {})).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
  });

  it('lets one person act as issuer and assignee when they hold both parts', () => {
    expect(decideTaskTransition('verify', TaskStatus.SUBMITTED, ['ASSIGNEE', 'ISSUER'])).toMatchObject({
      allowed: true,
    });
  });
});

describe('overdue and the escalation ladder', () => {
  it.each([
    [TaskStatus.ISSUED, '2025-06-30', '2025-06-30', 0],
    [TaskStatus.ISSUED, '2025-06-30', '2025-07-01', 1],
    [TaskStatus.IN_PROGRESS, '2025-06-01', '2025-07-01', 30],
    [TaskStatus.RETURNED, '2025-06-29', '2025-07-01', 2],
    [TaskStatus.SUBMITTED, '2025-06-01', '2025-07-01', 0],
    [TaskStatus.VERIFIED, '2025-06-01', '2025-07-01', 0],
    [TaskStatus.CLOSED, '2025-06-01', '2025-07-01', 0],
  ])('%s due %s on %s is %i days overdue', (status, dueAt, today, days) => {
    expect(daysOverdue({ status, dueAt }, today)).toBe(days);
    expect(isTaskOverdue({ status, dueAt }, today)).toBe(days >= 1);
  });

  it.each([
    [0, 1, null],
    [1, 1, TaskEscalation.REMINDER],
    [9, 1, TaskEscalation.REMINDER],
    [10, 1, TaskEscalation.GUIDANCE],
    [1, 2, TaskEscalation.GUIDANCE],
    [29, 2, TaskEscalation.GUIDANCE],
    [30, 1, TaskEscalation.INTERVIEW],
    [1, 3, TaskEscalation.INTERVIEW],
    [0, 3, null],
  ])('%i days late, %i-th overdue task of the year → %s', (days, ordinal, level) => {
    expect(escalationFor(days, ordinal)).toBe(level);
  });
});

describe('acknowledgement within 2 working days', () => {
  it('counts working days from the next day, skipping weekends and holidays', () => {
    expect(acknowledgementDue('2025-06-27')).toBe('2025-07-01'); // Friday → Tuesday
    expect(acknowledgementDue('2025-09-30')).toBe('2025-10-10'); // National Day holiday until the 8th
  });

  it('is due once the day has passed, once, and only for ISSUED tasks', () => {
    const task = { status: TaskStatus.ISSUED, issuedOn: '2025-06-27', reminderSentAt: null };
    expect(acknowledgementReminderDue(task, '2025-07-01')).toBe(false);
    expect(acknowledgementReminderDue(task, '2025-07-02')).toBe(true);
    expect(acknowledgementReminderDue({ ...task, reminderSentAt: new Date() }, '2025-07-02')).toBe(false);
    expect(acknowledgementReminderDue({ ...task, status: TaskStatus.ACKNOWLEDGED }, '2025-07-02')).toBe(
      false,
    );
  });
});

describe('H-2 double assignment', () => {
  const payload = {
    hazardId: 'h1',
    code: 'HZ-2025-000001',
    enterpriseId: 'e1',
    townshipCode: '620621106',
    industryCode: 'COAL_MINE',
    deadline: '2025-07-15',
    grade: 'MAJOR',
    assignments: [
      { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: 'e1', orgUnitIds: [], townshipCode: null },
      { leg: 'SUPERVISOR_OVERSIGHT', enterpriseId: null, orgUnitIds: ['emb'], townshipCode: '620621106' },
    ],
  };

  it('creates the enterprise leg and the oversight leg (town + industry regulator), due on the deadline', () => {
    const tasks = tasksForAssignment(payload, {
      sacOfficeOrgId: 'sac',
      townOffice: 'town',
      today: '2025-06-30',
    });
    expect(tasks).toEqual([
      expect.objectContaining({
        leg: TaskLeg.ENTERPRISE_RECTIFICATION,
        assigneeEnterpriseId: 'e1',
        assigneeOrgIds: [],
        issuerOrgId: 'emb',
        dueAt: '2025-07-15',
      }),
      expect.objectContaining({
        leg: TaskLeg.SUPERVISOR_OVERSIGHT,
        assigneeEnterpriseId: null,
        assigneeOrgIds: ['town', 'emb'],
        issuerOrgId: 'sac',
        dueAt: '2025-07-15',
      }),
    ]);
    expect(tasks[0]!.title).toContain('重大事故隐患 HZ-2025-000001');
  });

  it('gives a public-area hazard’s rectification to its responsible body', () => {
    const tasks = tasksForAssignment(
      {
        ...payload,
        enterpriseId: null,
        grade: undefined,
        deadline: null,
        assignments: [
          { leg: 'ENTERPRISE_RECTIFICATION', enterpriseId: null, orgUnitIds: ['road'], townshipCode: null },
          { leg: 'SUPERVISOR_OVERSIGHT', enterpriseId: null, orgUnitIds: [], townshipCode: '620621106' },
        ],
      },
      { sacOfficeOrgId: 'sac', townOffice: 'town', today: '2025-06-30' },
    );
    expect(tasks.map((t) => [t.leg, t.assigneeOrgIds, t.dueAt])).toEqual([
      [TaskLeg.ENTERPRISE_RECTIFICATION, ['road'], '2025-07-30'],
      [TaskLeg.SUPERVISOR_OVERSIGHT, ['town'], '2025-07-30'],
    ]);
  });
});
