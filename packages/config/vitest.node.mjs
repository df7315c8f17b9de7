import path from 'node:path';
import { defaultServerConditions, defineConfig } from 'vite';

/**
 * Vitest settings for node packages and services: workspace packages resolve to src/ via the
 * `source` condition; with TEST_REPORT_DIR set (CI), each run also writes a JSON report there.
 */
export function nodeTestConfig(overrides = {}) {
  const conditions = ['source', ...defaultServerConditions];
  const reportDir = process.env.TEST_REPORT_DIR;
  const database = process.env.TEST_DATABASE_SERVER_URL ? 'postgres' : 'pglite';
  const name = (process.env.npm_package_name ?? path.basename(process.cwd())).replace(/^@safety\//, '');
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['source'] } },
    test: {
      testTimeout: 60_000,
      hookTimeout: 180_000,
      pool: 'forks',
      fileParallelism: false,
      ...(reportDir
        ? {
            reporters: ['default', 'json'],
            outputFile: { json: path.join(reportDir, `${name}-${database}.json`) },
          }
        : {}),
      ...overrides,
    },
  });
}
