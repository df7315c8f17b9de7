// The client preset hard-codes `@graphql-typed-document-node/core` in gql.ts; pnpm does not let this
// package see it, so point the (type-only) import at @apollo/client's re-export of the same type.
import { readFile, writeFile } from 'node:fs/promises';

for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replaceAll("from '@graphql-typed-document-node/core'", "from '@apollo/client'"));
}
