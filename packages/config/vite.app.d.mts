import type { BuildEnvironmentOptions, UserConfigFnObject } from 'vite';

export declare const SHARED_SINGLETONS: Record<string, { singleton: true }>;
export declare const APP_BUILD: BuildEnvironmentOptions;
export declare function resolveConditions(command: 'build' | 'serve'): string[];
export declare function departmentAppConfig(options: {
  /** The remote's name, its URL segment (`/apps/<name>/`) and the portal's import prefix. */
  name: string;
  /** Dev and preview port (5101 responsibility … 5105 emergency). */
  port: number;
  /** Modules the portal may import; default `{ './routes': './src/routes.tsx' }`. */
  exposes?: Record<string, string>;
}): UserConfigFnObject;
