import { localDate, now } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';

/** Deadlines are evaluated in Asia/Shanghai (domain §0.3). */
export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

/** The service's clock, so forms and counters use the same time as the rules (DEMO_TODAY pins it). */
@ObjectType({ description: "The service's clock: what the rules use as now and today" })
export class ServiceClock {
  @Field(() => Date, { description: 'The current instant' })
  now!: Date;

  @Field(() => LocalDateResolver, { description: 'The calendar day of `now` in `timeZone`' })
  today!: string;

  @Field({ description: 'The IANA time zone of local dates and deadlines' })
  timeZone!: string;
}

@Resolver(() => ServiceClock)
export class ServiceClockResolver {
  @Authorized()
  @Query(() => ServiceClock, { description: "The service's clock (any signed-in user)" })
  serviceClock(): ServiceClock {
    const instant = now();
    return { now: instant, today: localDate(instant), timeZone: SERVICE_TIME_ZONE };
  }
}
