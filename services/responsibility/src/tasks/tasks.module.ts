import type { SubgraphModule } from '@safety/subgraph-kit';
import { Tasks1765100000100 } from './migrations/1765100000100-tasks.js';
import { Task } from './task.entity.js';
import { HazardTasksResolver, HazardTasksStub, TaskResolver } from './task.resolver.js';
import { seedTasks } from './task.seed.js';
import { TaskService } from './task.service.js';
import {
  onHazardAssigned,
  onHazardDeadlineChanged,
  onHazardReopened,
  onHazardStatusChanged,
  onMajorHazardConfirmed,
  sweepAcknowledgementReminders,
  sweepTaskOverdue,
} from './task.sweeps.js';

/** Domain §4.7: 交办事项, the two legs of 双重交办 (H-2), overdue and the escalation ladder. */
export const tasksModule: SubgraphModule = {
  name: 'tasks',
  resolvers: [TaskResolver, HazardTasksResolver],
  orphanedTypes: [HazardTasksStub],
  entities: [Task],
  migrations: [Tasks1765100000100],
  references: {
    Task: (ids, context) => new TaskService(context).byIds(ids),
    Hazard: 'stub',
  },
  eventHandlers: {
    HazardAssigned: onHazardAssigned,
    MajorHazardConfirmed: onMajorHazardConfirmed,
    HazardStatusChanged: onHazardStatusChanged,
    HazardDeadlineChanged: onHazardDeadlineChanged,
    HazardReopened: onHazardReopened,
  },
  jobs: [
    // `TaskOverdue` once per crossing; a due date ends at midnight, five minutes is soon enough.
    { name: 'task-overdue-sweep', cron: '*/5 * * * *', run: (runtime) => sweepTaskOverdue(runtime) },
    // §4.7: unacknowledged after 2 working days → a reminder; checked hourly in office hours.
    {
      name: 'task-acknowledgement-reminders',
      cron: '0 8-18 * * *',
      run: (runtime) => sweepAcknowledgementReminders(runtime),
    },
  ],
  seed: seedTasks,
};
