// The whole platform in this process, as services/gateway/test/stack.ts starts it: registry, the
// five subgraphs on fresh databases, and the gateway. Not type-checked with the browser code.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emergencySubgraph } from '@safety/service-emergency';
import { startGateway } from '@safety/service-gateway';
import { hazardSubgraph } from '@safety/service-hazard';
import { startRegistry } from '@safety/service-registry';
import { responsibilitySubgraph } from '@safety/service-responsibility';
import { supervisionSubgraph } from '@safety/service-supervision';
import { trainingSubgraph } from '@safety/service-training';
import { type SubgraphDefinition, startSubgraph } from '@safety/subgraph-kit';
import { freshTestDatabase } from '@safety/subgraph-kit/testing';
import type { TestProject } from 'vitest/node';

const SUBGRAPHS = ['responsibility', 'supervision', 'hazard', 'training', 'emergency'];

export default async function startPlatform(project: TestProject) {
  process.env.SERVICE_SECRET ??= 'test-service-secret';
  const disposers: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const dispose of disposers.reverse()) await dispose().catch(() => {});
  };
  try {
    const registryDb = await freshTestDatabase('registry');
    const registry = await startRegistry({ port: 0, ...registryDb.overrides });
    disposers.push(registryDb.dispose, () => registry.stop());

    const start = async (definition: SubgraphDefinition, authUrl: string | undefined) => {
      const db = await freshTestDatabase(definition.name);
      const runtime = await startSubgraph(definition, {
        port: 0,
        registryUrl: registry.url,
        authUrl,
        serviceSecret: process.env.SERVICE_SECRET,
        ...db.overrides,
      });
      disposers.push(db.dispose, () => runtime.stop());
      return runtime;
    };
    const authUrl = (await start(responsibilitySubgraph, undefined)).baseUrl;
    await Promise.all(
      [supervisionSubgraph, hazardSubgraph, trainingSubgraph, emergencySubgraph].map((d) =>
        start(d, authUrl),
      ),
    );

    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(`${registry.url}/supergraph`);
      const sdl = response.ok ? await response.text() : '';
      if (SUBGRAPHS.every((name) => sdl.includes(`name: "${name}"`))) break;
      if (Date.now() > deadline) throw new Error('the registry did not compose all five subgraphs');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const cacheDir = await mkdtemp(path.join(tmpdir(), 'client-gateway-cache-'));
    const gateway = await startGateway({
      port: 0,
      supergraph: {
        kind: 'registry',
        registryUrl: registry.url,
        cacheFile: path.join(cacheDir, 'supergraph.graphql'),
      },
      authUrl,
      pollIntervalMs: 500,
      files: { dir: path.join(cacheDir, 'files') },
    });
    disposers.push(() => gateway.stop());
    project.provide('gatewayUrl', `${gateway.url}/graphql`);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
