import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations against the supergraph that @safety/client composes offline from the committed
 * SDLs (`packages/client/generated/schema.graphql`, built by its `codegen`; architecture §8).
 */
const config: CodegenConfig = {
  schema: '../../packages/client/generated/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTimeISO: 'string', LocalDate: 'string' },
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
