import { addDays, addWorkingDays, daysBetween } from '@safety/reference';
import { TaskEscalation, TaskLeg, TaskStatus } from './task.enums.js';

// ---------------------------------------------------------------------------------------------
// The state machine of domain §4.7, as data.
// ---------------------------------------------------------------------------------------------

/** Who acts on a task: its assignee, its issuer, or the platform (sweeps, events). */
export type TaskActor = 'ASSIGNEE' | 'ISSUER' | 'SYSTEM';

export type TaskAction =
  | 'acknowledge'
  | 'start'
  | 'submit'
  | 'return'
  | 'verify'
  | 'close'
  | 'closeWithSource'
  | 'reopenWithSource';

export interface TaskTransition {
  action: TaskAction;
  from: readonly TaskStatus[];
  to: TaskStatus;
  actors: readonly TaskActor[];
  /** A guard on the input: the field that must be present. */
  requires?: 'evidence' | 'reason';
}

const OPEN: readonly TaskStatus[] = [
  TaskStatus.ISSUED,
  TaskStatus.ACKNOWLEDGED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.SUBMITTED,
  TaskStatus.RETURNED,
  TaskStatus.VERIFIED,
];

export const TASK_TRANSITIONS: readonly TaskTransition[] = [
  // §4.7: the assignee acknowledges (within 2 working days, else a reminder), works, submits with evidence.
  { action: 'acknowledge', from: [TaskStatus.ISSUED], to: TaskStatus.ACKNOWLEDGED, actors: ['ASSIGNEE'] },
  // RETURNED → IN_PROGRESS is not in the table of §4.7 but a returned task must be reworked [D].
  {
    action: 'start',
    from: [TaskStatus.ACKNOWLEDGED, TaskStatus.RETURNED],
    to: TaskStatus.IN_PROGRESS,
    actors: ['ASSIGNEE'],
  },
  {
    action: 'submit',
    from: [TaskStatus.IN_PROGRESS],
    to: TaskStatus.SUBMITTED,
    actors: ['ASSIGNEE'],
    requires: 'evidence',
  },
  {
    action: 'return',
    from: [TaskStatus.SUBMITTED],
    to: TaskStatus.RETURNED,
    actors: ['ISSUER'],
    requires: 'reason',
  },
  { action: 'verify', from: [TaskStatus.SUBMITTED], to: TaskStatus.VERIFIED, actors: ['ISSUER'] },
  { action: 'close', from: [TaskStatus.VERIFIED], to: TaskStatus.CLOSED, actors: ['ISSUER', 'SYSTEM'] },
  // The source record closed (e.g. the hazard was closed after acceptance): its tasks close with it [D].
  { action: 'closeWithSource', from: OPEN, to: TaskStatus.CLOSED, actors: ['SYSTEM'], requires: 'reason' },
  // The source record was reopened (a hazard's recurrence within 30 days, §5.6 row 12): its closed
  // tasks are issued again, due on the new deadline [D].
  {
    action: 'reopenWithSource',
    from: [TaskStatus.CLOSED],
    to: TaskStatus.ISSUED,
    actors: ['SYSTEM'],
    requires: 'reason',
  },
];

export type TaskDecision =
  | { allowed: true; to: TaskStatus }
  | { allowed: false; code: 'CONFLICT' | 'FORBIDDEN' | 'BAD_USER_INPUT'; message: string; field?: string };

/**
 * Decides one transition: illegal from this status → CONFLICT; wrong actor → FORBIDDEN; a missing
 * guard (evidence on SUBMITTED, reason on RETURNED) → BAD_USER_INPUT naming the field.
 */
export function decideTaskTransition(
  action: TaskAction,
  status: TaskStatus,
  actors: readonly TaskActor[],
  input: { evidenceCount?: number; reason?: string | null } = {},
): TaskDecision {
  const transition = TASK_TRANSITIONS.find((t) => t.action === action);
  if (!transition?.from.includes(status))
    return { allowed: false, code: 'CONFLICT', message: `A task cannot ${action} from ${status}` };
  if (!transition.actors.some((actor) => actors.includes(actor)))
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only the task's ${transition.actors.join(' or ').toLowerCase()} may ${action} it`,
    };
  if (transition.requires === 'evidence' && (input.evidenceCount ?? 0) < 1)
    return {
      allowed: false,
      code: 'BAD_USER_INPUT',
      field: 'evidenceFileIds',
      message: 'at least one evidence file is required',
    };
  if (transition.requires === 'reason' && !input.reason?.trim())
    return { allowed: false, code: 'BAD_USER_INPUT', field: 'reason', message: 'a reason is required' };
  return { allowed: true, to: transition.to };
}

// ---------------------------------------------------------------------------------------------
// Overdue (per task, so per leg), the escalation ladder and the acknowledgement reminder.
// ---------------------------------------------------------------------------------------------

/** Statuses in which the assignee still owes the work: a submitted task is not late (§4.7). */
export const WORKING_STATUSES: readonly TaskStatus[] = [
  TaskStatus.ISSUED,
  TaskStatus.ACKNOWLEDGED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.RETURNED,
];

