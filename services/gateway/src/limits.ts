import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { ValidationContext } from 'graphql';
import { GatewayErrorCode, limitError } from './errors.js';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  maxDirectives: 50,
  maxTokens: 4000,
};

/** Rejects a rejected operation with our own stable code instead of graphql-armor's bare message. */
const reject = (code: string) => (context: ValidationContext | null, error: Error) => {
  context?.reportError(limitError(code, error.message.replace(/^Syntax Error: /, '')));
};

/** Depth, alias, cost, directive and token limits (graphql-armor), checked before any subgraph is called. */
export function useLimits(limits: Limits = DEFAULT_LIMITS): ReturnType<typeof EnvelopArmorPlugin> {
  return EnvelopArmorPlugin({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reject(GatewayErrorCode.QUERY_TOO_DEEP)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reject(GatewayErrorCode.TOO_MANY_ALIASES)],
    },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: [reject(GatewayErrorCode.QUERY_TOO_COMPLEX)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reject(GatewayErrorCode.TOO_MANY_DIRECTIVES)],
    },
    maxTokens: { n: limits.maxTokens },
    blockFieldSuggestion: { enabled: true },
  });
}
