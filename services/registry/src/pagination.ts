import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** The registry's lists are short (a handful of services): a `first` limit, newest first, is enough. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many, newest first (1 to 100)' })
  @Min(1)
  @Max(100)
  first: number;
}
