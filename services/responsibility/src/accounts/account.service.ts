import { Role } from '@safety/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  inKeyOrder,
  isUuid,
  notFound,
  paginate,
  requirePrincipal,
  type SubgraphContext,
  uuidsOnly,
} from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Official } from '../org-units/official.entity.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { AccountKind, TokenKind } from './account.enums.js';
import type {
  AccountListArgs,
  AccountScopeInput,
  CreateAccountInput,
  CreateMachineAccountInput,
  IssueMachineTokenArgs,
  ResetPasswordArgs,
  RevokeTokenArgs,
  SetAccountDisabledArgs,
} from './account.inputs.js';
import {
  FRESH_THROTTLE,
  grantProblem,
  machineUsername,
  passwordProblem,
  roleProblem,
  scopeProblems,
} from './account.rules.js';
import type { MachineToken } from './account.types.js';
import { IssuedToken } from './issued-token.entity.js';
import { hashPassword } from './password.js';
import { revokeTokens, tokenAuthority } from './token-authority.js';
import { UserAccount } from './user-account.entity.js';

/** What the audit log keeps of an account: everything but the password hash. */
function auditable(account: UserAccount) {
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

const EMPTY_SCOPE_INPUT: AccountScopeInput = {
  orgUnitId: null,
  townshipCodes: [],
  industryCodes: [],
  enterpriseIds: [],
};

/** Account administration (PLATFORM_ADMIN or ACCOUNT_ADMIN): users, machine accounts, their tokens. */
export class AccountService {
  constructor(private readonly context: SubgraphContext) {}

  list(args: AccountListArgs) {
    const query = this.context.db.getRepository(UserAccount).createQueryBuilder('account');
    if (args.search) {
      query.andWhere('(account.username ILIKE :q OR account.display_name ILIKE :q)', {
        q: `%${args.search.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    if (args.kind) query.andWhere('account.kind = :kind', { kind: args.kind });
    if (args.role) query.andWhere(':role = ANY(account.roles)', { role: args.role });
    if (args.disabled !== undefined && args.disabled !== null)
      query.andWhere('account.disabled = :disabled', { disabled: args.disabled });
    return paginate(query, args, { property: 'username', direction: 'ASC' });
  }

  byId(id: string): Promise<UserAccount | null> {
    return this.context.loader<string, UserAccount | null>('account', (ids) => this.byIds(ids)).load(id);
  }

  private async byIds(ids: readonly string[]): Promise<(UserAccount | null)[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return ids.map(() => null);
    const rows = await this.context.db
      .getRepository(UserAccount)
      .createQueryBuilder('account')
      .where('account.id IN (:...valid)', { valid })
      .getMany();
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  /** The signed-in caller's own account (null for a token whose account no longer exists). */
  me(): Promise<UserAccount | null> {
    const principal = requirePrincipal(this.context);
    return isUuid(principal.id) ? this.byId(principal.id) : Promise.resolve(null);
  }

  async create(input: CreateAccountInput): Promise<UserAccount> {
    const principal = requirePrincipal(this.context);
    const roleIssue = roleProblem(AccountKind.USER, input.roles);
    if (roleIssue) throw badUserInput({ roles: roleIssue });
    const grantIssue = grantProblem(principal, input.roles, input.permissions);
    if (grantIssue) throw forbidden(grantIssue);
    await this.checkScope(input.roles, input.scope);
    if (
      input.officialId &&
      !(await this.context.db.getRepository(Official).existsBy({ id: input.officialId }))
    )
      throw badUserInput({ officialId: 'no such official' });
    const passwordHash = await hashPassword(input.password);

    return this.context.transaction(async (uow) => {
      if (await uow.manager.existsBy(UserAccount, { username: input.username }))
        throw conflict('This username is taken', { field: 'username' });
      const account = await uow.manager.save(
        uow.manager.create(UserAccount, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          kind: AccountKind.USER,
          roles: input.roles,
          permissions: input.permissions,
          ...this.scopeColumns(input.scope),
          officialId: input.officialId ?? null,
        }),
      );
      await uow.audit({ entity: 'UserAccount', entityId: account.id, after: auditable(account) });
      return account;
    });
  }

  async createMachine(input: CreateMachineAccountInput): Promise<UserAccount> {
    const principal = requirePrincipal(this.context);
    const kind = input.kind as AccountKind.SERVICE | AccountKind.INTEGRATOR;
    const roles = input.roles ?? [kind === AccountKind.SERVICE ? Role.SERVICE : Role.INTEGRATOR];
    const roleIssue = roleProblem(kind, roles);
    if (roleIssue) throw badUserInput({ roles: roleIssue });
    const grantIssue = grantProblem(principal, roles, input.permissions);
    if (grantIssue) throw forbidden(grantIssue);
    const scope = input.scope ?? EMPTY_SCOPE_INPUT;
    await this.checkScope(roles, scope);
    const username = machineUsername(kind, input.name);

    return this.context.transaction(async (uow) => {
      if (await uow.manager.existsBy(UserAccount, { username }))
        throw conflict(`${username} already exists`, { field: 'name' });
      const account = await uow.manager.save(
        uow.manager.create(UserAccount, {
          username,
          displayName: input.displayName ?? input.name,
          passwordHash: null,
          kind,
          roles,
          permissions: input.permissions,
          ...this.scopeColumns(scope),
        }),
      );
      await uow.audit({ entity: 'UserAccount', entityId: account.id, after: auditable(account) });
      return account;
    });
  }

  /** Disabling also revokes every live token of the account, so it stops working everywhere within seconds. */
  async setDisabled(args: SetAccountDisabledArgs): Promise<UserAccount> {
    const principal = requirePrincipal(this.context);
    if (args.id === principal.id && args.disabled) throw badUserInput({ id: 'you cannot disable yourself' });
    const authority = await tokenAuthority(this.context.db);
    const { account, revoked } = await this.context.transaction(async (uow) => {
      const before = await this.lock(uow.manager, args.id);
      const after = uow.manager.merge(UserAccount, uow.manager.create(UserAccount, before), {
        disabled: args.disabled,
        ...(args.disabled ? {} : FRESH_THROTTLE),
      });
      const saved = await uow.manager.save(after);
      const revoked = args.disabled
        ? await revokeTokens(uow.manager, { accountId: saved.id }, principal.username, 'account disabled')
        : [];
      await uow.audit({
        entity: 'UserAccount',
        entityId: saved.id,
        before: { disabled: before.disabled },
        after: { disabled: saved.disabled, revokedTokens: revoked.length },
        reason: args.reason ?? undefined,
      });
      return { account: saved, revoked };
    });
    authority.revoked(revoked);
    return account;
  }

  /** Sets a new password, lifts a lock and ends the account's sessions. */
  async resetPassword(args: ResetPasswordArgs): Promise<UserAccount> {
    const principal = requirePrincipal(this.context);
    const authority = await tokenAuthority(this.context.db);
    const target = await this.byId(args.id);
    if (!target) throw notFound('Account', args.id);
    if (target.kind !== AccountKind.USER)
      throw badUserInput({ id: 'machine accounts have no password: issue a token instead' });
    const problem = passwordProblem(args.newPassword, target.username);
    if (problem) throw badUserInput({ newPassword: problem });
    const passwordHash = await hashPassword(args.newPassword);
    const { account, revoked } = await this.context.transaction(async (uow) => {
      const before = await this.lock(uow.manager, args.id);
      await uow.manager.update(UserAccount, before.id, { passwordHash, ...FRESH_THROTTLE });
      const revoked = await revokeTokens(
        uow.manager,
        { accountId: before.id },
        principal.username,
        'password reset',
      );
      await uow.audit({
        entity: 'UserAccount',
        entityId: before.id,
        reason: 'password reset',
        after: { revokedTokens: revoked.length },
      });
      return { account: { ...before, ...FRESH_THROTTLE, passwordHash } as UserAccount, revoked };
    });
    authority.revoked(revoked);
    return account;
  }

  /** A long-lived token for a machine account; the token itself is returned once and never stored. */
  async issueMachineToken(args: IssueMachineTokenArgs): Promise<MachineToken> {
    const authority = await tokenAuthority(this.context.db);
    return this.context.transaction(async (uow) => {
      const account = await this.lock(uow.manager, args.accountId);
      if (account.kind === AccountKind.USER)
        throw badUserInput({ accountId: 'only SERVICE and INTEGRATOR accounts get machine tokens' });
      if (account.disabled) throw conflict('The account is disabled', { field: 'accountId' });
      const issued = await authority.sign(
        uow.manager,
        account,
        TokenKind.MACHINE,
        args.expiresInDays * 86_400,
      );
      await uow.audit({
        entity: 'IssuedToken',
        entityId: issued.jti,
        after: { accountId: account.id, kind: TokenKind.MACHINE, expiresAt: issued.expiresAt },
      });
      return issued;
    });
  }

  async revokeToken(args: RevokeTokenArgs): Promise<IssuedToken> {
    const principal = requirePrincipal(this.context);
    const authority = await tokenAuthority(this.context.db);
    const token = await this.context.transaction(async (uow) => {
      const before = await uow.manager.findOneBy(IssuedToken, { jti: args.jti });
      if (!before) throw notFound('IssuedToken', args.jti);
      if (before.revokedAt) return before;
      await revokeTokens(uow.manager, { jti: before.jti }, principal.username, args.reason);
      const after = await uow.manager.findOneByOrFail(IssuedToken, { jti: before.jti });
      await uow.audit({
        entity: 'IssuedToken',
        entityId: before.jti,
        before: { revokedAt: null },
        after: { revokedAt: after.revokedAt, accountId: after.accountId },
        reason: args.reason,
      });
      return after;
    });
    authority.revoked([token.jti]);
    return token;
  }

  /** The newest 200 tokens issued to an account (metadata only). */
  async tokens(accountId: string, activeOnly: boolean): Promise<IssuedToken[]> {
    if (!isUuid(accountId)) return [];
    const query = this.context.db
      .getRepository(IssuedToken)
      .createQueryBuilder('token')
      .where('token.account_id = :accountId', { accountId });
    if (activeOnly) query.andWhere('token.revoked_at IS NULL AND token.expires_at > now()');
    return query.orderBy('token.issued_at', 'DESC').addOrderBy('token.jti', 'ASC').take(200).getMany();
  }

  private async lock(manager: EntityManager, id: string): Promise<UserAccount> {
    const row = isUuid(id)
      ? await manager
          .getRepository(UserAccount)
          .createQueryBuilder('account')
          .where('account.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!row) throw notFound('Account', id);
    return row;
  }

  private scopeColumns(scope: AccountScopeInput) {
    return {
      orgUnitId: scope.orgUnitId ?? null,
      townshipCodes: scope.townshipCodes,
      industryCodes: scope.industryCodes,
      enterpriseIds: scope.enterpriseIds,
    };
  }

  /** The scope must fit the roles and name things that exist (org unit, enterprises in `enterprise_ref`). */
  private async checkScope(roles: readonly Role[], scope: AccountScopeInput): Promise<void> {
    const problems = scopeProblems(roles, { ...scope, orgUnitId: scope.orgUnitId ?? null });
    if (scope.orgUnitId && !(await this.context.db.getRepository(OrgUnit).existsBy({ id: scope.orgUnitId })))
      problems['scope.orgUnitId'] = 'no such org unit';
    if (scope.enterpriseIds.length) {
      const [{ found }] = await this.context.db.query(
        'SELECT count(*)::int AS found FROM enterprise_ref WHERE id = ANY($1::uuid[])',
        [scope.enterpriseIds],
      );
      if (found !== new Set(scope.enterpriseIds).size)
        problems['scope.enterpriseIds'] = 'unknown enterprise ids';
    }
    if (Object.keys(problems).length) throw badUserInput(problems);
  }
}
