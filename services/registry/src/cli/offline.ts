import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { graphql } from '../checks/graphql.js';
import type { SubgraphSource, TrustedDocument } from '../checks/index.js';
import { type Approval, readApprovals } from './cli.rules.js';

/** A problem with the inputs: the CLI exits 2 with its message. */
export class UsageError extends Error {}

const FEDERATED = 'specs.apollo.dev/federation';
const SDL_PATH = /^services\/([^/]+)\/schema\.graphql$/;

/** The repository root: the nearest directory up from `start` with a pnpm-workspace.yaml. */
export function repoRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new UsageError(`no pnpm-workspace.yaml above ${start}`);
  }
}

/** The subgraphs in the working tree: every services/<name>/schema.graphql that is a Federation SDL. */
export function workingTree(root: string): SubgraphSource[] {
  const services = path.join(root, 'services');
  if (!existsSync(services)) return [];
  return readdirSync(services)
    .sort()
    .map((name) => source(name, readIfExists(path.join(services, name, 'schema.graphql'))))
    .filter((s): s is SubgraphSource => s !== undefined);
}

/**
 * The committed baselines every check compares with: the subgraphs at a git ref, or in a
 * directory laid out like the repository. A ref that does not exist (a first commit, a shallow
 * clone) makes the working tree its own base: nothing to compare.
 */
export function baselines(
  root: string,
  options: { base: string; baseDir?: string },
): { live: SubgraphSource[]; label: string; note?: string } {
  if (options.baseDir) return { live: workingTree(path.resolve(options.baseDir)), label: options.baseDir };
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: 'pipe' });
  try {
    git('rev-parse', '--verify', '--quiet', `${options.base}^{commit}`);
  } catch {
    return {
      live: workingTree(root),
      label: options.base,
      note: `base ${options.base} not found: the working tree is the base, nothing to compare`,
    };
  }
  const live = git('ls-tree', '-r', '--name-only', options.base, '--', 'services')
    .split('\n')
    .map((file) => SDL_PATH.exec(file)?.[1])
    .filter((name): name is string => Boolean(name))
    .sort()
    .map((name) => source(name, git('show', `${options.base}:services/${name}/schema.graphql`)))
    .filter((s): s is SubgraphSource => s !== undefined);
  return { live, label: options.base };
}

/** The apps' registered documents (GraphQL Code Generator's persisted documents), as `app-<dir>`. */
export function appDocuments(root: string): TrustedDocument[] {
  const apps = path.join(root, 'apps');
  if (!existsSync(apps)) return [];
  const documents: TrustedDocument[] = [];
  for (const app of readdirSync(apps).sort()) {
    const text = readIfExists(path.join(apps, app, 'src', 'gql', 'persisted-documents.json'));
    if (!text) continue;
    for (const [hash, body] of Object.entries(JSON.parse(text) as Record<string, string>))
      documents.push({ clientName: `app-${app}`, hash, operationName: operationName(body), body });
  }
  return documents;
}

export function approvalsOf(root: string, service: string): Approval[] {
  const file = path.join(root, 'services', service, 'schema-approvals.json');
  const text = readIfExists(file);
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path.relative(root, file)}: ${(error as Error).message}`);
  }
  const read = readApprovals(json);
  if (!read.ok) throw new UsageError(`${path.relative(root, file)}: ${read.error}`);
  return read.approvals;
}

function source(name: string, sdl: string | undefined): SubgraphSource | undefined {
  // Routing URLs do not matter to the public API; composition only needs one.
  return sdl?.includes(FEDERATED) ? { name, sdl, url: `http://${name}.invalid/graphql` } : undefined;
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function operationName(body: string): string | null {
  try {
    const operation = graphql
      .parse(body)
      .definitions.find((d) => d.kind === graphql.Kind.OPERATION_DEFINITION);
    return operation?.kind === graphql.Kind.OPERATION_DEFINITION ? (operation.name?.value ?? null) : null;
  } catch {
    return null;
  }
}
