import { createHash } from 'node:crypto';
import {
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  Kind,
  print,
  type SelectionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';

/**
 * The document as GraphQL Code Generator's client preset prints it for `persisted-documents.json`
 * (`printExecutableGraphQLDocument` of @graphql-tools/documents 1.0.2, MIT, ported here because
 * the gateway does not depend on it): definitions, variables, arguments, directives and selections
 * sorted by name, whitespace collapsed. A mutation's root selections keep their order (they run in
 * order), and so do the fragments spread there. Its SHA-256 is the persisted document id.
 */
export function printNormalized(document: DocumentNode): string {
  return print(sortDocument(document)).replace(/\s+/g, ' ').trim();
}

/** `sha256:<hex>` of the normalized document: the id codegen gives the same document. */
export function documentHash(document: DocumentNode): string {
  return `sha256:${sha256(printNormalized(document))}`;
}

/**
 * The same document without the `__typename` fields Apollo Client adds to every selection set,
 * so what an app sends hashes like what it registered.
 */
export function withoutTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field(node) {
      if (node.name.value === '__typename' && !node.alias && !node.directives?.length) return null;
    },
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sortDocument(document: DocumentNode): DocumentNode {
  const unsortedSets = new WeakSet<object>();
  const unsortedFragments = new Set<string>();
  return visit(document, {
    Document: (node) => ({ ...node, definitions: sortNodes(node.definitions) }),
    OperationDefinition(node) {
      if (node.operation === 'mutation') unsortedSets.add(node.selectionSet.selections);
      return { ...node, variableDefinitions: sortNodes(node.variableDefinitions) };
    },
    SelectionSet(node) {
      if (unsortedSets.has(node.selections)) return node;
      return { ...node, selections: sortNodes(node.selections) };
    },
    FragmentSpread(node, _key, parent) {
      if (Array.isArray(parent) && unsortedSets.has(parent)) unsortedFragments.add(node.name.value);
      return { ...node, directives: sortNodes(node.directives) };
    },
    InlineFragment(node, _key, parent) {
      if (Array.isArray(parent) && unsortedSets.has(parent)) {
        unsortedSets.add(node.selectionSet.selections);
        return node;
      }
      return { ...node, directives: sortNodes(node.directives) };
    },
    FragmentDefinition(node) {
      if (unsortedFragments.has(node.name.value)) return node;
      return {
        ...node,
        directives: sortNodes(node.directives),
        variableDefinitions: sortNodes(node.variableDefinitions),
      };
    },
    Directive: (node) => ({ ...node, arguments: sortNodes(node.arguments) }),
  });
}

const sortCache = new WeakMap<readonly ASTNode[], readonly ASTNode[]>();

function sortNodes<T extends ASTNode>(nodes: readonly T[] | undefined): T[] | undefined {
  if (!nodes) return undefined;
  const cached = sortCache.get(nodes);
  if (cached) return cached as T[];
  const sorted = [...nodes]
    .map((node, index) => ({ node, index, key: sortKey(node) }))
    .sort((a, b) => compare(a.key, b.key) || a.index - b.index)
    .map((item) => item.node);
  sortCache.set(nodes, sorted);
  return sorted;
}

function sortKey(node: ASTNode): [string | undefined, string | undefined] {
  switch (node.kind) {
    case Kind.DIRECTIVE:
    case Kind.ARGUMENT:
      return ['', node.name.value];
    case Kind.VARIABLE_DEFINITION:
      return ['', node.variable.name.value];
    case Kind.FIELD:
      return ['', `0${node.name.value}`];
    case Kind.FRAGMENT_SPREAD:
      return ['', `1${node.name.value}`];
    case Kind.INLINE_FRAGMENT: {
      const selections = sortNodes(node.selectionSet.selections) ?? [];
      const printed = selections
        .map((s) => print(s))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      return ['', `2${node.typeCondition?.name.value ?? ''}${printed}`];
    }
    default: {
      // Definitions: by kind, then name (an anonymous operation last among its kind).
      const named = node as DefinitionNode & { name?: { value: string } };
      return [node.kind, named.name?.value];
    }
  }
}

function compare(a: [string | undefined, string | undefined], b: [string | undefined, string | undefined]) {
  return compareKeys(a[0], b[0]) || compareKeys(a[1], b[1]);
}

function compareKeys(a: string | undefined, b: string | undefined): number {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { FieldNode, SelectionNode, SelectionSetNode };
