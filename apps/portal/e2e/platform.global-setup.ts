// Starts the whole platform as a developer does (`node infra/local/start.mjs`) on a fresh temp
// DATA_DIR, with the built apps served on one origin; the tests get the portal URL by inject().
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEPARTMENT_APPS } from '../../../infra/local/services.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const WEB_PORT = 5000;

/** The environment without vitest's markers: under VITEST the federation plugin skips its remotes. */
function buildEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|MODE$)/.test(key)),
  );
}

/** turbo's `test:browser` builds this package's dependencies only (^build): the portal itself is built here. */
function ensureBuilt() {
  const builds = [
    { filter: '@safety/app-portal', out: 'apps/portal/dist/index.html', always: !process.env.E2E_SKIP_BUILD },
    // The remotes the portal loads at run time (built by turbo's ^build; here only when missing).
    ...DEPARTMENT_APPS.map(({ name }: { name: string }) => ({
      filter: `@safety/app-${name}`,
      out: `apps/${name}/dist/remoteEntry.js`,
      always: false,
    })),
  ];
  for (const { filter, out, always } of builds) {
    if (!always && existsSync(path.join(root, out))) continue;
    const result = spawnSync('pnpm', ['--filter', filter, 'run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: buildEnv(),
    });
    if (result.status !== 0) throw new Error(`building ${filter} failed`);
  }
  const missing = ['gateway', 'registry', 'responsibility', 'hazard', 'supervision', 'training', 'emergency']
    .map((name) => `services/${name}/dist/main.js`)
    .concat('packages/reference/dist/index.js')
    .filter((file) => !existsSync(path.join(root, file)));
  if (missing.length)
    throw new Error(`build the platform first (pnpm build); missing: ${missing.join(', ')}`);
}

async function portFree(port: number) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

export default async function startPlatform(project: TestProject) {
  // A developer iterating on one page points the tests at a platform already running (its data
  // persists between runs, so tests create what they change).
  const running = process.env.E2E_PORTAL_URL;
  if (running) {
    project.provide('portalUrl', running.replace(/\/$/, ''));
    // Its write secret is in <DATA_DIR>/local-settings.json (registryWriteToken).
    project.provide('registryWriteToken', process.env.REGISTRY_WRITE_TOKEN ?? '');
    return;
  }
  ensureBuilt();
  if (!(await portFree(WEB_PORT)) || !(await portFree(4000))) {
    throw new Error('ports 4000/5000 are busy: stop the running platform (infra/local/start.mjs) first');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-'));
  // Tests that publish to the registry directly present it (the admin's schema lifecycle).
  const registryWriteToken = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, ['infra/local/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      WEB_PORT: String(WEB_PORT),
      LOG_LEVEL: 'warn',
      REGISTRY_WRITE_TOKEN: registryWriteToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const up = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not up after 240 s:\n${output}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('The platform is up.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited (${code}) while starting:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await up;
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('portalUrl', `http://127.0.0.1:${WEB_PORT}`);
  project.provide('registryWriteToken', registryWriteToken);
  return stop;
}
