import { ReferenceData1764300000100 } from './1764300000100-reference-data.js';
import { WorkCalendar1764300000200 } from './1764300000200-work-calendar.js';
import { Accounts1764300000300 } from './1764300000300-accounts.js';

export const migrations = [ReferenceData1764300000100, WorkCalendar1764300000200, Accounts1764300000300];
