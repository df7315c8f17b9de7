import { DEMO_ENTERPRISES } from '@safety/reference';
import { Length } from 'class-validator';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  type MigrationInterface,
  PrimaryGeneratedColumn,
  type QueryRunner,
} from 'typeorm';
import {
  applyScope,
  badUserInput,
  Connection,
  ConnectionArgs,
  defineSubgraph,
  notFound,
  paginate,
  type SubgraphContext,
} from '../src/index.js';

/** A minimal aggregate owned by an enterprise: exercises every part of the kit. */
@Entity('widget')
@ObjectType()
@Directive('@key(fields: "id")')
export class Widget {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column() name: string;
  @Field(() => ID) @Column('uuid', { name: 'enterprise_id' }) enterpriseId: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType('Enterprise')
@Directive('@key(fields: "id")')
export class EnterpriseWidgets {
  @Field(() => ID) id: string;
}

const WidgetConnection = Connection('Widget', Widget);

@InputType()
class CreateWidgetInput {
  @Field() @Length(2, 40) name: string;
  @Field(() => ID) enterpriseId: string;
  @Field({ defaultValue: false }) failAfterEmit: boolean;
}

export class WidgetTables1764300000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE widget (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL,
      enterprise_id uuid NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE widget');
  }
}

function scoped(context: SubgraphContext) {
  return applyScope(
    context.db.getRepository(Widget).createQueryBuilder('widget'),
    context.principal,
    'widget.enterprise_id',
  );
}

@Resolver(() => Widget)
export class WidgetResolver {
  @Authorized()
  @Query(() => WidgetConnection)
  widgets(@Args() args: ConnectionArgs, @Ctx() context: SubgraphContext) {
    return paginate(scoped(context), args, { property: 'createdAt', direction: 'DESC' });
  }

  @Authorized()
  @Query(() => Widget, { nullable: true })
  widget(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return scoped(context).andWhere('widget.id = :id', { id }).getOne();
  }

  @Authorized()
  @Mutation(() => Widget)
  async createWidget(@Arg('input') input: CreateWidgetInput, @Ctx() context: SubgraphContext) {
    if (!DEMO_ENTERPRISES.some((e) => e.id === input.enterpriseId))
      throw badUserInput({ enterpriseId: 'unknown enterprise' });
    return context.transaction(async (uow) => {
      const widget = await uow.manager.save(
        uow.manager.create(Widget, { name: input.name, enterpriseId: input.enterpriseId }),
      );
      await uow.audit({ entity: 'Widget', entityId: widget.id, after: widget });
      await uow.emit('WidgetCreated', { widgetId: widget.id, enterpriseId: widget.enterpriseId });
      if (input.failAfterEmit) throw notFound('Widget', 'forced failure after emit');
      return widget;
    });
  }
}

@Resolver(() => EnterpriseWidgets)
export class EnterpriseWidgetsResolver {
  @FieldResolver(() => WidgetConnection)
  widgets(
    @Root() enterprise: EnterpriseWidgets,
    @Args() args: ConnectionArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return paginate(scoped(context).andWhere('widget.enterprise_id = :e', { e: enterprise.id }), args, {
      property: 'createdAt',
      direction: 'DESC',
    });
  }
}

export const widgetSubgraph = defineSubgraph({
  name: 'widgets',
  port: 0,
  resolvers: [WidgetResolver, EnterpriseWidgetsResolver],
  orphanedTypes: [EnterpriseWidgets],
  entities: [Widget],
  migrations: [WidgetTables1764300000000],
  references: {
    Widget: async (ids, context) => {
      const rows = await scoped(context).andWhere('widget.id IN (:...ids)', { ids }).getMany();
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    },
    Enterprise: 'stub',
  },
  async seed(manager) {
    for (const enterprise of DEMO_ENTERPRISES.slice(0, 10)) {
      await manager.insert(Widget, { name: `seed ${enterprise.key}`, enterpriseId: enterprise.id });
    }
  },
});
