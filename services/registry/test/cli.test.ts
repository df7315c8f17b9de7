import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshTestDatabase, TestAuthority } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryRuntime, startRegistry } from '../src/index.js';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = path.resolve(PACKAGE, '..');
const NAMES = ['responsibility', 'hazard', 'supervision', 'training', 'emergency'];
const sdlOf = (name: string) => readFileSync(path.join(SERVICES, name, 'schema.graphql'), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as CI runs it: a child process from source, exit code and output. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/cli/schema.ts', ...args],
      {
        cwd: PACKAGE,
        env: { ...process.env, REGISTRY_URL: '', SCHEMA_BASE_REF: '', NO_COLOR: '1', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr }),
    );
  });
}

const git = (root: string, ...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile('git', ['-C', root, ...args], (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

/** Hazard's committed SDL without `Hazard.title` (the field sits alone on its line). */
const hazardWithoutTitle = () => {
  const sdl = sdlOf('hazard');
  const start = sdl.indexOf('type Hazard @key');
  const at = sdl.indexOf('\n  title: String!\n', start);
  expect(at).toBeGreaterThan(start);
  return sdl.slice(0, at) + sdl.slice(at + '\n  title: String!'.length);
};

const TITLES_DOCUMENT = {
  'sha256:titles': 'query HazardTitles { hazards(first: 5) { nodes { id title } } }',
  'sha256:codes': 'query HazardCodes { hazards(first: 5) { nodes { id code } } }',
};

let root: string;
beforeAll(async () => {
  // A small repository: the five committed SDLs at HEAD, and an app's persisted documents.
  root = mkdtempSync(path.join(tmpdir(), 'schema-cli-'));
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: ["services/*"]\n');
  for (const name of NAMES) {
    mkdirSync(path.join(root, 'services', name), { recursive: true });
    writeFileSync(path.join(root, 'services', name, 'schema.graphql'), sdlOf(name));
  }
  mkdirSync(path.join(root, 'apps', 'hazard', 'src', 'gql'), { recursive: true });
  writeFileSync(
    path.join(root, 'apps', 'hazard', 'src', 'gql', 'persisted-documents.json'),
    JSON.stringify(TITLES_DOCUMENT),
  );
  await git(root, 'init', '-q');
  await git(root, 'add', '.');
  await git(
    root,
    '-c',
    'user.name=ci',
    '-c',
    'user.email=ci@example.invalid',
    'commit',
    '-q',
    '-m',
    'baseline',
  );
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('schema:check --offline against the committed baselines', () => {
  const hazardSdl = () => path.join(root, 'services', 'hazard', 'schema.graphql');
  const approvals = () => path.join(root, 'services', 'hazard', 'schema-approvals.json');

  it('passes (0) when nothing changed', async () => {
    const run = await cli(['check', '--all', '--offline', '--root', root, '--base', 'HEAD']);
    expect(run).toMatchObject({ code: 0 });
    for (const name of NAMES) expect(run.stdout).toContain(`✓ ${name}: no changes`);
  });

  it('fails (1) on a breaking change without an approval record, printing the change and the broken document', async () => {
    writeFileSync(hazardSdl(), hazardWithoutTitle());
    try {
      const run = await cli(['check', 'hazard', '--root', root, '--base', 'HEAD']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        "BREAKING   Hazard.title Field 'title' was removed from object type 'Hazard'",
      );
      expect(run.stdout).toContain('registered document HazardTitles of app-hazard');
      expect(run.stdout).not.toContain('HazardCodes');
      expect(run.stdout).toContain('✗ hazard: 1 breaking, 0 dangerous, 0 safe (1 breaking without approval');
    } finally {
      writeFileSync(hazardSdl(), sdlOf('hazard'));
    }
  });

  it('passes (0) with the approval record committed next to the SDL', async () => {
    writeFileSync(hazardSdl(), hazardWithoutTitle());
    writeFileSync(
      approvals(),
      JSON.stringify({
        approvals: [
          {
            coordinate: 'Hazard.title',
            changeType: 'FIELD_REMOVED',
            reason: 'summary replaces title; the app moved',
            approvedBy: 'platform-admin',
            date: '2026-03-01',
          },
        ],
      }),
    );
    try {
      const run = await cli(['check', 'hazard', '--root', root, '--base', 'HEAD', '--json']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.services[0]).toMatchObject({
        service: 'hazard',
        passed: true,
        breaking: true,
        changes: [{ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Hazard.title' }],
        brokenDocuments: [{ clientName: 'app-hazard', operationName: 'HazardTitles', hash: 'sha256:titles' }],
      });
      const text = await cli(['check', 'hazard', '--root', root, '--base', 'HEAD']);
      expect(text.stdout).toContain('approved by platform-admin on 2026-03-01: summary replaces title');
    } finally {
      writeFileSync(hazardSdl(), sdlOf('hazard'));
      rmSync(approvals());
    }
  });

  it('fails (1) on an SDL that does not compose, with its location', async () => {
    writeFileSync(hazardSdl(), `${sdlOf('hazard')}\ntype Orphan {\n  x: Missing\n}\n`);
    try {
      const run = await cli(['check', 'hazard', '--root', root, '--base', 'HEAD']);
      const line = sdlOf('hazard').split('\n').length + 2;
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`✗ hazard: does not compose`);
      expect(run.stdout).toContain(`error hazard/schema.graphql:${line}:6 [hazard] Unknown type Missing`);
    } finally {
      writeFileSync(hazardSdl(), sdlOf('hazard'));
    }
  });

  it('compares with a baseline directory, and treats a missing base ref as nothing to compare', async () => {
    const baseDir = mkdtempSync(path.join(tmpdir(), 'schema-base-'));
    try {
      cpSync(path.join(root, 'services'), path.join(baseDir, 'services'), { recursive: true });
      writeFileSync(path.join(baseDir, 'services', 'hazard', 'schema.graphql'), hazardWithoutTitle());
      // The working tree adds Hazard.title back: safe.
      const run = await cli(['check', 'hazard', '--root', root, '--base-dir', baseDir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('✓ hazard: 0 breaking, 0 dangerous, 1 safe');
      const missing = await cli(['check', 'hazard', '--root', root, '--base', 'no-such-ref']);
      expect(missing.code).toBe(0);
      expect(missing.stdout).toContain('base no-such-ref not found: the working tree is the base');
    } finally {
      rmSync(baseDir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error: an unknown service, no service, a malformed approval file', async () => {
    expect((await cli(['check', 'nosuch', '--root', root])).code).toBe(2);
    expect((await cli(['check', '--root', root])).stderr).toContain('which service?');
    writeFileSync(approvals(), JSON.stringify({ approvals: [{ coordinate: 'Hazard.title' }] }));
    try {
      const run = await cli(['check', 'hazard', '--root', root, '--base', 'HEAD']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('approvals[0].changeType must be a non-empty string');
    } finally {
      rmSync(approvals());
    }
  });
});

describe('schema:publish and schema:check against a running registry', () => {
  let database: Awaited<ReturnType<typeof freshTestDatabase>>;
  let registry: RegistryRuntime;
  let token: string;
  beforeAll(async () => {
    database = await freshTestDatabase('registry_cli');
    const authority = await TestAuthority.create();
    token = await authority.tokenFor('admin.demo');
    registry = await startRegistry({
      port: 0,
      verify: authority.serviceAuth().verify,
      ...database.overrides,
    });
  });
  afterAll(async () => {
    await registry?.stop();
    await database?.dispose();
  });
  const env = () => ({ REGISTRY_URL: registry.url, REGISTRY_TOKEN: token });
  const url = (name: string) => `http://127.0.0.1:9/${name}/graphql`;

  it('publishes a service (0), and again unchanged (0)', async () => {
    // Four as the services do on start, hazard through the CLI.
    for (const name of NAMES.filter((n) => n !== 'hazard')) {
      const response = await fetch(`${registry.url}/subgraphs/${name}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, url: url(name), sdl: sdlOf(name), subscribes: [] }),
      });
      expect(response.status).toBe(200);
    }
    const run = await cli(['publish', 'hazard', '--root', root, '--url', url('hazard')], env());
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/✓ hazard: published, live \(version 1, supergraph \d+\)/);
    // The routing URL comes from the registration when none is given.
    const again = await cli(['publish', 'hazard', '--root', root], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('✓ hazard: unchanged, already live');
    // Reading the registration needs a token.
    const anonymous = await cli(['publish', 'hazard', '--root', root], { REGISTRY_URL: registry.url });
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('set REGISTRY_TOKEN');
  });

  it("checks against the registry's live supergraph and usage: an unused removed field passes (0)", async () => {
    const hazardSdl = path.join(root, 'services', 'hazard', 'schema.graphql');
    writeFileSync(hazardSdl, hazardWithoutTitle());
    try {
      const same = await cli(['check', 'training', '--root', root], env());
      expect(same.code).toBe(0);
      expect(same.stdout).toContain(`schema:check against ${registry.url}`);
      expect(same.stdout).toContain('✓ training: no changes');
      const run = await cli(['check', 'hazard', '--root', root], env());
      expect(run.stdout).toContain('SAFE       Hazard.title');
      expect(run.stdout).toContain('No client used Hazard.title in the last 30 days.');
      expect(run.code).toBe(0);
    } finally {
      writeFileSync(hazardSdl, sdlOf('hazard'));
    }
  });

  it('refuses (1) an SDL that does not compose, printing the errors, and the live supergraph stays', async () => {
    const before = await (await fetch(`${registry.url}/supergraph`)).text();
    const hazardSdl = path.join(root, 'services', 'hazard', 'schema.graphql');
    writeFileSync(hazardSdl, `${sdlOf('hazard')}\ntype Orphan {\n  x: Missing\n}\n`);
    try {
      const run = await cli(['publish', 'hazard', '--root', root], env());
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ hazard: does not compose');
      expect(run.stdout).toContain('Unknown type Missing');
    } finally {
      writeFileSync(hazardSdl, sdlOf('hazard'));
    }
    expect(await (await fetch(`${registry.url}/supergraph`)).text()).toBe(before);
  });

  it('exits 2 when the registry is unreachable, or publish has no registry', async () => {
    const run = await cli(['publish', 'hazard', '--root', root], { REGISTRY_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('registry http://127.0.0.1:9 unreachable');
    expect((await cli(['publish', 'hazard', '--root', root])).stderr).toContain('publish needs REGISTRY_URL');
  });
});
