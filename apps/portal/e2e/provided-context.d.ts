declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    /** The registry's write secret (REGISTRY_WRITE_TOKEN) of the platform under test. */
    registryWriteToken: string;
  }
}

export {};
