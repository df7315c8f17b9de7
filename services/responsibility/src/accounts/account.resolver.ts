import { Permission, Role } from '@safety/auth';
import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Official } from '../org-units/official.entity.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { OrgUnitService } from '../org-units/org-unit.service.js';
import {
  AccountListArgs,
  CreateAccountInput,
  CreateMachineAccountInput,
  ResetPasswordArgs,
  SetAccountDisabledArgs,
} from './account.inputs.js';
import { AccountService } from './account.service.js';
import { AccountScope } from './account.types.js';
import { UserAccount } from './user-account.entity.js';

const AccountConnection = Connection('Account', UserAccount);

/** Account administration: a platform administrator, or anyone holding ACCOUNT_ADMIN. */
export const ACCOUNT_ADMINS = [Role.PLATFORM_ADMIN, Permission.ACCOUNT_ADMIN];

@Resolver(() => UserAccount)
export class AccountResolver {
  @Authorized(...ACCOUNT_ADMINS)
  @Query(() => AccountConnection, { description: 'Accounts ordered by username' })
  accounts(@Args() args: AccountListArgs, @Ctx() context: SubgraphContext) {
    return new AccountService(context).list(args);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Query(() => UserAccount, { nullable: true })
  account(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new AccountService(context).byId(id);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => UserAccount, { description: 'Creates a person’s account' })
  createAccount(@Arg('input') input: CreateAccountInput, @Ctx() context: SubgraphContext) {
    return new AccountService(context).create(input);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => UserAccount, { description: 'Disabling revokes every live token of the account' })
  setAccountDisabled(@Args() args: SetAccountDisabledArgs, @Ctx() context: SubgraphContext) {
    return new AccountService(context).setDisabled(args);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => UserAccount, {
    description: 'Sets a new password, lifts a lock and ends the account’s sessions',
  })
  resetPassword(@Args() args: ResetPasswordArgs, @Ctx() context: SubgraphContext) {
    return new AccountService(context).resetPassword(args);
  }

  @Authorized(...ACCOUNT_ADMINS)
  @Mutation(() => UserAccount, { description: 'Creates a SERVICE or INTEGRATOR machine account' })
  createMachineAccount(@Arg('input') input: CreateMachineAccountInput, @Ctx() context: SubgraphContext) {
    return new AccountService(context).createMachine(input);
  }

  @FieldResolver(() => AccountScope)
  scope(@Root() account: UserAccount): AccountScope {
    return {
      orgUnitId: account.orgUnitId,
      townshipCodes: account.townshipCodes,
      industryCodes: account.industryCodes,
      enterpriseIds: account.enterpriseIds,
    };
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() account: UserAccount, @Ctx() context: SubgraphContext) {
    return account.orgUnitId ? new OrgUnitService(context).byId(account.orgUnitId) : null;
  }

  @FieldResolver(() => Official, { nullable: true })
  official(@Root() account: UserAccount, @Ctx() context: SubgraphContext) {
    return account.officialId ? new OrgUnitService(context).officialById(account.officialId) : null;
  }
}
