import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type CheckResult, checkSubgraph, type SubgraphSource } from '../checks/index.js';
import { composeSupergraph } from '../supergraphs/composition.js';
import {
  type CliOptions,
  EXIT,
  parseArgs,
  publishVerdict,
  USAGE,
  type Verdict,
  verdict,
} from './cli.rules.js';
import { formatCheck, type Paint, paint } from './format.js';
import { appDocuments, approvalsOf, baselines, repoRoot, UsageError, workingTree } from './offline.js';
import { publish, remoteCheck, UnreachableError } from './remote.js';

/**
 * `pnpm schema:check <service>... | --all` and `pnpm schema:publish <service>`: exit 0 when it
 * passes, 1 on breaking changes without approval / a held publish / composition errors, 2 on a
 * usage error or an unreachable registry.
 */
async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, process.env);
  if (!parsed.ok) {
    console.error(`schema: ${parsed.error}\n${USAGE}`);
    return EXIT.USAGE;
  }
  const options = parsed.options;
  const root = options.root ? path.resolve(options.root) : repoRoot(process.cwd());
  const p = paint(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  const subgraphs = workingTree(root);
  const names = options.services === 'all' ? subgraphs.map((s) => s.name) : options.services;
  const proposed = names.map((name) => {
    const found = subgraphs.find((s) => s.name === name);
    if (!found) throw new UsageError(`services/${name}/schema.graphql is not a Federation subgraph SDL`);
    return found;
  });
  if (!proposed.length) throw new UsageError(`no subgraph SDLs under ${root}/services`);
  if (options.command === 'publish') return publishOne(options, root, proposed[0], p);
  return options.offline ? checkOffline(options, root, proposed, p) : checkOnline(options, proposed, p);
}

async function checkOffline(options: CliOptions, root: string, proposed: SubgraphSource[], p: Paint) {
  const base = baselines(root, options);
  const live = composeSupergraph(base.live);
  if (!live.ok) throw new UsageError(`the baselines at ${base.label} do not compose`);
  if (!options.json) {
    console.log(p.dim(`schema:check offline against ${base.label}`));
    if (base.note) console.log(p.dim(base.note));
  }
  const documents = appDocuments(root);
  const reports = [];
  let exitCode: number = EXIT.OK;
  for (const subgraph of proposed) {
    const approvals = approvalsOf(root, subgraph.name);
    const unchanged = base.live.find((s) => s.name === subgraph.name)?.sdl === subgraph.sdl;
    const result: CheckResult = unchanged
      ? {
          composes: true,
          errors: [],
          supergraphSdl: live.supergraphSdl,
          changes: [],
          breaking: false,
          brokenDocuments: [],
        }
      : await checkSubgraph({
          live: base.live,
          liveSupergraphSdl: live.supergraphSdl,
          proposed: subgraph,
          documents,
        });
    const judged = verdict(result, approvals);
    exitCode = Math.max(exitCode, judged.exitCode);
    reports.push(report(subgraph.name, result, judged));
    if (!options.json) console.log(formatCheck(subgraph.name, result, judged, approvals, p, options.verbose));
  }
  if (options.json) console.log(JSON.stringify({ base: base.label, services: reports }, null, 2));
  return exitCode;
}

async function checkOnline(options: CliOptions, proposed: SubgraphSource[], p: Paint) {
  if (!options.json) console.log(p.dim(`schema:check against ${options.registryUrl}`));
  const reports = [];
  let exitCode: number = EXIT.OK;
  for (const subgraph of proposed) {
    const result = await remoteCheck(options, subgraph.name, subgraph.sdl);
    // The registry's verdict stands: its approvals are the ones that count for a publish.
    const judged = verdict(result, []);
    exitCode = Math.max(exitCode, judged.exitCode);
    reports.push(report(subgraph.name, result, judged));
    if (!options.json) console.log(formatCheck(subgraph.name, result, judged, [], p, options.verbose));
  }
  if (options.json)
    console.log(JSON.stringify({ registry: options.registryUrl, services: reports }, null, 2));
  return exitCode;
}

async function publishOne(options: CliOptions, root: string, subgraph: SubgraphSource, p: Paint) {
  const answer = await publish(options, subgraph.name, subgraph.sdl, {
    publishedBy: process.env.SCHEMA_PUBLISHED_BY || process.env.USER || null,
    commit: headCommit(root),
  });
  const outcome = publishVerdict(answer.status, answer.body);
  if (options.json) {
    console.log(
      JSON.stringify({ service: subgraph.name, outcome: outcome.kind, answer: answer.body }, null, 2),
    );
    return outcome.exitCode;
  }
  const body = answer.body ?? {};
  switch (outcome.kind) {
    case 'live':
      console.log(p.green(`✓ ${subgraph.name}: published, live${versionText(body)}`));
      break;
    case 'unchanged':
      console.log(p.green(`✓ ${subgraph.name}: unchanged, already live${versionText(body)}`));
      break;
    case 'held': {
      console.log(p.yellow(`✗ ${subgraph.name}: held until an admin approves it${versionText(body)}`));
      const changes = body.changes ?? [];
      const result = {
        composes: true,
        errors: [],
        supergraphSdl: null,
        changes,
        breaking: true,
        brokenDocuments: [],
      };
      console.log(formatCheck(subgraph.name, result, verdict(result, []), [], p));
      break;
    }
    case 'declined':
      console.log(p.red(`✗ ${subgraph.name}: this SDL was declined by an admin${versionText(body)}`));
      for (const error of body.errors ?? []) console.log(`  ${error.message}`);
      break;
    case 'rejected': {
      const result = {
        composes: false,
        errors: body.errors ?? [],
        supergraphSdl: null,
        changes: [],
        breaking: false,
        brokenDocuments: [],
      };
      console.log(formatCheck(subgraph.name, result, verdict(result, []), [], p));
      break;
    }
    case 'error':
      console.error(`schema: ${outcome.error}`);
  }
  return outcome.exitCode;
}

function report(service: string, result: CheckResult, judged: Verdict) {
  const { supergraphSdl: _omitted, ...rest } = result;
  return { service, passed: judged.exitCode === EXIT.OK, ...rest };
}

function versionText(body: Record<string, unknown>): string {
  const parts = [];
  if (typeof body.version === 'number') parts.push(`version ${body.version}`);
  if (typeof body.supergraphVersion === 'number') parts.push(`supergraph ${body.supergraphVersion}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function headCommit(root: string): string | null {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const known = error instanceof UsageError || error instanceof UnreachableError;
    console.error(`schema: ${known ? error.message : (error as Error).stack}`);
    process.exitCode = EXIT.USAGE;
  },
);
