import { Role } from '@safety/auth';
import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { FirstArgs } from '../pagination.js';
import { AuditEntry } from './audit-entry.entity.js';

@ArgsType()
class AuditArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'Only this mutation, e.g. rollbackSupergraph' })
  action?: string | null;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.PLATFORM_ADMIN)
  @Query(() => [AuditEntry], { description: "The registry's audited mutations, newest first" })
  registryAuditLog(@Args() { first, action }: AuditArgs, @Ctx() context: RegistryContext) {
    return context.audit.list(first, action);
  }
}
