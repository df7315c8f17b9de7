import type { CheckResult, SchemaChange, TrustedDocument } from '../checks/index.js';

/** Exit codes a pipeline can act on. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

export interface CliOptions {
  command: 'check' | 'publish';
  /** Service names, or every federated service under services/. */
  services: string[] | 'all';
  offline: boolean;
  /** Git ref of the baselines (offline). */
  base: string;
  /** A directory laid out like the repository, holding the baselines instead of a git ref. */
  baseDir?: string;
  root?: string;
  registryUrl?: string;
  token?: string;
  /** Routing URL to publish with; default: the subgraph's current registration. */
  url?: string;
  /** Registration to publish with when the current one cannot be read. */
  eventsUrl?: string;
  subscribes?: string[];
  json: boolean;
  /** List every safe change too, not just their count. */
  verbose: boolean;
}

export const USAGE = `usage: pnpm schema:check <service>... | --all [--offline] [--base <ref>] [--base-dir <dir>] [--verbose] [--json]
       pnpm schema:publish <service> [--url <routing url>] [--events-url <url>] [--subscribes A,B] [--json]
  REGISTRY_URL   the registry (check: online unless --offline; publish: required)
  REGISTRY_TOKEN bearer token for the registry
  SCHEMA_BASE_REF default base ref of offline checks (else HEAD~1)`;

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

export function parseArgs(
  argv: string[],
  env: Record<string, string | undefined>,
): { ok: true; options: CliOptions } | { ok: false; error: string } {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'publish')
    return { ok: false, error: `unknown command "${command ?? ''}"` };
  const names: string[] = [];
  let all = false;
  let offline = false;
  let json = false;
  let verbose = false;
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') continue; // pnpm passes it through from `pnpm schema:check -- x`
    if (arg === '--all') all = true;
    else if (arg === '--offline') offline = true;
    else if (arg === '--json') json = true;
    else if (arg === '--verbose') verbose = true;
    else if (
      ['--base', '--base-dir', '--root', '--registry', '--url', '--events-url', '--subscribes'].includes(arg)
    ) {
      const value = rest[++i];
      if (!value || value.startsWith('--')) return { ok: false, error: `${arg} needs a value` };
      values[arg] = value;
    } else if (arg.startsWith('--')) return { ok: false, error: `unknown option ${arg}` };
    else if (!NAME.test(arg)) return { ok: false, error: `invalid service name "${arg}"` };
    else names.push(arg);
  }
  if (all && names.length) return { ok: false, error: 'give service names or --all, not both' };
  if (!all && !names.length) return { ok: false, error: 'which service? give its name or --all' };
  const registryUrl = values['--registry'] ?? env.REGISTRY_URL ?? undefined;
  if (command === 'publish') {
    if (all || names.length !== 1) return { ok: false, error: 'publish takes exactly one service' };
    if (offline) return { ok: false, error: 'publish needs a registry: --offline does not apply' };
    if (!registryUrl) return { ok: false, error: 'publish needs REGISTRY_URL (or --registry <url>)' };
  }
  return {
    ok: true,
    options: {
      command,
      services: all ? 'all' : names,
      // Without a registry there is nothing else to check against but the committed baselines.
      offline: command === 'check' && (offline || !registryUrl),
      base: values['--base'] ?? (env.SCHEMA_BASE_REF || 'HEAD~1'),
      baseDir: values['--base-dir'],
      root: values['--root'],
      registryUrl: registryUrl?.replace(/\/+$/, ''),
      token: env.REGISTRY_TOKEN || undefined,
      url: values['--url'] ?? (env.SUBGRAPH_URL || undefined),
      eventsUrl: values['--events-url'],
      subscribes: values['--subscribes']?.split(',').filter(Boolean),
      json,
      verbose,
    },
  };
}

/** A committed approval of one breaking change (`services/<name>/schema-approvals.json`). */
export interface Approval {
  coordinate: string;
  changeType: string;
  reason: string;
  approvedBy: string;
  date: string;
}

export function readApprovals(
  json: unknown,
): { ok: true; approvals: Approval[] } | { ok: false; error: string } {
  const list = (json as { approvals?: unknown } | null)?.approvals;
  if (!Array.isArray(list)) return { ok: false, error: 'expected { "approvals": [...] }' };
  for (const [i, entry] of list.entries()) {
    const e = entry as Record<string, unknown> | null;
    for (const key of ['coordinate', 'changeType', 'reason', 'approvedBy', 'date'] as const)
      if (typeof e?.[key] !== 'string' || !(e[key] as string).trim())
        return { ok: false, error: `approvals[${i}].${key} must be a non-empty string` };
  }
  return { ok: true, approvals: list as Approval[] };
}

export function approvalFor(change: SchemaChange, approvals: Approval[]): Approval | undefined {
  return approvals.find((a) => a.coordinate === change.path && a.changeType === change.type);
}

export interface Verdict {
  exitCode: 0 | 1;
  /** Breaking changes without an approval record. */
  unapproved: SchemaChange[];
  /** Broken registered documents not covered by approved changes. */
  unapprovedDocuments: TrustedDocument[];
}

/**
 * Passes when it composes and every breaking change has an approval record; a broken registered
 * document passes only when every change that breaks it is approved.
 */
export function verdict(result: CheckResult, approvals: Approval[]): Verdict {
  if (!result.composes) return { exitCode: EXIT.FAILED, unapproved: [], unapprovedDocuments: [] };
  const unapproved = result.changes.filter(
    (change) => change.criticality === 'BREAKING' && !approvalFor(change, approvals),
  );
  const unapprovedDocuments = result.brokenDocuments.filter((document) => {
    const breakers = result.changes.filter((change) =>
      change.affectedOperations?.some(
        (op) =>
          op.kind === 'TRUSTED_DOCUMENT' &&
          op.operationHash === document.hash &&
          op.clientName === document.clientName,
      ),
    );
    return !breakers.length || breakers.some((change) => !approvalFor(change, approvals));
  });
  const failed = unapproved.length > 0 || unapprovedDocuments.length > 0;
  return { exitCode: failed ? EXIT.FAILED : EXIT.OK, unapproved, unapprovedDocuments };
}

export type PublishVerdict =
  | { kind: 'live' | 'unchanged' | 'held' | 'rejected' | 'declined'; exitCode: 0 | 1 }
  | { kind: 'error'; exitCode: 2; error: string };

/** What a `PUT /subgraphs/:name` answer means for the pipeline. */
export function publishVerdict(status: number, body: unknown): PublishVerdict {
  const b = (body ?? {}) as { status?: unknown; changed?: unknown; error?: unknown; errors?: unknown };
  const state = typeof b.status === 'string' ? b.status.toUpperCase() : undefined;
  if (state === 'DECLINED') return { kind: 'declined', exitCode: EXIT.FAILED };
  if (status === 422 || state === 'REJECTED') return { kind: 'rejected', exitCode: EXIT.FAILED };
  if (status === 202 || status === 409 || state === 'HELD') return { kind: 'held', exitCode: EXIT.FAILED };
  if (status >= 200 && status < 300)
    return { kind: b.changed === false ? 'unchanged' : 'live', exitCode: EXIT.OK };
  const error = typeof b.error === 'string' ? b.error : `HTTP ${status}`;
  return { kind: 'error', exitCode: EXIT.USAGE, error };
}
