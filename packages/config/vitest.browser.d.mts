import type { UserConfig } from 'vite';

export declare const CHROMIUM: { executablePath: string; args: string[] };
export declare function browserTestConfig(
  options?: UserConfig & { test?: Record<string, unknown> },
): UserConfig;
