export { GatewayErrorCode } from './errors.js';
export {
  createFilesHandler,
  DEFAULT_FILES_MAX_BYTES,
  type FileInfo,
  type FileStore,
  LocalFileStore,
} from './files/index.js';
export { type GatewayOptions, type RunningGateway, startGateway } from './gateway.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';
export type { SupergraphSource } from './supergraph-source.js';
