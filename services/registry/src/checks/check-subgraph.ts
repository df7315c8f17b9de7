import { type Change, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { composeSupergraph } from '../supergraphs/composition.js';
import { apiSchema } from './api-schema.js';
import { byCriticality, classify, coordinateFromPath, usageCoordinate, weighUsage } from './change.rules.js';
import type {
  AffectedOperation,
  CheckInput,
  CheckResult,
  SchemaChange,
  TrustedDocument,
} from './check.types.js';
import { documentCoordinates, isBrokenBy, parseDocument } from './documents.rules.js';
import { graphql } from './graphql.js';
import { locateError } from './location.rules.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Checks a proposed subgraph SDL without publishing it: composes it with the other live
 * subgraphs, diffs the public API against the live one, weighs breaking changes by usage and by
 * the registered documents they break. No I/O beyond the usage oracle.
 */
export async function checkSubgraph(input: CheckInput): Promise<CheckResult> {
  const { proposed } = input;
  const others = input.live.filter((subgraph) => subgraph.name !== proposed.name);
  const outcome = composeSupergraph([...others, proposed]);
  if (!outcome.ok)
    return {
      composes: false,
      errors: outcome.errors.map((error) => locateError(error, proposed)),
      supergraphSdl: null,
      changes: [],
      breaking: false,
      brokenDocuments: [],
    };

  const before = liveApi(input);
  const after = apiSchema(outcome.supergraphSdl);
  const changes = (await diff(before ?? emptySchema(), after)).map(toSchemaChange);

  // Which registered documents break, and which changes break each.
  const brokenDocuments: TrustedDocument[] = [];
  const documentsByChange = new Map<SchemaChange, AffectedOperation[]>();
  for (const document of input.documents ?? []) {
    const parsed = parseDocument(document.body);
    if (!parsed || !isBrokenBy(before, after, parsed)) continue;
    brokenDocuments.push(document);
    const used = documentCoordinates(before ?? after, parsed);
    for (const change of changes) {
      const coordinate = usageCoordinate(change.type, change.path);
      if (!(change.path && used.has(change.path)) && !(coordinate && used.has(coordinate))) continue;
      const list = documentsByChange.get(change) ?? [];
      list.push({
        kind: 'TRUSTED_DOCUMENT',
        operationName: document.operationName,
        operationHash: document.hash,
        clientName: document.clientName,
      });
      documentsByChange.set(change, list);
    }
  }

  const windowDays = input.usageWindowDays ?? 30;
  const asked = [
    ...new Set(
      changes
        .filter((change) => change.criticality === 'BREAKING')
        .map((change) => usageCoordinate(change.type, change.path))
        .filter((coordinate): coordinate is string => Boolean(coordinate)),
    ),
  ];
  const since = new Date((input.now ?? new Date()).getTime() - windowDays * DAY_MS);
  const usage = input.usage && asked.length ? await input.usage.usage(asked, since) : new Map();

  const weighed = changes.map((change) => {
    const coordinate = usageCoordinate(change.type, change.path);
    return weighUsage(change, {
      usageAsked: Boolean(input.usage),
      usage: (coordinate && usage.get(coordinate)) || [],
      documents: documentsByChange.get(change) ?? [],
      windowDays,
    });
  });
  return {
    composes: true,
    errors: [],
    supergraphSdl: outcome.supergraphSdl,
    changes: byCriticality(weighed),
    breaking: weighed.some((change) => change.criticality === 'BREAKING'),
    brokenDocuments,
  };
}

/** The changelog between two supergraphs: their public APIs diffed and classified (no usage). */
export async function diffSupergraphs(fromSdl: string | null, toSdl: string): Promise<SchemaChange[]> {
  const before = fromSdl ? apiSchema(fromSdl) : emptySchema();
  return byCriticality((await diff(before, apiSchema(toSdl))).map(toSchemaChange));
}

function emptySchema(): GraphQLSchema {
  return new graphql.GraphQLSchema({});
}

function liveApi(input: CheckInput): GraphQLSchema | null {
  if (input.liveSupergraphSdl) return apiSchema(input.liveSupergraphSdl);
  if (!input.live.length) return null;
  const live = composeSupergraph(input.live);
  if (!live.ok)
    throw new Error(`the live subgraphs do not compose: ${live.errors.map((e) => e.message).join('; ')}`);
  return apiSchema(live.supergraphSdl);
}

function toSchemaChange(change: Change): SchemaChange {
  const { criticality, reason } = classify(change.criticality.level, change.type, change.criticality.reason);
  const path = coordinateFromPath(change.path);
  return {
    criticality,
    type: change.type,
    message: change.message,
    ...(path ? { path } : {}),
    ...(reason ? { reason } : {}),
  };
}
