import {
  addDays,
  addWorkingDays,
  type CalendarEntry,
  calendarEntries,
  daysBetween,
  type KeyPeriodFacts,
  keyPeriods,
  overridesFromEntries,
} from '@safety/reference';
import { badUserInput, type SubgraphContext } from '@safety/subgraph-kit';
import { Between } from 'typeorm';
import { WorkCalendarDay } from './work-calendar-day.entity.js';

const MAX_SPAN_DAYS = 366;

/** Reads the stored calendar (the calendar of record) and applies the pure rules to it. */
export class CalendarService {
  constructor(private readonly context: SubgraphContext) {}

  private async stored(from: string, to: string): Promise<Map<string, CalendarEntry>> {
    const rows = await this.context.db.getRepository(WorkCalendarDay).findBy({ date: Between(from, to) });
    return overridesFromEntries(rows);
  }

  async days(from: string, to: string): Promise<CalendarEntry[]> {
    if (to < from) throw badUserInput({ to: 'must not be before from' });
    if (daysBetween(from, to) >= MAX_SPAN_DAYS)
      throw badUserInput({ to: `at most ${MAX_SPAN_DAYS} days after from` });
    // Days beyond the stored years follow the weekend rule and carry no source.
    return calendarEntries(from, to, await this.stored(from, to), []);
  }

  async addWorkingDays(from: string, days: number): Promise<string> {
    // Even the longest break leaves two working days a week: three calendar days per working day is ample.
    const horizon = addDays(from, days * 3 + 30);
    return addWorkingDays(from, days, await this.stored(from, horizon));
  }

  async keyPeriods(year: number): Promise<KeyPeriodFacts[]> {
    const from = `${year - 1}-12-01`;
    const to = `${year}-12-31`;
    return keyPeriods(year, [...(await this.stored(from, to)).values()]);
  }
}
