import { isWeekend } from '@safety/reference';
import type { SubgraphContext } from '@safety/subgraph-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AddWorkingDaysArgs, KeyPeriodsArgs, WorkCalendarArgs } from './calendar.inputs.js';
import { CalendarService } from './calendar.service.js';
import { KeyPeriod } from './key-period.js';
import { WorkCalendarDay } from './work-calendar-day.entity.js';

@Resolver(() => WorkCalendarDay)
export class CalendarResolver {
  @Authorized()
  @Query(() => [WorkCalendarDay], { description: 'Every day from `from` to `to`, with holidays and 调休' })
  workCalendar(@Args() args: WorkCalendarArgs, @Ctx() context: SubgraphContext) {
    return new CalendarService(context).days(args.from, args.to);
  }

  @Authorized()
  @Query(() => GraphQLLocalDate, {
    description: 'The day `days` working days after `from`; counting starts on the next working day',
  })
  addWorkingDays(@Args() args: AddWorkingDaysArgs, @Ctx() context: SubgraphContext) {
    return new CalendarService(context).addWorkingDays(args.from, args.days);
  }

  @Authorized()
  @Query(() => [KeyPeriod], { description: 'Major festivals and key periods of a year (重大节日和重点时段)' })
  keyPeriods(@Args() args: KeyPeriodsArgs, @Ctx() context: SubgraphContext) {
    return new CalendarService(context).keyPeriods(args.year);
  }

  @FieldResolver(() => Boolean, { description: '调休上班: a weekend day that is worked' })
  isMakeUpWorkday(@Root() day: WorkCalendarDay): boolean {
    return day.isWorkingDay && isWeekend(day.date);
  }
}
