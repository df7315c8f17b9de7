#!/usr/bin/env node
// Web performance budget (architecture §8): what each department app adds beyond the shared singletons.
// Run `pnpm build` first; then `pnpm bench:web` (or `node bench/web-budget.mjs [--budget=300] [--files] [--json]`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APPS_DIR = path.join(ROOT, 'apps');
/** The host: it loads the shared singletons for everyone, so no department budget applies to it. */
const HOSTS = new Set(['portal']);
const KB = 1024;
const budgetArg = process.argv.find((arg) => arg.startsWith('--budget='));
const BUDGET_KB = budgetArg ? Number(budgetArg.slice('--budget='.length)) : 300;

/** The shared singletons of packages/config/vite.app.mjs, by their root package. */
const SINGLETONS = [
  'react',
  'react-dom',
  'react-router',
  'antd',
  '@apollo/client',
  '@safety/ui',
  '@safety/client',
];

/** @module-federation/vite encodes package names in chunk names: `_mf_0_` @, `_mf_1_` /, `_mf_2_` -. */
const decodeMf = (encoded) =>
  encoded.replaceAll('_mf_0_', '@').replaceAll('_mf_1_', '/').replaceAll('_mf_2_', '-');

/** The root package of an import path: `react-dom/client` → `react-dom`, `@apollo/client/react` → `@apollo/client`. */
const rootPackage = (name) =>
  name
    .split('/')
    .slice(0, name.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Which singleton a chunk holds, judged by its file name (never by content), or null:
 * - `…__loadShare__<pkg>__loadShare__…` / `…__prebuild__<pkg>__prebuild__…` (@module-federation/vite),
 * - `__federation_shared_<pkg>-<hash>.js` (@originjs/vite-plugin-federation),
 * - a vendor chunk named after the package, `react-dom-<hash>.js`; a workspace chunk, `safety-ui-<hash>.js`.
 */
function singletonOf(file) {
  const base = path.basename(file, '.js');
  const mf = /(?:loadShare|prebuild)__(.+?)__(?:loadShare|prebuild)__/.exec(base);
  const originjs = /__federation_shared_(.+)-[\w-]{8}$/.exec(base);
  const candidate = mf ? decodeMf(mf[1]) : originjs ? originjs[1] : base.replace(/-[\w-]{8}$/, '');
  const root = rootPackage(candidate);
  if (SINGLETONS.includes(root)) return root;
  // Workspace chunks are named by packages/config/vite.app.mjs: `safety-ui-…` holds @safety/ui.
  const workspace = /^safety-([a-z]+)(?:-|$)/.exec(candidate);
  if (workspace && SINGLETONS.includes(`@safety/${workspace[1]}`)) return `@safety/${workspace[1]}`;
  // Vendor chunks spell `@scope/name` as `scope-name` (or `_scope_name`).
  const vendor = SINGLETONS.find(
    (name) => name.startsWith('@') && candidate.replace(/^_/, '') === name.slice(1).replace('/', '-'),
  );
  return vendor ?? null;
}

function jsFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...jsFiles(full));
    else if (/\.m?js$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** gzip at zlib's default level (6), as a typical static server or CDN sends it. */
const gzipSize = (file) => gzipSync(readFileSync(file)).length;

function measureApp(name) {
  const dist = path.join(APPS_DIR, name, 'dist');
  const files = jsFiles(dist).map((file) => ({
    file: path.relative(dist, file),
    gzip: gzipSize(file),
    singleton: singletonOf(file),
  }));
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const bySingleton = {};
  for (const f of files) if (f.singleton) bySingleton[f.singleton] = (bySingleton[f.singleton] ?? 0) + f.gzip;
  const shared = Object.values(bySingleton).reduce((sum, n) => sum + n, 0);
  files.sort((a, b) => b.gzip - a.gzip);
  return {
    name,
    host: HOSTS.has(name),
    fileList: files,
    files: files.length,
    total,
    shared,
    own: total - shared,
    bySingleton,
  };
}

const apps = readdirSync(APPS_DIR)
  .filter((name) => statSync(path.join(APPS_DIR, name)).isDirectory())
  .sort((a, b) => Number(HOSTS.has(b)) - Number(HOSTS.has(a)) || a.localeCompare(b));
const built = apps.filter((name) => {
  try {
    return statSync(path.join(APPS_DIR, name, 'dist')).isDirectory();
  } catch {
    return false;
  }
});
const missing = apps.filter((name) => !built.includes(name));
if (built.length === 0) {
  console.error('No apps/*/dist found: run `pnpm build` first.');
  process.exit(2);
}

const results = built.map(measureApp);
// The browser loads each singleton once, the host's copy; without a built host, the largest app's.
// (Chunking differs per app, e.g. the portal folds antd into its @safety/ui chunk, so copies are not mixed.)
const provider =
  results.find((r) => r.host) ?? results.reduce((best, r) => (r.shared > best.shared ? r : best), results[0]);
const sharedOnce = provider.bySingleton;
const sharedTotal = provider.shared;
const over = results.filter((r) => !r.host && r.own > BUDGET_KB * KB);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: BUDGET_KB, apps: results, sharedOnce, missing }, null, 2));
  process.exit(over.length > 0 ? 1 : 0);
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const rows = results.map((r) => ({
  app: r.host ? `${r.name} (host)` : r.name,
  files: String(r.files),
  total: kb(r.total),
  shared: kb(r.shared),
  own: kb(r.own),
  budget: r.host ? '—' : `${BUDGET_KB} KB`,
  status: r.host ? '—' : r.own > BUDGET_KB * KB ? 'OVER' : 'ok',
}));
const header = {
  app: 'app',
  files: 'JS files',
  total: 'JS gzip',
  shared: 'shared singletons',
  own: 'app adds',
  budget: 'budget',
  status: 'status',
};
const columns = Object.keys(header);
const widths = columns.map((c) => Math.max(header[c].length, ...rows.map((row) => row[c].length)));
const line = (row) =>
  columns.map((c, i) => (i === 0 ? row[c].padEnd(widths[i]) : row[c].padStart(widths[i]))).join('  ');
console.log(
  `Web budget: what each department app adds beyond the shared singletons, gzip (KB = ${KB} bytes)\n`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log(
  `\nShared singletons, counted once (${provider.name}'s copy): ${kb(sharedTotal)} — ${Object.entries(
    sharedOnce,
  )
    .sort((a, b) => b[1] - a[1])
    .map(([pkg, size]) => `${pkg} ${kb(size)}`)
    .join(', ')}`,
);
const everything = sharedTotal + results.reduce((sum, r) => sum + r.own, 0);
console.log(`Portal plus every built remote, singletons once: ${kb(everything)}`);
if (process.argv.includes('--files'))
  for (const r of results) {
    console.log(`\n${r.name}`);
    for (const f of r.fileList) console.log(`  ${kb(f.gzip).padStart(10)}  ${f.singleton ?? ''}\t${f.file}`);
  }
if (missing.length > 0) console.log(`Not built (no dist/): ${missing.join(', ')}`);
if (over.length > 0) {
  console.error(
    `\nOver budget (${BUDGET_KB} KB gzip beyond the shared singletons): ${over.map((r) => r.name).join(', ')}`,
  );
  process.exit(1);
}
