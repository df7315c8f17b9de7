import type { Principal } from '@safety/auth';
import { Role } from '@safety/auth';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Root fields an anonymous caller may use: signing in. Nothing in the SDL marks them public today
 * (the subgraphs' type-graphql `@Authorized` is not printed), so the list is kept here; public
 * disclosures join it when they exist. `__typename` and `__type` are always allowed (the
 * graphql-http audit uses them); `__schema` is refused to anonymous callers elsewhere.
 */
export const PUBLIC_ROOT_FIELDS: readonly string[] = ['Mutation.login', 'Mutation.refreshSession'];

/** Roles that may run any document even when they name an app client: integrators, admins, services. */
export const ARBITRARY_DOCUMENT_ROLES: readonly Role[] = [Role.INTEGRATOR, Role.PLATFORM_ADMIN, Role.SERVICE];

export function mayRunArbitraryDocuments(principal: Principal | null): boolean {
  return principal?.roles.some((role) => ARBITRARY_DOCUMENT_ROLES.includes(role)) ?? false;
}

/** The operation a request runs: the named one, else the only one. */
export function selectedOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Root fields of the operation (`Mutation.login`, ...; through fragments too) an anonymous caller
 * may not use; empty when it may run.
 */
export function nonPublicRootFields(
  document: DocumentNode,
  operationName: string | null | undefined,
  publicRootFields: ReadonlySet<string>,
): string[] {
  const operation = selectedOperation(document, operationName);
  if (!operation) return [];
  const rootType = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[
    operation.operation
  ];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const refused = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename' || name === '__type') continue;
        const coordinate = `${rootType}.${name}`;
        if (!publicRootFields.has(coordinate)) refused.add(coordinate);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...refused].sort();
}
