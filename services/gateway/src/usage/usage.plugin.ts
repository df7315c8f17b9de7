import type { Principal } from '@safety/auth';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { documentHash, printNormalized, withoutTypename } from '../documents/normalize.js';
import { selectedOperation } from '../documents/trusted-documents.rules.js';
import { documentCoordinates, variableCoordinates } from './coordinates.js';
import type { UsageReporter } from './usage-reporter.js';

interface DocumentUsage {
  hash: string;
  body: string;
  coordinates: Set<string>;
}

interface ExecuteHook {
  args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Record<string, unknown> | null;
    contextValue: { request?: Request; principal?: Principal | null };
  };
}

/**
 * Reports every executed operation to the registry (issue 5 item 2): hash of the normalized
 * document (without Apollo's `__typename`s, so an app's operation has its persisted id), the
 * coordinates it touches, the client, errors or not.
 */
export function useUsageReporting(reporter: UsageReporter) {
  // Parsed documents are cached by the runtime, so each is analysed once per schema.
  const analysed = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentUsage>>();
  const analyse = (schema: GraphQLSchema, document: DocumentNode): DocumentUsage => {
    let bySchema = analysed.get(schema);
    if (!bySchema) {
      bySchema = new WeakMap();
      analysed.set(schema, bySchema);
    }
    let usage = bySchema.get(document);
    if (!usage) {
      const bare = withoutTypename(document);
      usage = {
        hash: documentHash(bare),
        body: printNormalized(bare),
        coordinates: documentCoordinates(schema, document),
      };
      bySchema.set(document, usage);
    }
    return usage;
  };

  return {
    onExecute({ args }: ExecuteHook) {
      const at = new Date();
      let sample: Parameters<UsageReporter['record']>[0];
      try {
        const usage = analyse(args.schema, args.document);
        const coordinates = new Set(usage.coordinates);
        variableCoordinates(args.schema, args.document, args.variableValues, coordinates);
        const operation = selectedOperation(args.document, args.operationName);
        sample = {
          operationHash: usage.hash,
          operationName: operation?.name?.value ?? args.operationName ?? null,
          operationType: operation?.operation ?? null,
          body: usage.body,
          ...clientOf(args.contextValue),
          coordinates,
          error: false,
          at,
        };
      } catch {
        return; // usage never fails a request
      }
      return {
        onExecuteDone({ result }: { result: unknown }) {
          const errors = (result as { errors?: unknown[] } | null)?.errors;
          reporter.record({ ...sample, error: Array.isArray(errors) && errors.length > 0 });
        },
      };
    },
  };
}

/**
 * The client: `graphql-client-name` / `-version` as packages/client sends them; a machine token
 * without them is `integrator:<account>` or `service:<account>`; anyone else `unknown`. Machine
 * tokens' jti is kept so each integrator token's usage can be shown.
 */
export function clientOf(context: { request?: Request; principal?: Principal | null }) {
  const headers = context.request?.headers;
  const principal = context.principal ?? null;
  const machine = principal && principal.kind !== 'USER' ? principal : null;
  const named = headers?.get('graphql-client-name')?.slice(0, 100);
  return {
    clientName: named || (machine ? `${machine.kind.toLowerCase()}:${machine.username}` : 'unknown'),
    clientVersion: (named && headers?.get('graphql-client-version')?.slice(0, 100)) || null,
    tokenId: machine?.jti ?? null,
  };
}
