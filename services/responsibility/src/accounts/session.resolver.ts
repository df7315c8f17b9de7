import type { SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AccountService } from './account.service.js';
import { LoginResult } from './account.types.js';
import { SessionService } from './session.service.js';
import { UserAccount } from './user-account.entity.js';

@Resolver()
export class SessionResolver {
  @Mutation(() => LoginResult, {
    description:
      'Signs in. Wrong username or password: UNAUTHENTICATED; 5 failures in 15 minutes lock for 15 minutes (extensions.retryAfterSeconds)',
  })
  login(
    @Arg('username') username: string,
    @Arg('password') password: string,
    @Ctx() context: SubgraphContext,
  ) {
    return new SessionService(context).login(username, password);
  }

  @Mutation(() => LoginResult, {
    description: 'Exchanges a refresh token for a new access and refresh token',
  })
  refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() context: SubgraphContext) {
    return new SessionService(context).refresh(refreshToken);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes the current token and the rest of its session' })
  logout(@Ctx() context: SubgraphContext) {
    return new SessionService(context).logout();
  }

  @Authorized()
  @Query(() => UserAccount, { nullable: true, description: 'The signed-in account' })
  me(@Ctx() context: SubgraphContext) {
    return new AccountService(context).me();
  }
}
