import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '@safety/subgraph-kit';
import { printSchema } from 'graphql';
import { buildRegistrySchema, startRegistry } from './registry.js';

// `--emit-schema` (the build) writes the API's SDL for the admin app's codegen, as the subgraphs do.
if (process.argv.includes('--emit-schema')) {
  await writeFile(path.resolve('schema.graphql'), `${printSchema(await buildRegistrySchema())}\n`);
  process.exit(0);
}

const log = createLogger('registry');
const registry = await startRegistry({ log });

const shutdown = async (signal: string) => {
  log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => process.exit(1), 15_000);
  await registry.stop();
  clearTimeout(timer);
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
