import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { auditedMutation } from '../audit/audit-log.js';
import { authChecker } from '../auth/auth-checker.js';
import type { SubgraphContext } from '../context.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible"])';

/** Resolves entity references in batches: returns, in order, the row for each id or null (not found or out of scope). */
export type ReferenceResolver = (
  ids: readonly string[],
  context: SubgraphContext,
) => Promise<readonly (object | null)[]>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as published to the registry and committed as schema.graphql. */
  sdl: string;
}

/**
 * type-graphql → Federation 2 subgraph (architecture §4): build with skipCheck, print with
 * directives, add the @link, and hand typeDefs plus resolvers to buildSubgraphSchema.
 * `__resolveReference` goes through a per-request DataLoader, so `_entities` is one query per type.
 */
export async function buildFederatedSchema(options: {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  references?: Record<string, ReferenceResolver | 'stub'>;
}): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, any>;
  for (const [field, resolve] of Object.entries(resolvers.Mutation ?? {})) {
    resolvers.Mutation[field] = auditedMutation(field, resolve as never);
  }
  for (const [typename, resolve] of Object.entries(options.references ?? {})) {
    resolvers[typename] ??= {};
    resolvers[typename].__resolveReference =
      resolve === 'stub'
        ? (reference: { id: string }) => reference
        : (reference: { id: string }, context: SubgraphContext) =>
            context
              .loader<string, object | null>(`reference:${typename}`, (ids) => resolve(ids, context))
              .load(reference.id);
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
