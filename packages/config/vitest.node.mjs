import { defaultServerConditions, defineConfig } from 'vite';

/** Vitest settings for node packages and services: workspace packages resolve to src/ via the `source` condition. */
export function nodeTestConfig(overrides = {}) {
  const conditions = ['source', ...defaultServerConditions];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['source'] } },
    test: {
      testTimeout: 60_000,
      hookTimeout: 180_000,
      pool: 'forks',
      fileParallelism: false,
      ...overrides,
    },
  });
}
