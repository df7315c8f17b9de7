import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emergencySubgraph } from '@safety/service-emergency';
import { hazardSubgraph } from '@safety/service-hazard';
import { startRegistry } from '@safety/service-registry';
import { responsibilitySubgraph } from '@safety/service-responsibility';
import { supervisionSubgraph } from '@safety/service-supervision';
import { trainingSubgraph } from '@safety/service-training';
import { type SubgraphDefinition, type SubgraphRuntime, startSubgraph } from '@safety/subgraph-kit';
import { freshTestDatabase } from '@safety/subgraph-kit/testing';
import { type RunningGateway, startGateway } from '../src/index.js';

export const DEMO_PASSWORD = 'Minqin@2026';

/** The whole platform in one process: registry, five subgraphs on fresh databases, gateway. */
export interface Stack {
  registry: Awaited<ReturnType<typeof startRegistry>>;
  subgraphs: Record<string, SubgraphRuntime>;
  gateway: RunningGateway;
  graphqlUrl: string;
  authUrl: string;
  /** Where the gateway caches the supergraph it got from the registry. */
  gatewayCacheFile: string;
  start(definition: SubgraphDefinition, overrides?: { port?: number }): Promise<SubgraphRuntime>;
  waitForSupergraph(predicate: (sdl: string) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  process.env.SERVICE_SECRET ??= 'test-service-secret';
  const disposers: Array<() => Promise<void>> = [];
  const registryDb = await freshTestDatabase('registry');
  const registry = await startRegistry({ port: 0, ...registryDb.overrides });
  disposers.push(registryDb.dispose, () => registry.stop());

  const subgraphs: Record<string, SubgraphRuntime> = {};
  let authUrl = '';
  const start = async (definition: SubgraphDefinition, overrides: { port?: number } = {}) => {
    const db = await freshTestDatabase(definition.name);
    const runtime = await startSubgraph(definition, {
      port: overrides.port ?? 0,
      registryUrl: registry.url,
      authUrl: authUrl || undefined,
      serviceSecret: process.env.SERVICE_SECRET,
      ...db.overrides,
    });
    disposers.push(db.dispose, () => runtime.stop());
    subgraphs[definition.name] = runtime;
    return runtime;
  };
  const responsibility = await start(responsibilitySubgraph);
  authUrl = responsibility.baseUrl;
  await Promise.all(
    [supervisionSubgraph, hazardSubgraph, trainingSubgraph, emergencySubgraph].map((d) => start(d)),
  );

  const waitForSupergraph = async (predicate: (sdl: string) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await fetch(`${registry.url}/supergraph`);
      if (response.ok && predicate(await response.text())) return;
      if (Date.now() > deadline) throw new Error('supergraph did not reach the expected state');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await waitForSupergraph((sdl) =>
    ['responsibility', 'supervision', 'hazard', 'training', 'emergency'].every((n) =>
      sdl.includes(`name: "${n}"`),
    ),
  );

  const gatewayCacheFile = path.join(
    await mkdtemp(path.join(tmpdir(), 'gateway-cache-')),
    'supergraph.graphql',
  );
  const gateway = await startGateway({
    port: 0,
    supergraph: { kind: 'registry', registryUrl: registry.url, cacheFile: gatewayCacheFile },
    authUrl,
    pollIntervalMs: 500,
  });
  disposers.push(() => gateway.stop());

  return {
    registry,
    subgraphs,
    gateway,
    graphqlUrl: `${gateway.url}/graphql`,
    authUrl,
    gatewayCacheFile,
    start,
    waitForSupergraph,
    async stop() {
      for (const dispose of disposers.reverse()) await dispose().catch(() => {});
    },
  };
}
