import type { Principal } from '@safety/auth';
import { type DocumentNode, GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { TrustedDocumentSet } from './trusted-documents.js';
import { mayRunArbitraryDocuments, nonPublicRootFields } from './trusted-documents.rules.js';

/** Stable codes of this policy (services/gateway/README.md). */
export const TrustedDocumentCode = {
  PERSISTED_QUERY_NOT_REGISTERED: 'PERSISTED_QUERY_NOT_REGISTERED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;

interface ExecuteHook {
  args: {
    document: DocumentNode;
    operationName?: string | null;
    contextValue: { request?: Request; principal?: Principal | null };
  };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}

/**
 * Who may run what (issue 5 item 7), decided once the caller is known (after authentication):
 * a request naming a registered app client (`graphql-client-name`) runs only that app's documents
 * unless an integrator, admin or service token sends it; an anonymous caller reaches only the
 * public root fields. Signed-in people without an app client name (GraphiQL, scripts) may run any
 * document their roles allow.
 */
export function useTrustedDocuments(options: {
  documents: TrustedDocumentSet | undefined;
  publicRootFields: readonly string[];
  log: Logger;
}) {
  const publicRootFields = new Set(options.publicRootFields);
  return {
    onExecute({ args, setResultAndStopExecution }: ExecuteHook) {
      const { request, principal = null } = args.contextValue;
      const clientName = request?.headers.get('graphql-client-name') ?? null;
      const { documents } = options;
      if (
        clientName &&
        documents?.restricts(clientName) &&
        !mayRunArbitraryDocuments(principal) &&
        !documents.isRegistered(clientName, args.document)
      ) {
        options.log.warn({ clientName, operationName: args.operationName }, 'unregistered document refused');
        return setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This operation is not one of ${clientName}'s registered documents; rebuild and register the app, or use an integrator token`,
              {
                extensions: {
                  code: TrustedDocumentCode.PERSISTED_QUERY_NOT_REGISTERED,
                  clientName,
                  http: { status: 400 },
                },
              },
            ),
          ],
        });
      }
      if (!principal) {
        const refused = nonPublicRootFields(args.document, args.operationName, publicRootFields);
        // HTTP 200 with the code, as the subgraphs answer it: a 401 means "your token is bad" and
        // makes the apps refresh; a query still in flight as a user signs out is merely refused.
        if (refused.length)
          return setResultAndStopExecution({
            errors: [
              new GraphQLError(`Sign in first: ${refused.join(', ')} need a signed-in caller`, {
                extensions: { code: 'UNAUTHENTICATED', fields: refused, http: { status: 200 } },
              }),
            ],
          });
      }
    },
  };
}

/**
 * The runtime's `persistedDocuments` option: a `documentId` or Apollo `persistedQuery` hash is
 * looked up among the registered documents (the caller's app first); a full query is let through
 * here and judged by `useTrustedDocuments` once the caller is known.
 */
export function persistedDocumentsOption(documents: TrustedDocumentSet) {
  return {
    getPersistedOperation: (id: string, request: Request) =>
      documents.byId(request.headers.get('graphql-client-name'), id) ?? null,
    allowArbitraryDocuments: true,
    customErrors: {
      notFound: {
        message: 'No registered document has this id',
        extensions: { code: TrustedDocumentCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Must provide a query string or a document id',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  };
}
