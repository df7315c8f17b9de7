#!/usr/bin/env node
// Starts the whole platform on one machine: registry, the five subgraphs on embedded PGlite
// (or PostgreSQL when DATABASE_SERVER_URL is set), then the gateway. Shows progress, waits
// until everything is ready, prints URLs and demo accounts, and stops cleanly on Ctrl-C.
//   node infra/local/start.mjs            run until Ctrl-C
//   node infra/local/start.mjs --smoke    start, run one federated query, stop (CI)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerDocuments } from './register-documents.mjs';
import { DEPARTMENT_APPS, FEDERATED_QUERY, GATEWAY, REGISTRY, SUBGRAPHS, WEB } from './services.mjs';
import { appMounts, startStaticServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const smoke = process.argv.includes('--smoke');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const logDir = path.join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });

/**
 * Settings kept across restarts (in `<DATA_DIR>/local-settings.json`): the service secret, the
 * registry's write secret (scripts that publish or register documents by hand read it from here)
 * and the demo's "today".
 */
function localSettings() {
  const file = path.join(dataDir, 'local-settings.json');
  const settings = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {
        serviceSecret: randomBytes(24).toString('base64url'),
        demoToday: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      };
  // Data directories from before the registry had a write secret get one now.
  settings.registryWriteToken ??= randomBytes(24).toString('base64url');
  writeFileSync(file, JSON.stringify(settings, null, 2), { mode: 0o600 });
  return settings;
}

const settings = localSettings();
const host = '127.0.0.1';
const baseEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  REGISTRY_URL: `http://${host}:${REGISTRY.port}`,
  AUTH_URL: `http://${host}:4101`,
  SERVICE_SECRET: settings.serviceSecret,
  REGISTRY_WRITE_TOKEN: process.env.REGISTRY_WRITE_TOKEN ?? settings.registryWriteToken,
  DEMO_TODAY: process.env.DEMO_TODAY ?? settings.demoToday,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
};

const children = [];
let stopping = false;
/** The static server of the built apps, in this process (started after the gateway). */
let web = null;

function launch(service) {
  const log = createWriteStream(path.join(logDir, `${service.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: path.join(root, service.dir),
    env: { ...baseEnv, ...service.env, PORT: String(service.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `✗ ${service.name} exited (${signal ?? code}); see ${path.join(logDir, `${service.name}.log`)}`,
      );
      void shutdown(1);
    }
  });
  children.push({ service, child });
  return child;
}

async function waitFor(title, check, timeoutMs = 180_000) {
  const started = Date.now();
  console.log(`… ${title}`);
  for (;;) {
    try {
      if (await check()) break;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) {
      console.log(`\n✗ ${title}: not ready after ${timeoutMs / 1000} s (logs in ${logDir})`);
      await shutdown(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const ready = (port) => async () => (await fetch(`http://${host}:${port}/readyz`)).ok;

async function graphql(query, variables, token) {
  const response = await fetch(`http://${host}:${GATEWAY.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await web?.close();
  await Promise.all(
    children.reverse().map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('Stopped. Data is kept in', dataDir);
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

console.log(`Starting the platform (data: ${dataDir}, demo today: ${baseEnv.DEMO_TODAY})`);
launch(REGISTRY);
await waitFor(`registry on :${REGISTRY.port}`, ready(REGISTRY.port));
// The apps' trusted documents, registered before the gateway serves (register-documents.mjs).
await registerDocuments({
  registryUrl: baseEnv.REGISTRY_URL,
  root,
  writeToken: baseEnv.REGISTRY_WRITE_TOKEN,
}).catch((error) =>
  console.log(`· trusted documents not registered (${error.message}): app clients are not restricted`),
);
for (const service of SUBGRAPHS) launch(service);
await Promise.all(SUBGRAPHS.map((s) => waitFor(`${s.name} ${s.title} on :${s.port}`, ready(s.port))));
await waitFor('supergraph composed from all five subgraphs', async () => {
  const sdl = await (await fetch(`${baseEnv.REGISTRY_URL}/supergraph`)).text();
  return SUBGRAPHS.every((s) => sdl.includes(`name: "${s.name}"`));
});
launch(GATEWAY);
await waitFor(`gateway on :${GATEWAY.port}`, ready(GATEWAY.port));

const login = await graphql(
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
  { u: 'saco.demo', p: 'Minqin@2026' },
);
const token = login.data?.login?.accessToken;
const profile = token ? await graphql(FEDERATED_QUERY, {}, token) : login;
const enterprise = profile.data?.enterprises?.nodes?.[0];
if (!enterprise || profile.errors) {
  console.error('✗ federated query failed:', JSON.stringify(profile.errors ?? profile, null, 2));
  await shutdown(1);
}
console.log(
  `✓ federated query: ${enterprise.name} — ${enterprise.regulators.length} regulators, ` +
    `${enterprise.hazards.totalCount} hazards, ${enterprise.certificates.totalCount} certificates, ` +
    `${enterprise.emergencyPlans.totalCount} emergency plans`,
);

// The built apps and /graphql on one origin; skipped (with a hint) when no app has been built.
const mounts = appMounts(path.join(root, 'apps'));
if (mounts.length > 0) {
  web = await startStaticServer({
    port: WEB.port,
    host,
    gatewayUrl: `http://${host}:${GATEWAY.port}`,
    registryUrl: `http://${host}:${REGISTRY.port}`,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://${host}:${s.port}`])),
    mounts,
  });
  const index = await fetch(`${web.url}/`);
  console.log(
    `✓ web apps on :${WEB.port} (${mounts.map((m) => m.name).join(', ')}; / → HTTP ${index.status})`,
  );
  // The portal shows 模块加载失败 for a remote that was not built.
  const unbuilt = DEPARTMENT_APPS.filter((app) => !mounts.some((m) => m.name === app.name));
  if (unbuilt.length > 0) {
    console.log(`· not built, so not in the portal: ${unbuilt.map((a) => `apps/${a.name}`).join(', ')}`);
  }
} else {
  console.log('· no built apps under apps/*/dist: run `pnpm build` to serve the portal');
}

if (smoke) await shutdown(0);

const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import(path.join(root, 'packages/reference/dist/index.js'));
console.log(`
The platform is up.
${web ? `  Portal            ${web.url}/   (department apps at ${web.url}/apps/<name>/)\n` : ''}  GraphQL gateway   http://${host}:${GATEWAY.port}/graphql   (GraphiQL in a browser)
  Schema registry   http://${host}:${REGISTRY.port}/graphql  (live supergraph: /supergraph)
  Subgraphs         ${SUBGRAPHS.map((s) => `${s.name} :${s.port}`).join(', ')}
  Logs              ${logDir}

Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(28)} ${a.roles.join(', ').padEnd(22)} ${a.displayName}`).join('\n')}

Press Ctrl-C to stop.`);
