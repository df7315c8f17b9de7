import path from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defineConfig } from 'vite';

/** Debian's Chromium, as the workplace allows (never a downloaded browser). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * Vitest browser mode for React packages and apps: tests run in headless Chromium; workspace
 * packages resolve to src/ via the `source` condition; JSON report per package in CI.
 */
export function browserTestConfig({ plugins = [], test = {}, ...rest } = {}) {
  const reportDir = process.env.TEST_REPORT_DIR;
  const name = (process.env.npm_package_name ?? path.basename(process.cwd())).replace(/^@safety\//, '');
  return defineConfig({
    plugins,
    resolve: { conditions: ['source', ...defaultClientConditions] },
    ...rest,
    test: {
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: CHROMIUM }),
        instances: [{ browser: 'chromium' }],
        screenshotFailures: false,
      },
      ...(reportDir
        ? {
            reporters: ['default', 'json'],
            outputFile: { json: path.join(reportDir, `${name}-browser.json`) },
          }
        : {}),
      ...test,
    },
  });
}
