import type { DocumentNode, GraphQLSchema } from 'graphql';
import { graphql } from './graphql.js';

const { getNamedType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo } = graphql;

/** A registered document, parsed once; undefined when it does not even parse. */
export function parseDocument(body: string): DocumentNode | undefined {
  try {
    return parse(body);
  } catch {
    return undefined;
  }
}

export function validates(schema: GraphQLSchema, document: DocumentNode): boolean {
  return validate(schema, document).length === 0;
}

/**
 * A document a change breaks: it validated against the live API (or there is none) and does not
 * against the new one. One that never validated is not this change's doing.
 */
export function isBrokenBy(
  before: GraphQLSchema | null,
  after: GraphQLSchema,
  document: DocumentNode,
): boolean {
  return !validates(after, document) && (before === null || validates(before, document));
}

/**
 * The schema coordinates a document uses, resolved against a schema: types (`Hazard`), fields
 * (`Hazard.title`), arguments (`Query.hazards(status:)`), input fields (`HazardInput.title`) and
 * enum values written in the document (`HazardStatus.OPEN`).
 */
export function documentCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        used.add(parent.name);
        used.add(`${parent.name}.${node.name.value}`);
        const type = typeInfo.getType();
        if (type) used.add(getNamedType(type).name);
      },
      [Kind.ARGUMENT](node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (typeInfo.getDirective() || !field || !parent) return;
        used.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      [Kind.OBJECT_FIELD](node) {
        const input = typeInfo.getParentInputType();
        if (input) used.add(`${getNamedType(input).name}.${node.name.value}`);
      },
      [Kind.ENUM](node) {
        const type = typeInfo.getInputType();
        if (type) used.add(`${getNamedType(type).name}.${node.value}`);
      },
      [Kind.NAMED_TYPE](node) {
        used.add(node.name.value);
      },
    }),
  );
  return used;
}
