import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { publicFieldCoordinates } from './usage.rules.js';
import { UsageStore } from './usage.service.js';
import { ClientUsage, DaysArgs, FieldUsage, OperationUsage, TokenUsage } from './usage.types.js';

const DAY_MS = 86_400_000;
const since = (days: number) => new Date(Date.now() - days * DAY_MS);

/** The console's view of the gateway's usage reports (issue 5 items 2 and 8). */
@Resolver()
export class UsageResolver {
  @Query(() => FieldUsage, { description: 'Which clients and operations used a schema coordinate' })
  async fieldUsage(
    @Arg('coordinate', { description: 'Type.field, Type.field(arg:) or Enum.VALUE' }) coordinate: string,
    @Args() { days }: DaysArgs,
    @Ctx() context: RegistryContext,
  ): Promise<FieldUsage> {
    const operations =
      (await new UsageStore(context.db).usage([coordinate], since(days))).get(coordinate) ?? [];
    return {
      coordinate,
      count: operations.reduce((sum, o) => sum + (o.count ?? 0), 0),
      lastSeen: operations.reduce<Date | null>((a, o) => {
        const at = o.lastSeen ? new Date(o.lastSeen) : null;
        return at && (!a || at > a) ? at : a;
      }, null),
      operations: operations.map((o) => ({
        operationHash: o.operationHash,
        operationName: o.operationName,
        clientName: o.clientName,
        clientVersion: o.clientVersion ?? null,
        count: o.count ?? 0,
        lastSeen: o.lastSeen ? new Date(o.lastSeen) : null,
      })),
    };
  }

  @Query(() => [String], {
    description:
      'Fields (Type.field) of the live public API that no client used in the window; empty before the first publish',
  })
  async unusedFields(@Args() { days }: DaysArgs, @Ctx() context: RegistryContext): Promise<string[]> {
    const live = await context.supergraphs.live();
    if (!live) return [];
    return new UsageStore(context.db).unused(publicFieldCoordinates(live.sdl), since(days));
  }

  @Query(() => [OperationUsage], {
    description: 'Operations seen in the window, most requested first (at most 500)',
  })
  operations(
    @Arg('clientName', () => String, { nullable: true }) clientName: string | null,
    @Args() { days }: DaysArgs,
    @Ctx() context: RegistryContext,
  ): Promise<OperationUsage[]> {
    return new UsageStore(context.db).operations(since(days), clientName);
  }

  @Query(() => [ClientUsage], {
    description: 'Requests, errors and last request per client name and version',
  })
  clientUsage(@Args() { days }: DaysArgs, @Ctx() context: RegistryContext): Promise<ClientUsage[]> {
    return new UsageStore(context.db).clients(since(days));
  }

  @Query(() => TokenUsage, { description: 'What an integrator or service token (by jti) did in the window' })
  tokenUsage(
    @Arg('jti') jti: string,
    @Args() { days }: DaysArgs,
    @Ctx() context: RegistryContext,
  ): Promise<TokenUsage> {
    return new UsageStore(context.db).token(jti, since(days));
  }
}
