import { composeServices } from '@theguild/federation-composition';
import { type GraphQLError, parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  sdl: string;
  url: string;
}

export interface CompositionErrorShape {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  code?: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string }
  | { ok: false; errors: CompositionErrorShape[] };

/** Composes Federation 2 subgraphs into a supergraph; no I/O, so it is unit-tested on its own. */
export function composeSupergraph(subgraphs: SubgraphSource[]): CompositionOutcome {
  // Sorted so the same inputs always give the same supergraph text, hence the same hash.
  const sorted = [...subgraphs].sort((a, b) => a.name.localeCompare(b.name));
  const services = [];
  const errors: CompositionErrorShape[] = [];
  for (const subgraph of sorted) {
    try {
      services.push({ name: subgraph.name, typeDefs: parse(subgraph.sdl), url: subgraph.url });
    } catch (error) {
      errors.push(toShape(error as GraphQLError, `[${subgraph.name}] `));
    }
  }
  if (errors.length) return { ok: false, errors };
  try {
    const result = composeServices(services);
    if (result.errors) return { ok: false, errors: result.errors.map((error) => toShape(error)) };
    return { ok: true, supergraphSdl: result.supergraphSdl };
  } catch (error) {
    // The library throws on some malformed inputs instead of reporting them.
    return { ok: false, errors: [{ message: `Composition failed: ${(error as Error).message}` }] };
  }
}

function toShape(error: GraphQLError, prefix = ''): CompositionErrorShape {
  const shape: CompositionErrorShape = { message: `${prefix}${error.message}` };
  if (error.locations?.length)
    shape.locations = error.locations.map(({ line, column }) => ({ line, column }));
  const code = error.extensions?.code;
  if (typeof code === 'string') shape.code = code;
  return shape;
}
