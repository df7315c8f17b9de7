import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLInputType, GraphQLSchema } from 'graphql';
import * as esm from 'graphql';

// The runtime builds its schema with the graphql Node resolves (CommonJS); under Vite (tests) a
// plain import is the ESM build, whose instanceof checks refuse the runtime's types. So the
// functions come from the realm of the schema at hand (one and the same module in production).
const cjs = createRequire(import.meta.url)('graphql') as typeof esm;
const realmOf = (schema: GraphQLSchema): typeof esm => (schema instanceof esm.GraphQLSchema ? esm : cjs);

/**
 * The schema coordinates a document touches (issue 5 item 2): `Type.field`, `Type.field(arg:)`,
 * input fields `Input.field` and enum values `Enum.VALUE` written in the document. Fields are
 * counted on the type they are selected on (an interface's field as `Interface.field`).
 */
export function documentCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const { TypeInfo, visit, visitWithTypeInfo, getNamedType, isInputObjectType, isEnumType } = realmOf(schema);
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__') || !typeInfo.getFieldDef()) return;
        coordinates.add(`${parent.name}.${node.name.value}`);
      },
      Argument(node) {
        // Directive arguments (@include(if:)) are not schema fields.
        if (typeInfo.getDirective()) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field || !typeInfo.getArgument() || field.name.startsWith('__')) return;
        coordinates.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        const named = parent && getNamedType(parent);
        if (named && isInputObjectType(named) && named.getFields()[node.name.value])
          coordinates.add(`${named.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        const named = type && getNamedType(type);
        if (named && isEnumType(named)) coordinates.add(`${named.name}.${node.value}`);
      },
    }),
  );
  return coordinates;
}

/**
 * Input fields and enum values that arrive in the variables rather than in the document: walked
 * per request against the variables' declared types.
 */
export function variableCoordinates(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  into: Set<string>,
): void {
  if (!variables) return;
  const graphql = realmOf(schema);
  for (const definition of document.definitions) {
    if (definition.kind !== esm.Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const value = variables[variable.variable.name.value];
      if (value == null) continue;
      const type = graphql.typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
      if (type) walkValue(graphql, type, value, into, 0);
    }
  }
}

function walkValue(
  graphql: typeof esm,
  type: GraphQLInputType,
  value: unknown,
  into: Set<string>,
  depth: number,
): void {
  const { isEnumType, isInputObjectType, isListType, isNonNullType } = graphql;
  if (value == null || depth > 20) return;
  if (isNonNullType(type)) {
    walkValue(graphql, type.ofType, value, into, depth);
    return;
  }
  if (isListType(type)) {
    if (Array.isArray(value))
      for (const item of value) walkValue(graphql, type.ofType, item, into, depth + 1);
    else walkValue(graphql, type.ofType, value, into, depth + 1);
    return;
  }
  if (isEnumType(type)) {
    if (typeof value === 'string' && type.getValue(value)) into.add(`${type.name}.${value}`);
    return;
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue;
      into.add(`${type.name}.${name}`);
      walkValue(graphql, field.type, fieldValue, into, depth + 1);
    }
  }
}
