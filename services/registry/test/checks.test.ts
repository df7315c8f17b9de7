import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ASTNode,
  type ASTVisitor,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  type AffectedOperation,
  apiSchema,
  checkSubgraph,
  diffSupergraphs,
  type SubgraphSource,
  type TrustedDocument,
  type UsageOracle,
} from '../src/checks/index.js';
import { composeSupergraph } from '../src/supergraphs/composition.js';

// The real committed SDLs of the five subgraphs are the live set.
const SERVICES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAMES = ['responsibility', 'hazard', 'supervision', 'training', 'emergency'];
const live: SubgraphSource[] = NAMES.map((name) => ({
  name,
  url: `http://127.0.0.1:5000/${name}/graphql`,
  sdl: readFileSync(path.join(SERVICES, name, 'schema.graphql'), 'utf8'),
}));
const hazard = live.find((s) => s.name === 'hazard')!;
const NOW = new Date('2026-03-01T00:00:00Z');

/** The hazard subgraph with one AST edit, printed back to SDL. */
function hazardWith(edit: ASTVisitor): SubgraphSource {
  return { ...hazard, sdl: print(visit(parse(hazard.sdl), edit) as ASTNode) };
}

const withoutHazardTitle = hazardWith({
  [Kind.OBJECT_TYPE_DEFINITION](node: ObjectTypeDefinitionNode) {
    if (node.name.value !== 'Hazard') return;
    return { ...node, fields: node.fields?.filter((f) => f.name.value !== 'title') };
  },
});

/** An oracle over fixed usage, recording what it was asked. */
function oracle(used: Record<string, AffectedOperation[]>) {
  const asked: Array<{ coordinates: string[]; since: Date }> = [];
  const usage: UsageOracle = {
    async usage(coordinates, since) {
      asked.push({ coordinates, since });
      return new Map(coordinates.filter((c) => used[c]).map((c) => [c, used[c]]));
    },
  };
  return { usage, asked };
}

const HAZARD_TITLES: TrustedDocument = {
  clientName: 'app-hazard',
  hash: 'sha256:titles',
  operationName: 'HazardTitles',
  body: 'query HazardTitles { hazards(first: 5) { nodes { id title } } }',
};
const HAZARD_CODES: TrustedDocument = {
  clientName: 'app-hazard',
  hash: 'sha256:codes',
  operationName: 'HazardCodes',
  body: 'query HazardCodes($status: HazardStatus) { hazards(first: 5, status: $status) { nodes { id code } } }',
};

