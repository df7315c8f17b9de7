import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations against the supergraph composed offline from the committed SDLs (architecture §8). */
const config: CodegenConfig = {
  schema: 'generated/schema.graphql',
  // test/ holds the operations the platform tests run; they are persisted too, harmlessly.
  documents: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', '!src/gql/**'],
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
      hooks: { afterOneFileWrite: ['node scripts/typed-document-import.mjs'] },
    },
  },
};

export default config;
