#!/usr/bin/env node
// README's commands on a machine that has only Node and npm: bring pnpm, install, build, then
// `start` the platform or run the `test` suites. No server to install: PGlite is embedded.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = '12.4.2';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [command = 'start', ...rest] = process.argv.slice(2);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', CI: process.env.CI ?? 'true' };

function step(title, file, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

if (pnpmVersion() !== PNPM) step(`install pnpm ${PNPM}`, 'npm', ['install', '--global', `pnpm@${PNPM}`]);
step('install dependencies', 'pnpm', ['install', '--frozen-lockfile']);
step('build', 'pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);

if (command === 'start') {
  const result = spawnSync('node', ['infra/local/start.mjs', ...rest], { cwd: root, stdio: 'inherit', env });
  process.exit(result.status ?? 0);
} else if (command === 'test' || command === 'test:browser') {
  // test: unit, service and federation tests (embedded databases); test:browser: Debian's Chromium.
  step(command, 'pnpm', ['exec', 'turbo', 'run', command, '--concurrency=1', ...rest]);
} else {
  console.error(`unknown command ${command}: use start, test or test:browser`);
  process.exit(2);
}
