import { describe, expect, it } from 'vitest';
import { buildFederatedSchema } from '../src/index.js';
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
