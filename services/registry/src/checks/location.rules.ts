import type { ASTNode, NameNode } from 'graphql';
import type { CompositionErrorShape } from '../supergraphs/composition.js';
import type { CheckCompositionError } from './check.types.js';
import { graphql } from './graphql.js';

const { getLocation, Kind, parse, Source } = graphql;

const PREFIX = /^\[([A-Za-z][A-Za-z0-9_-]*)\] /;
// `Type`, `Type.field`, `Type.field(arg:)`, `@directive`, quoted or bare (bare needs the dot).
const QUOTED = /["'`](@?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?(?:\([A-Za-z_]\w*:\))?)["'`]/g;
const BARE = /(?<![\w."'`])([A-Za-z_]\w*\.[A-Za-z_]\w*(?:\([A-Za-z_]\w*:\))?)/g;

/**
 * Places a composition error in the proposed subgraph's SDL: the library's own location when the
 * error is in that subgraph, else the first type/field/argument the message names that the
 * proposed SDL defines. Locations in other subgraphs' SDL are dropped (they would mislead), and
 * the error says which subgraph it is in.
 */
export function locateError(
  error: CompositionErrorShape,
  proposed: { name: string; sdl: string },
): CheckCompositionError {
  const subgraph = PREFIX.exec(error.message)?.[1];
  const { locations, ...rest } = error;
  if (subgraph && subgraph !== proposed.name) return { ...rest, subgraph };
  if (locations?.length) return subgraph ? { ...error, subgraph } : error;
  for (const coordinate of namedCoordinates(error.message)) {
    const location = locateCoordinate(proposed.sdl, coordinate);
    if (location) return { ...rest, locations: [location], subgraph: proposed.name };
  }
  return subgraph ? { ...rest, subgraph } : rest;
}

/** The schema coordinates a message names, in order, quoted ones first. */
export function namedCoordinates(message: string): string[] {
  const found = [...message.matchAll(QUOTED)].map((m) => m[1]);
  for (const m of message.matchAll(BARE)) found.push(m[1]);
  return [...new Set(found)];
}

/** Line and column (1-based) of the definition of a schema coordinate in an SDL, if it is there. */
export function locateCoordinate(
  sdl: string,
  coordinate: string,
): { line: number; column: number } | undefined {
  const match = /^(@?)([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?(?:\(([A-Za-z_]\w*):\))?$/.exec(coordinate);
  if (!match) return undefined;
  const [, at, typeName, memberName, argumentName] = match;
  const source = new Source(sdl);
  let document: ReturnType<typeof parse>;
  try {
    document = parse(source);
  } catch {
    return undefined;
  }
  for (const definition of document.definitions) {
    const node = findIn(definition, Boolean(at), typeName, memberName, argumentName);
    if (node?.loc) {
      const { line, column } = getLocation(source, node.loc.start);
      return { line, column };
    }
  }
  return undefined;
}

type Named = { name: NameNode };
type Members = {
  fields?: ReadonlyArray<Named & { arguments?: ReadonlyArray<Named> }>;
  values?: ReadonlyArray<Named>;
  arguments?: ReadonlyArray<Named>;
};

function findIn(
  definition: ASTNode,
  directive: boolean,
  typeName: string,
  memberName?: string,
  argumentName?: string,
): NameNode | undefined {
  if (!('name' in definition) || !definition.name || definition.name.value !== typeName) return undefined;
  if ((definition.kind === Kind.DIRECTIVE_DEFINITION) !== directive) return undefined;
  const members = definition as unknown as Members;
  if (directive) {
    if (memberName) return undefined;
    return argumentName
      ? members.arguments?.find((a) => a.name.value === argumentName)?.name
      : definition.name;
  }
  if (!memberName) return definition.name;
  const member = [...(members.fields ?? []), ...(members.values ?? [])].find(
    (m) => m.name.value === memberName,
  ) as (Named & { arguments?: ReadonlyArray<Named> }) | undefined;
  if (!member || !argumentName) return member?.name;
  return member.arguments?.find((a) => a.name.value === argumentName)?.name;
}