/** Whole days past the due date (the due day itself is not late); 0 when not overdue. */
export function daysOverdue(task: { status: TaskStatus; dueAt: string }, today: string): number {
  if (!WORKING_STATUSES.includes(task.status)) return 0;
  return Math.max(0, daysBetween(task.dueAt, today));
}

export function isTaskOverdue(task: { status: TaskStatus; dueAt: string }, today: string): boolean {
  return daysOverdue(task, today) >= 1;
}

/**
 * The ladder of §4.7 (提醒 → 指导 → 约谈, thresholds [D]): ≥1 day → REMINDER; ≥10 days or the
 * assignee's 2nd overdue task in the year → GUIDANCE; ≥30 days or the 3rd → INTERVIEW.
 * `ordinalInYear` is this task's place among the assignee's overdue tasks of the year (1 = first).
 */
export function escalationFor(days: number, ordinalInYear: number): TaskEscalation | null {
  if (days < 1) return null;
  if (days >= 30 || ordinalInYear >= 3) return TaskEscalation.INTERVIEW;
  if (days >= 10 || ordinalInYear >= 2) return TaskEscalation.GUIDANCE;
  return TaskEscalation.REMINDER;
}

/** Acknowledge within 2 working days of issue (§4.7 [D]); the issue day is not day 1. */
export const ACKNOWLEDGE_WORKING_DAYS = 2;

export function acknowledgementDue(
  issuedOn: string,
  overrides?: Parameters<typeof addWorkingDays>[2],
): string {
  return addWorkingDays(issuedOn, ACKNOWLEDGE_WORKING_DAYS, overrides);
}

/** A reminder is due once the acknowledgement day has passed with the task still ISSUED. */
export function acknowledgementReminderDue(
  task: { status: TaskStatus; issuedOn: string; reminderSentAt: Date | null },
  today: string,
): boolean {
  return (
    task.status === TaskStatus.ISSUED && !task.reminderSentAt && today > acknowledgementDue(task.issuedOn)
  );
}

// ---------------------------------------------------------------------------------------------
// H-2: the two linked tasks of one hazard (双重交办).
// ---------------------------------------------------------------------------------------------

/** One leg as hazard's `HazardAssigned` / `MajorHazardConfirmed` payloads carry it. */
export interface AssignmentPayload {
  leg: string;
  enterpriseId: string | null;
  orgUnitIds: string[];
  townshipCode: string | null;
}

export interface HazardAssignedPayload {
  hazardId: string;
  code: string;
  enterpriseId: string | null;
  orgUnitId?: string | null;
  townshipCode: string | null;
  industryCode: string | null;
  deadline: string | null;
  grade?: string;
  assignments: AssignmentPayload[];
}

export interface PlannedTask {
  leg: TaskLeg;
  title: string;
  requirement: string;
  issuerOrgId: string;
  assigneeEnterpriseId: string | null;
  assigneeOrgIds: string[];
  dueAt: string;
}

/**
 * H-2: the enterprise leg goes to the enterprise (or the responsible body of a public-area hazard),
 * issued by the overseeing regulator; the oversight leg goes to the town's safety office and the
 * industry regulators, issued by the SAC office [D: issuers]. Due on the hazard's deadline.
 * `townOffice` is the safety office of the hazard's town (null when unknown).
 */
export function tasksForAssignment(
  payload: HazardAssignedPayload,
  context: { sacOfficeOrgId: string; townOffice: string | null; today: string; defaultDays?: number },
): PlannedTask[] {
  const dueAt = payload.deadline ?? addDays(context.today, context.defaultDays ?? 30);
  const label = `${payload.grade === 'MAJOR' ? '重大' : ''}事故隐患 ${payload.code}`;
  const planned: PlannedTask[] = [];
  const oversight = payload.assignments.find((a) => a.leg === TaskLeg.SUPERVISOR_OVERSIGHT);
  const overseers = unique([
    ...(context.townOffice ? [context.townOffice] : []),
    ...(oversight?.orgUnitIds ?? []),
  ]);
  for (const assignment of payload.assignments) {
    if (assignment.leg === TaskLeg.ENTERPRISE_RECTIFICATION) {
      planned.push({
        leg: TaskLeg.ENTERPRISE_RECTIFICATION,
        title: `${label} 整改`,
        requirement: '按期完成隐患整改并报送整改证据（双重交办：企业整改）',
        issuerOrgId: oversight?.orgUnitIds[0] ?? context.townOffice ?? context.sacOfficeOrgId,
        assigneeEnterpriseId: assignment.enterpriseId,
        assigneeOrgIds: assignment.enterpriseId ? [] : unique(assignment.orgUnitIds),
        dueAt,
      });
    } else if (assignment.leg === TaskLeg.SUPERVISOR_OVERSIGHT && overseers.length) {
      planned.push({
        leg: TaskLeg.SUPERVISOR_OVERSIGHT,
        title: `${label} 督办`,
        requirement: '督促企业按期整改并核实整改情况（双重督办：属地+行业监管）',
        issuerOrgId: context.sacOfficeOrgId,
        assigneeEnterpriseId: null,
        assigneeOrgIds: overseers,
        dueAt,
      });
    }
  }
  return planned;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
