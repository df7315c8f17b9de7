import { describe, expect, it } from 'vitest';
import { buildFederatedSchema, defineSubgraph } from '../src/index.js';
import { widgetSubgraph } from './widget.fixture.js';

describe('federated schema building', () => {
  it('prints a Federation 2 subgraph with a key entity, an extension and cursor connections', async () => {
    const { sdl, schema } = await buildFederatedSchema(widgetSubgraph);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Widget @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Enterprise @key\(fields: "id"\) \{\s+id: ID!\s+widgets\(/);
    expect(sdl).toMatch(/type PageInfo @shareable/);
    expect(sdl).toContain('totalCount: Int!');
    // buildSubgraphSchema adds the federation entry points.
    expect(schema.getQueryType()?.getFields()._entities).toBeDefined();
    expect(schema.getQueryType()?.getFields()._service).toBeDefined();
  });
});

describe('subgraph modules', () => {
  const job = { name: 'widget-job', cron: '0 * * * *', run: async () => undefined };

  it('merges what each module adds into one definition', async () => {
    const { resolvers, entities, migrations, orphanedTypes, references, ...rest } = widgetSubgraph;
    const modular = defineSubgraph({
      ...rest,
      resolvers: [resolvers[0]!],
      entities: [],
      migrations: [],
      modules: [
        { resolvers: resolvers.slice(1), entities, migrations, orphanedTypes, references, jobs: [job] },
        { eventHandlers: { WidgetCreated: async () => undefined } },
      ],
    });
    expect(modular.resolvers).toEqual(resolvers);
    expect(modular.entities).toEqual(entities);
    expect(modular.migrations).toEqual(migrations);
    expect(modular.jobs).toEqual([job]);
    expect(Object.keys(modular.eventHandlers ?? {})).toEqual(['WidgetCreated']);
    // The same SDL as the definition written in one piece.
    expect((await buildFederatedSchema(modular)).sdl).toBe((await buildFederatedSchema(widgetSubgraph)).sdl);
  });

  it('refuses two modules that claim the same reference or event', () => {
    const handler = { WidgetCreated: async () => undefined };
    expect(() =>
      defineSubgraph({
        ...widgetSubgraph,
        modules: [{ eventHandlers: handler }, { eventHandlers: handler }],
      }),
    ).toThrow('two modules handle WidgetCreated');
    expect(() =>
      defineSubgraph({ ...widgetSubgraph, modules: [{ references: { Widget: 'stub' } }] }),
    ).toThrow('two modules resolve references of Widget');
  });
});
