#!/usr/bin/env node
// `pnpm bench`: direct subgraph vs our gateway (Hive Gateway runtime + Rust query planner) vs the
// Apollo Gateway baseline, on PostgreSQL, interleaved repetitions, reporting RPS, p50/p99 latency,
// gateway CPU ms per request and SQL statements per request. Gateways are pinned to CPU 1; the
// load generator and subgraphs run on CPU 0. Needs `pnpm build` and PostgreSQL server binaries.
// BENCH_SECONDS (default 10) and BENCH_REPS (default 3) set the length.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@theguild/federation-composition';
import autocannon from 'autocannon';
import { parse } from 'graphql';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const reps = Number(process.env.BENCH_REPS ?? 3);
const work = mkdtempSync(path.join(tmpdir(), 'safety-bench-'));
const children = [];
const pin = (cpu, args) =>
  hasTaskset() ? ['taskset', ['-c', String(cpu), ...args]] : [args[0], args.slice(1)];

function hasTaskset() {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function start(_name, cpu, args, env = {}) {
  const [file, argv] = pin(cpu, args);
  const child = spawn(file, argv, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function ready(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready: ${url}`);
}

function cpuMs(pid) {
  // utime + stime of the process (pinned gateway) in clock ticks of 10 ms.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(stat[11]) + Number(stat[12])) * 10;
}

function gatewayPid(child) {
  // Under taskset, the child execs node with the same pid.
  return child.pid;
}

async function post(url, query, token) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return r.json();
}

const cleanup = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

// PostgreSQL with pg_stat_statements, so we can count statements per request.
if (hasTaskset()) execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
const pgDir = path.join(work, 'pg');
const serverUrl = execFileSync(path.join(root, 'infra/postgres/start-local-cluster.sh'), [pgDir, '55499'], {
  env: {
    ...process.env,
    PG_EXTRA_OPTS: '-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all',
  },
  encoding: 'utf8',
}).trim();
process.on('exit', () => {
  try {
    execFileSync(path.join(root, 'infra/postgres/stop-local-cluster.sh'), [pgDir], { stdio: 'ignore' });
  } catch {}
});
const admin = new pg.Client(serverUrl);
await admin.connect();
await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

const common = {
  DATABASE_SERVER_URL: serverUrl,
  DATA_DIR: work,
  SERVICE_SECRET: 'bench',
  AUTH_URL: 'http://127.0.0.1:4201',
  NODE_ENV: 'production',
};
const subgraphs = [
  ['responsibility', 4201],
  ['supervision', 4203],
  ['hazard', 4202],
];
for (const [name, port] of subgraphs) {
  start(name, 0, ['node', `services/${name}/dist/main.js`], { ...common, PORT: String(port) });
}
for (const [, port] of subgraphs) await ready(`http://127.0.0.1:${port}/readyz`);

const composed = composeServices(
  subgraphs.map(([name, port]) => ({
    name,
    typeDefs: parse(readFileSync(path.join(root, `services/${name}/schema.graphql`), 'utf8')),
    url: `http://127.0.0.1:${port}/graphql`,
  })),
);
if (!composed.supergraphSdl) throw new Error(JSON.stringify(composed.errors));
const supergraphFile = path.join(work, 'supergraph.graphql');
writeFileSync(supergraphFile, composed.supergraphSdl);

// In-flight deduplication off: with one repeated query it would make the load test flatter than real traffic.
const hive = start('hive', 1, ['node', 'services/gateway/dist/main.js', '--supergraph', supergraphFile], {
  ...common,
  PORT: '4200',
  GATEWAY_DEDUPLICATE: 'false',
});
const apollo = start('apollo', 1, ['node', 'bench/apollo-gateway.mjs', supergraphFile, '4299'], common);
await ready('http://127.0.0.1:4200/readyz');
await ready('http://127.0.0.1:4299/.well-known/apollo/server-health').catch(() =>
  ready('http://127.0.0.1:4299/?query=%7B__typename%7D'),
);

const login = await post(
  'http://127.0.0.1:4201/graphql',
  'mutation { login(username: "saco.demo", password: "Minqin@2026") { accessToken } }',
  '',
);
const token = login.data.login.accessToken;

const QUERIES = {
  'enterprises (one subgraph)': '{ enterprises(first: 50) { nodes { id name industryCode townshipCode } } }',
  'enterprises × hazards (two subgraphs)':
    '{ enterprises(first: 50) { nodes { id name hazards(first: 5) { totalCount nodes { code grade status } } } } }',
};
const TARGETS = [
  { name: 'direct subgraph', url: 'http://127.0.0.1:4203/graphql', only: 'enterprises (one subgraph)' },
  { name: 'our gateway (Hive + Rust planner)', url: 'http://127.0.0.1:4200/graphql', pid: gatewayPid(hive) },
  { name: 'Apollo Gateway 2.14 (baseline)', url: 'http://127.0.0.1:4299/graphql', pid: gatewayPid(apollo) },
];

async function statements() {
  const { rows } = await admin.query(
    `SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname LIKE 'safety_%' AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pgboss%'`,
  );
  return rows[0].n;
}

const results = [];
for (const [queryName, query] of Object.entries(QUERIES)) {
  for (const target of TARGETS) {
    if (target.only && target.only !== queryName) continue;
    const check = await post(target.url, query, token);
    if (check.errors) throw new Error(`${target.name} / ${queryName}: ${JSON.stringify(check.errors)}`);
  }
}
for (let rep = 1; rep <= reps; rep++) {
  for (const [queryName, query] of Object.entries(QUERIES)) {
    for (const target of TARGETS) {
      if (target.only && target.only !== queryName) continue;
      await admin.query('SELECT pg_stat_statements_reset()');
      const cpuBefore = target.pid ? cpuMs(target.pid) : 0;
      const result = await autocannon({
        url: target.url,
        connections: 20,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const cpu = target.pid ? cpuMs(target.pid) - cpuBefore : null;
      const sql = await statements();
      const requests = result.requests.total;
      results.push({
        rep,
        query: queryName,
        target: target.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpuMsPerRequest: cpu === null ? null : cpu / requests,
        sqlPerRequest: sql / requests,
        non2xx: result.non2xx + result.errors,
      });
      console.error(`rep ${rep} · ${queryName} · ${target.name}: ${result.requests.average} rps`);
    }
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};
const fmt = (v, digits = 1) => (v === null ? '—' : v.toFixed(digits));
console.log(
  `\nMedians of ${reps} interleaved runs × ${seconds} s, 20 connections, gateways pinned to CPU 1\n`,
);
console.log('| query | target | RPS | p50 ms | p99 ms | gateway CPU ms/req | SQL statements/req | errors |');
console.log('|---|---|---|---|---|---|---|---|');
for (const queryName of Object.keys(QUERIES)) {
  const byTarget = {};
  for (const target of TARGETS) {
    const rows = results.filter((r) => r.query === queryName && r.target === target.name);
    if (!rows.length) continue;
    const m = (key) => median(rows.map((r) => r[key]));
    byTarget[target.name] = m('rps');
    console.log(
      `| ${queryName} | ${target.name} | ${fmt(m('rps'), 0)} | ${fmt(m('p50'))} | ${fmt(m('p99'))} | ${fmt(m('cpuMsPerRequest'), 2)} | ${fmt(m('sqlPerRequest'), 1)} | ${rows.reduce((s, r) => s + r.non2xx, 0)} |`,
    );
  }
  const ours = byTarget['our gateway (Hive + Rust planner)'];
  const apolloRps = byTarget['Apollo Gateway 2.14 (baseline)'];
  const direct = byTarget['direct subgraph'];
  console.log(
    `| ${queryName} | ratios | ours/Apollo ${fmt(ours / apolloRps, 2)}${direct ? `, ours/direct ${fmt(ours / direct, 2)}` : ''} | | | | | |`,
  );
}
await admin.end();
process.exit(0);
