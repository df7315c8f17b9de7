import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations against the schema registry's read API (`registry.graphql`, a hand-kept copy of
 * services/registry's type-graphql schema: the registry is not part of the supergraph). The shell's
 * own operations (sign-in) come typed from @safety/client.
 */
const config: CodegenConfig = {
  schema: 'registry.graphql',
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
