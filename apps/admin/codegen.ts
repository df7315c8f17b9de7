import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations against the schema registry's own API (services/registry/schema.graphql, written
 * by its build and committed like the subgraphs' SDL: the registry is not part of the supergraph).
 * The shell's own operations (sign-in) come typed from @safety/client.
 */
const config: CodegenConfig = {
  schema: '../../services/registry/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTimeISO: 'string' },
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
      // Same fix as @safety/client: point the preset's type-only import at @apollo/client's re-export.
      hooks: { afterOneFileWrite: ['node ../../packages/client/scripts/typed-document-import.mjs'] },
    },
  },
};

export default config;
