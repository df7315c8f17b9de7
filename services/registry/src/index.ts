export { type RegistryOptions, type RegistryRuntime, startRegistry } from './registry.js';
export type { CompositionErrorShape } from './supergraphs/composition.js';
