import { ENTERPRISE_ROLES, REGULATOR_ROLES, Role } from '@safety/auth';
import { Connection, localDate, now, type SubgraphContext } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { Task } from './task.entity.js';
import { TaskEscalation } from './task.enums.js';
import {
  IssueTaskInput,
  ReturnTaskInput,
  SubmitTaskInput,
  TaskListArgs,
  TaskTransitionInput,
} from './task.inputs.js';
import { acknowledgementDue, daysOverdue, escalationFor } from './task.rules.js';
import { TaskService } from './task.service.js';

const TaskConnection = Connection('Task', Task);

/** Who may work a task as its assignee: enterprise users (not plain staff) and regulators. */
const ASSIGNEE_ROLES = [...ENTERPRISE_ROLES.filter((role) => role !== Role.ENT_STAFF), ...REGULATOR_ROLES];
/** Who may issue, return, verify and close: regulators (the issuing body, or the SAC office). */
const ISSUER_ROLES = [
  Role.COUNTY_LEADER,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.EMB_ENFORCER,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
];

@Resolver(() => Task)
export class TaskResolver {
  @Authorized()
  @Query(() => TaskConnection, { description: '交办事项 in your data scope, newest first' })
  tasks(@Args() args: TaskListArgs, @Ctx() context: SubgraphContext) {
    return new TaskService(context).list(args);
  }

  @Authorized()
  @Query(() => Task, { nullable: true })
  task(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new TaskService(context).byId(id);
  }

  @Authorized(...ISSUER_ROLES)
  @Mutation(() => Task, {
    description: 'Issues a task from your org unit (meetings, briefings, tours, bulletins …)',
  })
  issueTask(@Arg('input') input: IssueTaskInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).issue(input);
  }

  @Authorized(...ASSIGNEE_ROLES)
  @Mutation(() => Task, { description: 'ISSUED → ACKNOWLEDGED by the assignee (within 2 working days)' })
  acknowledgeTask(@Arg('input') input: TaskTransitionInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).acknowledge(input);
  }

  @Authorized(...ASSIGNEE_ROLES)
  @Mutation(() => Task, { description: 'ACKNOWLEDGED / RETURNED → IN_PROGRESS by the assignee' })
  startTask(@Arg('input') input: TaskTransitionInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).start(input);
  }

  @Authorized(...ASSIGNEE_ROLES)
  @Mutation(() => Task, {
    description: 'IN_PROGRESS → SUBMITTED by the assignee, with at least one evidence file',
  })
  submitTask(@Arg('input') input: SubmitTaskInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).submit(input);
  }

  @Authorized(...ISSUER_ROLES)
  @Mutation(() => Task, { description: 'SUBMITTED → RETURNED by the issuer, with a reason' })
  returnTask(@Arg('input') input: ReturnTaskInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).return(input);
  }

  @Authorized(...ISSUER_ROLES)
  @Mutation(() => Task, { description: 'SUBMITTED → VERIFIED by the issuer' })
  verifyTask(@Arg('input') input: TaskTransitionInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).verify(input);
  }

  @Authorized(...ISSUER_ROLES)
  @Mutation(() => Task, { description: 'VERIFIED → CLOSED by the issuer' })
  closeTask(@Arg('input') input: TaskTransitionInput, @Ctx() context: SubgraphContext) {
    return new TaskService(context).close(input);
  }

  @FieldResolver(() => Boolean, {
    description: 'Past the due date and not yet submitted (per task, so per leg)',
  })
  overdue(@Root() task: Task) {
    return daysOverdue(task, localDate(now())) >= 1;
  }

  @FieldResolver(() => Int, { description: 'Whole days past the due date; 0 when not overdue' })
  daysOverdue(@Root() task: Task) {
    return daysOverdue(task, localDate(now()));
  }

  @FieldResolver(() => TaskEscalation, {
    nullable: true,
    description: '逾期督办: REMINDER ≥1 day; GUIDANCE ≥10 days or 2nd in the year; INTERVIEW ≥30 days or 3rd',
  })
  escalation(@Root() task: Task) {
    return escalationFor(daysOverdue(task, localDate(now())), task.overdueOrdinal ?? 1);
  }

  @FieldResolver(() => LocalDateResolver, {
    description: 'Acknowledge by this day (2 working days after issue)',
  })
  acknowledgementDue(@Root() task: Task) {
    return acknowledgementDue(task.issuedOn);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The first assignee org unit (domain §4.7 assigneeOrgId)',
  })
  assigneeOrgId(@Root() task: Task) {
    return task.assigneeOrgIds[0] ?? null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  issuerOrg(@Root() task: Task, @Ctx() context: SubgraphContext) {
    return new TaskService(context).orgUnit(task.issuerOrgId);
  }

  @FieldResolver(() => [OrgUnit])
  async assigneeOrgs(@Root() task: Task, @Ctx() context: SubgraphContext) {
    const service = new TaskService(context);
    const orgs = await Promise.all(task.assigneeOrgIds.map((id) => service.orgUnit(id)));
    return orgs.filter((org): org is OrgUnit => org !== null);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The other leg of the same 双重交办' })
  linkedTask(@Root() task: Task, @Ctx() context: SubgraphContext) {
    return task.linkedTaskId ? new TaskService(context).byId(task.linkedTaskId) : null;
  }
}

/** `Hazard` is owned by hazard; this service adds its 双重交办 tasks (H-2). */
@ObjectType('Hazard')
@Directive('@key(fields: "id")')
export class HazardTasksStub {
  @Field(() => ID) id: string;
}

@Resolver(() => HazardTasksStub)
export class HazardTasksResolver {
  @FieldResolver(() => [Task], {
    nullable: true,
    description: '双重交办: the tasks of both legs in your data scope (responsibility)',
  })
  tasks(@Root() hazard: HazardTasksStub, @Ctx() context: SubgraphContext) {
    return new TaskService(context).ofSource('Hazard', hazard.id);
  }
}
