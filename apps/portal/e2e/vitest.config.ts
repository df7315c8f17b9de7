import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built portal and remotes in Debian's Chromium (playwright-core),
// against the platform started by infra/local/start.mjs. In CI the JSON report is
// $TEST_REPORT_DIR/portal-browser.json (named like packages/config's reports).
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  test: {
    root: path.dirname(new URL(import.meta.url).pathname),
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['platform.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Stopping seven processes gracefully takes longer than vitest's default 10 s.
    teardownTimeout: 60_000,
    fileParallelism: false,
    ...(reportDir
      ? { reporters: ['default', 'json'], outputFile: { json: path.join(reportDir, 'portal-browser.json') } }
      : {}),
  },
});
