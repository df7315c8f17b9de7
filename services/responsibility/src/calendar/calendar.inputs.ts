import { Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class WorkCalendarArgs {
  @Field(() => GraphQLLocalDate) from: string;
  @Field(() => GraphQLLocalDate, { description: 'Inclusive; at most 366 days after `from`' }) to: string;
}

@ArgsType()
export class AddWorkingDaysArgs {
  @Field(() => GraphQLLocalDate, { description: 'The triggering day (not counted, domain §0.3)' })
  from: string;

  @Field(() => Int, { description: 'Working days (工作日), 0 to 366' })
  @Min(0)
  @Max(366)
  days: number;
}

@ArgsType()
export class KeyPeriodsArgs {
  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year: number;
}
