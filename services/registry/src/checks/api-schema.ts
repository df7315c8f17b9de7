import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import type { GraphQLSchema } from 'graphql';
import { graphql } from './graphql.js';

/** The public API schema of a supergraph: no join__/link__ elements, no @inaccessible ones. */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return graphql.buildASTSchema(transformSupergraphToPublicSchema(graphql.parse(supergraphSdl)));
}
