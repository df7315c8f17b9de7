import { Matches, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { MAX_REASON_LENGTH } from './subgraphs/publication.rules.js';

/** Every decision carries its reason: it is recorded with the decision and in the audit. */
@ArgsType()
export class ReasonArgs {
  @Field({ description: 'Why (recorded with the decision and in the audit log)' })
  @Matches(/\S/, { message: 'a reason is required' })
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}
