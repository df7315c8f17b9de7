import { createRequire } from 'node:module';

/**
 * graphql-js as @graphql-inspector/core sees it. graphql 16 has no "exports" map, so Node loads
 * its CommonJS build for every importer; vitest hands our own files the ESM build instead, and a
 * schema built with one cannot be diffed or validated by the other. Requiring it pins one copy.
 */
export const graphql: typeof import('graphql') = createRequire(import.meta.url)('graphql');
