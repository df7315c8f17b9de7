export type { CompositionErrorShape, SubgraphSource } from '../supergraphs/composition.js';
export { apiSchema } from './api-schema.js';
export type {
  AffectedOperation,
  CheckCompositionError,
  CheckInput,
  CheckResult,
  Criticality,
  SchemaChange,
  TrustedDocument,
  UsageOracle,
} from './check.types.js';
export { checkSubgraph, diffSupergraphs } from './check-subgraph.js';
