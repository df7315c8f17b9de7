import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTimeISO: 'string', LocalDate: 'string' };
const common = {
  enumsAsTypes: true,
  strictScalars: true,
  useTypeImports: true,
  emitLegacyCommonJSImports: false,
  documentNodeImport: '@apollo/client#TypedDocumentNode',
};
// Same fix as @safety/client: point the preset's type-only import at @apollo/client's re-export.
const hooks = { afterOneFileWrite: ['node ../../packages/client/scripts/typed-document-import.mjs'] };

/**
 * Two schemas, two outputs:
 * - `src/gql/`: the supergraph (composed offline by @safety/client from the committed SDLs), like the
 *   other apps; persisted documents on, so the admin's own gateway operations are trusted documents too.
 * - `src/registry/gql/`: the schema registry's own API (services/registry/schema.graphql, written by its
 *   build and committed like the subgraphs' SDL: the registry is not part of the supergraph).
 */
const config: CodegenConfig = {
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      schema: '../../packages/client/generated/schema.graphql',
      documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/registry/**'],
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: { ...common, scalars },
      hooks,
    },
    'src/registry/gql/': {
      schema: '../../services/registry/schema.graphql',
      documents: ['src/registry/**/*.{ts,tsx}', '!src/registry/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        ...common,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
      hooks,
    },
  },
};

export default config;
