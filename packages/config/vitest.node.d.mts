import type { UserConfig } from 'vite';

export declare function nodeTestConfig(overrides?: Record<string, unknown>): UserConfig;
