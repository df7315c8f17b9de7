import { createLogger } from '@safety/subgraph-kit';
import { startRegistry } from './registry.js';

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
