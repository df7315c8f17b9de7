declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
  }
}

export {};
