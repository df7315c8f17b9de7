import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The gateway's GraphQL endpoint, started by test/platform.global-setup.ts. */
    gatewayUrl: string;
  }
}