describe('checkSubgraph on the five committed SDLs', () => {
  it('finds no change when the proposed SDL is the live one', async () => {
    const result = await checkSubgraph({ live, proposed: hazard, now: NOW });
    expect(result).toMatchObject({
      composes: true,
      errors: [],
      changes: [],
      breaking: false,
      brokenDocuments: [],
    });
    expect(result.supergraphSdl).toContain('@join__graph(name: "hazard"');
  });

  it('classifies a removed field as breaking, with its coordinate and a message', async () => {
    const result = await checkSubgraph({ live, proposed: withoutHazardTitle, now: NOW });
    expect(result.composes).toBe(true);
    expect(result.breaking).toBe(true);
    expect(result.changes).toEqual([
      expect.objectContaining({
        criticality: 'BREAKING',
        type: 'FIELD_REMOVED',
        path: 'Hazard.title',
        message: "Field 'title' was removed from object type 'Hazard'",
      }),
    ]);
  });

  it('classifies an added optional argument as safe', async () => {
    const proposed = hazardWith({
      [Kind.FIELD_DEFINITION](node: FieldDefinitionNode, _key, _parent, _path, ancestors) {
        const owner = ancestors.at(-1) as { name?: { value: string } } | undefined;
        if (owner?.name?.value !== 'Query' || node.name.value !== 'hazards') return;
        const keyword = parse('type T { f(keyword: String): Int }').definitions[0] as any;
        return { ...node, arguments: [...(node.arguments ?? []), keyword.fields[0].arguments[0]] };
      },
    });
    const result = await checkSubgraph({ live, proposed, now: NOW });
    expect(result.breaking).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        criticality: 'SAFE',
        type: 'FIELD_ARGUMENT_ADDED',
        path: 'Query.hazards(keyword:)',
      }),
    ]);
  });

  it('classifies a new enum value as dangerous', async () => {
    const proposed = hazardWith({
      [Kind.ENUM_TYPE_DEFINITION](node: EnumTypeDefinitionNode) {
        if (node.name.value !== 'HazardStatus') return;
        const value = { kind: Kind.ENUM_VALUE_DEFINITION, name: { kind: Kind.NAME, value: 'ARCHIVED' } };
        return { ...node, values: [...(node.values ?? []), value] };
      },
    });
    const result = await checkSubgraph({ live, proposed, now: NOW });
    expect(result.breaking).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        criticality: 'DANGEROUS',
        type: 'ENUM_VALUE_ADDED',
        path: 'HazardStatus.ARCHIVED',
      }),
    ]);
  });

  it('downgrades a removed field nobody used in the last 30 days to safe', async () => {
    const { usage, asked } = oracle({});
    const result = await checkSubgraph({ live, proposed: withoutHazardTitle, usage, now: NOW });
    expect(asked).toEqual([{ coordinates: ['Hazard.title'], since: new Date('2026-01-30T00:00:00Z') }]);
    expect(result.breaking).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        criticality: 'SAFE',
        path: 'Hazard.title',
        downgradedByUsage: true,
        reason: 'No client used Hazard.title in the last 30 days.',
      }),
    ]);
  });

  it('keeps a removed field that a client used breaking, naming the operation and the client', async () => {
    const used: AffectedOperation = {
      kind: 'USAGE',
      operationName: 'HazardList',
      operationHash: 'abc123',
      clientName: 'app-hazard',
      clientVersion: '1.4.0',
      count: 42,
      lastSeen: '2026-02-27T08:00:00.000Z',
    };
    const { usage, asked } = oracle({ 'Hazard.title': [used] });
    const result = await checkSubgraph({
      live,
      proposed: withoutHazardTitle,
      usage,
      usageWindowDays: 7,
      now: NOW,
    });
    expect(asked[0].since).toEqual(new Date('2026-02-22T00:00:00Z'));
    expect(result.breaking).toBe(true);
    expect(result.changes[0]).toMatchObject({
      criticality: 'BREAKING',
      path: 'Hazard.title',
      affectedOperations: [used],
      reason: 'Used by 1 operation in the last 7 days (clients: app-hazard).',
    });
    expect(result.changes[0].downgradedByUsage).toBeUndefined();
  });

  it('lists a registered document that uses a removed field as broken, and keeps the change breaking', async () => {
    const { usage } = oracle({}); // no usage recorded: the registered document still counts
    const result = await checkSubgraph({
      live,
      proposed: withoutHazardTitle,
      usage,
      documents: [HAZARD_TITLES, HAZARD_CODES],
      now: NOW,
    });
    expect(result.brokenDocuments).toEqual([HAZARD_TITLES]);
    expect(result.breaking).toBe(true);
    expect(result.changes[0]).toMatchObject({
      criticality: 'BREAKING',
      path: 'Hazard.title',
      affectedOperations: [
        {
          kind: 'TRUSTED_DOCUMENT',
          operationName: 'HazardTitles',
          operationHash: 'sha256:titles',
          clientName: 'app-hazard',
        },
      ],
      reason: 'Breaks 1 registered document (clients: app-hazard).',
    });
  });

  it('does not compose a conflicting SDL, and points at the conflict in the proposed SDL', async () => {
    const sdl = hazard.sdl.replace(
      'type Enterprise @key(fields: "id") {\n  id: ID!',
      'type Enterprise @key(fields: "id") {\n  id: String!',
    );
    expect(sdl).not.toBe(hazard.sdl);
    const result = await checkSubgraph({ live, proposed: { ...hazard, sdl }, now: NOW });
    const line = sdl.split('\n').indexOf('  id: String!') + 1;
    expect(result).toMatchObject({ composes: false, supergraphSdl: null, changes: [], brokenDocuments: [] });
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        code: 'FIELD_TYPE_MISMATCH',
        subgraph: 'hazard',
        locations: [{ line, column: 3 }],
      }),
    );
  });

  it("keeps the library's location of an error in the proposed SDL", async () => {
    const sdl = `${hazard.sdl}\ntype Orphan {\n  x: Missing\n}\n`;
    const result = await checkSubgraph({ live, proposed: { ...hazard, sdl }, now: NOW });
    const line = sdl.split('\n').indexOf('  x: Missing') + 1;
    expect(result.composes).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: '[hazard] Unknown type Missing',
        subgraph: 'hazard',
        locations: [{ line, column: 6 }],
      }),
    ]);
  });
});

describe('diffSupergraphs', () => {
  const supergraph = (subgraphs: SubgraphSource[]) => {
    const outcome = composeSupergraph(subgraphs);
    if (!outcome.ok) throw new Error('does not compose');
    return outcome.supergraphSdl;
  };
  const before = supergraph(live);
  const after = supergraph([...live.filter((s) => s.name !== 'hazard'), withoutHazardTitle]);

  it('gives the classified changelog between two supergraphs, both ways', async () => {
    expect(await diffSupergraphs(before, after)).toEqual([
      expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Hazard.title' }),
    ]);
    expect(await diffSupergraphs(after, before)).toEqual([
      expect.objectContaining({ criticality: 'SAFE', type: 'FIELD_ADDED', path: 'Hazard.title' }),
    ]);
    expect(await diffSupergraphs(before, before)).toEqual([]);
  });

  it('diffs the public API only: no join__ or link__ elements', async () => {
    const api = apiSchema(before);
    const names = Object.keys(api.getTypeMap());
    expect(names).toContain('Hazard');
    expect(names.filter((n) => /^(join|link)__/.test(n))).toEqual([]);
    expect(api.getDirectives().map((d) => d.name)).not.toContain('join__field');
    // The first supergraph: everything is an addition.
    const first = await diffSupergraphs(null, before);
    expect(first.length).toBeGreaterThan(100);
    expect(first.every((c) => c.criticality !== 'BREAKING')).toBe(true);
  });
});
