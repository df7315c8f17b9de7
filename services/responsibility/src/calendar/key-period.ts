import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { KeyPeriodKind } from './calendar.enums.js';

/** 重大节日和重点时段: derived from the work calendar plus configured periods (domain §4.5). */
@ObjectType({ description: '重大节日和重点时段' })
export class KeyPeriod {
  @Field(() => KeyPeriodKind) kind: KeyPeriodKind;
  @Field() name: string;
  @Field(() => GraphQLLocalDate) from: string;
  @Field(() => GraphQLLocalDate) to: string;
  @Field(() => String, { nullable: true, description: 'Notice or configuration the dates come from' })
  source: string | null;
}
