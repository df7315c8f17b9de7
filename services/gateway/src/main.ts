import path from 'node:path';
import { parseArgs } from 'node:util';
import { startGateway } from './gateway.js';

// --supergraph <file> (or SUPERGRAPH_FILE) serves a static supergraph; otherwise the registry's, polled.
const { values } = parseArgs({ options: { supergraph: { type: 'string' } }, strict: false });
const file = (values.supergraph as string | undefined) ?? process.env.SUPERGRAPH_FILE;
const registryUrl = process.env.REGISTRY_URL ?? 'http://127.0.0.1:4001';
const dataDir = process.env.DATA_DIR ?? '.data';
const filesMaxBytes = Number(process.env.FILES_MAX_BYTES);
const gateway = await startGateway({
  port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  supergraph: file
    ? { kind: 'file', file: path.resolve(file) }
    : {
        kind: 'registry',
        registryUrl,
        cacheFile: path.resolve(dataDir, 'gateway', 'supergraph.graphql'),
      },
  authUrl: process.env.AUTH_URL ?? 'http://127.0.0.1:4101',
  pollIntervalMs: Number(process.env.SUPERGRAPH_POLL_MS ?? 5000),
  deduplicateSubgraphRequests: process.env.GATEWAY_DEDUPLICATE !== 'false',
  files: {
    dir: path.resolve(dataDir, 'files'),
    // FILES_MAX_BYTES overrides the 10 MiB default.
    maxBytes: Number.isSafeInteger(filesMaxBytes) && filesMaxBytes > 0 ? filesMaxBytes : undefined,
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await gateway.stop();
    process.exit(0);
  });
}
