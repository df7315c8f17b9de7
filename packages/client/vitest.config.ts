import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to src/ (architecture §4); the global setup imports the services' sources.
const serverConditions = ['source', ...defaultServerConditions];
// In CI each run also writes a JSON report (`test` runs the unit project, `test:browser` the platform one).
const reportDir = process.env.TEST_REPORT_DIR;
const report = reportDir
  ? {
      reporters: ['default', 'json'],
      outputFile: {
        json: `${reportDir}/client-${process.env.npm_lifecycle_event === 'test:browser' ? 'browser' : 'node'}.json`,
      },
    }
  : {};

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: serverConditions, externalConditions: ['source'] } },
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'antd',
      '@apollo/client',
      '@apollo/client/react',
      'graphql',
      'rxjs',
      'rxjs/operators',
    ],
  },
  test: {
    ...report,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'platform',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          // Registry, five subgraphs and the gateway in the test process; browser tests get the URL by inject().
          globalSetup: ['test/platform.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
