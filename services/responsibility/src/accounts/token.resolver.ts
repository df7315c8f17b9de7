import type { SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IssueMachineTokenArgs, RevokeTokenArgs } from './account.inputs.js';
import { ACCOUNT_ADMINS } from './account.resolver.js';
import { AccountService } from './account.service.js';
import { MachineToken } from './account.types.js';
import { IssuedToken } from './issued-token.entity.js';

@Resolver(() => IssuedToken)
export class TokenResolver {
  @Authorized(...ACCOUNT_ADMINS)
  @Query(() => [IssuedToken], { description: 'The newest 200 tokens issued to an account (no token values)' })
  tokens(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('activeOnly', { defaultValue: false }) activeOnly: boolean,
    @Ctx() context: SubgraphContext,
  ) {
    return new AccountService(context).tokens(accountId, activeOnly);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => MachineToken, {
    description: 'Issues a machine token; the token is shown only in this answer',
  })
  issueMachineToken(@Args() args: IssueMachineTokenArgs, @Ctx() context: SubgraphContext) {
    return new AccountService(context).issueMachineToken(args);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => IssuedToken, { description: 'Revokes a token; every service refuses it within seconds' })
  revokeToken(@Args() args: RevokeTokenArgs, @Ctx() context: SubgraphContext) {
    return new AccountService(context).revokeToken(args);
  }

  @FieldResolver(() => Boolean, { description: 'Neither revoked nor expired' })
  active(@Root() token: IssuedToken): boolean {
    return token.revokedAt === null && token.expiresAt > new Date();
  }
}
