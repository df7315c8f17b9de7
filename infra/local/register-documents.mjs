#!/usr/bin/env node
// Registers the apps' trusted documents with the schema registry (issue 5 item 7): each app's
// GraphQL Code Generator output `src/gql/persisted-documents.json` (id → document), under the
// client name the app sends as `graphql-client-name`. Idempotent: a document already registered
// is left as it was. The embedded start calls it before the gateway serves; CI and deploys run it
// after a build:
//   node infra/local/register-documents.mjs [--registry http://127.0.0.1:4001] [--app-version 1.2.3] [--dry-run]
// Exit code 0 when every client registered, 1 otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEPARTMENT_APPS } from './services.mjs';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

/**
 * The documents of each app client: its own plus @safety/client's (sign-in, session, pickers),
 * which every app runs. The portal hosts the department apps as remotes on its own client
 * (`app-portal`), so it gets theirs too.
 */
export function collectDocuments(root = defaultRoot) {
  const own = (app) => read(path.join(root, 'apps', app, 'src/gql/persisted-documents.json'));
  const shared = read(path.join(root, 'packages/client/src/gql/persisted-documents.json'));
  const clients = {};
  for (const { name } of DEPARTMENT_APPS) clients[`app-${name}`] = { ...shared, ...own(name) };
  clients['app-portal'] = Object.assign(
    {},
    shared,
    own('portal'),
    ...DEPARTMENT_APPS.map((a) => own(a.name)),
  );
  return clients;
}

export async function registerDocuments({
  registryUrl,
  root = defaultRoot,
  appVersion,
  writeToken = process.env.REGISTRY_WRITE_TOKEN,
  log = console.log,
}) {
  const results = [];
  for (const [clientName, documents] of Object.entries(collectDocuments(root))) {
    const response = await fetch(`${registryUrl}/documents/${clientName}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(writeToken ? { authorization: `Bearer ${writeToken}` } : {}),
      },
      body: JSON.stringify({ appVersion: appVersion ?? null, documents }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok)
      throw new Error(`${clientName}: registry answered HTTP ${response.status}: ${body.error ?? ''}`);
    results.push({ clientName, ...body });
  }
  log(
    `✓ trusted documents: ${results.map((r) => `${r.clientName} ${r.total}${r.added ? ` (+${r.added})` : ''}`).join(', ')}`,
  );
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      registry: { type: 'string', default: process.env.REGISTRY_URL ?? 'http://127.0.0.1:4001' },
      'app-version': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (values['dry-run']) {
    for (const [client, documents] of Object.entries(collectDocuments()))
      console.log(`${client}: ${Object.keys(documents).length} documents`);
    process.exit(0);
  }
  try {
    await registerDocuments({ registryUrl: values.registry, appVersion: values['app-version'] });
  } catch (error) {
    console.error(`✗ trusted documents not registered: ${error.message}`);
    process.exit(1);
  }
}
