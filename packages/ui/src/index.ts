// The only public entry of @safety/ui.
export * from './app-layout/index.js';
export * from './apply-server-errors/index.js';
export * from './chart/index.js';
export * from './county-map/index.js';
export * from './deadline-badge/index.js';
export * from './empty-state/index.js';
export * from './file-upload/index.js';
export * from './i18n/index.js';
export * from './risk-level-tag/index.js';
export * from './safety-provider/index.js';
export * from './server-table/index.js';
export * from './status-tag/index.js';
export * from './status-timeline/index.js';
export {
  type DateInput,
  formatShanghaiDate,
  formatShanghaiDateTime,
  shanghaiDayNumber,
} from './time/shanghai.js';
